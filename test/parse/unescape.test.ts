// Quote removal inside double quotes, as bash and dash do it: the answer literalValue, the sourced
// path reader and the contract's defaults all take from unescapeDoubleQuoted.

import assert from 'node:assert/strict';
import { unescapeDoubleQuoted } from '../../src/parse/index.js';
import { runShell, type ShellName } from '../support/shells.js';
import { UNIT_TIER } from '../support/tier.js';

// The text between the double quotes, as written in the script.
const CASES = ['plain', 'a\\$b', 'a\\`b', 'a\\"b', 'a\\\\b', 'a\\qb', 'a\\\nb', 'a\\\\\nb', 'a\\\\\\\nb', '\\\\\\$'];

describe('parse: unescapeDoubleQuoted', () => {
  it('removes a backslash only before $ ` " \\ and a newline, in one pass', () => {
    assert.equal(unescapeDoubleQuoted('a\\\\\nb'), 'a\\\nb');
    assert.equal(unescapeDoubleQuoted('a\\\nb'), 'ab');
    assert.equal(unescapeDoubleQuoted('a\\qb'), 'a\\qb');
  });

  if (UNIT_TIER) return;
  for (const shell of ['bash', 'dash'] as ShellName[]) {
    it(`agrees with ${shell} on ${CASES.length} strings`, async () => {
      for (const inner of CASES) {
        const r = await runShell({ shell, script: `printf '%s' "${inner}"\n`, env: {} });
        assert.equal(unescapeDoubleQuoted(inner), r.stdout, `${shell}: ${JSON.stringify(inner)}`);
      }
    });
  }
});
