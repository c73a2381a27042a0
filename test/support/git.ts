// Git repositories built in a temp directory for a test: git run there, and commits of whole files.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeTree } from './tree.js';

/** Runs `git args…` in `cwd` and returns what it printed; fails the test when git fails. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A new repository in `cwd` on branch `main`, with a committer set. */
export function initRepo(cwd: string): void {
  git(cwd, 'init', '-q', '-b', 'main');
  git(cwd, 'config', 'user.email', 'test@example.com');
  git(cwd, 'config', 'user.name', 'test');
}

/** Writes `files` (relative path → text; null removes the file from the repository) and commits
 * every change in the work tree. */
export function commit(cwd: string, files: Readonly<Record<string, string | null>>, message: string): void {
  const written: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    if (text === null) git(cwd, 'rm', '-q', path);
    else written[path] = text;
  }
  writeTree(cwd, written);
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-qm', message);
}
