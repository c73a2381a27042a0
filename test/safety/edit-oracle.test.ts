// Every edit checked by an independent parser: generated programs are fixed in both styles, and
// mvdan-sh must read input and output alike outside the edits, and each edit as a guarded
// expansion of its variable (mvdan-edits.ts). First, the check itself must catch bad fixes.

import assert from 'node:assert/strict';

import fc from 'fast-check';

import { fixScript } from '../../src/index.js';
import type { EditReport, FixResult } from '../../src/types/script.js';
import { programArbitrary } from '../gen/programs.js';
import { runnableCaseArbitrary } from '../gen/runnable.js';
import { checkEditsWithMvdan } from './mvdan-edits.js';
import { SAFETY_SEED, SHORT_RUNS } from './settings.js';

/** A fix result that claims `edits` turn `input` into `output`. */
function claimed(_input: string, output: string, edits: Partial<EditReport>[], inputs: string[] = []): FixResult {
  return {
    output,
    changed: true,
    dialect: 'bash',
    edits: edits.map(
      (e) =>
        ({
          line: 1,
          column: 1,
          variable: null,
          kind: 'default-empty',
          before: '',
          after: '',
          reason: '',
          start: 0,
          end: 0,
          ...e,
        }) as EditReport,
    ),
    inputs: inputs.map((name) => ({ name, line: 1 })),
    diagnostics: [],
  };
}

const edit = (input: string, before: string, after: string, variable: string, from = 0): Partial<EditReport> => {
  const start = input.indexOf(before, from);
  return { start, end: start + before.length, before, after, variable };
};

function apply(input: string, e: Partial<EditReport>): string {
  return input.slice(0, e.start) + (e.after ?? '') + input.slice(e.end);
}

describe('the mvdan-sh check of every edit', () => {
  describe('catches a fix', () => {
    const bad: [string, string, (input: string) => FixResult][] = [
      [
        'that changes a byte outside its edits',
        'echo $X # note\n',
        (i) => claimed(i, 'echo ${X:-} # nose\n', [edit(i, '$X', '${X:-}', 'X')]),
      ],
      [
        'that rewrites a reference inside a quoted here-document',
        "cat <<'EOF'\n$X\nEOF\n",
        (i) => {
          const e = edit(i, '$X', '${X:-}', 'X');
          return claimed(i, apply(i, e), [e]);
        },
      ],
      [
        'that reads another variable',
        'echo $X\n',
        (i) => {
          const e = edit(i, '$X', '${Y:-}', 'X');
          return claimed(i, apply(i, e), [e]);
        },
      ],
      [
        'that cuts a name in two (`$ab` read as `$a`)',
        'echo $ab\n',
        (i) => {
          const e = edit(i, '$a', '${a:-}', 'a');
          return claimed(i, apply(i, e), [e]);
        },
      ],
      [
        'that adds quotes around the expansion',
        'echo $X\n',
        (i) => {
          const e = edit(i, '$X', '"${X:-}"', 'X');
          return claimed(i, apply(i, e), [e]);
        },
      ],
      [
        'that writes an assigning default',
        'echo $X\n',
        (i) => {
          const e = edit(i, '$X', '${X:=}', 'X');
          return claimed(i, apply(i, e), [e]);
        },
      ],
      [
        'that closes the outer expansion early',
        'echo ${A:-$X}\n',
        (i) => {
          const e = edit(i, '$X', '${X:-}}', 'X');
          return claimed(i, apply(i, e), [e]);
        },
      ],
      [
        'that rewrites text in a comment',
        'echo # $X\n',
        (i) => {
          const e = edit(i, '$X', '${X:-}', 'X');
          return claimed(i, apply(i, e), [e]);
        },
      ],
      [
        'whose env-init block lands inside a function',
        'f() {\n  echo "$X"\n}\n',
        (i) => {
          const at = i.indexOf('  echo');
          return claimed(
            i,
            `${i.slice(0, at)}X="\${X:-}"\n${i.slice(at)}`,
            [{ start: at, end: at, before: '', after: 'X="${X:-}"\n', kind: 'env-init-block' }],
            ['X'],
          );
        },
      ],
      [
        'whose env-init block lands inside a here-document',
        'cat <<EOF\n$X\nEOF\n',
        (i) => {
          const at = i.indexOf('$X');
          return claimed(
            i,
            `${i.slice(0, at)}X="\${X:-}"\n${i.slice(at)}`,
            [{ start: at, end: at, before: '', after: 'X="${X:-}"\n', kind: 'env-init-block' }],
            ['X'],
          );
        },
      ],
      [
        'whose env-init block defaults a variable that is no input',
        'echo "$X"\n',
        (i) =>
          claimed(
            i,
            `Y="\${Y:-}"\n${i}`,
            [{ start: 0, end: 0, before: '', after: 'Y="${Y:-}"\n', kind: 'env-init-block' }],
            ['X'],
          ),
      ],
      [
        "that reads another variable inside a trap's quoted handler",
        'f() { local t; trap \'rm -rf "$t"\' EXIT; }\n',
        (i) => {
          const e = edit(i, '$t', '${u:-}', 't');
          return claimed(i, apply(i, e), [e]);
        },
      ],
      [
        "that ends a trap's quoted handler",
        'f() { local t; trap \'rm -rf "$t"\' EXIT; }\n',
        (i) => {
          const e = edit(i, '$t', "${t:-}' '", 't');
          return claimed(i, apply(i, e), [e]);
        },
      ],
    ];
    for (const [what, input, fix] of bad) {
      it(what, () => {
        const check = checkEditsWithMvdan(input, fix(input), 'bash');
        assert.ok(check.problems.length > 0, 'no problem found');
      });
    }
  });

  it('passes the right fix of each of those inputs', () => {
    for (const input of [
      'echo $X # note\n',
      "cat <<'EOF'\n$X\nEOF\n",
      'echo $ab\n',
      'echo ${A:-$X}\n',
      'f() {\n  echo "$X"\n}\n',
      'cat <<EOF\n$X\nEOF\n',
      'echo $(( 2 * n + $m ))\n',
      // An element with an empty value: mvdan-sh ends it one character into its index.
      'set -u\nn=( [i]= )\n',
      // Edits inside a trap's quoted handler, after an edit that moves it.
      'set -u\necho "$1"\nf() { local t; trap \'rm -rf "$t"; echo "$JOB"\' EXIT; }\nf\n',
      // Lists guarded for bash 3.2 (the script says so): the quotes go inside `${@+…}`.
      'set -u\n# bash 3\ncmd "$@"\nb+="${@}"\na=(); x=("${a[@]}")\n',
    ]) {
      for (const style of ['block', 'inline'] as const) {
        const check = checkEditsWithMvdan(input, fixScript(input, { dialect: 'bash', style }), 'bash');
        assert.deepEqual(check.problems, [], `${style}: ${JSON.stringify(input)}`);
      }
    }
  });

  for (const [dialect, numRuns, runnable] of [
    ['bash', SHORT_RUNS.oracleBash, SHORT_RUNS.oracleRunnableBash],
    ['posix', SHORT_RUNS.oraclePosix, SHORT_RUNS.oracleRunnablePosix],
  ] as const) {
    it(`${dialect}: ${numRuns} generated programs and ${runnable} runnable ones, fixed in both styles, read alike outside the edits`, function () {
      this.timeout(300_000);
      const programs = [
        ...fc.sample(programArbitrary({ dialect, maxDepth: 2, maxStatements: 3 }), { seed: SAFETY_SEED, numRuns }),
        ...fc.sample(runnableCaseArbitrary(dialect), { seed: SAFETY_SEED, numRuns: runnable }).map((c) => c.program),
      ];
      const problems: string[] = [];
      let edits = 0;
      let nodes = 0;
      for (const p of programs) {
        for (const style of ['block', 'inline'] as const) {
          const check = checkEditsWithMvdan(p, fixScript(p, { dialect, style }), dialect);
          edits += check.edits;
          nodes += check.nodes;
          for (const why of check.problems) problems.push(`${style}: ${why}\n  program: ${JSON.stringify(p)}`);
        }
      }
      assert.deepEqual(problems.slice(0, 5), []);
      assert.ok(
        edits > numRuns * 4 && nodes > numRuns * 100,
        `too little was compared: ${edits} edits, ${nodes} nodes`,
      );
    });
  }
});
