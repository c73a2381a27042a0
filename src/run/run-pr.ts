// `nounset pr`: the shell scripts a pull request adds or changes (between the merge base of base
// and head, and head, as GitHub shows a PR), fixed as they are in head, and the fixes reviewed
// against the lines the PR changed; and the deployment files it changes, or that run the scripts
// it changes, checked against the scripts' environment contracts (pr-contracts.ts). Reads commits
// through git, not the work tree, so uncommitted changes never leak into a review.

import { join, relative } from 'node:path';
import ignore from 'ignore';
import { ConfigLoader, type LoadedConfig, resolveFileConfig } from '../config/index.js';
import { analyseScript, fixAnalysis, inspectAnalysis } from '../fix/index.js';
import { decodeScript, NotTextError, type ScriptIO } from '../io/index.js';
import { type ContractReview, type FileReview, NO_CONTRACTS, parseChangedLines, reviewFile } from '../review/index.js';
import type { FixOptions } from '../types/index.js';
import { isScriptFile, mayWalkTo } from './find-scripts.js';
import { changedLinesDiff, listFiles, mergeBase, repositoryRoot, resolveCommit, showFile, showFiles } from './git.js';
import { mergeFixOptions } from './plan-run.js';
import { checkPrContracts, isManifestByName } from './pr-contracts.js';
import { type FileFacts, fileFacts, inContext, type RunContext, runContext } from './run-context.js';
import { findSkipCause } from './run-file.js';
import { sourceReader } from './source-reader.js';

export interface PrOptions {
  /** Any directory in the repository. */
  readonly cwd: string;
  readonly base: string;
  /** Default HEAD. */
  readonly head?: string;
  /** Suggest every edit in the changed files, not only those on changed lines. */
  readonly allLines?: boolean;
  readonly fix: Omit<FixOptions, 'path'>;
  /** Read configuration files (default true). */
  readonly config?: boolean;
  /** CONTAINER_PATH → REPO_PATH (`--map`): merged over the configuration's `contract.map`. */
  readonly map?: Readonly<Record<string, string>>;
  /** Check the deployment files against the scripts' contracts (default true). */
  readonly contracts?: boolean;
}

export interface PrRun {
  readonly root: string;
  /** Commits: where head's history meets base's, and head. */
  readonly mergeBase: string;
  readonly head: string;
  readonly files: readonly FileReview[];
  /** Changed scripts nounset left alone, and why (does not parse, another shell, not text...). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** What the deployment files the PR touches, or that run the scripts it changes, miss. */
  readonly contracts: ContractReview;
}

/** Which files are deployment files: the configuration's `contract.manifests` globs (relative to
 * its directory), else YAML files and Dockerfiles. */
function manifestSelector(root: string, loaded: LoadedConfig | null): (path: string) => boolean {
  const globs = loaded?.config.contract?.manifests;
  if (!loaded || !globs) return isManifestByName;
  const ig = ignore().add([...globs]);
  return (path) => {
    const rel = relative(loaded.dir, join(root, path)).split('\\').join('/');
    return rel !== '' && !rel.startsWith('..') && ig.ignores(rel);
  };
}

/** What `nounset .` at the repository's root would tell each file of the others (run-context.ts),
 * from the scripts of `commit` that walking the root would take. Without it a library the PR
 * changes would be offered an env-init block, which would run in every script that sources it. */
function contextAt(root: string, commit: string, excluded: (path: string) => boolean): RunContext {
  const candidates = listFiles(root, commit).filter((p) => mayWalkTo(p) && !excluded(p));
  const facts: FileFacts[] = [];
  for (const [path, bytes] of showFiles(root, commit, candidates)) {
    let text: string;
    try {
      text = decodeScript(bytes);
    } catch (err) {
      if (err instanceof NotTextError) continue;
      throw err;
    }
    if (isScriptFile(path, text)) facts.push(fileFacts(path, text));
  }
  return runContext(facts);
}

export function runPr(options: PrOptions, io: ScriptIO): PrRun {
  const root = repositoryRoot(options.cwd);
  const head = resolveCommit(root, options.head ?? 'HEAD');
  const base = mergeBase(root, resolveCommit(root, options.base), head);
  const loader = options.config === false ? null : new ConfigLoader(io);
  const fixFor = (path: string): Omit<FixOptions, 'path'> => {
    const abs = join(root, path);
    const loaded = loader?.configFor(abs) ?? null;
    return mergeFixOptions(options.fix, loaded && resolveFileConfig(loaded, abs));
  };
  const readSource = sourceReader(io, root);
  const files: FileReview[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const changedFiles = parseChangedLines(changedLinesDiff(root, base, head));
  let context: RunContext | null = null;
  const excluded = (path: string): boolean => loader?.excludes(join(root, path)) === true;
  for (const changed of changedFiles) {
    let text: string;
    try {
      text = decodeScript(showFile(root, head, changed.path));
    } catch (err) {
      if (!(err instanceof NotTextError)) throw err;
      if (isScriptFile(changed.path, '')) skipped.push({ path: changed.path, reason: err.message });
      continue;
    }
    if (!isScriptFile(changed.path, text)) continue;
    if (excluded(changed.path)) continue;
    context ??= contextAt(root, head, excluded);
    const fix = inContext(changed.path, fixFor(changed.path), context);
    const fixOptions: FixOptions = { ...fix, path: changed.path, readSource, sourceRoot: '.' };
    // One analysis for the fix and the verdicts.
    const analysis = analyseScript(text, fixOptions);
    const result = fixAnalysis(text, analysis, fixOptions);
    const cause = findSkipCause(result);
    if (cause) {
      skipped.push({ path: changed.path, reason: `${cause.line}:${cause.column}: ${cause.message}` });
      continue;
    }
    // The verdict on each read says which the env-init block makes safe: their findings go there.
    const references = inspectAnalysis(text, analysis).references;
    files.push(
      reviewFile({ path: changed.path, text, result, changed, allLines: options.allLines ?? false, references }),
    );
  }
  let contracts = NO_CONTRACTS;
  if (options.contracts !== false) {
    const rootConfig = loader?.configFor(join(root, '.nounsetrc.json')) ?? null;
    contracts = checkPrContracts({
      root,
      head,
      mergeBase: base,
      changed: changedFiles,
      scripts: files.map((f) => f.path),
      map: { ...(rootConfig?.config.contract?.map ?? {}), ...(options.map ?? {}) },
      isManifest: manifestSelector(root, rootConfig),
      fixFor: (path) => ({ ...fixFor(path), readSource, sourceRoot: '.' }),
    });
  }
  return { root, mergeBase: base, head, files, skipped, contracts };
}
