// What nounset models of Bats files (`run`, `load`, `BATS_*`) and of ksh scripts (fewer
// variables set than bash, list expansions), seen through inspectScript's verdicts.

import assert from 'node:assert/strict';
import { fixScript, inspectScript } from '../../src/index.js';

/** `name verdict` of every reference, in source order. */
function verdicts(text: string, path: string): string[] {
  return inspectScript(text, { path }).references.map((r) => `${r.name} ${r.verdict}`);
}

function reasonOf(text: string, path: string, name: string): string {
  return inspectScript(text, { path }).references.find((r) => r.name === name)?.reason ?? '';
}

describe('analyze: Bats files', () => {
  it('run sets status, output and lines (an array with no element when the command printed nothing); they are not environment inputs', () => {
    const text = '@test "t" {\n  run ls\n  echo "$status $output ${lines[0]} ${#lines[@]}"\n}\n';
    assert.deepEqual(verdicts(text, 't.bats'), ['status safe', 'output safe', 'lines unsafe', 'lines safe']);
    assert.match(reasonOf(text, 't.bats', 'lines'), /lines is an array assigned on line 2 that may have no element 0/);
    assert.match(reasonOf(text, 't.bats', 'status'), /set by bats run on every path to line 3 \(line 2\)/);
    assert.deepEqual(fixScript(text, { path: 't.bats' }).inputs, []);
  });

  it('stderr and stderr_lines only with run --separate-stderr, as bats-core does', () => {
    const read = '  echo "$stderr ${#stderr_lines[@]}"\n';
    assert.deepEqual(verdicts(`@test t {\n  run ls\n${read}}\n`, 't.bats'), ['stderr unsafe', 'stderr_lines review']);
    assert.deepEqual(verdicts(`@test t {\n  run -1 --separate-stderr -- ls\n${read}}\n`, 't.bats'), [
      'stderr safe',
      'stderr_lines safe',
    ]);
  });

  it('the command run runs is in a subshell: its own assignments do not count, its destructive paths do', () => {
    assert.deepEqual(verdicts('@test t {\n  run read x\n  echo "$x"\n}\n', 't.bats'), ['x unsafe']);
    const text = '@test t {\n  run ! rm -rf "$DIR/"\n}\n';
    // bats runs tests without set -u: only a no-op rewrite, and a warning that names the path.
    const fix = fixScript(text, { path: 't.bats' });
    assert.deepEqual(
      fix.edits.map((e) => [e.kind, e.after]),
      [['default-empty', '${DIR:-}']],
    );
    assert.match(
      fix.diagnostics.find((d) => d.code === 'destructive-path')?.message ?? '',
      /^DIR: it is in `"\$DIR\/"`, a path argument of rm on line 2: empty, it would act on `\/`/,
    );
    const guarded = fixScript(text, { path: 't.bats', guardDestructive: true });
    assert.deepEqual(
      guarded.edits.map((e) => [e.kind, e.after]),
      [['require-nonempty', '${DIR:?DIR is not set}']],
    );
  });

  it('load NAME sources NAME.bash (beside the test file) and bats_load_library NAME a library, as source does', () => {
    const text = 'load helper\nload "lib/x.bash"\nbats_load_library bats-support\nload "$D/h"\necho "$H $X $D"\n';
    const files: Record<string, string> = { 'test/helper.bash': 'H=1\n', 'test/lib/x.bash': 'X=1\n' };
    const asked: string[] = [];
    const readSource = (p: string): string | null => {
      asked.push(p);
      return files[p] ?? null;
    };
    const fix = fixScript(text, { path: 'test/t.bats', readSource });
    assert.deepEqual(
      fix.diagnostics.map((d) => `${d.line} ${d.code}`),
      ['1 source-followed', '2 source-followed', '3 source-not-followed', '4 source-not-followed'],
    );
    assert.deepEqual(asked, ['test/helper.bash', 'test/lib/x.bash', 'test/bats-support']);
    // bats-support is not followed: D may be set there (defaulted where it is read); H and X,
    // set before it, stay set.
    assert.deepEqual(
      inspectScript(text, { path: 'test/t.bats', readSource }).references.map((r) => `${r.name} ${r.verdict}`),
      ['D unsafe', 'H safe', 'X safe', 'D unsafe'],
    );
  });

  it('BATS_ variables are set by bats: never inputs, defaulted where they are read', () => {
    const text = 'setup() {\n  cd "$BATS_TEST_TMPDIR"\n}\n';
    const fix = fixScript(text, { path: 't.bats' });
    assert.deepEqual(fix.inputs, []);
    assert.equal(fix.output, 'setup() {\n  cd "${BATS_TEST_TMPDIR:-}"\n}\n');
    assert.match(reasonOf(text, 't.bats', 'BATS_TEST_TMPDIR'), /bats sets BATS_TEST_TMPDIR/);
  });

  it('a reference in a test description is read where the test is declared', () => {
    assert.deepEqual(
      fixScript('@test "for $WHO" {\n  :\n}\n', { path: 't.bats', style: 'inline' }).output,
      '@test "for ${WHO:-}" {\n  :\n}\n',
    );
  });

  it('outside a Bats file, run and load are ordinary commands and @test does not parse', () => {
    assert.deepEqual(verdicts('run ls\necho "$status"\n', 't.sh'), ['status unsafe']);
    assert.deepEqual(fixScript('load helper\n', { path: 't.sh' }).diagnostics, []);
    assert.deepEqual(
      fixScript('@test t {\n  :\n}\n', { path: 't.sh' }).diagnostics.map((d) => d.code),
      ['parse-error'],
    );
  });
});

describe('analyze: ksh scripts', () => {
  it('counts only on what ksh sets too: PATH, _ and SHELL may be unset, RANDOM and PWD are not', () => {
    const text = 'echo "$PATH $_ $SHELL $RANDOM $PWD"\n';
    assert.deepEqual(verdicts(text, 'x.ksh'), ['PATH unsafe', '_ unsafe', 'SHELL unsafe', 'RANDOM safe', 'PWD safe']);
    assert.deepEqual(verdicts(text, 'x.bash'), ['PATH safe', '_ safe', 'SHELL safe', 'RANDOM safe', 'PWD safe']);
    assert.match(reasonOf(text, 'x.ksh', 'RANDOM'), /^ksh always sets RANDOM/);
  });

  it('FUNCNAME is not taken as set inside a function', () => {
    const text = 'f() { echo "$FUNCNAME"; }\n';
    assert.deepEqual(verdicts(text, 'x.ksh'), ['FUNCNAME unsafe']);
    assert.deepEqual(verdicts(text, 'x.bash'), ['FUNCNAME safe']);
  });

  it('a list expansion of an array never assigned is left for review (mksh stops on it)', () => {
    const text = 'b=(1)\necho "${a[@]}" "${b[@]}"\n';
    assert.deepEqual(verdicts(text, 'x.ksh'), ['a review', 'b safe']);
    assert.deepEqual(verdicts(text, 'x.bash'), ['a safe', 'b safe']);
    assert.deepEqual(fixScript(text, { path: 'x.ksh' }).output, text);
  });
});
