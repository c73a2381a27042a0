// Ground truth for the flow suite: runs each case under the real bash over every environment and
// argument list it declares, collects the reads that aborted (`FILE: line N: NAME: unbound
// variable`, `$1: unbound variable` for positionals, `arr[0]: …` for elements), and checks the
// labels against them.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findShell, mapLimit, NOUNSET_MESSAGE } from '../support/shells.js';
import { environments, type FlowCase } from './flow-cases.js';

export interface Abort {
  /** File name inside the case directory (or the path bash printed when it is outside). */
  readonly file: string;
  readonly line: number;
  /** As labels spell it: `X`, `1` for `$1`, `arr` for `arr[0]`. */
  readonly name: string;
}

export interface TruthRun {
  readonly env: Readonly<Record<string, string>>;
  readonly args: readonly string[];
  readonly aborts: readonly Abort[];
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
}

const TIMEOUT_MS = 10_000;
/** Bash processes in flight at once. */
export const POOL = 4;

const ABORT = new RegExp(`^(.*): line (\\d+): (.+): ${NOUNSET_MESSAGE.bash}$`);
/** Messages that mean the case itself is broken, not that a read aborted. */
const CASE_BUG = /: (command not found|syntax error)|bad substitution/;

function bashPath(): string {
  const bash = findShell('bash');
  if (bash === null) throw new Error('bash not found on PATH');
  return bash;
}

function parseAborts(stderr: string, caseDir: string): Abort[] {
  const out: Abort[] = [];
  for (const line of stderr.split('\n')) {
    const m = ABORT.exec(line);
    if (!m) continue;
    // Output without a newline (select's `#? ` prompt) may come first on the line.
    const printed = m[1] as string;
    const at = printed.indexOf(`${caseDir}/`);
    const file = at >= 0 ? printed.slice(at + caseDir.length + 1) : printed;
    const name = (m[3] as string).replace(/^\$/, '').replace(/\[.*\]$/, '');
    out.push({ file, line: Number(m[2]), name });
  }
  return out;
}

function runOnce(
  bash: string,
  caseDir: string,
  cwd: string,
  entry: string,
  env: Record<string, string>,
  args: readonly string[],
): Promise<TruthRun> {
  const fullEnv: Record<string, string> = {};
  if (process.env.PATH !== undefined) fullEnv.PATH = process.env.PATH;
  Object.assign(fullEnv, env);
  return new Promise<TruthRun>((resolve, reject) => {
    const child = spawn(bash, [join(caseDir, entry), ...args], {
      cwd,
      env: fullEnv,
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const err: Buffer[] = [];
    const out: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stdin.on('error', () => undefined);
    child.stdin.end('');
    child.on('error', (e) => reject(new Error(`cannot run bash: ${e.message}`)));
    child.on('close', (status, signal) => {
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({
        env,
        args,
        aborts: parseAborts(stderr, caseDir),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr,
        status,
        signal,
      });
    });
  });
}

/** Runs every case over all its environments × argument lists, `POOL` bash processes at a time;
 * each case's files are copied into a fresh temp directory, cwd is another empty one. */
export async function runTruth(cases: readonly FlowCase[]): Promise<Map<string, TruthRun[]>> {
  const bash = bashPath();
  const base = mkdtempSync(join(tmpdir(), 'nounset-flow-'));
  try {
    const jobs: { c: FlowCase; caseDir: string; cwd: string; env: Record<string, string>; args: readonly string[] }[] =
      [];
    for (const c of cases) {
      const caseDir = join(base, c.name, 'case');
      const cwd = join(base, c.name, 'cwd');
      mkdirSync(caseDir, { recursive: true });
      mkdirSync(cwd);
      for (const [file, text] of c.files) writeFileSync(join(caseDir, file), text);
      for (const env of environments(c)) for (const args of c.argLists) jobs.push({ c, caseDir, cwd, env, args });
    }
    const runs = await mapLimit(jobs, POOL, (j) => runOnce(bash, j.caseDir, j.cwd, j.c.entry, j.env, j.args));
    const out = new Map<string, TruthRun[]>(cases.map((c) => [c.name, []]));
    jobs.forEach((j, i) => {
      out.get(j.c.name)?.push(runs[i] as TruthRun);
    });
    return out;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

export const describeRun = (r: Pick<TruthRun, 'env' | 'args'>): string => {
  const env = Object.entries(r.env).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `env {${env.join(' ')}} args ${JSON.stringify(r.args)}`;
};

/** What is wrong with a case's labels given its bash runs; empty when they agree. */
export function checkTruth(c: FlowCase, runs: readonly TruthRun[]): string[] {
  const problems: string[] = [];
  const proven = new Set<string>();
  const key = (line: number, name: string): string => `${line}\0${name}`;
  const byBashLine = new Map(c.labels.map((l) => [key(l.bashLine, l.name), l]));
  for (const r of runs) {
    if (r.signal !== null) problems.push(`bash was killed (${r.signal}; timeout?) with ${describeRun(r)}`);
    for (const bad of r.stderr.split('\n').filter((l) => CASE_BUG.test(l)))
      problems.push(`the case looks broken: ${JSON.stringify(bad)} with ${describeRun(r)}`);
    for (const a of r.aborts) {
      if (a.file !== c.entry) {
        problems.push(
          `${a.file}:${a.line}: ${a.name} aborted in a file the case sources (labels go in ${c.entry} only) with ${describeRun(r)}`,
        );
        continue;
      }
      const label = byBashLine.get(key(a.line, a.name));
      if (label === undefined)
        problems.push(`line ${a.line}: ${a.name} aborted but has no @unsafe label, with ${describeRun(r)}`);
      else if (label.label === 'safe')
        problems.push(`line ${label.line}: ${a.name} is labelled @safe but aborted with ${describeRun(r)}`);
      else proven.add(key(label.line, label.name));
    }
  }
  for (const l of c.labels) {
    if (l.label === 'unsafe' && !proven.has(key(l.line, l.name))) {
      problems.push(
        `line ${l.line}: ${l.name} is labelled @unsafe but never aborted in ${runs.length} runs (add an @env value or @args list that reaches it unset)`,
      );
    }
  }
  return problems;
}
