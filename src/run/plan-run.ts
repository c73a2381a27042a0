// Before any file is touched: which files a run takes, and the options for each (the command
// line over the configuration file that applies to it). Bad options or a bad configuration
// file fail here, so a run never stops half-way through a tree.

import { isAbsolute, resolve } from 'node:path';
import {
  ConfigLoader,
  isExcludedByConfig,
  type LoadedConfig,
  type ResolvedFileConfig,
  resolveFileConfig,
} from '../config/index.js';
import { manifestDefaults } from '../contract/index.js';
import { UsageError } from '../errors.js';
import { fixScript, inspectScript } from '../fix/index.js';
import type { ScriptIO } from '../io/index.js';
import { dialectOption } from '../parse/index.js';
import type { FileResult, FixOptions, InputVariable } from '../types/index.js';
import { diskStore } from './cache-store.js';
import { type FactsStats, factsBook } from './facts-cache.js';
import { findScripts, showPath } from './find-scripts.js';
import { readInvocations, scriptMatcher } from './read-manifests.js';
import type { CacheConfig } from './result-cache.js';
import { type FileFacts, inContext, type RunContext, runContext } from './run-context.js';
import type { FileTask } from './run-file.js';
import { readRunFile, type Snapshot, snapshotBuilder, snapshotText } from './snapshot.js';
import { snapshotSources } from './source-reader.js';
import { runFileFacts, workTreeFacts, workTreeRoots } from './work-tree.js';

export interface PlanOptions {
  /** Absolute; paths are resolved against it and shown relative to it. */
  readonly cwd: string;
  /** From the command line: these win over configuration files. */
  readonly fix: Omit<FixOptions, 'path'>;
  /** Gitignore-style patterns walking skips; named files are always taken. */
  readonly exclude?: readonly string[];
  /** Honour `.gitignore` files while walking (default true). */
  readonly gitignore?: boolean;
  /** Read `.nounsetrc.json` / package.json `nounset` configuration (default true). */
  readonly config?: boolean;
  /** Deployment files whose values for a script's inputs become its defaults (below the
   * configuration's and the command line's); `onNote` hears why a value was not taken. */
  readonly defaultsFrom?: {
    readonly files: readonly string[];
    readonly map: Readonly<Record<string, string>>;
    readonly onNote: (note: string) => void;
  };
  /** Larger files are not read (default 5 MB): a generated or binary file, not a script to edit. */
  readonly maxSize?: number;
  /** The result cache, whose directory also keeps what each script told (facts-cache.ts). */
  readonly cache?: CacheConfig;
}

/** In path order: a file to fix, or a file already failed (a directory or file that could not be read...). */
export type PlannedFile = { readonly task: FileTask } | { readonly result: FileResult };

export interface RunPlan {
  readonly files: readonly PlannedFile[];
  /** Every file to fix, as it was read: the run reads nothing else of them (snapshot.ts). */
  readonly snapshot: Snapshot;
  /** Why what the scripts told could not be kept in the cache directory (facts-cache.ts). */
  readonly cacheError?: string;
  /** With a cache: how many files' facts came from it, and how many were read for them. */
  readonly facts?: FactsStats;
}

/** Command line over configuration: scalars from the command line when given, defaults merged
 * by name (the command line wins), required and ignored names joined. */
export function mergeFixOptions(
  cli: Omit<FixOptions, 'path'>,
  file: ResolvedFileConfig | null,
): Omit<FixOptions, 'path'> {
  if (!file) return cli;
  const style = cli.style ?? file.style;
  const sourcedUnknown = cli.sourcedUnknown ?? file.sourcedUnknown;
  const dialect = cli.dialect ?? dialectOption(file.dialect);
  const union = (a: readonly string[] | undefined, b: readonly string[]): string[] =>
    [...new Set([...(a ?? []), ...b])].sort();
  return {
    ...(style ? { style } : {}),
    ...(dialect ? { dialect } : {}),
    defaults: { ...file.defaults, ...cli.defaults },
    required: union(cli.required, file.required),
    ignore: union(cli.ignore, file.ignoreVars),
    ...(sourcedUnknown ? { sourcedUnknown } : {}),
    ...((cli.guardDestructive ?? file.guardDestructive) ? { guardDestructive: true } : {}),
    ...((cli.keepLineNumbers ?? file.keepLineNumbers) ? { keepLineNumbers: true } : {}),
    ...((cli.bashVersion ?? file.bashVersion) ? { bashVersion: cli.bashVersion ?? file.bashVersion } : {}),
    ...((cli.includeGenerated ?? file.includeGenerated) ? { includeGenerated: true } : {}),
  };
}

/** Options are checked on an empty script, once per distinct set. */
function checkOptions(fix: Omit<FixOptions, 'path'>, source: LoadedConfig | null): void {
  try {
    fixScript('', fix);
  } catch (err) {
    if (err instanceof UsageError && source) throw new UsageError(`${source.path}: ${err.message}`);
    throw err;
  }
}

/** Finds the files, reads each once into the run's snapshot, and gives each its options. */
export function planRun(paths: readonly string[], options: PlanOptions, io: ScriptIO): RunPlan {
  checkOptions(options.fix, null);
  const find = {
    cwd: options.cwd,
    ...(options.exclude ? { exclude: options.exclude } : {}),
    ...(options.gitignore === false ? { gitignore: false } : {}),
  };
  const named = new Set(paths.map((p) => showPath(options.cwd, isAbsolute(p) ? p : resolve(options.cwd, p))));
  const loader = options.config === false ? null : new ConfigLoader(io);
  const checked = new Set<string>();
  const planned: PlannedFile[] = [];
  const snapshot = snapshotBuilder();
  const facts: FileFacts[] = [];
  // What each file told (which files it sources, whether it turns set -u on...), kept between runs.
  const cache = options.cache;
  const rootOf = workTreeRoots(io);
  const book = cache ? { book: factsBook(cache, diskStore(cache.dir)), rootOf, cwd: options.cwd } : null;
  for (const found of findScripts(paths, find, io)) {
    if (found.error !== undefined) {
      planned.push({ result: { path: found.path, status: 'error', error: found.error } });
      continue;
    }
    const abs = resolve(options.cwd, found.path);
    const loaded = loader?.configFor(abs) ?? null;
    // A file named on the command line is always taken, as with --exclude.
    if (loaded && !named.has(found.path) && isExcludedByConfig(loaded, abs)) continue;
    const fix = mergeFixOptions(options.fix, loaded && resolveFileConfig(loaded, abs));
    if (loaded) {
      // Files under one configuration mostly share their options: check each set once.
      const key = JSON.stringify(fix);
      if (!checked.has(key)) {
        checked.add(key);
        checkOptions(fix, loaded);
      }
    }
    const read = readRunFile(io, abs, options.maxSize);
    if ('error' in read) {
      planned.push({ result: { path: found.path, status: 'error', error: read.error } });
      continue;
    }
    snapshot.add(abs, read.text, read.encoding, read.stat);
    facts.push(runFileFacts(found.path, abs, read, book));
    planned.push({ task: { path: found.path, fix } });
  }
  // What the other scripts of the files' git work trees say of them, as a run over the root would.
  const excluded = (abs: string): boolean => loader?.excludes(abs) === true;
  facts.push(
    ...workTreeFacts(paths, { ...options, find, excluded, taken: [...facts], book: book?.book ?? null, rootOf }, io),
  );
  const cacheError = book?.book.save();
  const plan = {
    files: withRunContext(planned, runContext(facts)),
    snapshot: snapshot.build(),
    ...(cacheError !== undefined ? { cacheError } : {}),
    ...(book ? { facts: book.book.stats() } : {}),
  };
  return options.defaultsFrom
    ? { ...plan, files: withManifestDefaults(plan, options, options.defaultsFrom, io) }
    : plan;
}

/** What each file needs to know of the others (run-context.ts). */
function withRunContext(planned: PlannedFile[], context: RunContext): PlannedFile[] {
  return planned.map((p) => {
    if (!('task' in p)) return p;
    const fix = inContext(p.task.path, p.task.fix, context);
    return fix === p.task.fix ? p : { task: { ...p.task, fix } };
  });
}

/** The script's inputs as `nounset contract` reads them, without configured defaults (so a default
 * is the script's own). */
function ownInputs(
  task: FileTask,
  cwd: string,
  snapshot: Snapshot,
  readSource: (path: string) => string | null,
): readonly InputVariable[] | undefined {
  const read = snapshotText(snapshot, resolve(cwd, task.path));
  if (!read) return undefined;
  return inspectScript(read.text, { ...task.fix, defaults: {}, path: task.path, readSource }).inputs;
}

/** Adds the defaults deployment files give each script, under those it already has. */
function withManifestDefaults(
  plan: RunPlan,
  options: PlanOptions,
  from: NonNullable<PlanOptions['defaultsFrom']>,
  io: ScriptIO,
): PlannedFile[] {
  const planned = plan.files;
  const paths = planned.flatMap((p) => ('task' in p ? [p.task.path] : []));
  const find = scriptMatcher(paths, from.map);
  const invocations = readInvocations(from.files, options.cwd, (word) => find(word) !== undefined, io);
  const sources = snapshotSources(plan.snapshot, io, options.cwd);
  return planned.map((p) => {
    if (!('task' in p)) return p;
    const mine = invocations.filter((inv) => find(inv.script) === p.task.path);
    if (mine.length === 0) return p;
    const { defaults, notes } = manifestDefaults(mine, ownInputs(p.task, options.cwd, plan.snapshot, sources.read));
    for (const note of notes) from.onNote(`${p.task.path}: ${note}`);
    return { task: { ...p.task, fix: { ...p.task.fix, defaults: { ...defaults, ...p.task.fix.defaults } } } };
  });
}
