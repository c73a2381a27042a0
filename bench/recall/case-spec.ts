// The recall benchmark's cases on disk: bench/recall/cases/<id>/{case.json, scripts…, human/…}.
// Reads and checks them; a malformed case is an error the runner reports, never skipped silently.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** One way to make the original script abort: the environment, arguments and input it runs with. */
export interface Trigger {
  readonly env: Readonly<Record<string, string>>;
  readonly args: readonly string[];
  readonly stdin: string;
  /** Shell code run with `bash -u -c` (or `dash -u -c`) instead of the entry: the caller nounset
   * cannot see (an interactive shell with `set -u` that sources a library, bash calling a completion
   * function, a user's script). It is never given to a fixer. */
  readonly driver: string | null;
  /** The name bash reports: `NAME: unbound variable` (dash: `NAME: parameter not set`). */
  readonly aborts: string;
}

export interface CaseSpec {
  readonly id: string;
  readonly project: string;
  readonly source: string;
  readonly shell: 'bash' | 'sh';
  readonly entry: string;
  /** The names the human fix made safe (or, without a known fix, the names the report shows aborting). */
  readonly names: readonly string[];
  readonly class: string;
  /** A class for single names that differ from the case's. */
  readonly classOf: Readonly<Record<string, string>>;
  /** Set for bugs of bash older than 4.4 (`"${a[@]}"` of an empty array): judged statically. */
  readonly bashVersion: string | null;
  /** Real commands the scripts may run, linked into the sandbox's PATH. */
  readonly tools: readonly string[];
  /** Commands replaced by a stub that prints its output (default: its name and arguments). */
  readonly stubs: Readonly<Record<string, string | null>>;
  /** Files of the machine or the user (configs, os-release, version files): created in the work
   * directory for every run, never shown to a fixer. Paths relative to the work directory. */
  readonly files: Readonly<Record<string, string>>;
  /** Absolute path prefixes the scripts use, mapped to a work-directory path in the texts that run. */
  readonly paths: Readonly<Record<string, string>>;
  readonly runs: readonly Trigger[];
}

export interface LoadedCase {
  readonly spec: CaseSpec;
  readonly dir: string;
  /** The project's scripts as they were before the fix, by case-relative path, sorted. */
  readonly scripts: ReadonlyMap<string, string>;
  /** The human fix: every script, with the ones in `human/` replaced; null when the case has none. */
  readonly human: ReadonlyMap<string, string> | null;
}

export type LoadResult = { kind: 'ok'; case: LoadedCase } | { kind: 'error'; id: string; message: string };

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const rel = prefix === '' ? entry : `${prefix}/${entry}`;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, rel));
    else out.push(rel);
  }
  return out;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function asObject(v: Json | undefined, what: string): Record<string, Json> {
  if (v === undefined) return {};
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${what} must be an object`);
  return v;
}

function asString(v: Json | undefined, what: string): string {
  if (typeof v !== 'string' || v === '') throw new Error(`${what} must be a non-empty string`);
  return v;
}

function asStrings(v: Json | undefined, what: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${what} must be a list of strings`);
  return v as string[];
}

function asStringMap(v: Json | undefined, what: string): Record<string, string> {
  const o = asObject(v, what);
  for (const [k, x] of Object.entries(o)) if (typeof x !== 'string') throw new Error(`${what}.${k} must be a string`);
  return o as Record<string, string>;
}

function parseStubs(v: Json | undefined): Record<string, string | null> {
  if (v === undefined) return {};
  if (Array.isArray(v)) return Object.fromEntries(asStrings(v, 'stubs').map((n) => [n, null]));
  const o = asObject(v, 'stubs');
  for (const [k, x] of Object.entries(o))
    if (typeof x !== 'string' && x !== null) throw new Error(`stubs.${k} must be a string or null`);
  return o as Record<string, string | null>;
}

function parseTrigger(v: Json, i: number): Trigger {
  const o = asObject(v, `runs[${i}]`);
  const known = new Set(['env', 'args', 'stdin', 'driver', 'aborts']);
  for (const k of Object.keys(o)) if (!known.has(k)) throw new Error(`runs[${i}]: unknown field ${k}`);
  const stdin = o.stdin;
  if (stdin !== undefined && typeof stdin !== 'string') throw new Error(`runs[${i}].stdin must be a string`);
  const driver = o.driver;
  if (driver !== undefined && typeof driver !== 'string') throw new Error(`runs[${i}].driver must be a string`);
  return {
    env: asStringMap(o.env, `runs[${i}].env`),
    args: asStrings(o.args, `runs[${i}].args`),
    stdin: stdin ?? '',
    driver: driver ?? null,
    aborts: asString(o.aborts, `runs[${i}].aborts`),
  };
}

const FIELDS = new Set([
  'id',
  'project',
  'source',
  'shell',
  'entry',
  'names',
  'class',
  'classOf',
  'bashVersion',
  'tools',
  'stubs',
  'files',
  'paths',
  'runs',
]);

function parseSpec(json: Json, dirName: string): CaseSpec {
  const o = asObject(json, 'case.json');
  for (const k of Object.keys(o)) if (!FIELDS.has(k)) throw new Error(`unknown field ${k}`);
  const id = asString(o.id, 'id');
  if (id !== dirName) throw new Error(`id ${id} differs from its directory ${dirName}`);
  const shell = o.shell;
  if (shell !== 'bash' && shell !== 'sh') throw new Error('shell must be "bash" or "sh"');
  const bashVersion = o.bashVersion;
  if (bashVersion !== undefined && typeof bashVersion !== 'string') throw new Error('bashVersion must be a string');
  const names = asStrings(o.names, 'names');
  if (names.length === 0) throw new Error('names is empty');
  const runs = o.runs;
  if (!Array.isArray(runs)) throw new Error('runs must be a list');
  return {
    id,
    project: asString(o.project, 'project'),
    source: asString(o.source, 'source'),
    shell,
    entry: asString(o.entry, 'entry'),
    names,
    class: asString(o.class, 'class'),
    classOf: asStringMap(o.classOf, 'classOf'),
    bashVersion: bashVersion ?? null,
    tools: asStrings(o.tools, 'tools'),
    stubs: parseStubs(o.stubs),
    files: asStringMap(o.files, 'files'),
    paths: asStringMap(o.paths, 'paths'),
    runs: runs.map(parseTrigger),
  };
}

/** Whether a version string such as `3.2` or `4.3` is older than bash 4.4. */
export function isOldBash(version: string | null): boolean {
  if (version === null) return false;
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < 4 || (major === 4 && minor < 4);
}

function checkSpec(spec: CaseSpec, scripts: ReadonlyMap<string, string>): void {
  if (!scripts.has(spec.entry)) throw new Error(`entry ${spec.entry} is not a file of the case`);
  if (spec.bashVersion !== null && !isOldBash(spec.bashVersion))
    throw new Error(`bashVersion ${spec.bashVersion} is not older than 4.4; trigger it with the bash at hand`);
  if (spec.bashVersion === null) {
    for (const name of spec.names) {
      if (!spec.runs.some((r) => r.aborts === name)) throw new Error(`no run triggers ${name}`);
    }
  }
  for (const r of spec.runs)
    if (!spec.names.includes(r.aborts)) throw new Error(`a run aborts on ${r.aborts}, which is not in names`);
  for (const p of [...Object.keys(spec.files), ...Object.values(spec.paths)]) {
    if (posix.isAbsolute(p) || posix.normalize(p).startsWith('..'))
      throw new Error(`${p}: must stay inside the work directory`);
  }
  for (const p of Object.keys(spec.paths)) if (!posix.isAbsolute(p)) throw new Error(`paths: ${p} is not absolute`);
  for (const n of [...spec.tools, ...Object.keys(spec.stubs)])
    if (!/^[A-Za-z0-9_.:+-]+$/.test(n)) throw new Error(`${n}: a command name, not a path`);
}

/** Every case under `root`, sorted by id; a case that does not load is an error result. */
export function loadCases(root: string): LoadResult[] {
  const out: LoadResult[] = [];
  for (const id of readdirSync(root).sort()) {
    const dir = join(root, id);
    if (!statSync(dir).isDirectory()) continue;
    try {
      const spec = parseSpec(JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Json, id);
      const files = listFiles(dir);
      const scripts = new Map<string, string>();
      const humanFiles = new Map<string, string>();
      for (const f of files) {
        if (f === 'case.json') continue;
        const text = readFileSync(join(dir, f), 'utf8');
        if (f.startsWith('human/')) humanFiles.set(f.slice('human/'.length), text);
        else scripts.set(f, text);
      }
      for (const f of humanFiles.keys()) if (!scripts.has(f)) throw new Error(`human/${f} has no original`);
      checkSpec(spec, scripts);
      const human = humanFiles.size === 0 ? null : new Map([...scripts].map(([f, t]) => [f, humanFiles.get(f) ?? t]));
      out.push({ kind: 'ok', case: { spec, dir, scripts, human } });
    } catch (err) {
      out.push({ kind: 'error', id, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}
