// Running the built binary, and temp directories for tests.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './corpus.js';

export const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');

export interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

/** Runs `nounset args…` in `cwd`, without colour. */
export function runCli(args: string[], cwd: string): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** A temp directory made before each test (or once, before all of the describe's tests, with
 * `shared`) and removed after; call inside a describe. */
export function useTempDir(prefix: string, opts: { shared?: boolean } = {}): () => string {
  let dir = '';
  (opts.shared ? before : beforeEach)(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  (opts.shared ? after : afterEach)(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
