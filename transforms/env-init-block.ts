// Declares the script's environment inputs once, at the top, in a block a re-run updates in place.

import type { Finding, Transform } from '../src/edit/index.js';
import { renderBlock } from '../src/edit/index.js';

const transform: Transform = {
  name: 'env-init-block',
  meta: {
    description: 'Insert (or update) one block near the top that gives every environment input a default.',
  },
  run(plan, options) {
    const site = plan.site;
    if (site.kind === 'malformed' || plan.options.style !== 'block') return { edits: [], findings: [] };
    const existing = site.kind === 'existing' ? site.block : null;
    if (plan.blockNames.length === 0 && !existing) return { edits: [], findings: [] };
    const required = new Set(plan.options.required);
    let text = renderBlock({ names: plan.blockNames, defaults: options.defaults, required, existing, eol: site.eol });
    const start = existing ? existing.start : site.kind === 'new' ? site.at : 0;
    const end = existing ? existing.end : start;
    if (existing) {
      if (text === plan.text.slice(start, end)) return { edits: [], findings: [] };
    } else if (site.kind === 'new') {
      const before = site.at > 0 && plan.text[site.at - 1] !== '\n' ? site.eol : '';
      text = `${before}${site.blankBefore ? site.eol : ''}${text}${site.blankAfter ? site.eol : ''}`;
    }
    const added = plan.blockNames.filter((n) => !existing?.entries.some((e) => e.name === n));
    const list = (names: readonly string[]): string => names.join(', ');
    const reason = existing
      ? `adds ${list(added)} to the env-init block: read before any assignment in this file, so they come from the environment`
      : `declares the environment inputs ${list(plan.blockNames)} once at the top: each is read before any assignment in this file, so under set -u an unset one would stop the script; the block gives each a default (empty unless configured) and keeps any value the environment sets`;
    // Known limit: a shell that keeps `\r` (bash, dash on Linux) reads each block line's value
    // with a trailing `\r`; the script's own lines have the same problem there. Say so.
    const findings: Finding[] =
      site.eol === '\r\n'
        ? [
            {
              start,
              severity: 'info',
              code: 'crlf-script',
              message:
                'this script has CRLF line endings, and the env-init block is written with them: run it with a shell that ignores \\r (Cygwin, MSYS); bash and dash on Linux would read each value with a trailing \\r',
            },
          ]
        : [];
    return {
      edits: [{ start, end, changes: [{ start, end, text }], kind: 'env-init-block', variable: null, reason }],
      findings,
    };
  },
};

export default transform;
