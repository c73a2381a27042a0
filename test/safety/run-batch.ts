// Runs many scripts under bash or dash with few processes from node: one driver script per chunk
// runs each script in its own empty directory (its HOME too), with `env -i`, only the variables
// asked for, a PATH holding nothing but `cat` and stand-ins for `rm` and `find` that print their
// arguments, stdin from /dev/null and a 2 s CPU limit (generated programs take milliseconds); the
// drivers run in parallel. bash runs also record the names of the variables set at exit.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { findShell } from '../support/shells.js';

export interface ShellJob {
  readonly shell: 'bash' | 'dash';
  readonly script: string;
  readonly vars: Readonly<Record<string, string>>;
  readonly args: readonly string[];
  /** Run with `-u` (default), or without it: then only the script's own `set -u` counts. */
  readonly nounset?: boolean;
}

export interface JobResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  /** Killed by the CPU limit (or any signal). */
  readonly killed: boolean;
  /** bash only: the names of the shell variables set when the script exited, sorted. */
  readonly vars: readonly string[] | null;
}

const CPU_SECONDS = 2;
const DRIVERS = 2;

const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

function need(name: string): string {
  const path = findShell(name);
  if (path === null) throw new Error(`${name} not found on PATH`);
  return path;
}

/** Runs every job; results keep the jobs' order. `dir` is a scratch directory (a subdirectory is made and removed). */
export async function runJobs(jobs: readonly ShellJob[], dir: string): Promise<JobResult[]> {
  const base = mkdtempSync(join(dir, 'runs-'));
  try {
    const bin = join(base, 'bin');
    mkdirSync(bin);
    symlinkSync(need('cat'), join(bin, 'cat'));
    // Stand-ins that print their arguments: a generated `rm -rf "$D/"` shows the path it was given
    // and removes nothing.
    for (const name of ['rm', 'find'])
      writeFileSync(join(bin, name), `#!/bin/sh\nprintf '%s' ${name}; for a; do printf ' [%s]' "$a"; done; echo\n`, {
        mode: 0o755,
      });
    // Sourced by bash before the script (BASH_ENV): records the variables when the script exits.
    const atExit = join(base, 'at-exit.sh');
    writeFileSync(atExit, `trap 'set >"$HOME/.vars"' EXIT\n`);
    const scripts = new Map<string, string>();
    const shells = { bash: need('bash'), dash: need('dash') };
    const lines = jobs.map((job, k) => {
      let file = scripts.get(job.script);
      if (file === undefined) {
        file = join(base, `s${scripts.size}.sh`);
        writeFileSync(file, job.script);
        scripts.set(job.script, file);
      }
      const home = join(base, `r${k}`);
      mkdirSync(home);
      const env = [
        `HOME=${quote(home)}`,
        `PATH=${quote(bin)}`,
        ...(job.shell === 'bash' ? [`BASH_ENV=${quote(atExit)}`] : []),
      ];
      for (const [name, value] of Object.entries(job.vars)) env.push(`${name}=${quote(value)}`);
      const argv = [shells[job.shell], ...(job.nounset === false ? [] : ['-u']), file, ...job.args]
        .map(quote)
        .join(' ');
      return `cd ${quote(home)} && (ulimit -t ${CPU_SECONDS}; exec env -i ${env.join(' ')} ${argv}) >out 2>err </dev/null; echo $? >status`;
    });
    const chunk = Math.ceil(lines.length / DRIVERS);
    const drivers: Promise<void>[] = [];
    for (let d = 0; d * chunk < lines.length; d++) {
      const driver = join(base, `driver${d}.sh`);
      writeFileSync(driver, `${lines.slice(d * chunk, (d + 1) * chunk).join('\n')}\n`);
      drivers.push(runDriver(shells.bash, driver));
    }
    await Promise.all(drivers);
    return jobs.map((job, k) => readResult(join(base, `r${k}`), job.shell));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

function runDriver(bash: string, driver: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bash, [driver], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 600_000,
      killSignal: 'SIGKILL',
    });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`driver ${driver} exited ${code}: ${err}`)),
    );
  });
}

function readResult(home: string, shell: 'bash' | 'dash'): JobResult {
  const read = (f: string): string => readFileSync(join(home, f), 'utf8');
  const status = Number(read('status').trim());
  let vars: string[] | null = null;
  if (shell === 'bash') {
    try {
      vars = [...new Set([...read('.vars').matchAll(/^([A-Za-z_]\w*)=/gm)].map((m) => m[1] ?? ''))].sort();
    } catch (err) {
      // No .vars: killed before the EXIT trap could run.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return { stdout: read('out'), stderr: read('err'), status, killed: status > 128, vars };
}
