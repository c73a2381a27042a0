// Loads the files a script sources, for the flow analysis: resolves the path the `source` word
// names (resolve-path.ts, with directive.ts and dir-variables.ts), reads it through the caller's
// `readSource`, parses and models it.

import { ParseError } from '../../errors.js';
import { lineColumnAt, lineStarts } from '../../line-index.js';
import { detectDialect, type File, parse } from '../../parse/index.js';
import { collectEvents } from '../collect.js';
import type { LoadedFile, SourceOutcome } from '../flow/index.js';
import type { Source } from '../model.js';
import { type DirValue, mayBeDirVariable, scriptDirVariables } from './dir-variables.js';
import { sourceDirective } from './directive.js';
import { resolveSourcePath, type SourceTarget } from './resolve-path.js';

export interface LoaderOptions {
  /** The script that runs (`$0`). */
  readonly mainPath: string;
  readonly readSource: ((path: string) => string | null) | null;
  /** The directory nounset runs in, in the terms of the paths: relative source paths are also
   * looked for there (see resolveSourcePath); null: only in the script's directory. */
  readonly sourceRoot?: string | null;
  readonly bats: boolean;
  /** The main script, parsed, so that its directory variables need no second parse. */
  readonly main: { readonly file: File; readonly text: string };
}

interface Parsed {
  readonly file: File;
  readonly text: string;
  /** Found on first use: most source words name their file without a variable. */
  dirVars: Map<string, DirValue> | null;
  /** What its text alone says, found on first use; a shared file's, once for every script. */
  readonly facts: TextFacts;
  /** Its entry in SHARED, where the model is kept once built (none for the main script). */
  readonly shared?: SharedEntry;
}

interface SharedEntry {
  readonly text: string;
  readonly file: File;
  model?: LoadedFile;
  readonly facts: TextFacts;
}

/** What a file's text alone says of its `source` lines. */
interface TextFacts {
  /** mayBeDirVariable's answers, by name. */
  mayBeDir?: Map<string, boolean>;
  /** Whether any comment holds a `source=` directive (most files have none), and the directive
   * that applies at each source offset asked. */
  directives?: boolean;
  directiveAt?: Map<number, string | null>;
}

/** Files sourced by many scripts of a run (git's t/ sources test-lib.sh 1,300 times): their parse
 * and model, kept across analyses in this thread and reused while the text is the same. A memo,
 * not state: a hit gives the very result a parse would. The most recently used few are kept. */
const SHARED = new Map<string, SharedEntry>();
const SHARED_MAX = 32;

function sharedParse(path: string, text: string, bats: boolean): SharedEntry {
  const key = `${bats ? 'bats\0' : ''}${path}`;
  const hit = SHARED.get(key);
  if (hit && hit.text === text) {
    SHARED.delete(key);
    SHARED.set(key, hit);
    return hit;
  }
  const dialect = detectDialect(text, path).dialect ?? 'bash';
  const entry = { text, file: parse(text, { dialect, path }), facts: {} };
  SHARED.set(key, entry);
  if (SHARED.size > SHARED_MAX) SHARED.delete(SHARED.keys().next().value as string);
  return entry;
}

/** The tree of `text` at `path` when a script of this run sourced it already (a library is also
 * fixed as a file of the run), parsed as a sourced file is; null otherwise. Only looks: the few
 * kept are the libraries', not every script's. */
export function sharedTree(path: string, text: string): File | null {
  const hit = SHARED.get(path);
  return hit !== undefined && hit.text === text ? hit.file : null;
}

/** Forgets the shared parses (for tests that compare with a fresh analysis). */
export function forgetSharedParses(): void {
  SHARED.clear();
}

/** A `loadSource` for analyzeFlow; caches every file it parses. */
export function sourceLoader(opts: LoaderOptions): (source: Source, from: string) => SourceOutcome {
  const parsed = new Map<string, Parsed | string>([
    [opts.mainPath, { file: opts.main.file, text: opts.main.text, dirVars: null, facts: {} }],
  ]);
  const models = new Map<string, LoadedFile>();
  const unreadable = new Set<string>();
  const parseFile = (path: string): Parsed | string => {
    const known = parsed.get(path);
    if (known !== undefined) return known;
    let out: Parsed | string;
    const text = opts.readSource ? opts.readSource(path) : null;
    if (text === null) unreadable.add(path);
    if (text === null)
      out = opts.readSource ? `${path} cannot be read` : 'nounset was not given a way to read sourced files';
    else {
      try {
        const shared = sharedParse(path, text, opts.bats);
        out = { file: shared.file, text, dirVars: null, shared, facts: shared.facts };
      } catch (err) {
        if (!(err instanceof ParseError)) throw err;
        out = `${path} does not parse (line ${err.line}: ${err.reason})`;
      }
    }
    parsed.set(path, out);
    return out;
  };
  return (source, from) => {
    if (!opts.readSource) return { kind: 'unresolved', reason: 'nounset was not given a way to read sourced files' };
    const holder = parseFile(from);
    if (typeof holder === 'string') return { kind: 'unresolved', reason: holder };
    let target: SourceTarget;
    if (source.word === null) {
      // bats' `load NAME`: relative to the test file's directory.
      target =
        source.path === null
          ? { kind: 'unresolved', reason: 'the path is computed' }
          : { kind: 'file', path: joinDir(from, source.path) };
    } else {
      const dirVars = {
        get: (name: string): DirValue | undefined => {
          const seen = (holder.facts.mayBeDir ??= new Map());
          let may = seen.get(name);
          if (may === undefined) seen.set(name, (may = mayBeDirVariable(holder.text, name)));
          return may ? (holder.dirVars ??= scriptDirVariables(holder.file, from, opts.mainPath)).get(name) : undefined;
        },
      };
      const facts = holder.facts;
      facts.directives ??= holder.file.comments.some((c) => c.text.includes('source='));
      let directive: string | null = null;
      if (facts.directives) {
        const at = (facts.directiveAt ??= new Map());
        directive = at.get(source.start) ?? null;
        if (!at.has(source.start))
          at.set(source.start, (directive = sourceDirective(holder.file, holder.text, source.start)));
      }
      target = resolveSourcePath(source.word, {
        scriptPath: from,
        mainScriptPath: opts.mainPath,
        directive,
        dirVars,
        root: opts.sourceRoot ?? null,
      });
    }
    if (target.kind === 'unresolved') return target;
    let path = target.path;
    if (target.fallback !== undefined) {
      parseFile(path);
      if (unreadable.has(path)) {
        parseFile(target.fallback);
        if (unreadable.has(target.fallback))
          return { kind: 'unresolved', reason: `${path} cannot be read, nor ${target.fallback}` };
        path = target.fallback;
      }
    }
    const cached = models.get(path);
    if (cached) return { kind: 'file', file: cached };
    const p = parseFile(path);
    if (typeof p === 'string') return { kind: 'unresolved', reason: p };
    // Keyed by path (and bats), so a model found there is this file's.
    const shared = p.shared ?? sharedParse(path, p.text, opts.bats);
    let file = shared.model;
    if (file === undefined) {
      const starts = lineStarts(p.text);
      file = {
        path,
        text: p.text,
        model: collectEvents(p.file, p.text, { bats: opts.bats }),
        lineOf: (o) => lineColumnAt(starts, o).line,
      };
      shared.model = file;
    }
    models.set(path, file);
    return { kind: 'file', file };
  };
}

function joinDir(from: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  const slash = from.lastIndexOf('/');
  return slash === -1 ? rel : `${from.slice(0, slash)}/${rel}`;
}
