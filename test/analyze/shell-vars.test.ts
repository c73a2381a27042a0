// The always-set tables, asked of the installed shells: every name a table lists is set by that
// shell under `env -i` and `-u`, and the names the tables leave out do stop a `-u` script.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  BASH_ALWAYS_SET,
  BASH_SINCE,
  BASH_UNSET_IN_FUNCTIONS,
  BASH_UNSET_WHEN_PIPED,
  DASH_ALWAYS_SET,
  isAlwaysSet,
  KSH_ALWAYS_SET,
} from '../../src/analyze/shell-vars.js';
import type { Dialect } from '../../src/parse/ast.js';
import {
  findShell,
  mapLimit,
  NOUNSET_MESSAGE,
  type OptionalShellName,
  PARALLEL_SHELLS,
  runShell,
  type ShellName,
  type ShellRun,
} from '../support/shells.js';

const SHELLS: readonly ShellName[] = ['bash', 'dash'];

/** The dialect whose table a shell's answer checks: a POSIX script may run under dash. */
const DIALECT: Readonly<Record<ShellName, Dialect>> = { bash: 'bash', dash: 'posix' };

/** Names that are not set in a script started with an empty environment, per shell. */
const NOT_SET: Readonly<Record<ShellName, readonly string[]>> = (() => {
  const both = [
    'HOME',
    'USER',
    'LOGNAME',
    'TMPDIR',
    'COLUMNS',
    'LINES',
    'OLDPWD',
    'FUNCNAME',
    'BASH_REMATCH',
    'PIPESTATUS',
    'REPLY',
    'OPTARG',
    'LANG',
  ];
  return {
    // bash sets PS1 only in interactive shells.
    bash: [...both, 'PS1'],
    // dash sets neither TERM nor SHELL, and this dash build has no LINENO at all.
    dash: [...both, 'TERM', 'SHELL', 'LINENO'],
  };
})();

/** `$@ $* $# $? $$ $- $0`: -u never stops on these. */
const SPECIALS_NEVER_UNSET = ['@', '*', '#', '?', '$', '-', '0'];

const ARITH_SCRIPT = 'echo "$(( u + 1 ))"\n';

interface Probe {
  readonly key: string;
  readonly shell: ShellName;
  readonly script: string;
}

const probeKey = (shell: ShellName, script: string): string => `${shell}\0${script}`;
const readScript = (name: string): string => `echo "\${${name}}"\n`;

function probesFor(): Probe[] {
  const scripts = new Set<string>();
  for (const name of [...BASH_ALWAYS_SET, ...DASH_ALWAYS_SET, ...NOT_SET.bash, ...NOT_SET.dash])
    scripts.add(readScript(name));
  for (const special of [...SPECIALS_NEVER_UNSET, '!']) scripts.add(`echo "$${special}"\n`);
  scripts.add(ARITH_SCRIPT);
  const probes: Probe[] = [];
  for (const shell of SHELLS)
    for (const script of [...scripts].sort()) probes.push({ key: probeKey(shell, script), shell, script });
  return probes;
}

describe('analyze/shell-vars: the always-set tables asked of bash and dash (env -i, -u)', () => {
  const runs = new Map<string, ShellRun>();

  before(async function () {
    this.timeout(60_000);
    const probes = probesFor();
    const results = await mapLimit(probes, PARALLEL_SHELLS, (p) =>
      runShell({ shell: p.shell, script: p.script, env: {}, shellOptions: ['-u'], inheritPath: false }),
    );
    probes.forEach((p, i) => {
      runs.set(p.key, results[i] as ShellRun);
    });
  });

  const run = (shell: ShellName, script: string): ShellRun => {
    const r = runs.get(probeKey(shell, script));
    assert.ok(r, `no run recorded for ${shell}: ${script}`);
    return r;
  };
  const sets = (shell: ShellName, name: string): boolean => run(shell, readScript(name)).status === 0;
  const describeRun = (r: ShellRun): string =>
    `status ${r.status}, stdout ${JSON.stringify(r.stdout)}, stderr ${JSON.stringify(r.stderr)}`;

  describe('every listed name is set by its shell', () => {
    for (const [shell, table] of [
      ['bash', BASH_ALWAYS_SET],
      ['dash', DASH_ALWAYS_SET],
    ] as const) {
      for (const name of table) {
        it(`${shell} sets ${name}`, () => {
          const r = run(shell, readScript(name));
          assert.equal(r.status, 0, `${shell} -u stopped on \${${name}}: ${describeRun(r)}`);
          assert.equal(r.stderr, '');
        });
      }
    }
  });

  describe("isAlwaysSet matches the shells: 'bash' = set by bash, 'posix' = set by both", () => {
    const names = [...new Set([...BASH_ALWAYS_SET, ...DASH_ALWAYS_SET, ...NOT_SET.bash, ...NOT_SET.dash])].sort();
    for (const name of names) {
      it(name, () => {
        assert.equal(isAlwaysSet(name, 'bash'), sets('bash', name), `isAlwaysSet(${name}, 'bash')`);
        assert.equal(
          isAlwaysSet(name, 'posix'),
          sets('bash', name) && sets('dash', name),
          `isAlwaysSet(${name}, 'posix')`,
        );
      });
    }
  });

  describe('names that are not always set stop a -u script', () => {
    for (const shell of SHELLS) {
      for (const name of NOT_SET[shell]) {
        it(`${shell}: ${name}`, () => {
          const r = run(shell, readScript(name));
          assert.notEqual(r.status, 0, `${shell} -u did not stop on \${${name}}: ${describeRun(r)}`);
          assert.ok(r.stderr.includes(`${name}: ${NOUNSET_MESSAGE[shell]}`), describeRun(r));
          assert.equal(isAlwaysSet(name, DIALECT[shell]), false);
        });
      }
    }
  });

  describe('special parameters', () => {
    for (const shell of SHELLS) {
      it(`${shell}: $! stops -u before any background job`, () => {
        const r = run(shell, 'echo "$!"\n');
        assert.notEqual(r.status, 0, describeRun(r));
        assert.ok(r.stderr.includes(NOUNSET_MESSAGE[shell]), describeRun(r));
      });
      for (const special of SPECIALS_NEVER_UNSET) {
        it(`${shell}: $${special} never stops -u`, () => {
          const r = run(shell, `echo "$${special}"\n`);
          assert.equal(r.status, 0, describeRun(r));
          assert.equal(r.stderr, '');
        });
      }
    }
  });

  describe('arithmetic', () => {
    it('bash -u stops on an unset name in $(( u + 1 )); dash -u reads it as 0', () => {
      const bash = run('bash', ARITH_SCRIPT);
      assert.notEqual(bash.status, 0, describeRun(bash));
      assert.ok(bash.stderr.includes(`u: ${NOUNSET_MESSAGE.bash}`), describeRun(bash));
      const dash = run('dash', ARITH_SCRIPT);
      assert.deepEqual(
        { status: dash.status, stdout: dash.stdout, stderr: dash.stderr },
        { status: 0, stdout: '1\n', stderr: '' },
      );
    });
  });
});

describe('analyze/shell-vars: where bash leaves names of its table unset (env -i)', () => {
  // Prints the names of the table that are unset where it runs, one per line.
  const probe = BASH_ALWAYS_SET.map((n) => `[ -n "\${${n}+x}" ] || echo ${n}`).join('\n');
  const unsetBy = (args: string[], input?: string): string[] => {
    const bash = findShell('bash');
    assert.ok(bash, 'bash is installed');
    // Without input, stdin is /dev/null: on a socket (what a pipe from node is) bash takes itself
    // for a remote shell and reads a startup file, which runs a `source`.
    const r = spawnSync(bash, args, {
      ...(input === undefined ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input }),
      env: {},
      encoding: 'utf8',
      timeout: 10_000,
    });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.split('\n').filter((l) => l !== '');
  };

  it('at the top level of a script read from stdin or given with -c: BASH_UNSET_WHEN_PIPED', () => {
    assert.deepEqual(unsetBy(['-s'], `${probe}\n`), [...BASH_UNSET_WHEN_PIPED]);
    assert.deepEqual(unsetBy(['-c', probe]), [...BASH_UNSET_WHEN_PIPED]);
  });

  // BASH_ARGC is there once the script has run a `source` or read it at its top level: it may be
  // unset in a function, which is all a default needs.
  it('while a function runs, in a script from a file or from -c: BASH_UNSET_IN_FUNCTIONS', () => {
    const inFunction = `f() {\n${probe}\n}\nf a b\n`;
    const dir = mkdtempSync(join(tmpdir(), 'nounset-vars-'));
    try {
      const file = join(dir, 'f.sh');
      writeFileSync(file, inFunction);
      assert.deepEqual(unsetBy([file]), [...BASH_UNSET_IN_FUNCTIONS]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(unsetBy(['-c', inFunction]), [...BASH_UNSET_IN_FUNCTIONS]);
  });

  it('a file sourced by a script read from stdin has BASH_SOURCE and BASH_LINENO at its top level', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nounset-vars-'));
    try {
      const file = join(dir, 'lib.sh');
      writeFileSync(file, `${probe}\n`);
      assert.deepEqual(unsetBy(['-s'], `. '${file}'\n`), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("analyze/shell-vars: the release that added each name, from bash's NEWS", () => {
  // NEWS lists each release's new features, newest first; an item says "a new variable" or
  // "There is an X variable". No older bash is installed to ask, so its own record is read.
  const NEWS = '/usr/share/doc/bash/NEWS.gz';
  const introduced = (): Map<string, string> => {
    const text = gunzipSync(readFileSync(NEWS)).toString('utf8');
    const found = new Map<string, string>();
    let release = '';
    // Items are paragraphs headed `a.`, `bb.`...: a name and "new variable" in one item.
    for (const item of text.split(/\n(?=\s*[a-z]{1,3}\.\s)|\n(?=This is a terse description)/)) {
      const head = /^This is a terse description of the new features added to bash-([\d.]+)/.exec(item);
      if (head) release = head[1] as string;
      for (const name of BASH_ALWAYS_SET) {
        const own = new RegExp(`\\b${name}\\b`);
        if (own.test(item) && /new variable|There is an? \$?\w+ variable/.test(item)) found.set(name, release);
      }
    }
    return found;
  };

  it('BASH_SINCE is the release whose NEWS introduces each name; no other name is newer than 3.2', function () {
    if (!existsSync(NEWS)) this.skip();
    const fromNews = introduced();
    for (const [name, since] of Object.entries(BASH_SINCE)) assert.equal(fromNews.get(name), since, name);
    const newer = [...fromNews].filter(([name, r]) => BASH_SINCE[name] === undefined && Number(r) > 3.2);
    assert.deepEqual(newer, []);
  });
});

// ksh is not required: each installed ksh is asked, the others are skipped.
describe('analyze/shell-vars: the ksh table (env -i, -u), asked of each ksh installed', () => {
  it('lists only names bash sets too (a ksh script is read as bash)', () => {
    assert.deepEqual(
      KSH_ALWAYS_SET.filter((n) => !BASH_ALWAYS_SET.includes(n)),
      [],
    );
    for (const n of KSH_ALWAYS_SET) assert.ok(isAlwaysSet(n, 'bash', 'ksh'), n);
  });

  it('a ksh script counts on no other name bash sets', () => {
    for (const n of ['_', 'PATH', 'SHELL', 'BASH_VERSION', 'HOSTNAME', 'TERM'])
      assert.equal(isAlwaysSet(n, 'bash', 'ksh'), false, n);
    assert.equal(
      isAlwaysSet('LINENO', 'posix', 'ksh'),
      false,
      'a ksh script forced to POSIX gets what both tables give',
    );
  });

  for (const shell of ['ksh', 'ksh93', 'mksh'] as const satisfies readonly OptionalShellName[]) {
    it(`${shell}, when installed, sets every listed name`, async function () {
      if (findShell(shell) === null) this.skip();
      const runs = await mapLimit(KSH_ALWAYS_SET, PARALLEL_SHELLS, (name) =>
        runShell({ shell, script: readScript(name), env: {}, shellOptions: ['-u'], inheritPath: false }),
      );
      const unset = KSH_ALWAYS_SET.filter((_, i) => runs[i]?.status !== 0);
      assert.deepEqual(unset, [], `${shell} -u stopped on these`);
    });
  }
});
