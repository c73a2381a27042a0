// Which files a directory run covers: nested .gitignore files (and --no-ignore), --exclude,
// vendor directories; a file named on the command line is always taken.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli, useTempDir } from '../support/cli.js';

describe('nounset: finding scripts', () => {
  const dir = useTempDir('nounset-find-');
  const write = (name: string, text: string): void => {
    mkdirSync(dirname(join(dir(), name)), { recursive: true });
    writeFileSync(join(dir(), name), text);
  };
  const patched = (args: string[]): string[] =>
    [...runCli(args, dir()).stdout.matchAll(/^--- a\/(.+)$/gm)].map((m) => m[1] ?? '');

  beforeEach(() => {
    for (const f of ['a.sh', 'sub/b.sh', 'sub/gen/c.sh', 'sub/skip.sh', 'vendor/v.sh', 'keep/skip.sh'])
      write(f, 'echo "$A"\n');
    write('.gitignore', 'skip.sh\n!keep/skip.sh\n');
    write('sub/.gitignore', 'gen/\n');
  });

  it('honours nested .gitignore files, negations included, and skips vendor/', () => {
    assert.deepEqual(patched(['--dry-run', '.']), ['a.sh', 'keep/skip.sh', 'sub/b.sh']);
  });

  it('--no-ignore walks what .gitignore ignores; --exclude skips by gitignore-style glob', () => {
    assert.deepEqual(patched(['--dry-run', '--no-ignore', '--exclude', 'sub/gen/', '--exclude', 'keep', '.']), [
      'a.sh',
      'sub/b.sh',
      'sub/skip.sh',
    ]);
  });

  it('applies the .gitignore files above a directory named on the command line', () => {
    assert.deepEqual(patched(['--dry-run', 'sub']), ['sub/b.sh']);
  });

  it('always takes a file named on the command line', () => {
    assert.deepEqual(patched(['--dry-run', 'sub/gen/c.sh', 'vendor/v.sh']), ['sub/gen/c.sh', 'vendor/v.sh']);
  });
});
