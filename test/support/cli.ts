// Running the built binary, and temp directories for tests.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './corpus.js';

/** Every nounset the tests start (they pass this process's environment on) keeps its result cache
 * in a directory of this test process, removed when it exits: never the user's cache. */
export const TEST_CACHE_HOME = mkdtempSync(join(tmpdir(), 'nounset-test-cache-'));
process.env.XDG_CACHE_HOME = TEST_CACHE_HOME;
process.on('exit', () => rmSync(TEST_CACHE_HOME, { recursive: true, force: true }));

/** The bundle package.json names as the bin: what users run. */
export const BIN = join(ROOT, 'dist', 'bundle', 'main.cjs');

export interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

export interface CliRan extends Ran {
  /** stdout as bytes: a diff of a file that is not UTF-8 carries that file's own bytes. */
  readonly stdoutBytes?: Buffer;
  /** stderr without the closing summary line and the table of diagnostic counts before it. */
  readonly log: string;
  /** The table of diagnostic counts (`nounset: diagnostics by code…` and its rows), or ''. */
  readonly table: string;
  /** What --verbose says of the result cache (`nounset: result cache DIR: 3 hits, 1 misses`), and
   * of the facts kept beside it (`nounset: facts cache DIR: …` on the next line), or ''. */
  readonly cache: string;
  /** The closing summary line without its timing (` in 0.12 s`, ` on 2 threads`), or '' when there is none. */
  readonly summary: string;
}

const SUMMARY_LINE = /(?:^|\n)(nounset: \d+ scripts?, .* edits?)( in \d+\.\d\d s(?: on \d+ threads)?)\n$/;

const CACHE_LINE =
  /^nounset: result cache .*: \d+ hits, \d+ misses\n(?:nounset: facts cache .*: \d+ hits, \d+ misses\n)?/m;
const COUNTS_TABLE = /(?:^|\n)(nounset: diagnostics by code.*:\n(?: {2}\S.*\n)+)$/;

/** The closing line of stderr split off (fix mode always ends with it), and the table before it. */
export function splitSummary(r: Ran): CliRan {
  const m = SUMMARY_LINE.exec(r.stderr);
  if (!m) return { ...r, log: r.stderr, summary: '', table: '', cache: '' };
  const at = m.index + (m[0].startsWith('\n') ? 1 : 0);
  const before = r.stderr.slice(0, at);
  const t = COUNTS_TABLE.exec(before);
  const tableAt = t ? t.index + (t[0].startsWith('\n') ? 1 : 0) : before.length;
  const log = before.slice(0, tableAt);
  const cache = CACHE_LINE.exec(log);
  return {
    ...r,
    log: cache ? log.replace(CACHE_LINE, '') : log,
    cache: cache?.[0].trim() ?? '',
    table: before.slice(tableAt),
    summary: m[1] ?? '',
  };
}

/** What a run printed, split as `CliRan` has it. */
function ran(stdout: Buffer, stderr: Buffer, status: number | null): CliRan {
  return {
    ...splitSummary({ stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8'), status }),
    stdoutBytes: stdout,
  };
}

/** Runs `nounset args…` in `cwd`, without colour; `input` is its stdin (none when not given). */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}, input?: string | Buffer): CliRan {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    ...(input === undefined ? {} : { input }),
  });
  return ran(r.stdout, r.stderr, r.status);
}

/** `runCli` without blocking this process: for runs at once, or a run that talks to a server this
 * process serves. `bin` is another build of nounset when given. */
export function runCliAsync(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  bin: string = BIN,
): Promise<CliRan> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', fail);
    child.on('close', (status) => done(ran(Buffer.concat(out), Buffer.concat(err), status)));
  });
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
