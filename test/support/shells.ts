// Runs a script under the real bash or dash, the way tests need it: from a file in a fresh temp
// directory, with a fresh temp directory as cwd, an `env -i` style environment and a timeout.

import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export type ShellName = 'bash' | 'dash';
/** Shells the suite asks when they are installed and skips otherwise (see `findShell`). */
export type OptionalShellName = 'ksh' | 'ksh93' | 'mksh';

export interface RunShellOptions {
  readonly shell: ShellName | OptionalShellName;
  readonly script: string;
  /** The whole environment besides PATH (see `inheritPath`). */
  readonly env: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
  readonly stdin?: string;
  /** Shell options before the script file, e.g. `['-u']`. */
  readonly shellOptions?: readonly string[];
  /** File name of the script (what `$0` ends with and what error messages show); default `script.sh`. */
  readonly fileName?: string;
  /** Default true. False gives a truly empty environment, as `env -i shell file` does. */
  readonly inheritPath?: boolean;
}

export interface ShellRun {
  readonly stdout: string;
  readonly stderr: string;
  /** Exit status; null when the shell was killed (see `signal`). */
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
}

const TIMEOUT_MS = 10_000;

/** The shell's absolute path, so that spawning does not depend on the script's PATH. */
function resolveShell(shell: string): string {
  const found = findShell(shell);
  if (found === null) throw new Error(`${shell} not found on PATH`);
  return found;
}

/** The absolute path of `shell` on PATH, or null when it is not installed. */
export function findShell(shell: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, shell);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return null;
}

/** Runs `shell [shellOptions] <temp>/script.sh args…` with cwd a fresh empty temp dir; never
 * throws for a failing script, only when the shell cannot be started. */
export function runShell(options: RunShellOptions): Promise<ShellRun> {
  const base = mkdtempSync(join(tmpdir(), 'nounset-shell-'));
  const scriptDir = join(base, 'script');
  const cwd = join(base, 'cwd');
  mkdirSync(scriptDir);
  mkdirSync(cwd);
  const file = join(scriptDir, options.fileName ?? 'script.sh');
  writeFileSync(file, options.script);
  const env: Record<string, string> = {};
  if (options.inheritPath !== false && process.env.PATH !== undefined) env.PATH = process.env.PATH;
  Object.assign(env, options.env);
  const argv = [...(options.shellOptions ?? []), file, ...(options.args ?? [])];
  return new Promise<ShellRun>((resolve, reject) => {
    const child = spawn(resolveShell(options.shell), argv, {
      cwd,
      env,
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    // A script that exits without reading its stdin closes the pipe; that is not a test failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
    const cleanUp = (): void => rmSync(base, { recursive: true, force: true });
    child.on('error', (e) => {
      cleanUp();
      reject(new Error(`cannot run ${options.shell}: ${e.message}`));
    });
    child.on('close', (status, signal) => {
      cleanUp();
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        status,
        signal,
      });
    });
  });
}

/** Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** What bash and dash print when `set -u` stops them. */
export const NOUNSET_MESSAGE: Readonly<Record<ShellName, string>> = {
  bash: 'unbound variable',
  dash: 'parameter not set',
};

/** How many shells the behaviour tests run at once: spawning is the cost, not CPU. */
export const PARALLEL_SHELLS = 8;

/** The script with set -u turned off where it turns it on: `set -euo pipefail` → `set -eo
 * pipefail +u`, `set -o nounset` → `set +o nounset`. */
export function withoutNounset(script: string): string {
  return script.replace(/^([ \t]*set[ \t][^\n#;]*)$/gm, (line) => {
    if (/\s-o\s+nounset\b/.test(line)) return line.replace(/-o(\s+)nounset/, '+o$1nounset');
    let changed = false;
    const out = line.replace(/(\s)-([A-Za-z]*)u([A-Za-z]*)/g, (_, sp: string, a: string, b: string) => {
      changed = true;
      return a + b === '' ? '' : `${sp}-${a}${b}`;
    });
    return changed ? `${out.trimEnd()} +u` : line;
  });
}

/** The variable of a `${X:?X is not set}` (or `${1:?argument 1 is not set}`) nounset wrote that
 * stopped the run, or null. */
export function guardStop(stderr: string): string | null {
  return /: (\w+): (?:\w+|argument \d+) is not set$/m.exec(stderr)?.[1] ?? null;
}
