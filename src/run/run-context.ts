// What one file of a run needs to know of the others, found before any file is fixed, from their
// text: which functions print their caller's line numbers (a file that calls one keeps its lines
// where they are), whether a file that sources a library may turn on `set -u` first (then the
// library may run with it; nounset-start.ts takes it to be off otherwise), and which files run
// with one that shows it runs on macOS (then their bash may be its 3.2). Cheap by design: a text
// scan of every file, and a parse only of the few that mention LINENO or `caller`.

import { readsLineNumbers, showsMacos } from '../analyze/index.js';
import { ParseError } from '../errors.js';
import { detectDialect, forEachNode, parse } from '../parse/index.js';
import type { FixOptions } from '../types/index.js';

export interface RunContext {
  /** Functions defined in the run's files whose bodies read LINENO or BASH_LINENO, or run `caller`. */
  readonly lineReporters: readonly string[];
  /** `unknown` for a file that a file turning on set -u may source. */
  readonly nounsetAtStart: ReadonlyMap<string, NonNullable<FixOptions['nounsetAtStart']>>;
  /** Files bats loads (`load helper`): bats reports their failures by line. */
  readonly batsLoaded: ReadonlySet<string>;
  /** Files another file of the run sources: libraries, whose functions others may call. */
  readonly sourced: ReadonlySet<string>;
  /** Files that run on macOS with one that shows it (FixOptions.macosRun): those in its directory
   * or below it, and those that source it. */
  readonly macos: ReadonlySet<string>;
}

/** What the run needs to know of one file, from its text alone: small, so a run keeps it for every
 * file while the texts come and go. */
export interface FileFacts {
  /** Relative to the run's directory, with `/`. */
  readonly path: string;
  /** Whether it may turn on set -u (MAY_TURN_ON). */
  readonly mayTurnOn: boolean;
  /** The files its `source`/`.` lines (and bats' `load`) may name, with the basename each names
   * (null when computed). */
  readonly sources: readonly SourcePattern[];
  /** Its functions whose own bodies show line numbers. */
  readonly lineReporters: readonly string[];
  /** It shows that it runs on macOS (showsMacos). */
  readonly macos: boolean;
}

/** `macosMatters`: whether the file's showing macOS can matter to the run, given what it sources
 * (a file that tells only the files of a run about them leaves it out when it cannot: the look
 * is the costliest of the facts). */
export function fileFacts(
  path: string,
  text: string,
  macosMatters: (sources: readonly SourcePattern[]) => boolean = () => true,
): FileFacts {
  const sources = sourcedPatterns(text, path.endsWith('.bats'));
  return {
    path,
    mayTurnOn: MAY_TURN_ON.test(text),
    sources,
    lineReporters: readsLineNumbers(text) ? reportingFunctions(text, path) : [],
    macos: macosMatters(sources) && showsMacos(text),
  };
}

/** The run's context from the facts of each of its files (in any order). */
export function runContext(files: readonly FileFacts[]): RunContext {
  const lineReporters = new Set<string>();
  const sourcers = new Map<string, string[]>();
  const batsLoaded = new Set<string>();
  const mayTurnOn = new Map<string, boolean>();
  // Source patterns by the basename they name; those whose basename is computed apart.
  const byBase = new Map<string, { from: string; re: RegExp }[]>();
  const computed: { from: string; re: RegExp }[] = [];
  for (const f of files) {
    mayTurnOn.set(f.path, f.mayTurnOn);
    for (const p of f.sources) {
      const pattern = { from: f.path, re: p.re };
      if (p.base === null) computed.push(pattern);
      else (byBase.get(p.base) ?? byBase.set(p.base, []).get(p.base))?.push(pattern);
    }
    for (const name of f.lineReporters) lineReporters.add(name);
  }
  for (const { path } of files) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    for (const p of [...(byBase.get(base) ?? []), ...computed]) {
      if (p.from === path || !p.re.test(path)) continue;
      (sourcers.get(path) ?? sourcers.set(path, []).get(path))?.push(p.from);
      if (p.from.endsWith('.bats')) batsLoaded.add(path);
    }
  }
  const nounsetAtStart = new Map<string, 'unknown'>();
  for (const [lib, from] of sourcers)
    if (from.some((f) => mayTurnOn.get(f) === true)) nounsetAtStart.set(lib, 'unknown');
  return {
    lineReporters: [...lineReporters].sort(),
    nounsetAtStart,
    batsLoaded,
    sourced: new Set(sourcers.keys()),
    macos: macosFiles(files, sourcers),
  };
}

/** The files that run where a file of the run that shows macOS runs: a project that supports macOS
 * supports it in that file's directory and below, in the scripts that source it and in those it
 * sources (a Linux repository's `macos/setup.sh` says nothing of its `docker/` entrypoints). */
function macosFiles(files: readonly FileFacts[], sourcers: ReadonlyMap<string, readonly string[]>): Set<string> {
  const out = new Set<string>();
  const dirs = new Set<string>();
  const shows = new Set<string>();
  for (const f of files) {
    if (!f.macos) continue;
    shows.add(f.path);
    dirs.add(f.path.slice(0, f.path.lastIndexOf('/') + 1));
    for (const from of sourcers.get(f.path) ?? []) out.add(from);
  }
  for (const [lib, from] of sourcers) if (from.some((f) => shows.has(f))) out.add(lib);
  if (dirs.size === 0) return out;
  for (const f of files) for (const d of dirs) if (f.path.startsWith(d)) out.add(f.path);
  return out;
}

/** A pattern over run paths, and the basename it names (null when computed). */
export interface SourcePattern {
  readonly re: RegExp;
  readonly base: string | null;
}

/** `set -u`, `set -eu…`, `set -o nounset`, or a shebang with -u: a cheap over-approximation. */
const MAY_TURN_ON = /\bset\s+(?:[-+][A-Za-z]*\s+)*-[A-Za-z]*u|\bnounset\b|^#!.*\s-[A-Za-z]*u/m;

/** The files a script's `source`/`.` lines (and bats' `load`) may name, as patterns over run
 * paths: each expansion in the path may be anything (`"$ROOT/lib/commands/$cmd.bash"` matches
 * `lib/commands/command-install.bash`). */
function sourcedPatterns(text: string, bats: boolean): SourcePattern[] {
  const out: SourcePattern[] = [];
  for (const m of sourceLines(text, bats)) {
    // Command substitutions, innermost first, then expansions: each may be anything.
    let rest = m[1] ?? '';
    for (let before = ''; before !== rest; ) {
      before = rest;
      rest = rest.replace(/\$\([^()]*\)|`[^`]*`/g, '*');
    }
    const first =
      /^(?:"[^"]*"|'[^']*'|[^\s;&|])+/.exec(
        rest.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9@*#?]/g, '*'),
      )?.[0] ?? '';
    let word = first.replace(/["']/g, '');
    if (word === '' || word === '*' || word.startsWith('-')) continue;
    // bats' `load helper` names helper.bash.
    if (bats && /^\s*load\b/.test((m[0] ?? '').replace(/^[;&|{(]/, '')) && !word.endsWith('.bash')) word += '.bash';
    const tail = word.replace(/^(?:\*|\.\.?)?\/+/, '').replace(/^(?:\.\.?\/)+/, '');
    const base = tail.slice(tail.lastIndexOf('/') + 1);
    const re = tail
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*');
    out.push({ re: new RegExp(`(?:^|/)${re}$`), base: base.includes('*') ? null : base });
  }
  return out;
}

/** The matches of `(?:^|[;&|{(]|\bthen|\bdo)\s*(?:\.|source)[ \t]+([^\n]+)` (with `load` for bats),
 * as `text.matchAll` gives them with the flags `gm`, found three times faster: the regular
 * expression is tried only where its keyword is, from each place a match with that keyword can
 * start (the prefixes are at most four characters long), leftmost first. */
export function* sourceLines(text: string, bats: boolean): Generator<RegExpExecArray> {
  const keyword = bats ? '(?:\\.|source|load)' : '(?:\\.|source)';
  const line = new RegExp(`(?:^|[;&|{(]|\\bthen|\\bdo)\\s*${keyword}[ \\t]+([^\\n]+)`, 'my');
  const word = new RegExp(`${keyword}[ \\t]+[^\\n]`, 'g');
  const space = /\s/;
  // Matches do not overlap: the next starts at or after `done`.
  let done = 0;
  for (let w = word.exec(text); w !== null; w = word.exec(text)) {
    const k = w.index;
    let p = k;
    while (p > done && space.test(text[p - 1] as string)) p--;
    let m: RegExpExecArray | null = null;
    for (let s = Math.max(done, p - 4); s <= k && m === null; s++) {
      line.lastIndex = s;
      m = line.exec(text);
    }
    if (m === null) {
      word.lastIndex = k + 1;
      continue;
    }
    yield m;
    done = m.index + m[0].length;
    word.lastIndex = done;
  }
}

/** Names of the functions in `text` whose own bodies show line numbers. */
function reportingFunctions(text: string, path: string): string[] {
  const names: string[] = [];
  try {
    const dialect = detectDialect(text, path).dialect ?? 'bash';
    const file = parse(text, { dialect, path, bats: path.endsWith('.bats') });
    forEachNode(file, (node) => {
      if (node.type === 'FuncDecl' && readsLineNumbers(text.slice(node.body.start, node.body.end)))
        names.push(node.name.value);
    });
  } catch (err) {
    // A file that does not parse is reported when it is fixed; here it only reports no function.
    if (!(err instanceof ParseError)) throw err;
  }
  return names;
}

/** A file's options with what the run's other files tell of it: line-reporting functions, the set
 * -u state the files sourcing a library give it, whether others source it, whether bats loads
 * it, whether it runs on macOS with a script that shows it. What the options say already wins;
 * `fix` itself when the context adds nothing. */
export function inContext<T extends Omit<FixOptions, 'path'>>(path: string, fix: T, context: RunContext): T {
  const start = fix.nounsetAtStart ?? context.nounsetAtStart.get(path);
  const keep = fix.keepLineNumbers === true || context.batsLoaded.has(path);
  const library = fix.library ?? (context.sourced.has(path) ? true : undefined);
  const macos = context.macos.has(path) && fix.bashVersion === undefined;
  if (start === undefined && !keep && library === undefined && context.lineReporters.length === 0 && !macos) return fix;
  return {
    ...fix,
    ...(start ? { nounsetAtStart: start } : {}),
    ...(macos ? { macosRun: true } : {}),
    ...(keep ? { keepLineNumbers: true } : {}),
    ...(library !== undefined ? { library } : {}),
    ...(context.lineReporters.length > 0 ? { lineReporters: context.lineReporters } : {}),
  };
}
