// Snapshot semantics (src/run/snapshot.ts): every file of a run is read once, as it was before the
// run, whether it is fixed or sourced, so writes never feed back into the run. On a tree whose
// scripts source each other (one library sourced by many scripts, a library that sources another,
// two that source each other, a library that is not UTF-8), fix mode with one thread or four,
// `--dry-run | git apply`, and cold or warm result caches give the same bytes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type CliRan, runCli, useTempDir } from '../support/cli.js';
import { initRepo } from '../support/git.js';
import { readTree, writeTree } from '../support/tree.js';

/** Files in byte order put the libraries first: in a run that fed its writes back, every script
 * after them would read the libraries' rewritten text. */
const TREE: Record<string, string | Buffer> = {
  'ci/lib.sh':
    '# CI helpers, sourced by the tests\n. lib/base.sh\nsay() { printf \'%s\\n\' "[$CI_NAME] $*"; }\necho "mode: $CI_MODE"\n',
  'lib/base.sh': '# sourced by ci/lib.sh\n. lib/util.sh\necho "base: $BASE_DIR"\n',
  'lib/util.sh':
    '# sourced by lib/base.sh, and sources it back\n[ -n "${UTIL_DONE:-}" ] || { UTIL_DONE=1; . lib/base.sh; }\nutil_root="$UTIL_ROOT"\n',
  'lib/latin.sh': Buffer.from('# caf\u00e9: not UTF-8\necho "$LATIN_NAME \u00e0"\n', 'latin1'),
  't/solo.sh': '#!/bin/sh\n. ./lib/base.sh\necho "$BASE_DIR"\n',
  't/latin.sh': '#!/bin/bash\nset -u\n. lib/latin.sh\necho "$LATIN_NAME $1"\n',
};
for (let i = 1; i <= 12; i++) {
  const n = String(i).padStart(2, '0');
  TREE[`t/t${n}.sh`] =
    `#!/bin/bash\nset -u\n. ci/lib.sh\nsay "test ${n}: $CI_MODE $BASE_DIR $UTIL_ROOT $1"\n[ -n "$T${n}_EXTRA" ] && say extra\n`;
}

const WORKERS = { NOUNSET_MIN_FILES_PER_THREAD: '1' };

function gitApply(cwd: string, patch: Buffer): void {
  const r = spawnSync('git', ['apply', '-'], { cwd, input: patch, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

describe('a run reads every file as it was before the run (snapshot)', function () {
  this.timeout(120_000);
  const dir = useTempDir('nounset-snapshot-', { shared: true });
  let copies = 0;
  /** A fresh copy of the tree. */
  const fresh = (): string => {
    const to = join(dir(), `copy${copies++}`);
    writeTree(to, TREE);
    return to;
  };
  const cacheDir = (): string => mkdtempSync(join(dir(), 'cache-'));
  let expected: Map<string, string>;
  let diff: Buffer;

  before(() => {
    // The reference: a dry run on one thread without a cache, applied with git apply.
    const from = fresh();
    const r = runCli(['--dry-run', '--no-cache', '--jobs', '1', '.'], from);
    assert.equal(r.status, 0, r.stderr);
    diff = r.stdoutBytes ?? Buffer.alloc(0);
    gitApply(from, diff);
    expected = readTree(from);
    rmSync(from, { recursive: true });
  });

  it('the scripts that source a library are fixed as if it were unchanged', () => {
    // CI_MODE is read, never assigned, by the library: a script that sources it still needs it set.
    assert.match(expected.get('t/t01.sh') ?? '', /^CI_MODE="\$\{CI_MODE:-\}"$/m);
    assert.match(expected.get('ci/lib.sh') ?? '', /CI_MODE/);
    assert.notEqual(expected.get('ci/lib.sh'), TREE['ci/lib.sh'], 'the library itself changes too');
    assert.equal(
      Buffer.from(expected.get('lib/latin.sh') ?? '', 'latin1').includes(Buffer.from('caf\u00e9', 'latin1')),
      true,
      'latin1 bytes kept',
    );
  });

  const writeRuns: [string, string[], Record<string, string>][] = [
    ['fix mode, one thread', ['--jobs', '1', '--no-cache'], {}],
    ['fix mode, four threads', ['--jobs', '4', '--no-cache'], WORKERS],
    ['fix mode, two threads', ['--jobs', '2', '--no-cache'], WORKERS],
  ];
  for (const [label, args, env] of writeRuns) {
    it(`${label} writes the same bytes as --dry-run | git apply`, () => {
      const root = fresh();
      const r = runCli([...args, '.'], root, env);
      assert.equal(r.status, 0, r.stderr);
      if (args.includes('4')) assert.match(r.stderr, / on 4 threads\n$/, 'worker threads ran');
      assert.deepEqual(readTree(root), expected);
    });
  }

  it('--dry-run gives the same diff on four threads', () => {
    const r = runCli(['--dry-run', '--no-cache', '--jobs', '4', '.'], fresh(), WORKERS);
    assert.match(r.stderr, / on 4 threads\n$/);
    assert.deepEqual(r.stdoutBytes, diff);
  });

  it('a run over some files of a git work tree fixes each as a run over its root does', () => {
    // A pre-commit hook names the staged scripts: the libraries must still learn that scripts
    // which turn on set -u source them, and a test script what its library is.
    const runs: [string, string[], string[]][] = [
      ['.', ['ci/lib.sh'], ['ci/lib.sh']],
      ['.', ['lib/util.sh', 't/t03.sh'], ['lib/util.sh', 't/t03.sh']],
      ['.', ['t'], ['t/']],
    ];
    for (const [cwd, args, taken] of runs) {
      // A repository git reads: its files come from `git ls-files`.
      const root = fresh();
      initRepo(root);
      const r = runCli(['--no-cache', ...args], join(root, cwd));
      assert.equal(r.status, 0, r.stderr);
      const before = readTree(fresh());
      for (const [path, text] of readTree(root)) {
        const fixed = taken.some((p) => path === p || (p.endsWith('/') && path.startsWith(p)));
        assert.equal(text, fixed ? expected.get(path) : before.get(path), `${cwd} ${args.join(' ')}: ${path}`);
      }
    }
    // From outside the work tree too: its own scripts count, not those of the directory run in.
    // (A `.git` git cannot read: its files come from walking the root.)
    const root = fresh();
    mkdirSync(join(root, '.git'));
    const from = dirname(root);
    assert.equal(runCli(['--no-cache', join(basename(root), 'ci', 'lib.sh')], from).status, 0);
    assert.equal(readTree(root).get('ci/lib.sh'), expected.get('ci/lib.sh'));
    // Outside a work tree, a library named alone knows nothing of the scripts that source it.
    const alone = fresh();
    assert.equal(runCli(['--no-cache', 'ci/lib.sh'], alone).status, 0);
    assert.notEqual(readTree(alone).get('ci/lib.sh'), expected.get('ci/lib.sh'));
  });

  it('a cold and a warm cache give the same bytes, in a dry run and in fix mode, on one thread and four', () => {
    const cache = cacheDir();
    const ran: CliRan[] = [];
    for (const jobs of ['1', '4']) {
      const dry = runCli(['--dry-run', '--verbose', '--cache-dir', cache, '--jobs', jobs, '.'], fresh(), WORKERS);
      assert.deepEqual(dry.stdoutBytes, diff, `dry run, --jobs ${jobs}`);
      ran.push(dry);
      const root = fresh();
      const fixed = runCli(['--verbose', '--cache-dir', cache, '--jobs', jobs, '.'], root, WORKERS);
      assert.deepEqual(readTree(root), expected, `fix mode, --jobs ${jobs}`);
      ran.push(fixed);
    }
    const files = Object.keys(TREE).length;
    const results = (counts: string): RegExp => new RegExp(`^nounset: result cache .*: ${counts}$`, 'm');
    assert.match(ran[0]?.cache ?? '', results(`0 hits, ${files} misses`), 'the first run fills the cache');
    for (const r of ran.slice(1)) assert.match(r.cache, results(`${files} hits, 0 misses`), 'later runs only hit');
  });
});

describe('a second run over the fixed tree changes nothing', function () {
  this.timeout(60_000);
  const dir = useTempDir('nounset-rerun-');

  it('scripts that find their library through BASH_SOURCE, rewritten for a piped run, still follow it', () => {
    const tree: Record<string, string> = {
      'ci/lib/common.sh':
        'LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"\nLIB_NAME=ci\nsay() { echo "$LIB_NAME: $*"; }\n',
      'ci/test.sh': '#!/bin/bash\nset -u\n. "${BASH_SOURCE%/*}/lib/common.sh"\nsay "$LIB_NAME $SUITE"\n',
      'ci/lint.sh':
        '#!/bin/bash\nset -u\nsource "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"\nsay "$LIB_DIR $LINTER"\n',
    };
    const root = dir();
    writeTree(root, tree);
    const first = runCli(['--no-cache', '.'], root);
    assert.equal(first.status, 0, first.stderr);
    const fixed = readTree(root);
    assert.match(fixed.get('ci/lint.sh') ?? '', /\$\{BASH_SOURCE\[0\]:-\$0\}/, 'the piped-run rewrite is made');
    // LIB_NAME comes from the library: it is no input of the scripts, on either run.
    assert.doesNotMatch(fixed.get('ci/test.sh') ?? '', /LIB_NAME="/);
    const second = runCli(['--no-cache', '.'], root);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stderr, / 0 changed, /);
    assert.deepEqual(readTree(root), fixed);
  });
});
