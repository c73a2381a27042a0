// Runs one version of a case's scripts under `bash -u` (or `dash -u`) in a fresh temp directory:
// an empty environment but the case's, a PATH of only the tools it lists and stubs for the rest,
// a 2 s CPU limit, and (as root) the uid of nobody, so nothing outside the temp dir is touched.

import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  chownSync,
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, posix } from 'node:path';
import type { CaseSpec, Trigger } from './case-spec.js';

/** One `NAME: unbound variable` (dash: `parameter not set`) line of a run's stderr. */
export interface Abort {
  /** What the shell names: `SHIMS`, `$1`, `COMPREPLY[0]`, `!ref`. */
  readonly subject: string;
  /** The file bash names (case-relative when it is one of the case's scripts), and the line. */
  readonly file: string;
  readonly line: number;
}

export interface RunOutcome {
  readonly status: number | null;
  readonly timedOut: boolean;
  readonly stderr: string;
  readonly aborts: readonly Abort[];
}

/** Finds a command on the runner's own PATH, as `command -v` would; null when it is missing. */
export function findTool(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {}
  }
  return null;
}

const NOBODY = 65534;

function chownTree(path: string): void {
  chownSync(path, NOBODY, NOBODY);
  if (statSync(path).isDirectory()) for (const e of readdirSync(path)) chownTree(join(path, e));
}

/** Does `name` (as a case lists it) match what the shell reported? `$1` and `1`, `COMPREPLY[0]`
 * and `COMPREPLY`, `!ref` and `!ref` match. */
export function isAbortOn(subject: string, name: string): boolean {
  const s = subject.startsWith('$') ? subject.slice(1) : subject;
  return s === name || s.replace(/\[.*\]$/, '') === name;
}

// bash: `file: line 19: SHIMS: unbound variable`; dash: `file: 19: SHIMS: parameter not set`.
// The subject may hold a colon (`roles[${ii:-}]`). A sourced file's dash message names both files:
// `/docker-entrypoint.sh: 9: /docker-entrypoint.d/x.envsh: X: parameter not set`.
const BASH_ABORT = /^(.*?): line (\d+): (.+): unbound variable$/;
const DASH_ABORT = /^(.*?): (\d+): (?:(.*): )?([^:]+): parameter not set$/;

/** The unbound-variable stops in a run's stderr, with case-relative file names. */
export function parseAborts(stderr: string, shell: 'bash' | 'sh', work: string): Abort[] {
  const out: Abort[] = [];
  for (const raw of stderr.split('\n')) {
    const m = (shell === 'bash' ? BASH_ABORT : DASH_ABORT).exec(raw);
    if (!m) continue;
    const subject = (shell === 'bash' ? m[3] : m[4]) ?? '';
    let file = (shell === 'sh' ? m[3] : undefined) ?? m[1] ?? '';
    if (file.startsWith(`${work}/`)) file = file.slice(work.length + 1);
    if (file !== '' && !file.startsWith('/')) file = posix.normalize(file);
    out.push({ subject, file, line: Number(m[2]) });
  }
  return out;
}

export interface SandboxOptions {
  readonly spec: CaseSpec;
  /** The texts to run, by case-relative path. */
  readonly scripts: ReadonlyMap<string, string>;
  readonly trigger: Trigger;
  /** Absolute paths of bash and dash, and of every tool a case may list. */
  readonly shellPath: string;
  readonly toolPaths: ReadonlyMap<string, string>;
}

function stubText(name: string, out: string | null): string {
  if (out === null) return `#!/bin/sh\nprintf '%s\\n' "${name} $*"\n`;
  const quoted = out.replace(/'/g, `'\\''`);
  return `#!/bin/sh\nprintf '%s' '${quoted}'\n`;
}

/** Puts the absolute paths a case maps (`/host/etc/os-release`) under the work directory. */
function mapPaths(text: string, paths: Readonly<Record<string, string>>, work: string): string {
  let out = text;
  for (const [from, to] of Object.entries(paths)) out = out.split(from).join(`${work}/${to}`);
  return out;
}

/** Runs the trigger once; never throws for what the script does, only for a broken sandbox. */
export function runInSandbox(o: SandboxOptions): RunOutcome {
  const base = mkdtempSync(join(tmpdir(), 'nounset-recall-'));
  try {
    const work = join(base, 'work');
    const bin = join(base, 'bin');
    mkdirSync(work);
    mkdirSync(bin);
    for (const [rel, text] of o.scripts) {
      const p = join(work, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, mapPaths(text, o.spec.paths, work));
      chmodSync(p, 0o755);
    }
    for (const [rel, text] of Object.entries(o.spec.files)) {
      const p = join(work, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
    for (const t of o.spec.tools) {
      const real = o.toolPaths.get(t);
      if (real === undefined) throw new Error(`tool ${t} is not installed`);
      symlinkSync(real, join(bin, t));
    }
    for (const [name, out] of Object.entries(o.spec.stubs)) {
      writeFileSync(join(bin, name), stubText(name, out));
      chmodSync(join(bin, name), 0o755);
    }
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(o.trigger.env)) env[k] = v.split('@WORK@').join(work);
    env.PATH = bin;
    const shellArgs =
      o.trigger.driver === null
        ? ['-u', o.spec.entry, ...o.trigger.args]
        : ['-u', '-c', mapPaths(o.trigger.driver, o.spec.paths, work), 'driver', ...o.trigger.args];
    let command = ['/bin/sh', '-c', 'ulimit -t 2 2>/dev/null; exec "$@"', 'sandbox', o.shellPath, ...shellArgs];
    if (process.getuid?.() === 0 && o.toolPaths.has('setpriv')) {
      chmodSync(base, 0o755);
      chownTree(base);
      command = [
        o.toolPaths.get('setpriv') ?? 'setpriv',
        `--reuid=${NOBODY}`,
        `--regid=${NOBODY}`,
        '--clear-groups',
        '--',
        ...command,
      ];
    }
    const [exe = '/bin/sh', ...args] = command;
    // stdin from a file: node's pipes are sockets, and a bash whose stdin is a socket believes sshd
    // started it and reads /etc/bash.bashrc (Debian builds it so).
    const stdinPath = join(base, 'stdin');
    writeFileSync(stdinPath, o.trigger.stdin);
    const stdin = openSync(stdinPath, 'r');
    let r: SpawnSyncReturns<string>;
    try {
      r = spawnSync(exe, args, {
        cwd: work,
        env,
        stdio: [stdin, 'pipe', 'pipe'],
        encoding: 'utf8',
        timeout: 10_000,
        killSignal: 'SIGKILL',
      });
    } finally {
      closeSync(stdin);
    }
    if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
    const stderr = r.stderr ?? '';
    return {
      status: r.status,
      timedOut: r.signal === 'SIGKILL',
      stderr,
      aborts: parseAborts(stderr, o.spec.shell, work),
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/** `bash -n` / `dash -n` on a text: null when it parses, else the shell's message. bash parses
 * with extglob on, as completion scripts (bash-completion turns it on) need. */
export function syntaxError(text: string, shellPath: string, isBash: boolean): string | null {
  const r = spawnSync(shellPath, isBash ? ['-O', 'extglob', '-n'] : ['-n'], {
    input: text,
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (r.error) throw r.error;
  return r.status === 0 ? null : (r.stderr || `exit ${String(r.status)}`).trim().split('\n').join(' | ');
}
