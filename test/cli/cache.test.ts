// The persistent result cache (src/run/result-cache.ts) through the built CLI: a hit gives the bytes
// a fresh fix gives; a changed file, sourced file, option or build misses; a corrupt entry is
// ignored and written again; two runs at once do not corrupt it; a cache that cannot be written
// costs a warning, never the run; trimming keeps it under its bound.

import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, type CliRan, runCli, runCliAsync, useTempDir } from '../support/cli.js';
import { initRepo } from '../support/git.js';
import { writeTree } from '../support/tree.js';

const TREE: Record<string, string> = {
  'lib/common.sh': '# sourced by the scripts\nlog() { echo "[$LOG_TAG] $*"; }\necho "$COMMON_MODE"\n',
  'deploy.sh': '#!/bin/bash\nset -u\n. lib/common.sh\nlog "deploying $TARGET to $1"\n',
  'backup.sh': '#!/bin/bash\nset -u\n. lib/common.sh\nrm -rf "$BACKUP_DIR/old"\n',
  'plain.sh': '#!/bin/sh\necho "$HOME"\n',
};

/** Every entry file of the cache in `dir`, sorted: the results, not what a work tree's scripts
 * told (facts-cache.ts), which the directory keeps too. */
function entries(dir: string): string[] {
  const root = join(dir, 'v1');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .flatMap((sub) => readdirSync(join(root, sub)).map((name) => join(root, sub, name)))
    .filter((f) => f.endsWith('.tmp') || !readFileSync(f).subarray(0, 14).equals(Buffer.from('nounset-facts ')))
    .sort();
}

/** The `hits, misses` of a --verbose run. */
function counts(r: CliRan): [number, number] {
  const m = /^nounset: result cache .*: (\d+) hits, (\d+) misses$/m.exec(r.cache);
  assert.ok(m, `no cache line in:\n${r.stderr}`);
  return [Number(m[1]), Number(m[2])];
}

describe('the result cache', function () {
  this.timeout(120_000);
  const dir = useTempDir('nounset-cache-tree-');
  const cacheRoot = useTempDir('nounset-cache-');
  const cache = (): string => join(cacheRoot(), 'c');
  const run = (args: readonly string[], env: Record<string, string> = {}): CliRan =>
    runCli(['--verbose', '--cache-dir', cache(), ...args], dir(), env);

  beforeEach(() => writeTree(dir(), TREE));

  it('entries past the first 32 are written on a thread of their own, and all are there after the run', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 60; i++) many[`t/t${i}.sh`] = `#!/bin/bash\nset -u\necho "$IN_${i}"\n`;
    writeTree(dir(), many);
    const files = Object.keys(TREE).length + 60;
    const cold = run(['--dry-run', '.']);
    assert.doesNotMatch(cold.stderr, /cannot write the result cache/);
    assert.deepEqual(counts(cold), [0, files]);
    assert.equal(entries(cache()).length, files);
    const warm = run(['--dry-run', '.']);
    assert.deepEqual(counts(warm), [files, 0]);
    assert.deepEqual(warm.stdoutBytes, cold.stdoutBytes);
  });

  it('a hit gives the same bytes, on stdout and stderr, as a run without the cache', () => {
    const none = runCli(['--dry-run', '--verbose', '--no-cache', '.'], dir());
    const cold = run(['--dry-run', '.']);
    const warm = run(['--dry-run', '.']);
    assert.deepEqual(counts(cold), [0, 4]);
    assert.deepEqual(counts(warm), [4, 0]);
    assert.equal(entries(cache()).length, 4);
    for (const r of [cold, warm]) {
      assert.deepEqual(r.stdoutBytes, none.stdoutBytes);
      assert.equal(r.log, none.log);
      assert.equal(r.table, none.table);
      assert.equal(r.summary, none.summary);
      assert.equal(r.status, none.status);
    }
    const json = (args: string[]): unknown => {
      const doc = JSON.parse(
        runCli(['--dry-run', '--format', 'json', '--cache-dir', cache(), ...args, '.'], dir()).stdout,
      ) as { summary: { durationMs?: number } };
      delete doc.summary.durationMs;
      return doc;
    };
    assert.deepEqual(json([]), json(['--no-cache']), 'the JSON document too');
  });

  it('--no-cache reads and writes no cache', () => {
    const r = runCli(['--dry-run', '--verbose', '--no-cache', '--cache-dir', cache(), '.'], dir());
    assert.equal(r.status, 0);
    assert.equal(r.cache, '');
    assert.doesNotMatch(r.stderr, /result cache/);
    assert.equal(existsSync(cache()), false);
  });

  it('a changed sourced file misses for the scripts that source it, and their fix follows it', () => {
    run(['--dry-run', '.']);
    // The library now sets TARGET: deploy.sh no longer needs it from its environment.
    writeFileSync(join(dir(), 'lib/common.sh'), `${TREE['lib/common.sh']}TARGET=prod\n`);
    const r = run(['--dry-run', '.']);
    assert.deepEqual(counts(r), [1, 3], 'plain.sh hits; the library and both scripts miss');
    assert.deepEqual(r.stdoutBytes, runCli(['--dry-run', '--no-cache', '.'], dir()).stdoutBytes);
    assert.doesNotMatch(r.stdout, /^\+TARGET="\$\{TARGET:-\}"$/m);
  });

  it('a sourced file that appears where there was none misses', () => {
    const t = { 'x/run.sh': '#!/bin/bash\nset -u\n. x/extra.sh 2>/dev/null || true\necho "$EXTRA"\n' };
    writeTree(dir(), t);
    run(['--dry-run', 'x/run.sh']);
    writeTree(dir(), { 'x/extra.sh': 'EXTRA=1\n' });
    const r = run(['--dry-run', 'x/run.sh']);
    assert.deepEqual(counts(r), [0, 1]);
    assert.deepEqual(r.stdoutBytes, runCli(['--dry-run', '--no-cache', 'x/run.sh'], dir()).stdoutBytes);
  });

  it('changed options miss: from the command line and from a configuration file', () => {
    run(['--dry-run', '.']);
    assert.deepEqual(counts(run(['--dry-run', '--style', 'inline', '.'])), [0, 4]);
    assert.deepEqual(counts(run(['--dry-run', '--style', 'inline', '.'])), [4, 0]);
    writeFileSync(join(dir(), '.nounsetrc.json'), JSON.stringify({ defaults: { TARGET: 'staging' } }));
    const r = run(['--dry-run', '.']);
    assert.deepEqual(counts(r), [0, 4]);
    assert.match(r.stdout, /^\+TARGET="\$\{TARGET:-staging\}"$/m);
  });

  it('a changed file misses, and only that file', () => {
    run(['--dry-run', '.']);
    writeFileSync(join(dir(), 'plain.sh'), '#!/bin/sh\necho "$HOME $USER"\n');
    assert.deepEqual(counts(run(['--dry-run', '.'])), [3, 1]);
  });

  it('another build of nounset never uses the entries of this one', async () => {
    const bundle = join(cacheRoot(), 'bundle');
    cpSync(join(BIN, '..'), bundle, { recursive: true });
    writeFileSync(join(bundle, 'build-id'), 'another-build\n');
    run(['--dry-run', '.']);
    const same = run(['--dry-run', '.']);
    assert.deepEqual(counts(same), [4, 0], 'this build hits');
    const other = await runCliAsync(
      ['--dry-run', '--verbose', '--cache-dir', cache(), '.'],
      dir(),
      {},
      join(bundle, 'main.cjs'),
    );
    assert.deepEqual(counts(other), [0, 4], 'the other build misses');
    assert.equal(other.stdout, same.stdout);
  });

  it('a corrupt, truncated or foreign entry is ignored and written again', () => {
    const first = run(['--dry-run', '.']);
    const files = entries(cache());
    assert.equal(files.length, 4);
    const [a, b, c, d] = files as [string, string, string, string];
    const whole = readFileSync(a);
    writeFileSync(a, whole.subarray(0, whole.length >> 1));
    const flipped = readFileSync(b);
    const at = flipped.length - 3;
    flipped[at] = (flipped[at] ?? 0) ^ 1;
    writeFileSync(b, flipped);
    writeFileSync(c, '');
    // A whole, checked entry filed under another file's key is not that file's.
    writeFileSync(d, whole);
    const r = run(['--dry-run', '.']);
    assert.deepEqual(counts(r), [0, 4]);
    assert.deepEqual(r.stdoutBytes, first.stdoutBytes);
    assert.equal(r.log, first.log);
    assert.deepEqual(counts(run(['--dry-run', '.'])), [4, 0], 'the entries were written again');
  });

  it('two runs at once share a cache without corrupting it', async () => {
    for (let i = 0; i < 40; i++)
      writeFileSync(
        join(dir(), `many${String(i).padStart(2, '0')}.sh`),
        `#!/bin/bash\nset -u\n. lib/common.sh\necho "$V${i} $1"\n`,
      );
    const reference = runCli(['--dry-run', '--no-cache', '.'], dir());
    const both = await Promise.all(
      [0, 1].map(() =>
        runCliAsync(['--dry-run', '--verbose', '--cache-dir', cache(), '--jobs', '2', '.'], dir(), {
          NOUNSET_MIN_FILES_PER_THREAD: '1',
        }),
      ),
    );
    for (const r of both) {
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, reference.stdout);
    }
    const after = run(['--dry-run', '.']);
    assert.deepEqual(counts(after), [44, 0]);
    assert.equal(after.stdout, reference.stdout);
    assert.equal(entries(cache()).filter((f) => f.endsWith('.tmp')).length, 0, 'no temp file is left');
  });

  it('a cache that cannot be written costs a warning, not the run', () => {
    // A file where the directory should be: even root cannot write there.
    writeFileSync(join(cacheRoot(), 'c'), 'not a directory\n');
    const r = run(['.']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.log,
      /^nounset: warning: cannot write the result cache in .*\/c \((ENOTDIR|EEXIST)\); results were not cached/m,
    );
    assert.match(r.summary, /^nounset: 4 scripts, 4 changed, 0 unchanged, 0 skipped, 0 errors/);
    assert.match(readFileSync(join(dir(), 'deploy.sh'), 'utf8'), /^TARGET="\$\{TARGET:-\}"$/m);
    const quiet = runCli(['--quiet', '--cache-dir', cache(), '--dry-run', '.'], dir());
    assert.equal(quiet.stderr, '', '--quiet prints no warning');
  });

  it('is trimmed to --cache-size', () => {
    run(['--dry-run', '.']);
    const sizes = entries(cache()).map((f) => statSync(f).size);
    const total = sizes.reduce((a, b) => a + b, 0);
    // Bound it under what the four entries take: the next run that writes trims it.
    const bound = (total * 0.9) / (1024 * 1024);
    writeFileSync(join(dir(), 'plain.sh'), '#!/bin/sh\necho "$HOME $USER"\n');
    run(['--dry-run', '--cache-size', String(bound), '.']);
    const left = entries(cache()).reduce((n, f) => n + statSync(f).size, 0);
    assert.ok(left <= total * 0.9, `${left} bytes left, bound ${total * 0.9}`);
    assert.ok(entries(cache()).length >= 1);
  });

  it('keeps what each script tells the others: a second run over one file of a work tree reads none of them', async () => {
    initRepo(dir());
    // Stamps taken within 2 s of a change are not kept (facts-cache.ts): let the tree settle.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const facts = (r: CliRan): string => /^nounset: facts cache .*: (\d+ hits, \d+ misses)$/m.exec(r.cache)?.[1] ?? '';
    const none = runCli(['--dry-run', '--verbose', '--no-cache', 'lib/common.sh'], dir());
    assert.equal(facts(none), '', '--no-cache keeps nothing');
    const first = run(['--dry-run', 'lib/common.sh']);
    const second = run(['--dry-run', 'lib/common.sh']);
    const other = run(['--dry-run', 'deploy.sh']);
    assert.equal(facts(first), '0 hits, 4 misses');
    assert.equal(facts(second), '4 hits, 0 misses');
    assert.equal(facts(other), '4 hits, 0 misses');
    for (const r of [first, second]) {
      assert.deepEqual(r.stdoutBytes, none.stdoutBytes);
      assert.equal(r.log, none.log);
    }
    // The library is sourced by scripts that turn set -u on: it gets no env-init block, kept or not.
    assert.doesNotMatch(second.stdout, /env-init/);
  });

  it('--cache-size wants a positive number', () => {
    const r = runCli(['--cache-size', '0', '.'], dir());
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--cache-size wants a positive number of megabytes/);
  });
});
