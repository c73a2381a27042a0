// runPaths on an in-memory file system: statuses, what is written and what is not, temp files.

import assert from 'node:assert/strict';
import { UsageError } from '../../src/errors.js';
import { hasFailures, runPaths } from '../../src/run/run-paths.js';
import { fakeIO, filesUnder } from './fake-io.js';

const cwd = '/w';
const UNSAFE = 'echo "$X"\n';

describe('runPaths', () => {
  it('gives each script a status, writes only changed files, and keeps their mode', () => {
    const io = fakeIO({
      '/w/a.sh': UNSAFE,
      '/w/b.sh': 'echo ok\n',
      '/w/c.sh': 'if\n',
      '/w/d.sh': '#!/bin/zsh\necho $X\n',
    });
    const entry = io.entries.get('/w/a.sh');
    if (entry?.kind === 'file') entry.mode = 0o750;
    const run = runPaths(['.'], { cwd, write: true, fix: {} }, io);
    assert.deepEqual(
      run.files.map((f) => [f.path, f.status]),
      [
        ['a.sh', 'changed'],
        ['b.sh', 'unchanged'],
        ['c.sh', 'skipped'],
        ['d.sh', 'skipped'],
      ],
    );
    assert.match(run.files[0]?.diff ?? '', /^--- a\/a\.sh\n\+\+\+ b\/a\.sh\n/);
    assert.equal(run.files[2]?.result?.diagnostics[0]?.code, 'parse-error');
    assert.equal(run.files[3]?.result?.diagnostics[0]?.code, 'unsupported-shell');
    assert.equal(hasFailures(run), true, 'a parse error fails the run');
    const a = io.entries.get('/w/a.sh');
    assert.equal(a?.kind === 'file' && a.mode, 0o750);
    assert.notEqual(a?.kind === 'file' && a.text, UNSAFE);
    assert.deepEqual(
      io.calls.filter((c) => c.startsWith('createFile') || c.startsWith('rename')),
      ['createFile /w/.a.sh.nounset-tmp', 'rename /w/.a.sh.nounset-tmp /w/a.sh'],
    );
    assert.deepEqual(Object.keys(filesUnder(io, '/w')), ['/w/a.sh', '/w/b.sh', '/w/c.sh', '/w/d.sh']);
  });

  it('an unsupported shell alone is not a failure', () => {
    const io = fakeIO({ '/w/d.sh': '#!/bin/zsh\necho $X\n' });
    assert.equal(hasFailures(runPaths(['.'], { cwd, write: true, fix: {} }, io)), false);
  });

  it('writes nothing in a dry run', () => {
    const io = fakeIO({ '/w/a.sh': UNSAFE });
    const run = runPaths(['a.sh'], { cwd, write: false, fix: {} }, io);
    assert.equal(run.files[0]?.status, 'changed');
    assert.equal(run.wrote, false);
    assert.deepEqual(filesUnder(io, '/w'), { '/w/a.sh': UNSAFE });
    assert.ok(!io.calls.some((c) => /^(createFile|rename|unlink)/.test(c)));
  });

  it('refuses symlinks and non-regular files named explicitly', () => {
    const io = fakeIO({ '/w/real.sh': UNSAFE, '/w/link.sh': '-> real.sh', '/w/fifo': '<fifo>' });
    const run = runPaths(['link.sh', 'fifo', 'nope.sh'], { cwd, write: true, fix: {} }, io);
    assert.deepEqual(
      run.files.map((f) => [f.path, f.status, f.error?.replace(/;.*/, '')]),
      [
        ['fifo', 'error', 'not a regular file'],
        ['link.sh', 'error', 'is a symlink'],
        ['nope.sh', 'error', 'cannot read: ENOENT'],
      ],
    );
    assert.deepEqual(io.entries.get('/w/link.sh'), { kind: 'symlink', target: 'real.sh' });
    assert.deepEqual(filesUnder(io, '/w'), { '/w/real.sh': UNSAFE });
  });

  for (const op of ['createFile', 'rename'] as const) {
    it(`leaves the original and no temp file when ${op} fails`, () => {
      const io = fakeIO({ '/w/a.sh': UNSAFE, '/w/b.sh': UNSAFE });
      io.fail[op] = 'ENOSPC';
      const run = runPaths(['.'], { cwd, write: true, fix: {} }, io);
      assert.deepEqual(
        run.files.map((f) => [f.status, f.error]),
        [
          ['error', 'cannot write: ENOSPC'],
          ['error', 'cannot write: ENOSPC'],
        ],
      );
      assert.deepEqual(filesUnder(io, '/w'), { '/w/a.sh': UNSAFE, '/w/b.sh': UNSAFE });
    });
  }

  it('leaves a file alone that changed on disk while it was being fixed', () => {
    const io = fakeIO({ '/w/a.sh': UNSAFE, '/w/b.sh': UNSAFE });
    io.afterCreate = (path) => {
      if (path === '/w/.a.sh.nounset-tmp')
        io.entries.set('/w/a.sh', { kind: 'file', text: 'echo edited\n', mode: 0o644 });
    };
    const run = runPaths(['.'], { cwd, write: true, fix: {} }, io);
    assert.deepEqual(
      run.files.map((f) => [f.path, f.status, f.error]),
      [
        ['a.sh', 'error', 'changed on disk while nounset was working on it; left as it is'],
        ['b.sh', 'changed', undefined],
      ],
    );
    const files = filesUnder(io, '/w');
    assert.deepEqual(Object.keys(files), ['/w/a.sh', '/w/b.sh'], 'no temp file is left');
    assert.equal(files['/w/a.sh'], 'echo edited\n');
  });

  it('gives the new file the owner of the file it replaces', () => {
    const io = fakeIO({ '/w/a.sh': UNSAFE });
    const entry = io.entries.get('/w/a.sh');
    if (entry?.kind === 'file') entry.owner = { uid: 1234, gid: 5678 };
    runPaths(['.'], { cwd, write: true, fix: {} }, io);
    const after = io.entries.get('/w/a.sh');
    assert.deepEqual(after?.kind === 'file' && after.owner, { uid: 1234, gid: 5678 });
    assert.notEqual(after?.kind === 'file' && after.text, UNSAFE);
  });

  it('says so when a temp file cannot be removed', () => {
    const io = fakeIO({ '/w/a.sh': UNSAFE });
    io.fail.rename = 'EXDEV';
    io.fail.unlink = 'EACCES';
    const run = runPaths(['a.sh'], { cwd, write: true, fix: {} }, io);
    assert.equal(
      run.files[0]?.error,
      'cannot write: EXDEV; the temp file /w/.a.sh.nounset-tmp could not be removed: EACCES',
    );
  });

  it('picks another temp name when one is taken, and leaves that file alone', () => {
    const io = fakeIO({ '/w/a.sh': UNSAFE, '/w/.a.sh.nounset-tmp': 'someone else' });
    const run = runPaths(['a.sh'], { cwd, write: true, fix: {} }, io);
    assert.equal(run.files[0]?.status, 'changed');
    assert.deepEqual(Object.keys(filesUnder(io, '/w')), ['/w/.a.sh.nounset-tmp', '/w/a.sh']);
    assert.equal(filesUnder(io, '/w')['/w/.a.sh.nounset-tmp'], 'someone else');
  });

  it('turns an unreadable file into an error and goes on', () => {
    const io = fakeIO({ '/w/a.sh': UNSAFE, '/w/b.sh': UNSAFE });
    io.fail.readFile = 'EACCES';
    // Without configuration files, whose reading would fail first (a test of its own, in test/config).
    const run = runPaths(['.'], { cwd, write: true, fix: {}, config: false }, io);
    assert.deepEqual(
      run.files.map((f) => f.error),
      ['cannot read: EACCES', 'cannot read: EACCES'],
    );
  });

  it('reads every file once, as it was before the run: a script fixed after the library it sources reads the library unchanged', () => {
    const files = {
      '/w/a/lib.sh': '. a/base.sh\necho "$MODE"\n',
      '/w/a/base.sh': 'echo "$BASE"\n',
      '/w/b/t1.sh': '#!/bin/bash\nset -u\n. a/lib.sh\necho "$MODE $BASE"\n',
      '/w/b/t2.sh': '#!/bin/bash\nset -u\n. a/lib.sh\necho "$MODE"\n',
    };
    const dry = fakeIO(files);
    const planned = runPaths(['.'], { cwd, write: false, fix: {} }, dry);
    const reads = dry.calls.filter((c) => /^readFile \/w\/.*\.sh$/.test(c));
    assert.deepEqual(
      reads,
      ['readFile /w/a/base.sh', 'readFile /w/a/lib.sh', 'readFile /w/b/t1.sh', 'readFile /w/b/t2.sh'],
      'each file once, sourced or not',
    );
    const written = fakeIO(files);
    const wrote = runPaths(['.'], { cwd, write: true, fix: {} }, written);
    assert.deepEqual(
      wrote.files.map((f) => f.diff),
      planned.files.map((f) => f.diff),
    );
    assert.match(
      filesUnder(written, '/w')['/w/b/t1.sh'] ?? '',
      /^MODE="\$\{MODE:-\}"$/m,
      'MODE is still an input of the script: the library only reads it',
    );
  });

  it('takes the bash of macOS (3.2) for the scripts of a run beside or below one that runs there', () => {
    // deploy.sh says nothing of its bash; setup.sh handles Darwin. "$@" with no argument stops a
    // set -u script under bash 3.2.
    const deploy = 'set -u\nmain() { echo "$@"; }\nmain "$@"\n';
    const setup = 'case "$(uname -s)" in Darwin) brew install jq ;; esac\n';
    const diffOf = (files: Record<string, string>, fix = {}) =>
      runPaths(['.'], { cwd, write: false, fix }, fakeIO(files)).files.find((f) => f.path === 'deploy.sh')?.diff ?? '';
    assert.match(diffOf({ '/w/deploy.sh': deploy, '/w/setup.sh': setup }), /^\+main \$\{@\+"\$@"\}$/m);
    // Only where the project shows macOS: that script's directory and below, and what sources it.
    assert.match(diffOf({ '/w/deploy.sh': deploy, '/w/sub/setup.sh': setup }), /^$/);
    assert.match(
      diffOf({ '/w/deploy.sh': `. sub/setup.sh\n${deploy}`, '/w/sub/setup.sh': setup }),
      /^\+main \$\{@\+"\$@"\}$/m,
    );
    // A library that such a script sources runs there too.
    assert.match(
      diffOf({ '/w/deploy.sh': deploy, '/w/sub/setup.sh': `${setup}. ../deploy.sh\n` }),
      /^\+main \$\{@\+"\$@"\}$/m,
    );
    // Alone, or told its bash, it keeps the default target, 4.4.
    assert.equal(diffOf({ '/w/deploy.sh': deploy }), '');
    assert.equal(diffOf({ '/w/deploy.sh': deploy, '/w/setup.sh': setup }, { bashVersion: '4.4' }), '');
    // Named alone in a git work tree, it learns the same from the tree's other scripts.
    const named = (files: Record<string, string>) =>
      runPaths(['deploy.sh'], { cwd, write: false, fix: {} }, fakeIO({ ...files, '/w/.git/': '' })).files[0]?.diff ??
      '';
    for (const files of <Record<string, string>[]>[
      { '/w/deploy.sh': deploy, '/w/setup.sh': setup },
      { '/w/deploy.sh': deploy, '/w/sub/setup.sh': setup },
      { '/w/deploy.sh': `. sub/setup.sh\n${deploy}`, '/w/sub/setup.sh': setup },
      { '/w/deploy.sh': deploy, '/w/sub/setup.sh': `${setup}. ../deploy.sh\n` },
    ])
      assert.equal(named(files), diffOf(files), Object.keys(files).join(' '));
  });

  it('throws UsageError on bad options before touching a file', () => {
    const io = fakeIO({ '/w/a.sh': UNSAFE });
    assert.throws(() => runPaths(['.'], { cwd, write: true, fix: { defaults: { '1X': '3' } } }, io), UsageError);
    assert.deepEqual(io.calls, []);
  });
});

describe('runPaths: functions of other files that print their caller’s line numbers', () => {
  const DIE = 'die() { echo "line $(caller 0)" >&2; exit 1; }\n';
  const io = () =>
    fakeIO({
      // Project a's die prints its caller's line: a script that may run it keeps its lines.
      '/w/a/lib.sh': DIE,
      '/w/a/main.sh': '#!/bin/bash\nset -u\n. "$LIBDIR/lib.sh"\n[ -n "$A_IN" ] || die "A_IN"\n',
      // Project b has a die of its own, in the library it sources: its lines may move.
      '/w/b/lib.sh': 'die() { echo "$*" >&2; exit 1; }\n',
      '/w/b/main.sh': '#!/bin/bash\nset -u\n. ./lib.sh\n[ -n "$B_IN" ] || die "B_IN"\n',
      // c sources nothing and calls die: it may be a's.
      '/w/c/main.sh': '#!/bin/bash\nset -u\n[ -n "$C_IN" ] || die "C_IN"\n',
    });
  const style = (run: ReturnType<typeof runPaths>, path: string) => {
    const diff = run.files.find((f) => f.path === path)?.diff ?? '';
    return /nounset:env-init begin/.test(diff) ? 'block' : /\$\{\w+_IN:-\}/.test(diff) ? 'inline' : diff;
  };

  it('keeps the lines of a script that may run one, not of a script whose followed sources define its own', () => {
    const run = runPaths(['.'], { cwd, write: false, fix: {} }, io());
    assert.equal(style(run, 'a/main.sh'), 'inline', 'its source is not followed: die may be a/lib.sh’s');
    assert.equal(style(run, 'b/main.sh'), 'block', 'b/lib.sh, followed, defines the die it runs');
    assert.equal(style(run, 'c/main.sh'), 'inline');
  });
});
