// `nounset pr` in real git repositories built in a temp directory: a base commit on main and a
// pull request branch that adds, modifies, renames and deletes scripts. Asserts the changed
// ranges, which edits are kept, every output format (rdjson and SARIF against their schemas), and
// that applying a review's suggestions and its env-init block patch gives what `nounset fix` writes.

import assert from 'node:assert/strict';

import { applyPatch } from 'diff';

import { fixScript } from '../../src/index.js';
import { nodeIO } from '../../src/io/node-script-io.js';
import type { FileReview } from '../../src/review/review-file.js';
import { runPr } from '../../src/run/run-pr.js';
import { runCli, useTempDir } from '../support/cli.js';
import { commit, git, initRepo } from '../support/git.js';
import { rdjsonValidator, sarifValidator } from '../support/schemas.js';
import { writeTree } from '../support/tree.js';

/** A reviewed file's text with its env-init block patch and every suggestion applied. */
function suggested(file: FileReview): string {
  let text = file.text;
  let shift = 0;
  if (file.block) {
    const patched = applyPatch(text, file.block.patch);
    assert.ok(typeof patched === 'string', `${file.path}: the block patch applies`);
    shift = patched.split('\n').length - text.split('\n').length;
    text = patched;
  }
  const out = text.split('\n');
  for (const s of [...file.suggestions].sort((a, b) => b.startLine - a.startLine))
    out.splice(s.startLine - 1 + shift, s.endLine - s.startLine + 1, ...s.replacement.split('\n'));
  return out.join('\n');
}

const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `echo "${tag} ${i}"\n`).join('');

const BASE: Record<string, string> = {
  'deploy.sh': `#!/bin/bash\nset -u\n${lines(10, 'setup')}mkdir -p "$WORK"\n${lines(10, 'middle')}log() {\n  echo "$1"\n}\n`,
  'far.sh': `#!/bin/bash\nset -u\necho "$FAR_INPUT"\n${lines(20, 'body')}`,
  'was.sh': `#!/bin/sh\necho "$OLD"\n${lines(5, 'x')}`,
  'gone.sh': '#!/bin/sh\necho "$G"\n',
  'README.md': 'docs\n',
};

const HEAD: Record<string, string | null> = {
  // Modified: one unsafe line added near the end, one existing unsafe read left as it was.
  'deploy.sh': `${BASE['deploy.sh']}echo "$NEW_VAR"\nrm -rf "$TARGET/"\n`,
  // Only a line far below its unsafe read changes.
  'far.sh': `${BASE['far.sh']}echo done\n`,
  // Renamed, with a change.
  'was.sh': null,
  'tools/now.sh': `#!/bin/sh\necho "$OLD"\n${lines(5, 'x')}echo "$RENAMED_NEW"\n`,
  'gone.sh': null,
  'added.sh': '#!/bin/sh\nset -u\necho "hello $WHO"\ncd "$1"\n',
  'notes.txt': 'not a script\n',
};

describe('nounset pr', () => {
  const dir = useTempDir('nounset-pr-', { shared: true });

  before(() => {
    const d = dir();
    initRepo(d);
    commit(d, BASE, 'base');
    git(d, 'checkout', '-qb', 'pr');
    commit(d, HEAD, 'pr');
    // The base branch moves on after the PR branched: only the merge base counts.
    git(d, 'checkout', '-q', 'main');
    commit(d, { 'later.sh': '#!/bin/sh\necho "$LATER"\n' }, 'later on main');
    git(d, 'checkout', '-q', 'pr');
    // An uncommitted change never reaches the review.
    writeTree(d, { 'added.sh': '#!/bin/sh\necho "$UNCOMMITTED"\n' });
  });

  const review = (allLines = false) => runPr({ cwd: dir(), base: 'main', allLines, fix: {} }, nodeIO);
  const byPath = (files: readonly FileReview[]) => Object.fromEntries(files.map((f) => [f.path, f]));

  it('reviews the scripts the PR adds, modifies or renames, at head, and nothing else', () => {
    const run = review();
    assert.deepEqual(
      run.files.map((f) => f.path),
      ['added.sh', 'deploy.sh', 'far.sh', 'tools/now.sh'],
    );
    assert.equal(run.head, git(dir(), 'rev-parse', 'pr').trim());
    assert.equal(run.mergeBase, git(dir(), 'rev-parse', 'main~1').trim());
  });

  it('keeps the edits on changed lines; the env-init block goes to the summary', () => {
    const f = byPath(review().files);
    const kept = (p: string) =>
      f[p]!.suggestions.flatMap((s) => s.edits.map((e) => `${e.line}:${e.before}→${e.after}`));
    assert.deepEqual(kept('deploy.sh'), ['28:$TARGET→${TARGET:?TARGET is not set}']);
    assert.equal(f['deploy.sh']!.left, 1, 'the $1 in log() is on a line the PR did not change');
    assert.match(f['deploy.sh']!.block!.patch, /^\+NEW_VAR="\$\{NEW_VAR:-\}"$/m);
    assert.deepEqual(kept('far.sh'), []);
    assert.equal(f['far.sh']!.block, null, 'nothing on a changed line: no block either');
    assert.deepEqual(kept('added.sh'), ['4:$1→${1:-}']);
    assert.doesNotMatch(f['added.sh']!.text, /UNCOMMITTED/);
    assert.match(f['tools/now.sh']!.block!.patch, /RENAMED_NEW/);
    assert.ok(f['deploy.sh']!.suggestions.every((s) => s.inDiff));
  });

  it('--all-lines keeps every edit of the changed scripts', () => {
    const f = byPath(review(true).files);
    assert.equal(f['deploy.sh']!.left, 0);
    assert.ok(f['far.sh']!.block, 'far.sh gets its block');
  });

  it('applying every suggestion and block patch gives exactly what nounset fix writes', () => {
    for (const file of review(true).files)
      assert.equal(suggested(file), fixScript(file.text, { path: file.path }).output, file.path);
  });

  it('--format rdjson is valid reviewdog rdjson, one diagnostic per edit with its suggestion and code URL', () => {
    const r = runCli(['pr', '--base', 'main', '--format', 'rdjson'], dir());
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as {
      diagnostics: {
        location: { path: string; range: { start: { line: number; column: number } } };
        code: { value: string; url: string };
        suggestions?: { text: string }[];
      }[];
    };
    const validate = rdjsonValidator();
    assert.ok(validate(doc), JSON.stringify(validate.errors));
    const target = doc.diagnostics.find((d) => d.code.value === 'require-nonempty');
    assert.deepEqual(target?.location.range.start, { line: 28, column: 9 });
    assert.equal(target?.suggestions?.[0]?.text, '${TARGET:?TARGET is not set}');
    assert.match(target?.code.url ?? '', /\/docs\/edits\/require-nonempty\.md$/);
  });

  it('--format sarif is valid SARIF 2.1.0 with fixes, rules with help, and fingerprints stable across runs', () => {
    const run = (): string => {
      const r = runCli(['pr', '--base', 'main', '--format', 'sarif', '--all-lines'], dir());
      assert.equal(r.status, 0, r.stderr);
      return r.stdout;
    };
    const text = run();
    assert.equal(run(), text, 'the same document on a second run');
    const doc = JSON.parse(text) as {
      runs: {
        tool: { driver: { rules: { id: string; help: { text: string } }[] } };
        results: { ruleId: string; partialFingerprints: Record<string, string>; fixes?: unknown[] }[];
      }[];
    };
    const validate = sarifValidator();
    assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 3)));
    const [sarifRun] = doc.runs;
    assert.ok(sarifRun!.results.length > 5);
    assert.ok(sarifRun!.results.every((r) => /^[0-9a-f]{16}$/.test(r.partialFingerprints['nounset/v1'] ?? '')));
    assert.equal(
      new Set(sarifRun!.results.map((r) => r.partialFingerprints['nounset/v1'])).size,
      sarifRun!.results.length,
    );
    assert.ok(sarifRun!.tool.driver.rules.every((r) => r.help.text.length > 20));
    // Notes about the analysis (a sourced file followed or not ...) come without a fix.
    const notes = new Set([
      'source-followed',
      'source-not-followed',
      'function-not-called',
      'computed-call',
      'opaque-assignment',
    ]);
    assert.ok(sarifRun!.results.filter((r) => !notes.has(r.ruleId)).every((r) => r.fixes));
  });

  it('--format github-review: inline suggestions on diff lines, the block in the summary, markers', () => {
    const r = runCli(['pr', '--base', 'main', '--format', 'github-review'], dir());
    assert.equal(r.status, 0, r.stderr);
    const body = JSON.parse(r.stdout) as {
      event: string;
      body: string;
      comments: { path: string; line: number; side: string; body: string }[];
    };
    assert.equal(body.event, 'COMMENT');
    assert.match(body.body, /^<!-- nounset:summary -->/);
    assert.match(body.body, /```diff\n--- a\/deploy\.sh/);
    // The reads the env-init block makes safe are findings where they are: added.sh:3, deploy.sh:27, tools/now.sh:8.
    assert.deepEqual(
      body.comments.map((c) => [c.path, c.line, c.side]),
      [
        ['added.sh', 3, 'RIGHT'],
        ['added.sh', 4, 'RIGHT'],
        ['deploy.sh', 27, 'RIGHT'],
        ['deploy.sh', 28, 'RIGHT'],
        ['tools/now.sh', 8, 'RIGHT'],
      ],
    );
    const target = body.comments[3]!;
    assert.match(target.body, /^<!-- nounset:suggestion [0-9a-f]{16} -->/);
    assert.match(target.body, /```suggestion\nrm -rf "\$\{TARGET:\?TARGET is not set\}\/"\n```$/);
    // deploy.sh's block goes above line 3, far outside the hunk: the read's comment shows its patch.
    assert.match(body.comments[2]!.body, /`\$NEW_VAR` may be unset here/);
    assert.match(
      body.comments[2]!.body,
      /goes above line 3, outside the lines this pull request shows:\n\n```diff\n--- a\/deploy\.sh/,
    );
  });

  it('--fail-on-findings exits 1 when there is something to suggest; a bad ref is a usage error', () => {
    assert.equal(runCli(['pr', '--base', 'main', '--fail-on-findings'], dir()).status, 1);
    const bad = runCli(['pr', '--base', 'no-such-branch'], dir());
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /no-such-branch/);
  });
});

describe('nounset pr on a library other scripts source', () => {
  const dir = useTempDir('nounset-pr-lib-', { shared: true });
  const LIB_BASE = '#!/bin/bash\nset -u\n# shared helpers\numask 022\nlog() { echo "$*"; }\n';

  before(() => {
    const d = dir();
    initRepo(d);
    commit(
      d,
      {
        // main.sh tells an unset DEBUG from an empty one: a block in lib.sh would change it.
        'main.sh': '#!/bin/bash\nset -u\n. "$(dirname "$0")/lib.sh"\nlog start\necho "${DEBUG-unset}"\n',
        'lib.sh': LIB_BASE,
      },
      'base',
    );
    git(d, 'checkout', '-qb', 'pr');
    commit(d, { 'lib.sh': `${LIB_BASE}if [ "$DEBUG" = 1 ]; then set -x; fi\necho "$LOGDIR $LEVEL"\n` }, 'pr');
  });

  it('suggests what `nounset .` at the root writes: reads defaulted inline, no env-init block', () => {
    const [lib, ...rest] = runPr({ cwd: dir(), base: 'main', allLines: true, fix: {} }, nodeIO).files;
    assert.equal(rest.length, 0);
    assert.equal(lib!.path, 'lib.sh');
    assert.equal(lib!.block, null, 'a block would run in main.sh, which sources lib.sh');
    const out = suggested(lib!);
    const dry = runCli(['--dry-run', '--format', 'json', '.'], dir());
    const fixed = (JSON.parse(dry.stdout) as { files: { path: string; diff?: string }[] }).files.find(
      (f) => f.path === 'lib.sh',
    );
    assert.equal(out, applyPatch(lib!.text, fixed?.diff ?? ''));
    assert.match(out, /\$\{DEBUG:-\}/);
  });
});
