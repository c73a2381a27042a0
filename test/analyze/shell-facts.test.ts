// The shell facts the analysis is built on, asked of bash and dash (and of ksh when installed): which reads stop a `-u`
// script and which constructs assign. A table typed from memory could be wrong; the shells are not.

import assert from 'node:assert/strict';
import { CODE_BUILTINS } from '../../src/fix/printed-code.js';
import {
  findShell,
  mapLimit,
  type OptionalShellName,
  PARALLEL_SHELLS,
  runShell,
  type ShellName,
} from '../support/shells.js';

interface Fact {
  readonly what: string;
  readonly script: string;
  readonly shells: readonly ShellName[];
  /** True when `-u` stops the script (exit status non-zero, no `ok` printed). */
  readonly stops: boolean;
}

const FACTS: readonly Fact[] = [
  {
    what: '`local x` without a value leaves x unset',
    script: 'f() { local x; echo "$x"; }; f; echo ok',
    shells: ['bash', 'dash'],
    stops: true,
  },
  {
    what: '`export X` without a value leaves X unset',
    script: 'export X; echo "$X"; echo ok',
    shells: ['bash', 'dash'],
    stops: true,
  },
  {
    what: '`X=1 cmd` sets X for cmd only',
    script: 'X=1 true; echo "$X"; echo ok',
    shells: ['bash', 'dash'],
    stops: true,
  },
  {
    what: '`unset X` makes X unset again',
    script: 'X=1; unset X; echo "$X"; echo ok',
    shells: ['bash', 'dash'],
    stops: true,
  },
  {
    what: '`unset IFS` unsets even a variable the shell always sets',
    script: 'unset IFS; echo "$IFS"; echo ok',
    shells: ['bash', 'dash'],
    stops: true,
  },
  {
    what: '`X="$X:more"` reads X before assigning it',
    script: 'X="$X:more"; echo ok',
    shells: ['bash', 'dash'],
    stops: true,
  },
  { what: '`(( x++ ))` reads x', script: '(( x++ )); echo ok', shells: ['bash'], stops: true },
  { what: '`(( x = 3 ))` does not read x', script: '(( x = 3 )); echo "$x"; echo ok', shells: ['bash'], stops: false },
  {
    what: '`x+=a` appends to an unset x without reading it',
    script: 'x+=a; echo "$x"; echo ok',
    shells: ['bash'],
    stops: false,
  },
  { what: '`${#a[@]}` of an unset array stops', script: 'echo "${#a[@]}"; echo ok', shells: ['bash'], stops: true },
  {
    // So the env-init block's `a="${a:-}"` cannot cover it (plan.ts: needsArray).
    what: '`${#a[@]}` of a plain variable stops, even an empty one (bash 5.2)',
    script: 'a=; echo "${#a[@]}"; echo ok',
    shells: ['bash'],
    stops: true,
  },
  {
    what: '`"${a[@]}"` of an unset array does not stop (bash >= 4.4)',
    script: 'echo "${a[@]}"; echo ok',
    shells: ['bash'],
    stops: false,
  },
  {
    what: '`${!a[@]}` of an unset array does not stop',
    script: 'echo "${!a[@]}"; echo ok',
    shells: ['bash'],
    stops: false,
  },
  {
    what: '`${a[5]}` of a set array without element 5 stops',
    script: 'a=(x); echo "${a[5]}"; echo ok',
    shells: ['bash'],
    stops: true,
  },
  {
    what: '`${X:+$X}` reads X only when X is set',
    script: 'echo "${X:+$X}"; echo ok',
    shells: ['bash', 'dash'],
    stops: false,
  },
  { what: '`${X:?}` stops on unset', script: 'echo "${X:?}"; echo ok', shells: ['bash', 'dash'], stops: true },
  { what: '`${X:=v}` assigns X', script: ': "${X:=v}"; echo "$X"; echo ok', shells: ['bash', 'dash'], stops: false },
  {
    what: '`read` without names sets REPLY',
    script: 'read -r < /dev/null || true; echo "$REPLY"; echo ok',
    shells: ['bash'],
    stops: false,
  },
  {
    what: '`[[ =~ ]]` sets BASH_REMATCH',
    script: '[[ abc =~ b ]]; echo "${BASH_REMATCH[0]}"; echo ok',
    shells: ['bash'],
    stops: false,
  },
  {
    what: '`$!` is unset before a background job',
    script: 'echo "$!"; echo ok',
    shells: ['bash', 'dash'],
    stops: true,
  },
  { what: '`${1}` with no arguments stops', script: 'echo "${1}"; echo ok', shells: ['bash', 'dash'], stops: true },
  {
    what: '`"$@"` with no arguments does not stop',
    script: 'echo "$@"; echo ok',
    shells: ['bash', 'dash'],
    stops: false,
  },
  {
    what: '`$A{1,2}` reads A1 and A2 (brace expansion comes first)',
    script: 'A=1; A1=x; echo $A{1,2}; echo ok',
    shells: ['bash'],
    stops: true,
  },
];

describe('shell facts nounset relies on, asked of the shells', () => {
  it(`${FACTS.length} facts hold in bash and dash under -u`, async () => {
    const jobs = FACTS.flatMap((f) => f.shells.map((shell) => ({ f, shell })));
    const wrong = (
      await mapLimit(jobs, PARALLEL_SHELLS, async ({ f, shell }) => {
        const r = await runShell({ shell, script: `${f.script}\n`, env: {}, shellOptions: ['-u'] });
        const stopped = r.status !== 0 && !r.stdout.includes('ok');
        return stopped === f.stops
          ? null
          : `${shell}: ${f.what}: expected ${f.stops ? 'a stop' : 'no stop'}, got status ${r.status}, stderr ${JSON.stringify(r.stderr)}`;
      })
    ).filter((x) => x !== null);
    assert.deepEqual(wrong, []);
  });
});

/** What the ksh handling rests on, asked of each ksh installed (skipped where none is). */
const KSH_FACTS: readonly {
  readonly what: string;
  readonly script: string;
  readonly shells: readonly OptionalShellName[];
  readonly stops: boolean;
}[] = [
  {
    what: 'mksh stops on `"${a[@]}"` of an unset array',
    script: 'echo "${a[@]}"; echo ok',
    shells: ['mksh'],
    stops: true,
  },
  {
    what: 'ksh93 sets no FUNCNAME in a function',
    script: 'f() { echo "$FUNCNAME"; }; f; echo ok',
    shells: ['ksh93'],
    stops: true,
  },
  {
    what: "nounset's rewrites and env-init lines read an unset name without stopping",
    script: 'X="${X:-}"; echo "${Y:-}" "$(( ${N:-0} + 1 ))"; echo ok',
    shells: ['ksh', 'ksh93', 'mksh'],
    stops: false,
  },
];

describe('the builtins that make printed text code (fix/printed-code.ts)', () => {
  it("are bash's builtins", async () => {
    const r = await runShell({ shell: 'bash', script: 'compgen -b', env: {} });
    assert.equal(r.status, 0, r.stderr);
    const builtins = new Set(r.stdout.split('\n'));
    for (const name of CODE_BUILTINS) assert.ok(builtins.has(name), name);
  });
});

describe('ksh facts nounset relies on, asked of each ksh installed', () => {
  for (const f of KSH_FACTS) {
    for (const shell of f.shells) {
      it(`${shell}: ${f.what}`, async function () {
        if (findShell(shell) === null) this.skip();
        const r = await runShell({ shell, script: `${f.script}\n`, env: {}, shellOptions: ['-u'] });
        const stopped = r.status !== 0 && !r.stdout.includes('ok');
        assert.equal(stopped, f.stops, `status ${r.status}, stderr ${JSON.stringify(r.stderr)}`);
      });
    }
  }
});
