// quoteDefault, asked of the installed shells: `${UNSET:-<quoted value>}` must expand to exactly the
// value in a bare word, an assignment, double quotes and a here-document, under bash, bash --posix
// (a `#!/bin/sh` script may run under either) and dash.

import assert from 'node:assert/strict';
import { isQuotableDefault, quoteDefault } from '../../src/edit/quote.js';
import { mapLimit, PARALLEL_SHELLS, runShell, type ShellName, type ShellRun } from '../support/shells.js';

/** Values a user may configure as defaults. Files named `a`, `x`, `a1` and `b.sh` exist in the
 * working directory and HOME points elsewhere, so an unwanted glob or tilde expansion shows. */
const VALUES: readonly string[] = [
  '',
  'x',
  'a b',
  'a  b',
  ' lead',
  'trail ',
  'a\tb',
  '/opt/kata',
  '$HOME',
  '$',
  'a$',
  '$Y',
  '$(echo hi)',
  'a`b`',
  '*',
  '*.sh',
  '?',
  '[a]',
  '{a,b',
  '~',
  '~/x',
  '~x',
  'x~',
  'x=y',
  '-n',
  '--',
  '%s',
  '100%',
  'a,b',
  'a;b',
  'a|b',
  '&',
  '#x',
  'a#b',
  '!x',
  '(x)',
  '<x>',
  'é',
];

/** Characters isQuotableDefault must refuse. */
const REFUSED: readonly string[] = ["it's", 'say "hi"', 'a}b', 'C:\\dir', 'two\nlines', 'cr\r'];

interface Context {
  readonly name: string;
  readonly quoting: 'unquoted' | 'double' | 'heredoc';
  /** Script text printing `[value]` for the defaulted expansion `word`. */
  readonly render: (word: string) => string;
}

const CONTEXTS: readonly Context[] = [
  { name: 'assignment', quoting: 'unquoted', render: (w) => `v=${w}; printf '[%s]' "$v"` },
  { name: 'bare argument', quoting: 'unquoted', render: (w) => `printf '[%s]' ${w}` },
  { name: 'double quotes', quoting: 'double', render: (w) => `printf '[%s]' "${w}"` },
  { name: 'here-document', quoting: 'heredoc', render: (w) => `cat <<EOF\n[${w}]\nEOF` },
];

interface Runner {
  readonly label: string;
  readonly shell: ShellName;
  readonly shellOptions: readonly string[];
}

const RUNNERS: readonly Runner[] = [
  { label: 'bash', shell: 'bash', shellOptions: [] },
  { label: 'bash --posix', shell: 'bash', shellOptions: ['--posix'] },
  { label: 'dash', shell: 'dash', shellOptions: [] },
];

const MARK = '#context ';

/** One script per value: each context prints a marker line, then its result on one line. */
function scriptFor(value: string): string {
  const lines = ['set -u', ': > a; : > x; : > a1; : > b.sh'];
  for (const c of CONTEXTS) {
    const word = `\${UNSET_X:-${quoteDefault(value, c.quoting)}}`;
    lines.push(`printf '%s\\n' '${MARK}${c.name}'`, c.render(word));
    if (c.quoting !== 'heredoc') lines.push('echo');
  }
  return `${lines.join('\n')}\n`;
}

/** Context name → the line it printed. */
function sections(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | null = null;
  for (const line of stdout.split('\n')) {
    if (line.startsWith(MARK)) current = line.slice(MARK.length);
    else if (current !== null) {
      out.set(current, line);
      current = null;
    }
  }
  return out;
}

describe('edit/quote: configured defaults expand to exactly the value in bash, bash --posix and dash', () => {
  const runs = new Map<string, ShellRun>();
  const key = (runner: Runner, value: string): string => `${runner.label}\0${value}`;

  before(async function () {
    this.timeout(60_000);
    const jobs = VALUES.flatMap((value) => RUNNERS.map((runner) => ({ runner, value })));
    const results = await mapLimit(jobs, PARALLEL_SHELLS, ({ runner, value }) =>
      runShell({
        shell: runner.shell,
        shellOptions: runner.shellOptions,
        script: scriptFor(value),
        env: { HOME: '/nonexistent-home' },
      }),
    );
    jobs.forEach((j, i) => {
      runs.set(key(j.runner, j.value), results[i] as ShellRun);
    });
  });

  for (const value of VALUES) {
    describe(`value ${JSON.stringify(value)}`, () => {
      it('is quotable', () => assert.equal(isQuotableDefault(value), true));
      for (const c of CONTEXTS) {
        it(`${c.name}: \${UNSET_X:-${quoteDefault(value, c.quoting)}}`, () => {
          for (const runner of RUNNERS) {
            const r = runs.get(key(runner, value));
            assert.ok(r, 'no run recorded');
            const where = `${runner.label}, ${c.name}; script:\n${scriptFor(value)}stderr: ${r.stderr}`;
            assert.equal(sections(r.stdout).get(c.name), `[${value}]`, where);
            assert.equal(r.stderr, '', where);
            assert.equal(r.status, 0, where);
          }
        });
      }
    });
  }

  describe('isQuotableDefault refuses quotes, braces, backslashes and line breaks', () => {
    for (const value of REFUSED) {
      it(JSON.stringify(value), () => assert.equal(isQuotableDefault(value), false));
    }
  });
});
