// The built CLI in a temporary git repository holding every kind of input a real tree has:
// nested .gitignore files, a symlink, a CRLF script, a binary file, a file that is not UTF-8 (fixed, its bytes kept),
// an unreadable file, a script that does not parse, an executable script, a configuration file
// with a default, a suppression, and enough scripts for worker threads. Asserts on files, stdout,
// stderr and exit codes, as a user of one of the multi-repo engines would see them.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { BIN, runCli, useTempDir } from '../support/cli.js';

const isRoot = process.getuid?.() === 0;

function git(
  args: string[],
  cwd: string,
  input?: string | Buffer,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
    cwd,
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DEPLOY = '#!/bin/bash\nset -euo pipefail\necho "deploying $TARGET"\nrm -rf "$WORKDIR/"\n';
const CRLF = '#!/bin/sh\r\nset -u\r\necho "$HOST"\r\n';
const BROKEN = '#!/bin/bash\necho ok\nif true; then\n';
const APP =
  '#!/bin/bash\nset -u\n[ "$DEBUG" = true ] && set -x\n# nounset disable-next-line LEGACY\necho "$LEGACY"\necho "$NAME"\n';
const BINARY = Buffer.from('#!/bin/sh\necho "$A"\n\u0000\u0001\u0002\n', 'latin1');
const LATIN1 = Buffer.from('#!/bin/sh\n# caf\u00e9\necho "$A \u00e0 $B"\n', 'latin1');

/** The files of a tree, relative path → bytes (symlinks as `-> target`), .git left out. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.git') continue;
      const abs = join(dir, name);
      const st = lstatSync(abs);
      const rel = relative(root, abs);
      if (st.isSymbolicLink()) out.set(rel, '-> link');
      else if (st.isDirectory()) walk(abs);
      else if (st.mode & 0o444) out.set(rel, readFileSync(abs, 'latin1'));
      else out.set(rel, '<unreadable>');
    }
  };
  walk(root);
  return out;
}

describe('nounset end to end, in a git repository', function () {
  this.timeout(120_000);
  const dir = useTempDir('nounset-e2e-');
  const write = (name: string, text: string | Buffer, mode?: number): void => {
    mkdirSync(dirname(join(dir(), name)), { recursive: true });
    writeFileSync(join(dir(), name), text);
    if (mode !== undefined) chmodSync(join(dir(), name), mode);
  };
  const read = (name: string): string => readFileSync(join(dir(), name), 'utf8');

  beforeEach(() => {
    assert.equal(git(['init', '-q'], dir()).status, 0);
    write('.gitignore', 'build/\n');
    write('build/gen.sh', 'echo "$IGNORED"\n');
    write('tools/.gitignore', '*.generated.sh\n');
    write('tools/x.generated.sh', 'echo "$IGNORED"\n');
    write('tools/deploy.sh', DEPLOY, 0o755);
    symlinkSync('tools/deploy.sh', join(dir(), 'link.sh'));
    write('crlf.sh', CRLF);
    write('binary.sh', BINARY);
    write('latin1.sh', LATIN1);
    write('broken.sh', BROKEN);
    write('app/.nounsetrc.json', JSON.stringify({ defaults: { DEBUG: 'false' } }));
    write('app/run.sh', APP);
    for (let i = 0; i < 40; i++)
      write(`many/s${String(i).padStart(2, '0')}.sh`, `#!/bin/sh\nset -u\necho "$V${i}" "$1"\n`);
    assert.equal(git(['add', '-A'], dir()).status, 0);
    assert.equal(git(['commit', '-qm', 'start'], dir()).status, 0);
  });

  it('--dry-run: a diff git apply accepts, one line per bad file, exit 3, nothing written', () => {
    const before = snapshot(dir());
    const r = runCli(['--dry-run', '.'], dir());
    assert.equal(r.status, 3);
    const patched = [...r.stdout.matchAll(/^--- a\/(.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(
      patched.filter((p) => !p?.startsWith('many/')),
      ['app/run.sh', 'crlf.sh', 'latin1.sh', 'tools/deploy.sh'],
    );
    assert.equal(patched.length, 44);
    const log = r.log.split('\n').filter(Boolean);
    // Infos are counted in the closing table, not printed (--verbose prints them).
    assert.equal(log.length, 2, r.log);
    assert.equal(log[0], 'binary.sh: error: skipped: binary file (a NUL byte on line 3)');
    assert.match(r.log, /^broken\.sh:\d+:\d+: error: skipped: .*\[parse-error\]$/m);
    assert.match(
      r.table,
      /^nounset: diagnostics by code \(info not shown; --verbose shows them\):\n {2}error {4}parse-error +1\n/,
    );
    assert.match(r.table, /^ {2}info {5}crlf-script +1$/m);
    const verbose = runCli(['--dry-run', '--verbose', 'crlf.sh'], dir());
    assert.match(verbose.log, /^crlf\.sh:3:1: info: this script has CRLF line endings.*\[crlf-script\]\n$/);
    // The file that does not parse is an error, not "skipped": the closing line says why exit is 3.
    assert.match(r.summary, /^nounset: 46 scripts, 44 would change, 0 unchanged, 0 skipped, 2 errors, \d+ edits$/);
    assert.deepEqual(snapshot(dir()), before);
    // The diff of latin1.sh carries its own bytes (0xe9, 0xe0), so git apply matches them.
    const bytes = r.stdoutBytes ?? Buffer.alloc(0);
    for (const line of [' # caf\u00e9\n', '+B="${B:-}"\n', ' echo "$A \u00e0 $B"\n'])
      assert.ok(bytes.includes(Buffer.from(line, 'latin1')), `${JSON.stringify(line)} in the diff, byte for byte`);
    assert.equal(git(['apply', '--check', '-'], dir(), bytes).status, 0, 'git apply --check accepts the diff');
    const applied = git(['apply', '-'], dir(), bytes);
    assert.equal(applied.status, 0, applied.stderr);
    assert.deepEqual(
      readFileSync(join(dir(), 'latin1.sh')),
      Buffer.from(
        '#!/bin/sh\n# caf\u00e9\n\n# nounset:env-init begin: environment inputs of this script (edit the defaults here)\nA="${A:-}"\nB="${B:-}"\n# nounset:env-init end\n\necho "$A \u00e0 $B"\n',
        'latin1',
      ),
    );
    assert.equal(git(['checkout', '--', '.'], dir()).status, 0);
    assert.equal(git(['status', '--porcelain'], dir()).stdout, '');
  });

  it('fix mode writes exactly the intended edits; a second run changes nothing', () => {
    const before = snapshot(dir());
    const r = runCli(['.'], dir());
    assert.equal(r.status, 3);
    assert.match(r.stdout, /^app\/run\.sh: changed, \d+ edits?\ncrlf\.sh: changed, /);
    // Only tracked files changed: no backup, cache or temp file for the engine to stage.
    const status = git(['status', '--porcelain', '--untracked-files=all'], dir()).stdout.split('\n').filter(Boolean);
    assert.ok(
      status.every((l) => l.startsWith(' M ')),
      status.join('\n'),
    );
    assert.equal(status.length, 44);
    // The bad files, the ignored ones and the link are as they were, byte for byte.
    const after = snapshot(dir());
    // A file that is not UTF-8 is fixed, every byte of it kept.
    assert.equal(
      after.get('latin1.sh'),
      '#!/bin/sh\n# caf\u00e9\n\n# nounset:env-init begin: environment inputs of this script (edit the defaults here)\nA="${A:-}"\nB="${B:-}"\n# nounset:env-init end\n\necho "$A \u00e0 $B"\n',
    );
    for (const f of [
      'binary.sh',
      'broken.sh',
      'link.sh',
      'build/gen.sh',
      'tools/x.generated.sh',
      'app/.nounsetrc.json',
    ])
      assert.equal(after.get(f), before.get(f), f);
    assert.ok(lstatSync(join(dir(), 'link.sh')).isSymbolicLink());
    // Mode survives; CRLF stays CRLF on every line, the new ones included.
    assert.equal(statSync(join(dir(), 'tools/deploy.sh')).mode & 0o777, 0o755);
    const crlf = read('crlf.sh');
    assert.equal(
      crlf
        .split('\n')
        .slice(0, -1)
        .every((l) => l.endsWith('\r')),
      true,
      crlf,
    );
    // The configuration's default, and the suppression, apply.
    const app = read('app/run.sh');
    assert.match(app, /^DEBUG="\$\{DEBUG:-false\}"$/m);
    assert.match(app, /^# nounset disable-next-line LEGACY\necho "\$LEGACY"$/m);
    assert.match(read('tools/deploy.sh'), /rm -rf "\$\{WORKDIR:\?WORKDIR is not set\}\/"/);

    const again = runCli(['.'], dir());
    assert.equal(again.status, 3, 'the bad files still fail');
    assert.equal(again.stdout, '');
    assert.deepEqual(snapshot(dir()), after);
  });

  it('--jobs 1 and --jobs 4 give byte-identical output (diff and JSON)', () => {
    const one = runCli(['--dry-run', '--jobs', '1', '.'], dir());
    const four = runCli(['--dry-run', '--jobs', '4', '.'], dir());
    assert.equal(four.stdout, one.stdout);
    assert.equal(four.log, one.log);
    assert.doesNotMatch(one.stderr, / on \d+ threads/);
    assert.match(four.stderr, / on 2 threads\n$/, 'the run used worker threads');
    const json = (args: string[]): string =>
      runCli([...args, '--format', 'json', '.'], dir()).stdout.replace(/"durationMs": \d+/, '"durationMs": 0');
    assert.equal(json(['--check', '--jobs', '4']), json(['--check', '--jobs', '1']));
  });

  it('an unreadable file is reported and skipped (as root, a missing one stands in)', () => {
    if (isRoot) {
      // Permissions do not stop root: the same error path, from a file that is not there.
      const r = runCli(['--dry-run', 'tools/deploy.sh', 'gone.sh'], dir());
      assert.equal(r.status, 3);
      assert.equal(r.log, 'gone.sh: error: cannot read: ENOENT\n');
      assert.match(r.stdout, /^--- a\/tools\/deploy\.sh$/m);
      return;
    }
    write('secret.sh', 'echo "$A"\n', 0o000);
    const r = runCli(['--dry-run', 'secret.sh', 'tools/deploy.sh'], dir());
    assert.equal(r.status, 3);
    assert.equal(r.log, 'secret.sh: error: cannot read: EACCES\n');
  });

  it('keeps the owner of a rewritten file', function () {
    if (!isRoot) this.skip();
    chownSync(join(dir(), 'tools/deploy.sh'), 4242, 4343);
    assert.equal(runCli(['tools/deploy.sh'], dir()).status, 0);
    const st = statSync(join(dir(), 'tools/deploy.sh'));
    assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [4242, 4343, 0o755]);
    assert.match(read('tools/deploy.sh'), /TARGET:-/);
  });

  it('a bad configuration file stops the run before any file is touched: exit 2, file and key named', () => {
    write('app/.nounsetrc.json', JSON.stringify({ defaults: { DEBUG: 'false' }, overides: [] }));
    const before = snapshot(dir());
    const r = runCli(['.'], dir());
    assert.equal(r.status, 2);
    assert.match(r.stderr, /app\/\.nounsetrc\.json: overides: unknown key/);
    assert.deepEqual(snapshot(dir()), before);
  });

  it('Ctrl-C stops between files: every file is whole (before or after), no temp file is left', async () => {
    // Enough files that the signal lands mid-run.
    for (let i = 0; i < 6; i++) cpSync(join(dir(), 'many'), join(dir(), `copy${i}`), { recursive: true });
    const before = snapshot(dir());
    const expected = `${dir()}-expected`;
    cpSync(dir(), expected, { recursive: true, verbatimSymlinks: true });
    try {
      runCli(['.'], expected);
      const fixed = snapshot(expected);
      const child = spawn(process.execPath, [BIN, '.'], { cwd: dir(), stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // Once the first file in path order is rewritten, the run is under way.
      const original = before.get('app/run.sh');
      const poll = setInterval(() => {
        if (readFileSync(join(dir(), 'app/run.sh'), 'latin1') !== original) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 2);
      const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
      assert.ok(code === 130 || code === 3, `exit ${String(code)}: ${stderr}`);
      if (code === 130) assert.match(stderr, /interrupted; \d+ files were not processed/);
      const got = snapshot(dir());
      assert.deepEqual([...got.keys()], [...before.keys()], 'no file appeared or vanished (no temp file left)');
      for (const [file, text] of got)
        assert.ok(text === before.get(file) || text === fixed.get(file), `${file} is whole`);
    } finally {
      rmSync(expected, { recursive: true, force: true });
    }
  });
});
