// The few git commands `nounset pr` needs, run as child processes: git itself is the reference
// for merge bases, renames and what a commit holds. Failures become UsageErrors that quote git.

import { UsageError } from '../errors.js';
import { lazyBuiltin } from '../lazy-builtin.js';

const childProcess = lazyBuiltin<typeof import('node:child_process')>('node:child_process');

function git(cwd: string, args: readonly string[]): string {
  try {
    // Fixed settings, whatever the user's configuration: prefixes, no colour, no external diff.
    return childProcess().execFileSync(
      'git',
      ['-c', 'core.quotePath=true', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', ...args],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new UsageError('nounset pr needs git on PATH');
    const said = (e.stderr ?? '').trim().split('\n')[0] ?? '';
    throw new UsageError(`git ${args[0] ?? ''} failed: ${said || e.message}`);
  }
}

/** The commit `ref` names. */
export function resolveCommit(cwd: string, ref: string): string {
  return git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
}

/** Where head's history meets base's: the pull request is what head adds since then. */
export function mergeBase(cwd: string, base: string, head: string): string {
  return git(cwd, ['merge-base', base, head]).trim();
}

/** `git diff --unified=0` from `from` to `to`, renames found, deletions left out. */
export function changedLinesDiff(cwd: string, from: string, to: string): string {
  return git(cwd, [
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--unified=0',
    '--find-renames',
    '--diff-filter=AMR',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    from,
    to,
    '--',
  ]);
}

/** The repository's top directory. */
export function repositoryRoot(cwd: string): string {
  return git(cwd, ['rev-parse', '--show-toplevel']).trim();
}

/** A file's bytes in `commit` (path relative to the repository root). */
export function showFile(cwd: string, commit: string, path: string): Buffer {
  try {
    return childProcess().execFileSync('git', ['cat-file', 'blob', `${commit}:${path}`], {
      cwd,
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    throw new UsageError(
      `git cat-file ${commit}:${path} failed: ${(e.stderr?.toString() ?? e.message).trim().split('\n')[0]}`,
    );
  }
}

/** Every file path in `commit` (relative to the repository root, `/`), in git's order. */
export function listFiles(cwd: string, commit: string): string[] {
  return git(cwd, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit])
    .split('\0')
    .filter((p) => p !== '');
}

/** The bytes of several files of `commit` in one git process (`cat-file --batch`); a path that
 * is not a file there is left out. */
export function showFiles(cwd: string, commit: string, paths: readonly string[]): Map<string, Buffer> {
  const asked = paths.filter((p) => !/[\n\r]/.test(p));
  const out = new Map<string, Buffer>();
  if (asked.length === 0) return out;
  let bytes: Buffer;
  try {
    bytes = childProcess().execFileSync('git', ['cat-file', '--batch'], {
      cwd,
      input: asked.map((p) => `${commit}:${p}\n`).join(''),
      maxBuffer: 1 << 30,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    throw new UsageError(`git cat-file --batch failed: ${(e.stderr?.toString() ?? e.message).trim().split('\n')[0]}`);
  }
  let at = 0;
  for (const path of asked) {
    const nl = bytes.indexOf(10, at);
    if (nl < 0) break;
    const header = bytes.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) continue;
    const size = Number(m[2]);
    if (m[1] === 'blob') out.set(path, bytes.subarray(at, at + size));
    at += size + 1;
  }
  return out;
}

/** The files of the work tree at `root` that git does not ignore, tracked or not (relative to
 * root, with `/`); null when git cannot tell (not on PATH, or root is no repository it reads). */
export function workTreeFiles(root: string): string[] | null {
  try {
    return git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'])
      .split('\0')
      .filter((p) => p !== '');
  } catch (err) {
    if (err instanceof UsageError) return null;
    throw err;
  }
}
