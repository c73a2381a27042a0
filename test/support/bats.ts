// Runs a project's own bats suite (the bats devDependency) and reads its TAP output test by test.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './corpus.js';

/** bats-core's launcher from node_modules. */
export const BATS = join(ROOT, 'node_modules', 'bats', 'bin', 'bats');

export interface BatsTest {
  readonly name: string;
  readonly ok: boolean;
  /** The `#` lines bats printed after the result: where it failed and the test's last output. */
  readonly detail: string;
}

export interface BatsRun {
  /** Tests by name, in the order bats ran them. */
  readonly tests: ReadonlyMap<string, BatsTest>;
  /** The count `1..N` announced. */
  readonly planned: number;
  readonly status: number | null;
  readonly stderr: string;
  /** The whole TAP text, for a failure message. */
  readonly tap: string;
}

const RESULT = /^(not ok|ok) \d+ (.*)$/;
const SKIP = / # skip\b.*$/i;

/** Reads bats' `--tap` output; throws on a test name met twice, since results are keyed by name. */
export function parseTap(tap: string): { tests: Map<string, BatsTest>; planned: number } {
  const tests = new Map<string, BatsTest>();
  let planned = -1;
  let current: { name: string; ok: boolean; detail: string[] } | null = null;
  const flush = (): void => {
    if (current === null) return;
    if (tests.has(current.name)) throw new Error(`bats test name met twice: ${current.name}`);
    tests.set(current.name, { name: current.name, ok: current.ok, detail: current.detail.join('\n') });
    current = null;
  };
  for (const line of tap.split('\n')) {
    const plan = /^1\.\.(\d+)$/.exec(line);
    const result = RESULT.exec(line);
    if (plan) planned = Number(plan[1]);
    else if (result) {
      flush();
      current = { name: (result[2] ?? '').replace(SKIP, ''), ok: result[1] === 'ok', detail: [] };
    } else if (current !== null && line.startsWith('#')) current.detail.push(line);
  }
  flush();
  return { tests, planned };
}

/** Runs `bats --tap --print-output-on-failure test/` in `dir`, with TMPDIR (where bats puts
 * every test's BATS_TEST_TMPDIR) set to `tmp`; never throws for failing tests. */
export function runBats(dir: string, tmp: string): Promise<BatsRun> {
  return new Promise<BatsRun>((resolve, reject) => {
    const child = spawn(BATS, ['--tap', '--print-output-on-failure', 'test'], {
      cwd: dir,
      env: { ...process.env, TMPDIR: tmp },
      timeout: 120_000,
      killSignal: 'SIGKILL',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new Error(`cannot run bats in ${dir}: ${e.message}`)));
    child.on('close', (status) => {
      const tap = Buffer.concat(out).toString('utf8');
      resolve({ ...parseTap(tap), status, stderr: Buffer.concat(err).toString('utf8'), tap });
    });
  });
}
