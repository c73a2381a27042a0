// Which file a `source WORD` / `. WORD` command reads, for the flow analysis that follows sourced
// files. Pure: paths are computed as strings with node:path's posix functions, never looked up.
//
// Paths are relative to the same base as the script paths given (the directory nounset runs in),
// or absolute. The computed forms assume the script runs as `bash <mainScriptPath>` from that base,
// so that `$0` is mainScriptPath and `${BASH_SOURCE[0]}` is the path of the file being read.

import { posix } from 'node:path';
import type { Assign, CallExpr, Comment, File, Lit, Node, ParamExp, Stmt, Subscript, Word, WordPart } from '../parse/ast.js';
import { forEachNode } from '../parse/walk.js';

/** What a variable assigned at the top level of a script holds, when it is a directory we can name. */
export type DirValue = { readonly kind: 'dir'; readonly path: string };

/** `fallback`: where to look when `path` cannot be read (a relative path, from the root). */
export type SourceTarget = { readonly kind: 'file'; readonly path: string; readonly fallback?: string } | { readonly kind: 'unresolved'; readonly reason: string };

interface ResolveContext {
  readonly scriptPath: string;
  readonly mainScriptPath: string;
  readonly directive: string | null;
  /** The directory nounset runs in (the repository root), in the terms of the paths: a relative
   * literal or directive path is also looked for there, as ShellCheck looks for it. */
  readonly root?: string | null;
  /** Only `get` is used: the caller may compute the map on first use. */
  readonly dirVars: Pick<ReadonlyMap<string, DirValue>, 'get'>;
}

// ---------------------------------------------------------------------------------------------
// Path values

/** A path the script computes. `text` is what the shell holds, except for canonical values:
 * `cd X && pwd`, `realpath X` and `readlink -f X` give an absolute path at run time, kept here
 * normalized and relative to the base; their parent is computed rather than cut from the text. */
interface PathValue {
  readonly kind: 'path';
  readonly text: string;
  readonly canonical: boolean;
  /** `script`: names the script itself (`$0`, `$BASH_SOURCE`); `dir`: a directory (dirname, cd);
   * `under`: a directory or a path under one (a variable's value, `$DIR/lib`). */
  readonly names: 'script' | 'dir' | 'under';
}

interface Unresolved {
  readonly kind: 'unresolved';
  readonly reason: string;
}

const unresolved = (reason: string): Unresolved => ({ kind: 'unresolved', reason });

interface Env {
  readonly scriptPath: string;
  readonly mainScriptPath: string;
  readonly lookup: (name: string) => PathValue | undefined;
}

/** The parent directory of a normalized path: `.` and `..` climb rather than stay put. */
function parentOf(path: string): string {
  if (path === '.' || path === '..' || path.endsWith('/..')) return posix.join(path, '..');
  return posix.dirname(path);
}

/** `dirname X`: textual on text the shell holds, a true parent on canonical paths. */
function dirnameOf(v: PathValue): PathValue {
  const text = v.canonical ? parentOf(v.text) : posix.dirname(v.text);
  return { kind: 'path', text, canonical: v.canonical, names: 'dir' };
}

/** `${X%/*}`: cuts from the last slash. On a name without a slash bash leaves it whole (and
 * `$dir/lib.sh` then fails); the author meant the script's directory, so that is what we take. */
function stripLastComponent(v: PathValue): PathValue {
  if (v.canonical) return dirnameOf(v);
  const slash = v.text.lastIndexOf('/');
  return { kind: 'path', text: slash < 0 ? '.' : v.text.slice(0, slash), canonical: false, names: 'dir' };
}

/** `cd X && pwd`, `realpath X`, `readlink -f X`. Symlinks are not resolved (the file system is not
 * read): a script reached through a symlinked directory is taken to live where its path says. */
function canonicalOf(v: PathValue, names: PathValue['names']): PathValue {
  return { kind: 'path', text: posix.normalize(v.text), canonical: true, names };
}

// ---------------------------------------------------------------------------------------------
// Words

/** A word as an optional leading expansion (the directory) and the literal text after it. */
interface SplitWord {
  readonly kind: 'split';
  readonly head: PathValue | null;
  readonly tail: string;
}

interface Piece {
  readonly part: WordPart;
  readonly quoted: boolean;
}

function flatten(parts: readonly WordPart[], quoted: boolean, out: Piece[]): Piece[] {
  for (const part of parts) {
    if (part.type === 'DblQuoted') flatten(part.parts, true, out);
    else out.push({ part, quoted });
  }
  return out;
}

/** Splits a word into a leading expansion we can evaluate and a literal tail. An expansion
 * anywhere else, or one we cannot evaluate, leaves the path unresolved. */
function splitWord(word: Word, env: Env): SplitWord | Unresolved {
  let head: PathValue | null = null;
  let tail = '';
  for (const { part, quoted } of flatten(word.parts, false, [])) {
    if (part.type === 'Lit' || part.type === 'SglQuoted') {
      const text = literalText(part, quoted, head === null && tail === '');
      if (typeof text !== 'string') return text;
      tail += text;
      continue;
    }
    if (head !== null || tail !== '') return unresolved(expansionReason(part));
    const value = evalExpansion(part, env);
    if (value.kind === 'unresolved') return value;
    head = value;
  }
  return { kind: 'split', head, tail };
}

/** The value of a literal part; unquoted globs, brace expansions and `~` are not literal. */
function literalText(part: WordPart & { type: 'Lit' | 'SglQuoted' }, quoted: boolean, atStart: boolean): string | Unresolved {
  if (part.type === 'SglQuoted') {
    // $'...' escapes are rare in paths; decoding them is not worth the risk of a wrong answer.
    if (part.dollar && part.value.includes('\\')) return unresolved("the path has $'...' escapes");
    return part.value;
  }
  if (quoted) return part.value.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
  if (atStart && part.value.startsWith('~')) return unresolved('the path starts with ~ (a home directory)');
  if (/(^|[^\\])(\\\\)*[*?[{]/.test(part.value)) return unresolved('the path has a glob or brace expansion');
  return part.value.replace(/\\(\n|.)/g, (_m, c: string) => (c === '\n' ? '' : c));
}

/** Why a path computed by `part` cannot be named. */
function expansionReason(part: WordPart): string {
  switch (part.type) {
    case 'ParamExp':
      return `the path is computed from $${part.param.value}`;
    case 'CmdSubst': {
      const name = commandNameOf(part.stmts);
      return name === null ? 'the path is computed by a command substitution' : `the path is computed by $(${name} …)`;
    }
    case 'ProcSubst':
      return 'the file is a process substitution';
    case 'ArithmExp':
      return 'the path is computed by arithmetic';
    case 'ExtGlob':
      return 'the path has a glob';
    default:
      return 'the path is computed';
  }
}

function commandNameOf(stmts: readonly Stmt[]): string | null {
  let cmd = stmts[0]?.cmd ?? null;
  while (cmd?.type === 'BinaryCmd') cmd = cmd.x.cmd;
  return cmd?.type === 'CallExpr' ? literalWord(cmd.args[0]) : null;
}

function evalExpansion(part: WordPart, env: Env): PathValue | Unresolved {
  if (part.type === 'ParamExp') return evalParam(part, env);
  if (part.type === 'CmdSubst') return evalCommand(part.stmts, env) ?? unresolved(expansionReason(part));
  return unresolved(expansionReason(part));
}

/** `$0`, `${BASH_SOURCE[0]}`, `$DIR`, each optionally with `%/*`. */
function evalParam(p: ParamExp, env: Env): PathValue | Unresolved {
  const why = unresolved(expansionReason(p));
  if (p.excl || p.length || p.names !== null || p.slice !== null || p.repl !== null) return why;
  const base = paramValue(p, env);
  if (base === undefined) return why;
  if (p.exp === null) return base;
  return p.exp.op === '%' && isSlashStar(p.exp.word) ? stripLastComponent(base) : why;
}

/** The pattern `/*`, unquoted (quoted, the `*` would be literal). */
function isSlashStar(word: Word | null): boolean {
  const only = word?.parts.length === 1 ? word.parts[0] : undefined;
  return only?.type === 'Lit' && only.value === '/*';
}

function paramValue(p: ParamExp, env: Env): PathValue | undefined {
  const name = p.param.value;
  // $0 is the script that was run, also inside files it sources; BASH_SOURCE[0] is this file.
  if (name === '0' && p.index === null) return { kind: 'path', text: env.mainScriptPath, canonical: false, names: 'script' };
  if (name === 'BASH_SOURCE' && (p.index === null || isZeroIndex(p.index))) return { kind: 'path', text: env.scriptPath, canonical: false, names: 'script' };
  return p.index === null ? env.lookup(name) : undefined;
}

function isZeroIndex(s: Subscript): boolean {
  if (s.expr?.type === 'ArithmWord') return literalWord(s.expr.word) === '0';
  return s.word !== null && literalWord(s.word) === '0';
}

/** The text of a word with no expansions, or null. */
function literalWord(word: Word | null | undefined): string | null {
  if (!word) return null;
  let out = '';
  for (const { part, quoted } of flatten(word.parts, false, [])) {
    if (part.type !== 'Lit' && part.type !== 'SglQuoted') return null;
    const text = literalText(part, quoted, false);
    if (typeof text !== 'string') return null;
    out += text;
  }
  return out;
}

/** A command argument naming a path: it must start with an expansion we can evaluate (a literal
 * relative path would be relative to the working directory, which we do not know). */
function evalPathWord(word: Word | undefined, env: Env): PathValue | null {
  if (!word) return null;
  const split = splitWord(word, env);
  if (split.kind === 'unresolved' || split.head === null) return null;
  const joined = appendTail(split.head, split.tail);
  return joined.kind === 'path' ? joined : null;
}

/** `$DIR/lib.sh`: literal text after a directory. */
function appendTail(head: PathValue, tail: string): PathValue | Unresolved {
  if (tail === '') return head;
  if (head.names === 'script') return unresolved('the path adds text to the script name');
  // `${dir}lib.sh` glues onto the last component; our text for a canonical dir is not the
  // shell's, so only a suffix starting with `/` means the same thing in both.
  if (!tail.startsWith('/')) return unresolved('the path adds text to a directory without a /');
  return { kind: 'path', text: head.text + tail, canonical: false, names: 'under' };
}

// ---------------------------------------------------------------------------------------------
// Command substitutions

/** `$(dirname X)`, `$(realpath X)`, `$(readlink -f X)`, `$(cd X && pwd)`, `$(cd X; pwd)`, or null. */
function evalCommand(stmts: readonly Stmt[], env: Env): PathValue | null {
  const only = stmts.length === 1 ? plainCall(stmts[0]) : null;
  if (only !== null) return evalSingleCommand(only, env);
  const pair = cdThenPwd(stmts);
  return pair === null ? null : evalCdPwd(pair.cd, pair.pwd, env);
}

/** The simple command of a statement that runs in the foreground, or null. */
function plainCall(stmt: Stmt | undefined): CallExpr | null {
  if (!stmt || stmt.negated || stmt.background || stmt.cmd?.type !== 'CallExpr') return null;
  return stmt.cmd;
}

function evalSingleCommand(call: CallExpr, env: Env): PathValue | null {
  if (call.assigns.length > 0) return null;
  const name = literalWord(call.args[0]);
  if (name === 'dirname') {
    const operand = singleOperand(call.args, () => false);
    const v = operand === null ? null : evalPathWord(operand, env);
    return v === null ? null : dirnameOf(v);
  }
  if (name === 'realpath' || name === 'readlink' || name === 'greadlink') {
    const opts = name === 'realpath' ? isRealpathOption : isReadlinkOption;
    const operand = singleOperand(call.args, opts);
    if (operand === null || (name !== 'realpath' && !canonicalizes(call.args))) return null;
    const v = evalPathWord(operand, env);
    return v === null ? null : canonicalOf(v, v.names);
  }
  return null;
}

/** The one operand after the command name, options `isOption` accepts and an optional `--`. */
function singleOperand(args: readonly Word[], isOption: (opt: string) => boolean): Word | null {
  let i = 1;
  for (; i < args.length; i++) {
    const text = literalWord(args[i]);
    if (text === '--') {
      i++;
      break;
    }
    if (text === null || !text.startsWith('-') || text === '-' || !isOption(text)) break;
  }
  return i === args.length - 1 ? (args[i] as Word) : null;
}

// Options that keep the output a plain absolute path (not `--relative-to`, not `-z`).
const isRealpathOption = (o: string): boolean =>
  /^-[emLPqs]+$/.test(o) || ['--canonicalize-existing', '--canonicalize-missing', '--logical', '--physical', '--quiet', '--strip', '--no-symlinks'].includes(o);
const isReadlinkOption = (o: string): boolean => /^-[femnqsv]+$/.test(o) || /^--(canonicalize(-existing|-missing)?|no-newline|quiet|silent|verbose)$/.test(o);
/** Plain `readlink X` prints a link's target; only -f, -e and -m canonicalize. */
const canonicalizes = (args: readonly Word[]): boolean =>
  args.some((w) => {
    const t = literalWord(w) ?? '';
    return /^-[a-z]*[fem]/.test(t) || t.startsWith('--canonicalize');
  });

/** `cd X && pwd` (one statement) or `cd X; pwd` / `cd X || exit; pwd` (two). */
function cdThenPwd(stmts: readonly Stmt[]): { cd: Stmt; pwd: Stmt } | null {
  if (stmts.length === 1) {
    const cmd = stmts[0]?.cmd;
    if (cmd?.type !== 'BinaryCmd' || cmd.op !== '&&' || stmts[0]?.background) return null;
    return { cd: cmd.x, pwd: cmd.y };
  }
  if (stmts.length !== 2) return null;
  const first = stmts[0] as Stmt;
  // `cd X || exit 1`: the `||` part only runs when cd failed, and then nothing is printed that counts.
  const cd = first.cmd?.type === 'BinaryCmd' && first.cmd.op === '||' ? first.cmd.x : first;
  return first.background ? null : { cd, pwd: stmts[1] as Stmt };
}

function evalCdPwd(cdStmt: Stmt, pwdStmt: Stmt, env: Env): PathValue | null {
  const cd = plainCall(cdStmt);
  const pwd = plainCall(pwdStmt);
  if (cd === null || pwd === null || !isPwd(pwd, pwdStmt)) return null;
  // `CDPATH= cd X` is common and harmless; other prefix assignments are not understood.
  if (literalWord(cd.args[0]) !== 'cd' || cd.assigns.some((a) => a.name?.value !== 'CDPATH')) return null;
  const operand = singleOperand(cd.args, (o) => /^-[LPe@]+$/.test(o));
  const v = operand === null ? null : evalPathWord(operand, env);
  return v === null || v.names === 'script' ? null : canonicalOf(v, 'dir');
}

/** `pwd`, `pwd -P`, `pwd -L`, with at most stderr redirected. */
function isPwd(call: CallExpr, stmt: Stmt): boolean {
  if (call.assigns.length > 0 || literalWord(call.args[0]) !== 'pwd') return false;
  if (!call.args.slice(1).every((w) => /^-[LP]+$/.test(literalWord(w) ?? ''))) return false;
  return stmt.redirs.every((r) => r.fd?.value === '2');
}

// ---------------------------------------------------------------------------------------------
// resolveSourcePath

/** The file a `source WORD` / `. WORD` command reads.
 *
 * A `# shellcheck source=` directive wins over the word. A relative literal (`source lib/x.sh`)
 * and a relative directive are taken relative to the directory of scriptPath (ShellCheck's
 * SCRIPTDIR convention), and, when that file cannot be read, relative to `root`, the directory
 * nounset runs in, where ShellCheck looks without `source-path=SCRIPTDIR`. Bash itself looks the
 * name up in $PATH (for a name without a slash) and then in the working directory. */
export function resolveSourcePath(word: Word, ctx: ResolveContext): SourceTarget {
  const dirs = { script: posix.dirname(ctx.scriptPath), root: ctx.root ?? null };
  if (ctx.directive !== null) return fromDirective(ctx.directive, dirs);
  const env: Env = { scriptPath: ctx.scriptPath, mainScriptPath: ctx.mainScriptPath, lookup: dirVarLookup(ctx.dirVars) };
  const split = splitWord(word, env);
  if (split.kind === 'unresolved') return split;
  if (split.head === null) return literalTarget(split.tail, dirs);
  if (split.tail === '' && split.head.names === 'dir') return unresolved('the path names a directory');
  if (split.tail === '' && split.head.names === 'script') return unresolved('the path names the script itself');
  const joined = appendTail(split.head, split.tail);
  return joined.kind === 'path' ? { kind: 'file', path: posix.normalize(joined.text) } : joined;
}

function dirVarLookup(dirVars: Pick<ReadonlyMap<string, DirValue>, 'get'>): (name: string) => PathValue | undefined {
  return (name) => {
    const v = dirVars.get(name);
    return v === undefined ? undefined : { kind: 'path', text: v.path, canonical: true, names: 'under' };
  };
}

interface Dirs {
  readonly script: string;
  readonly root: string | null;
}

/** A relative path is looked for in the script's directory, then in the root: bats-core's
 * `libexec/bats-core/bats-format-junit` names `# shellcheck source=lib/bats-core/formatter.bash`. */
function literalTarget(path: string, dirs: Dirs): SourceTarget {
  if (path === '') return unresolved('the path is empty');
  if (posix.isAbsolute(path)) return { kind: 'file', path: posix.normalize(path) };
  const inScriptDir = posix.join(dirs.script, path);
  const inRoot = dirs.root === null ? inScriptDir : posix.join(dirs.root, path);
  return inRoot === inScriptDir ? { kind: 'file', path: inScriptDir } : { kind: 'file', path: inScriptDir, fallback: inRoot };
}

/** `source=/dev/null` (do not follow), `source=SCRIPTDIR/x.sh`, `source=/abs/x.sh`, `source=lib/x.sh`. */
function fromDirective(directive: string, dirs: Dirs): SourceTarget {
  if (directive === '/dev/null') return unresolved('# shellcheck source=/dev/null');
  const [first, ...rest] = directive.split('/');
  if (first === 'SCRIPTDIR') return { kind: 'file', path: posix.join(dirs.script, ...rest) };
  return literalTarget(directive, dirs);
}

// ---------------------------------------------------------------------------------------------
// sourceDirective

/** The `# shellcheck source=PATH` directive that applies to the source command at `offset` (any
 * offset inside the command, e.g. its path word), or null.
 *
 * ShellCheck's rules (Parser.hs): directive comments anywhere between the end of the previous
 * command (or the start of the enclosing list) and an and-or list apply to that list, blank lines
 * and other comments in between allowed; so a directive before `if`, a function or `{ … }` covers
 * the source commands inside. The innermost directive wins, and the first `source=` within one
 * block.
 *
 * ShellCheck also applies directives before a script's first command to the whole file, even one
 * written directly above a first `source` line for that line alone (koalaman/shellcheck#2854):
 * every later source command would then follow the same file. Here such a block covers the rest
 * of the file only when a blank line separates it from the first command, as a file header. */
export function sourceDirective(file: File, text: string, offset: number): string | null {
  const gaps = enclosingGaps(file, offset);
  for (let i = gaps.length - 1; i >= 0; i--) {
    const found = directiveIn(file.comments, gaps[i] as Gap);
    if (found !== null) return found.value;
  }
  return fileHeaderDirective(file, text);
}

/** A `source=` directive before the first command, set apart from it by a blank line. */
function fileHeaderDirective(file: File, text: string): string | null {
  const first = file.stmts[0];
  const found = directiveIn(file.comments, { start: 0, end: first ? first.start : file.end });
  if (found === null) return null;
  return /\n[ \t]*\r?\n/.test(text.slice(found.comment.end, first ? first.start : file.end)) ? found.value : null;
}

interface Gap {
  readonly start: number;
  readonly end: number;
}

/** For each statement list enclosing `offset`, outermost first: the text between the previous
 * statement (or the list's start) and the statement that holds `offset`. */
function enclosingGaps(file: File, offset: number): Gap[] {
  const gaps: Gap[] = [];
  forEachNode(file, (node) => {
    if (node.start > offset || node.end < offset) return false;
    const list = stmtList(node);
    if (list === null) return;
    const i = list.findIndex((s) => s.start <= offset && offset < s.end);
    if (i >= 0) gaps.push({ start: i === 0 ? node.start : (list[i - 1] as Stmt).end, end: (list[i] as Stmt).start });
  });
  return gaps;
}

/** The statements of a node that holds a list of commands, in source order. */
function stmtList(node: Node): readonly Stmt[] | null {
  switch (node.type) {
    case 'File':
    case 'Block':
    case 'Subshell':
    case 'CmdSubst':
    case 'ProcSubst':
    case 'CaseItem':
      return node.stmts;
    case 'IfClause':
      return [...node.cond, ...node.then];
    case 'WhileClause':
      return [...node.cond, ...node.body];
    case 'ForClause':
      return node.body;
    default:
      return null;
  }
}

function directiveIn(comments: readonly Comment[], gap: Gap): { readonly value: string; readonly comment: Comment } | null {
  for (const comment of comments) {
    if (comment.start < gap.start || comment.end > gap.end) continue;
    const value = sourceKey(comment.text);
    if (value !== null) return { value, comment };
  }
  return null;
}

/** The `source=` value of a `# shellcheck key=value ...` comment, as ShellCheck reads it: values
 * may be quoted, a `#` ends the directive, and reading stops at the first malformed pair. */
function sourceKey(comment: string): string | null {
  const m = /^[ \t]*shellcheck[ \t]+/.exec(comment);
  if (m === null) return null;
  const pair = /([A-Za-z-]+)=(?:'([^'\n]+)'|"([^"\n]+)"|([^\s]+))[ \t]*/y;
  pair.lastIndex = m[0].length;
  for (let p = pair.exec(comment); p !== null; p = pair.exec(comment)) {
    if (p[1] === 'source') return p[2] ?? p[3] ?? p[4] ?? null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// scriptDirVariables

/** `$NAME` or `${NAME`, read where a `$` was found. */
const NAME_AFTER_DOLLAR = /\{?([A-Za-z_]\w*)/y;

/** Whether NAME may be one of scriptDirVariables(file) for a file with this text, from the text
 * alone: a directory variable has a `NAME=value` definition whose value starts with an expansion
 * evalPathWord can evaluate (`$0`, `${0…}`, `$BASH_SOURCE…`, `$(…)`, a backquote, or `$OTHER` /
 * `${OTHER}` / `${OTHER%…}` for another such variable), optionally after a `"`. Where no
 * definition can start so (most computed paths come from the environment: `X="${X:-…}"`), the walk
 * of the whole tree scriptDirVariables takes is not needed. True when unsure: backslash-newlines,
 * which bash removes before it reads words, may split a name or a value. */
export function mayBeDirVariable(text: string, name: string): boolean {
  return text.includes('\\\n') || mayBeDefinedAsDir(text, name, new Set());
}

function mayBeDefinedAsDir(text: string, name: string, seen: Set<string>): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const target = `${name}=`;
  for (let i = text.indexOf(target); i >= 0; i = text.indexOf(target, i + 1)) {
    if (i > 0 && /\w/.test(text[i - 1] as string)) continue;
    let j = i + target.length;
    while (text[j] === '"') j++;
    const c = text[j];
    if (c === '`') return true;
    if (c !== '$') continue;
    const d = text[j + 1] ?? '';
    if (d === '(' || d === '0') return true;
    NAME_AFTER_DOLLAR.lastIndex = j + 1;
    const m = NAME_AFTER_DOLLAR.exec(text);
    if (m === null) {
      if (text.startsWith('{0', j + 1)) return true;
      continue;
    }
    const other = m[1] as string;
    if (other === 'BASH_SOURCE') return true;
    // `${OTHER:-…}` and the like never evaluate; `${OTHER}` and `${OTHER%/*}` may.
    const after = text[j + 2 + other.length];
    if (d === '{' && after !== '}' && after !== '%') continue;
    if (mayBeDefinedAsDir(text, other, seen)) return true;
  }
  return false;
}

/** Variables assigned exactly once in the script, anywhere in it (`local` in a function too), to
 * a script-directory expression: `DIR=$(dirname "$0")`, `readonly ROOT="$DIR/.."`, ... Any other
 * write to the name (a second assignment, `read`, `for NAME in`, `${NAME:=…}`, ...) disqualifies it,
 * since the variable could then hold something else. */
export function scriptDirVariables(file: File, scriptPath: string, mainScriptPath: string): Map<string, DirValue> {
  const { writes, definitions } = collectWrites(file);
  const values = new Map<string, PathValue>();
  const env: Env = { scriptPath, mainScriptPath, lookup: (name) => values.get(name) };
  // Definitions may build on each other (`ROOT="$DIR/.."`), in any order: repeat until stable.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, word] of definitions) {
      if (values.has(name) || writes.get(name) !== 1) continue;
      const v = evalPathWord(word, env);
      if (v === null) continue;
      values.set(name, v);
      changed = true;
    }
  }
  const out = new Map<string, DirValue>();
  for (const [name, v] of values) if (v.names !== 'script') out.set(name, { kind: 'dir', path: posix.normalize(v.text) });
  return out;
}

interface Writes {
  /** How many places write each name. */
  readonly writes: Map<string, number>;
  /** The value of plain scalar assignments, by name (the last one seen; used only for names written once). */
  readonly definitions: Map<string, Word>;
}

/** Commands that write the variables named in their arguments. */
const NAME_WRITERS = new Set(['read', 'mapfile', 'readarray', 'getopts', 'printf', 'unset', 'wait', 'eval']);

function collectWrites(file: File): Writes {
  const acc: Writes = { writes: new Map(), definitions: new Map() };
  const write = (name: string | null | undefined): void => {
    if (name) acc.writes.set(name, (acc.writes.get(name) ?? 0) + 1);
  };
  forEachNode(file, (node) => {
    switch (node.type) {
      case 'CallExpr':
        return callWrites(node, acc, write);
      case 'DeclClause':
        return declWrites(node.variant.value, node.args, acc, write);
      case 'WordIter':
        return write(node.name.value);
      case 'ArithmBinary':
        if (node.op.endsWith('=') && !['==', '!=', '<=', '>='].includes(node.op) && node.x.type === 'ArithmVar') write(node.x.name.value);
        return;
      case 'ArithmUnary':
        if ((node.op === '++' || node.op === '--') && node.x.type === 'ArithmVar') write(node.x.name.value);
        return;
      case 'ParamExp':
        if (node.exp?.op === '=' || node.exp?.op === ':=') write(node.param.value);
        return;
      case 'Redirect':
        return write(node.fdVar?.value);
      case 'CoprocClause':
        return write(node.name ? literalWord(node.name) : 'COPROC');
      default:
        return;
    }
  });
  return acc;
}

function callWrites(call: CallExpr, acc: Writes, write: (name: string | null) => void): void {
  for (const a of call.assigns) {
    write(a.name?.value ?? null);
    // `DIR=x cmd` sets DIR for cmd only: a write, not a definition.
    if (call.args.length === 0 && isScalarDefinition(a)) acc.definitions.set(a.name.value, a.value);
  }
  const at = call.args.findIndex(isNameWriter);
  if (at < 0) return;
  const isEval = literalWord(call.args[at]) === 'eval';
  for (const w of call.args.slice(at + 1)) {
    // Every name-like argument counts (`read -p DIR` over-counts a prompt; that only loses a variable).
    write(nameArgument(literalWord(w)));
    // `eval "DIR=$x"`: a NAME= in the literal text of its arguments.
    if (isEval) for (const text of literalPieces(w)) for (const m of text.matchAll(/([A-Za-z_]\w*)\+?=/g)) write(m[1] ?? null);
  }
}

/** Whether a word is one of NAME_WRITERS. A lone literal without a backslash is its own text (and
 * such a name holds no glob), which spares building the text of every argument of every command. */
function isNameWriter(word: Word): boolean {
  const only = word.parts.length === 1 ? word.parts[0] : undefined;
  if (only?.type === 'Lit' && !only.value.includes('\\')) return NAME_WRITERS.has(only.value);
  return NAME_WRITERS.has(literalWord(word) ?? '');
}

/** `NAME`, or the NAME of `-vNAME` / `-aNAME` / `-pNAME`. */
function nameArgument(text: string | null): string | null {
  if (text === null) return null;
  if (/^[A-Za-z_]\w*$/.test(text)) return text;
  return /^-[a-z]*[vpa]([A-Za-z_]\w*)$/.exec(text)?.[1] ?? null;
}

function literalPieces(word: Word): string[] {
  const out: string[] = [];
  for (const { part } of flatten(word.parts, false, [])) if (part.type === 'Lit' || part.type === 'SglQuoted') out.push(part.value);
  return out;
}

function declWrites(variant: string, args: readonly Assign[], acc: Writes, write: (name: string | null) => void): void {
  const flags = args.filter((a) => a.naked && a.name === null).map((a) => literalWord(a.value) ?? '').join('');
  // -a/-A make arrays, -i evaluates arithmetic, -l/-u change case, -n makes a reference.
  const transforms = /[aAilun]/.test(flags);
  for (const a of args) {
    if (a.name === null) continue;
    // `export DIR` / `readonly DIR` only set attributes; `local DIR` / `declare DIR` make a new, unset variable.
    if (a.naked && (variant === 'export' || variant === 'readonly')) continue;
    write(a.name.value);
    if (!transforms && isScalarDefinition(a)) acc.definitions.set(a.name.value, a.value);
  }
}

function isScalarDefinition(a: Assign): a is Assign & { readonly name: Lit; readonly value: Word } {
  return a.name !== null && !a.naked && !a.append && a.index === null && a.array === null && a.value !== null;
}
