// Which files a run covers, following mvdan/sh's fileutil: a file named on the command line is
// always taken; a directory is walked, and there a file needs a shell extension or a shell shebang.

import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeIOError, type EntryKind, type ScriptIO } from '../io/index.js';
import { detectDialect } from '../parse/index.js';

/** A path to process, relative to the working directory with `/`; `error` when walking failed there. */
export interface FoundScript {
  readonly path: string;
  readonly error?: string;
}

export interface FindOptions {
  /** Absolute; the paths given and returned are relative to it. */
  readonly cwd: string;
  /** Gitignore-style patterns, relative to `cwd`, that walking skips (`--exclude`). */
  readonly exclude?: readonly string[];
  /** Honour `.gitignore` files met while walking (default true; `--no-ignore` turns it off). */
  readonly gitignore?: boolean;
}

const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', 'vendor']);

/** Ignore rules met on the way down, each with the directory its patterns are relative to. */
type Rules = readonly { readonly base: string; readonly ig: Ignore }[];

/** Whether `abs` is ignored: the deepest rule that decides wins (a nested `!pattern` re-includes). */
function isIgnored(rules: Rules, abs: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { base, ig } of rules) {
    const rel = relative(base, abs).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    const r = ig.test(isDir ? `${rel}/` : rel);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

/** The rules of `dir/.gitignore`, added to `rules`; `rules` itself when there is none. */
function withGitignore(io: ScriptIO, dir: string, rules: Rules): Rules {
  let text: string;
  try {
    text = io.readFile(join(dir, '.gitignore'));
  } catch {
    // No .gitignore here (or an unreadable one, which git would not apply either).
    return rules;
  }
  return [...rules, { base: dir, ig: ignore().add(text) }];
}
// As `shfmt -f`: .bats files are parsed with `@test` blocks, ksh ones with the bash grammar.
const SCRIPT_EXTENSIONS = ['.sh', '.bash', '.bats', '.ksh'];
const SHEBANG_SHELLS = new Set([
  'sh',
  'bash',
  'dash',
  'ash',
  'ksh',
  'ksh93',
  'mksh',
  'pdksh',
  'oksh',
  'bats',
  'bashio',
]);
/** Enough for any real shebang line. */
const HEAD_BYTES = 256;

/** True for `#!/bin/sh`, `#!/usr/bin/env bash`, `#!/usr/bin/env -S bash -e`, `#!/bin/ksh`,
 * `#!/usr/bin/env bats` and the like. */
export function hasShellShebang(head: string): boolean {
  if (!head.startsWith('#!')) return false;
  const firstLine = head.split('\n', 1)[0] ?? '';
  const guess = detectDialect(firstLine);
  return guess.source === 'shebang' && guess.shell !== null && SHEBANG_SHELLS.has(guess.shell);
}

type Kind = 'script' | 'if-shebang' | 'no';

/** Whether a file named `path` with this text is a script nounset takes, as walking decides. */
export function isScriptFile(path: string, text: string): boolean {
  const kind = classifyName(path.slice(path.lastIndexOf('/') + 1));
  return kind === 'script' || (kind === 'if-shebang' && hasShellShebang(text.slice(0, HEAD_BYTES)));
}

/** What a directory entry's name says (fileutil.CouldBeScript2): hidden names never count. */
function classifyName(name: string): Kind {
  if (name.startsWith('.')) return 'no';
  if (SCRIPT_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'script';
  return name.includes('.') ? 'no' : 'if-shebang';
}

/** Whether walking a tree may take the file at `path` (relative to the tree's root, with `/`) by
 * its names alone: no directory on the way hidden or skipped, and a name that may be a script's.
 * Its text (a shebang) and ignore rules decide the rest. */
export function mayWalkTo(path: string): boolean {
  const names = path.split('/');
  const file = names.pop() ?? '';
  return names.every((n) => !n.startsWith('.') && !SKIPPED_DIRS.has(n)) && classifyName(file) !== 'no';
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** `abs` relative to `cwd`, with `/`: how paths are shown and put in diffs. */
export function showPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  const shown = rel === '' ? '.' : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

interface Walk {
  readonly io: ScriptIO;
  readonly out: Map<string, string | undefined>;
  readonly show: (abs: string) => string;
  readonly gitignore: boolean;
}

function walk(w: Walk, dir: string, inherited: Rules): void {
  const { io, out, show } = w;
  const rules = w.gitignore ? withGitignore(io, dir, inherited) : inherited;
  let names: string[];
  try {
    names = io.readdir(dir);
  } catch (err) {
    out.set(show(dir), `cannot read directory: ${describeIOError(err)}`);
    return;
  }
  for (const name of names) {
    if (name.startsWith('.') || SKIPPED_DIRS.has(name)) continue;
    const abs = join(dir, name);
    let kind: EntryKind;
    try {
      kind = io.lstat(abs).kind;
    } catch (err) {
      out.set(show(abs), `cannot read: ${describeIOError(err)}`);
      continue;
    }
    if (isIgnored(rules, abs, kind === 'directory')) continue;
    // Symlinks found by walking are neither followed nor taken (as shfmt does).
    if (kind === 'directory') walk(w, abs, rules);
    else if (kind === 'file' && walkTakes(io, abs, name)) out.set(show(abs), undefined);
  }
}

/** Whether walking takes the file at `abs`, named `name`: a shell extension, or a name that may be
 * a script's and a shell shebang. */
export function walkTakes(io: ScriptIO, abs: string, name: string): boolean {
  const k = classifyName(name);
  return k === 'script' || (k === 'if-shebang' && sniffShebang(io, abs));
}

function sniffShebang(io: ScriptIO, abs: string): boolean {
  try {
    return hasShellShebang(io.readHead(abs, HEAD_BYTES));
  } catch {
    // An unreadable file found by walking is not known to be a script: leave it out, as shfmt does.
    return false;
  }
}

/** The scripts under `paths` (files and directories), sorted in byte order, without duplicates. */
export function findScripts(paths: readonly string[], options: FindOptions, io: ScriptIO): FoundScript[] {
  const out = new Map<string, string | undefined>();
  const show = (abs: string): string => showPath(options.cwd, abs);
  const w: Walk = { io, out, show, gitignore: options.gitignore ?? true };
  const excludes: Rules = options.exclude?.length
    ? [{ base: options.cwd, ig: ignore().add([...options.exclude]) }]
    : [];
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : resolve(options.cwd, p);
    let isDir = false;
    try {
      // A directory named on the command line is walked even through a symlink; below it, links are not followed.
      isDir = io.stat(abs).kind === 'directory';
    } catch {
      // Taken as a file: runPaths reports why it cannot be read.
    }
    if (isDir) walk(w, abs, [...excludes, ...gitignoresAbove(io, options.cwd, abs, w.gitignore)]);
    else out.set(show(abs), undefined);
  }
  return [...out.keys()].sort(compareBytes).map((path) => {
    const error = out.get(path);
    return error === undefined ? { path } : { path, error };
  });
}

/** The `.gitignore` rules of the directories from `cwd` down to `dir` (exclusive), which apply
 * inside `dir` too. */
function gitignoresAbove(io: ScriptIO, cwd: string, dir: string, enabled: boolean): Rules {
  if (!enabled) return [];
  const rel = relative(cwd, dir);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return [];
  let rules: Rules = [];
  let at = cwd;
  for (const part of rel.split(sep)) {
    rules = withGitignore(io, at, rules);
    at = join(at, part);
  }
  return rules;
}
