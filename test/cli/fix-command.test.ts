// The built binary's fix mode, dry run and inspect, run in a temp dir(): stdout, stderr and exit
// code, each asserted on its own.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { type Ran, runCli, useTempDir } from '../support/cli.js';

const run = runCli;

function git(args: string[], cwd: string, input?: string): Ran {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', input });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const SCRIPT = '#!/bin/bash\nset -u\necho "deploying to $TARGET"\ncp "$1" /tmp\n';
const BAD = 'echo ok\nif true; then\n';

describe('nounset (fix mode and --dry-run)', () => {
  const dir = useTempDir('nounset-fix-');
  const write = (name: string, text: string): void => {
    mkdirSync(join(dir(), name, '..'), { recursive: true });
    writeFileSync(join(dir(), name), text);
  };
  const read = (name: string): string => readFileSync(join(dir(), name), 'utf8');

  it('--dry-run prints a diff on stdout, nothing on stderr, and writes nothing', () => {
    write('deploy.sh', SCRIPT);
    const r = run(['--dry-run', 'deploy.sh'], dir());
    assert.match(r.stdout, /^--- a\/deploy\.sh\n\+\+\+ b\/deploy\.sh\n@@ /);
    assert.match(r.stdout, /^\+# nounset:env-init begin/m);
    assert.match(r.stdout, /^\+TARGET="\$\{TARGET:-\}"$/m);
    assert.match(r.stdout, /^\+cp "\$\{1:-\}" \/tmp$/m);
    assert.equal(r.log, '');
    assert.equal(r.status, 0);
    assert.equal(read('deploy.sh'), SCRIPT);
    assert.deepEqual(readdirSync(dir()), ['deploy.sh']);
  });

  it('--bash-version takes each of its choices as written on the command line', () => {
    // yargs once read `3.2` as a number, which no choice equalled: every value was refused.
    write('lists.sh', '#!/bin/bash\nset -u\nargs=()\necho "${args[@]}"\n');
    for (const version of ['3.2', '4.0']) {
      const r = run(['--dry-run', '--bash-version', version, 'lists.sh'], dir());
      assert.equal(r.status, 0, r.log);
      assert.match(r.stdout, /^\+echo \$\{args\[@\]\+"\$\{args\[@\]\}"\}$/m);
    }
    for (const version of ['4.4', '5']) {
      const r = run(['--dry-run', '--bash-version', version, 'lists.sh'], dir());
      assert.equal(r.status, 0, r.log);
      assert.equal(r.stdout, '');
    }
    assert.equal(run(['--dry-run', '--bash-version', '4.3', 'lists.sh'], dir()).status, 2);
  });

  it('--dry-run prints a diff that git apply accepts, and applying it gives what fix mode writes', () => {
    write('bin/deploy.sh', SCRIPT);
    write('lib/util.sh', 'log() { echo "$1" >> "$LOG_FILE"; }\n');
    assert.equal(git(['init', '-q'], dir()).status, 0);
    const dry = run(['--dry-run', '.'], dir());
    assert.equal(dry.status, 0);
    assert.match(dry.stdout, /^--- a\/bin\/deploy\.sh$/m);
    assert.match(dry.stdout, /^--- a\/lib\/util\.sh$/m);
    const check = git(['apply', '--check', '-'], dir(), dry.stdout);
    assert.equal(check.stderr, '');
    assert.equal(check.status, 0);
    assert.equal(git(['apply', '-'], dir(), dry.stdout).status, 0);
    const applied = [read('bin/deploy.sh'), read('lib/util.sh')];
    write('bin/deploy.sh', SCRIPT);
    write('lib/util.sh', 'log() { echo "$1" >> "$LOG_FILE"; }\n');
    assert.equal(run(['.'], dir()).status, 0);
    assert.deepEqual([read('bin/deploy.sh'), read('lib/util.sh')], applied);
  });

  it('fix mode rewrites the file in place, keeps its mode, leaves no other file, and a second run changes nothing', () => {
    write('deploy.sh', SCRIPT);
    chmodSync(join(dir(), 'deploy.sh'), 0o755);
    const r = run(['deploy.sh'], dir());
    assert.equal(r.summary, 'nounset: 1 script, 1 changed, 0 unchanged, 0 skipped, 0 errors, 2 edits');
    assert.equal(r.log, '');
    assert.equal(r.status, 0);
    const fixed = read('deploy.sh');
    assert.notEqual(fixed, SCRIPT);
    assert.match(fixed, /^TARGET="\$\{TARGET:-\}"$/m);
    assert.equal(statSync(join(dir(), 'deploy.sh')).mode & 0o777, 0o755);
    assert.deepEqual(readdirSync(dir()), ['deploy.sh']);

    const again = run(['deploy.sh'], dir());
    assert.equal(again.summary, 'nounset: 1 script, 0 changed, 1 unchanged, 0 skipped, 0 errors, 0 edits');
    assert.equal(again.log, '');
    assert.equal(again.status, 0);
    assert.equal(read('deploy.sh'), fixed);
    const dry = run(['--dry-run', 'deploy.sh'], dir());
    assert.equal(dry.stdout, '');
    assert.equal(dry.status, 0);
  });

  it('keeps a mode the umask would not give (0700)', () => {
    write('a.sh', 'echo $X\n');
    chmodSync(join(dir(), 'a.sh'), 0o700);
    assert.equal(run(['a.sh'], dir()).status, 0);
    assert.equal(statSync(join(dir(), 'a.sh')).mode & 0o7777, 0o700);
  });

  it('a directory yields .sh files and extensionless files with a shell shebang, not README, .git, node_modules or hidden entries', () => {
    write('a.sh', 'echo $A\n');
    write('sub/tool', '#!/usr/bin/env bash\necho $B\n');
    write('sub/tool2', '#!/usr/bin/env -S bash -e\necho $B\n');
    write('sub/deeper/c.bash', 'echo $C\n');
    write('README', '#!/not/a/shell\necho $R\n');
    write('notes', 'echo $N\n');
    write('tool.py', '#!/bin/sh\necho $P\n');
    write('.git/hooks/pre-commit', '#!/bin/sh\necho $G\n');
    write('.git/x.sh', 'echo $G\n');
    write('node_modules/pkg/install.sh', 'echo $M\n');
    write('.hidden/h.sh', 'echo $H\n');
    write('.dot.sh', 'echo $H\n');
    const r = run(['--dry-run'], dir());
    const patched = [...r.stdout.matchAll(/^--- a\/(.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(patched, ['a.sh', 'sub/deeper/c.bash', 'sub/tool', 'sub/tool2']);
    assert.equal(r.log, '');
    assert.equal(r.status, 0);
  });

  it('takes a file named on the command line whatever its name', () => {
    write('notes', 'echo $N\n');
    const r = run(['notes'], dir());
    assert.equal(r.summary, 'nounset: 1 script, 1 changed, 0 unchanged, 0 skipped, 0 errors, 1 edit');
    assert.equal(r.status, 0);
  });

  it('refuses a symlink named on the command line and leaves it a link; skips links found by walking', () => {
    write('real.sh', SCRIPT);
    symlinkSync('real.sh', join(dir(), 'link.sh'));
    const r = run(['link.sh'], dir());
    assert.equal(r.summary, 'nounset: 1 script, 0 changed, 0 unchanged, 0 skipped, 1 error, 0 edits');
    assert.match(r.log, /^link\.sh: error: is a symlink/);
    assert.equal(r.status, 3);
    assert.ok(lstatSync(join(dir(), 'link.sh')).isSymbolicLink());
    assert.equal(read('real.sh'), SCRIPT);

    const walked = run(['.'], dir());
    assert.equal(walked.summary, 'nounset: 1 script, 1 changed, 0 unchanged, 0 skipped, 0 errors, 2 edits');
    assert.equal(walked.status, 0);
    assert.ok(lstatSync(join(dir(), 'link.sh')).isSymbolicLink());
  });

  it('does not follow a symlinked directory while walking', () => {
    write('real/a.sh', 'echo $A\n');
    symlinkSync('real', join(dir(), 'alias'));
    const r = run(['--dry-run', '.'], dir());
    assert.equal(r.stdout.match(/^--- /gm)?.length, 1);
    assert.match(r.stdout, /^--- a\/real\/a\.sh$/m);
  });

  it('follows a # shellcheck source= path from the directory it runs in when the script directory has no such file (bats-core)', () => {
    write(
      'libexec/bats-core/bats-format-junit',
      '#!/usr/bin/env bash\nset -u\n# shellcheck source=lib/bats-core/formatter.bash\nsource "$BATS_ROOT/lib/bats-core/formatter.bash"\necho "$FORMATTER_SET $OTHER"\n',
    );
    write('lib/bats-core/formatter.bash', 'FORMATTER_SET=1\n');
    const r = run(['--dry-run', '--style', 'inline', 'libexec/bats-core/bats-format-junit'], dir());
    assert.equal(r.status, 0, r.log);
    assert.equal(r.log, '');
    assert.equal(
      r.table,
      'nounset: diagnostics by code (info not shown; --verbose shows them):\n  info     source-followed  1\n',
    );
    assert.match(r.stdout, /^\+echo "\$FORMATTER_SET \$\{OTHER:-\}"$/m);
    const verbose = run(['--dry-run', '--style', 'inline', '--verbose', 'libexec/bats-core/bats-format-junit'], dir());
    assert.equal(
      verbose.log,
      'libexec/bats-core/bats-format-junit:4:8: info: follows lib/bats-core/formatter.bash: the variables and functions it sets count from here [source-followed]\n',
    );
    assert.equal(verbose.table, 'nounset: diagnostics by code:\n  info     source-followed  1\n');
    assert.equal(
      run(['--dry-run', '--style', 'inline', '--diagnostics', 'info', 'libexec/bats-core/bats-format-junit'], dir())
        .log,
      verbose.log,
    );
  });

  it('reports a syntax error as path:line:col on stderr, exits 3, leaves the file alone and fixes the others', () => {
    write('bad.sh', BAD);
    write('good.sh', SCRIPT);
    const r = run(['.'], dir());
    // A file left alone because it does not parse is an error: the closing line agrees with exit 3.
    assert.equal(r.summary, 'nounset: 2 scripts, 1 changed, 0 unchanged, 0 skipped, 1 error, 2 edits');
    assert.match(r.log, /^bad\.sh:3:1: error: skipped: .+ \[parse-error\]\n$/);
    assert.equal(r.status, 3);
    assert.equal(read('bad.sh'), BAD);
    assert.notEqual(read('good.sh'), SCRIPT);
  });

  it('skips a script for another shell with an info note (shown with --verbose) and exits 0', () => {
    const zsh = '#!/bin/zsh\necho $HOME $X\n';
    write('z.sh', zsh);
    const r = run(['z.sh'], dir());
    assert.equal(r.summary, 'nounset: 1 script, 0 changed, 0 unchanged, 1 skipped, 0 errors, 0 edits');
    assert.equal(r.log, '');
    assert.match(r.table, /^ {2}info {5}unsupported-shell {2}1\n$/m);
    assert.match(run(['--verbose', 'z.sh'], dir()).log, /^z\.sh:1:1: info: skipped: .*zsh.* \[unsupported-shell\]\n$/);
    assert.equal(r.status, 0);
    assert.equal(read('z.sh'), zsh);
  });

  it('exits 3 on a missing file', () => {
    const r = run(['nope.sh'], dir());
    assert.equal(r.summary, 'nounset: 1 script, 0 changed, 0 unchanged, 0 skipped, 1 error, 0 edits');
    assert.equal(r.log, 'nope.sh: error: cannot read: ENOENT\n');
    assert.equal(r.status, 3);
  });

  for (const args of [
    ['--style', 'nope'],
    ['--default', '1X=3'],
    ['--default', 'NOEQUALS'],
    ['--require', 'a-b'],
    ['--dialect', 'zsh'],
    ['--no-such-flag'],
  ]) {
    it(`exits 2 on bad usage: ${args.join(' ')}`, () => {
      write('a.sh', SCRIPT);
      const r = run([...args, 'a.sh'], dir());
      assert.equal(r.stdout, '');
      assert.match(r.log, /^nounset: /);
      assert.equal(r.status, 2);
      assert.equal(read('a.sh'), SCRIPT);
    });
  }

  it('checks --default even when no script is found', () => {
    const r = run(['--default', '1X=3'], dir());
    assert.equal(r.status, 2);
    assert.match(r.log, /not a variable name: "1X"/);
  });

  it('--style inline rewrites each reference and adds no env-init block', () => {
    write('a.sh', SCRIPT);
    const r = run(['--style', 'inline', 'a.sh'], dir());
    assert.equal(r.status, 0);
    const fixed = read('a.sh');
    assert.doesNotMatch(fixed, /nounset:env-init/);
    assert.match(fixed, /^echo "deploying to \$\{TARGET:-\}"$/m);
  });

  it('--default, --require and --ignore-var reach the env-init block; the paths after a repeatable option stay paths', () => {
    write('a.sh', '#!/bin/bash\necho "$TARGET" "$TOKEN" "$LANG" "$OTHER"\n');
    write('b.sh', 'echo "$TARGET"\n');
    const r = run(['--default', 'TARGET=prod', '--require', 'TOKEN', '--ignore-var', 'LANG', 'a.sh', 'b.sh'], dir());
    assert.equal(r.status, 0);
    assert.match(r.summary, /^nounset: 2 scripts, 2 changed/);
    const a = read('a.sh');
    assert.match(a, /^TARGET="\$\{TARGET:-prod\}"$/m);
    assert.match(a, /TOKEN:\?/);
    assert.doesNotMatch(a, /LANG:-/);
    assert.match(read('b.sh'), /prod/);
  });

  it('--dialect sh reads bash-only syntax as an error', () => {
    write('a', 'x=(1 2)\necho "${x[0]}"\n');
    assert.equal(run(['--dry-run', 'a'], dir()).status, 0);
    const r = run(['--dry-run', '--dialect', 'sh', 'a'], dir());
    assert.equal(r.status, 3);
    assert.match(r.log, /^a:1:\d+: error: .*\[parse-error\]/);
  });

  it('output is byte-identical from run to run', () => {
    write('b.sh', SCRIPT);
    write('a/z.sh', SCRIPT);
    write('a/y.sh', 'echo $Y\n');
    const first = run(['--dry-run', 'b.sh', '.'], dir());
    const second = run(['--dry-run', '.', 'b.sh'], dir());
    const { stderr: _a, ...firstSeen } = first;
    const { stderr: _b, ...secondSeen } = second;
    assert.deepEqual(secondSeen, firstSeen, 'all but the time on the closing line');
    assert.deepEqual(
      [...first.stdout.matchAll(/^--- a\/(.+)$/gm)].map((m) => m[1]),
      ['a/y.sh', 'a/z.sh', 'b.sh'],
    );
  });
  it('follows sourced files inside the directory it runs in, not outside; what those may set is defaulted where it is read (--sourced-unknown leave leaves it)', () => {
    write(
      'bin/run.sh',
      '#!/bin/bash\nset -u\n. "$(dirname "$0")/../lib/common.sh"\necho "$FROM_LIB"\n. /etc/os-release\necho "$ID"\n',
    );
    write('lib/common.sh', 'FROM_LIB=1\n');
    const r = run(['--dry-run', 'bin/run.sh'], dir());
    assert.equal(r.status, 0, r.stderr);
    // FROM_LIB is set by lib/common.sh; ID may be set by /etc/os-release, which is not read.
    assert.match(r.stdout, /^\+echo "\$\{ID:-\}"$/m);
    assert.doesNotMatch(r.stdout, /^\+.*FROM_LIB/m);
    assert.match(
      r.log,
      /bin\/run\.sh:5:3: warning: nounset does not follow \/etc\/os-release: .*ID is read after it and may be set there, so it is defaulted where it is read/,
    );
    const left = run(['--dry-run', '--sourced-unknown', 'leave', 'bin/run.sh'], dir());
    assert.equal(left.stdout, '');
  });
});

describe('nounset inspect', () => {
  const dir = useTempDir('nounset-inspect-');

  it('--format json prints the inspect result with each reference and its verdict', () => {
    writeFileSync(join(dir(), 'a.sh'), 'x=1\necho "$x" "$Y" "${Z:-d}"\n');
    const r = run(['inspect', '--format', 'json', 'a.sh'], dir());
    assert.equal(r.log, '');
    assert.equal(r.status, 0);
    const result = JSON.parse(r.stdout) as {
      dialect: string;
      references: { name: string; verdict: string; line: number; column: number; reason: string }[];
    };
    assert.equal(result.dialect, 'bash');
    assert.deepEqual(
      result.references.map((ref) => [ref.name, ref.verdict, ref.line, ref.column]),
      [
        ['x', 'safe', 2, 7],
        ['Y', 'unsafe', 2, 12],
        ['Z', 'safe', 2, 17],
      ],
    );
    assert.ok(result.references.every((ref) => ref.reason.length > 0));
  });

  it('text format prints one aligned row per reference', () => {
    writeFileSync(join(dir(), 'a.sh'), 'x=1\necho "$x" "$LONGER_NAME"\n');
    const r = run(['inspect', 'a.sh'], dir());
    assert.equal(r.status, 0);
    assert.equal(r.log, '');
    const rows = r.stdout.split('\n').slice(0, -1);
    assert.equal(rows.length, 2);
    // Nothing turns set -u on: "no set -u".
    assert.match(rows[0] ?? '', /^2:7 {3}x {12}safe {4}\$x {12}no set -u {2}— \S/);
    assert.match(rows[1] ?? '', /^2:12 {2}LONGER_NAME {2}unsafe {2}\$LONGER_NAME {2}no set -u {2}— \S/);
  });

  it('follows sourced files as a fix run does: each verdict is the one fixing gives', () => {
    mkdirSync(join(dir(), 'lib'), { recursive: true });
    writeFileSync(join(dir(), 'lib', 'reset.sh'), 'unset STATE\nLIBRARY=1\n');
    writeFileSync(join(dir(), 'main.sh'), 'set -u\nSTATE=ready\n. ./lib/reset.sh\necho "$STATE" "$LIBRARY"\n');
    const r = run(['inspect', '--format', 'json', 'main.sh'], dir());
    assert.equal(r.status, 0);
    const refs = (JSON.parse(r.stdout) as { references: { name: string; verdict: string }[] }).references;
    assert.deepEqual(
      refs.map((ref) => [ref.name, ref.verdict]),
      [
        ['STATE', 'unsafe'],
        ['LIBRARY', 'safe'],
      ],
    );
    const fixed = run(['--dry-run', 'main.sh'], dir());
    assert.match(fixed.stdout, /^\+echo "\$\{STATE:-\}" "\$LIBRARY"$/m);
  });

  it('gives the file the options a fix run gives it: its configuration, and the scripts that source it', () => {
    const root = join(dir(), 'tree');
    mkdirSync(join(root, '.git'), { recursive: true });
    writeFileSync(join(root, 'main.sh'), '#!/bin/bash\nset -u\n. ./lib.sh\necho "${DEBUG-unset}"\n');
    writeFileSync(join(root, 'lib.sh'), '#!/bin/bash\nset -u\numask 022\necho "$DEBUG $LEVEL $TAG"\n');
    writeFileSync(join(root, '.nounsetrc.json'), '{ "defaults": { "TAG": "none" } }\n');
    const r = run(['inspect', 'lib.sh'], root);
    assert.equal(r.status, 0);
    // main.sh sources lib.sh, which therefore gets no env-init block: its reads are fixed in place.
    assert.match(r.log, /\[library-inline\]/);
    assert.match(r.stdout, /DEBUG .*defaulted to empty where it is read/);
    assert.match(r.stdout, /TAG .*defaulted where it is read to `none`, its configured default/);
    const fixed = run(['--dry-run', 'lib.sh'], root);
    assert.match(fixed.stdout, /^\+echo "\$\{DEBUG:-\} \$\{LEVEL:-\} \$\{TAG:-none\}"$/m);
  });

  it('still shows what a disabled file reads, and says that a fix run leaves it alone', () => {
    writeFileSync(join(dir(), 'off.sh'), '#!/bin/bash\n# nounset disable-file\necho "$X"\n');
    const r = run(['inspect', 'off.sh'], dir());
    assert.equal(r.status, 0);
    assert.equal(
      r.log,
      'off.sh:1:1: info: skipped: a `# nounset disable-file` comment asks nounset to leave this file alone [disabled]\n',
    );
    assert.match(r.stdout, /^3:7 +X +unsafe /);
    const fixed = run(['--dry-run', '--verbose', 'off.sh'], dir());
    assert.equal(fixed.stdout, '');
    assert.match(fixed.log, /^off\.sh:1:1: info: skipped: a `# nounset disable-file` comment/);
  });

  it('exits 3 on a file that does not parse, with path:line:col on stderr', () => {
    writeFileSync(join(dir(), 'bad.sh'), BAD);
    const r = run(['inspect', 'bad.sh'], dir());
    assert.equal(r.stdout, '');
    assert.match(r.log, /^bad\.sh:3:1: error: .*\[parse-error\]\n$/);
    assert.equal(r.status, 3);
  });

  it('exits 3 on a missing file and 2 on bad usage', () => {
    const missing = run(['inspect', 'nope.sh'], dir());
    assert.equal(missing.log, 'nope.sh: error: cannot read: ENOENT\n');
    assert.equal(missing.status, 3);
    const usage = run(['inspect', 'nope.sh', '--format', 'xml'], dir());
    assert.equal(usage.stdout, '');
    assert.equal(usage.status, 2);
  });
});
