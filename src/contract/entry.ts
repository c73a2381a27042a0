// `--entry 'ARGS'`: which code of a script cannot run when it is started with those arguments,
// for scripts that dispatch on their first argument, the common forms: `case "$1" in …` or
// `if [ "$1" = x ]` at the top level or in a function called with `"$@"` (`main "$@"`), also
// through a variable set from `$1` (`local action="${1:-}"`). Functions called only from code that
// cannot run cannot run either. Anything not decided statically counts as running.

import { wordText } from '../analyze/index.js';
import type { CallExpr, CaseClause, File, FuncDecl, IfClause, Node, Stmt, Word } from '../parse/index.js';
import { childrenOf, forEachNode } from '../parse/index.js';

/** What is known of the positional parameters and of variables that copy `$1`. */
interface Context {
  /** Null when unknown (a function called with other arguments). */
  readonly args: readonly string[] | null;
  readonly aliases: Map<string, string | null>;
}

/** The value of `$1`, `"$1"`, `${1:-d}`, `"$action"` (a copy of `$1`), or null when not known. */
function staticValue(word: Word | null | undefined, ctx: Context): string | null {
  if (!word) return null;
  const literal = wordText(word);
  if (literal !== null) return literal;
  const parts = word.parts.length === 1 && word.parts[0]?.type === 'DblQuoted' ? word.parts[0].parts : word.parts;
  if (parts.length !== 1 || parts[0]?.type !== 'ParamExp') return null;
  const p = parts[0];
  if (p.excl || p.length || p.index || p.slice || p.repl) return null;
  const name = p.param.value;
  const unset = name === '1' && ctx.args !== null && ctx.args.length === 0;
  // An unset $1 expands to nothing (under set -u the script stops there: taking it as '' only
  // keeps more code, never less).
  const value =
    name === '1'
      ? ctx.args
        ? (ctx.args[0] ?? '')
        : null
      : ctx.aliases.has(name)
        ? (ctx.aliases.get(name) ?? null)
        : null;
  if (!p.exp) return value;
  const fallback = p.exp.word ? wordText(p.exp.word) : '';
  if ((p.exp.op === ':-' && (unset || value === '')) || (p.exp.op === '-' && unset)) return fallback;
  if (p.exp.op === ':-' || p.exp.op === '-') return value;
  return null;
}

/** A case pattern as a regular expression: `*`, `?` and `[…]` globs, `|` handled by the caller. */
function globMatches(pattern: string, value: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        re += `[${pattern
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.*+?^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's').test(value);
}

/** `[ "$1" = x ]`, `[ x != "$1" ]`, `test "$1" == x`, `[ -z "$1" ]`, `[ -n "$1" ]`: true, false or unknown. */
function staticTest(cond: readonly Stmt[], ctx: Context): boolean | null {
  if (cond.length !== 1) return null;
  const stmt = cond[0] as Stmt;
  const call = stmt.cmd?.type === 'CallExpr' ? stmt.cmd : null;
  if (!call || call.assigns.length > 0) return null;
  const name = wordText(call.args[0]);
  let words = call.args.slice(1);
  if (name === '[') {
    if (wordText(words[words.length - 1]) !== ']') return null;
    words = words.slice(0, -1);
  } else if (name !== 'test') return null;
  let result: boolean | null = null;
  if (words.length === 3) {
    const op = wordText(words[1]);
    const a = staticValue(words[0], ctx);
    const b = staticValue(words[2], ctx);
    if (a !== null && b !== null && (op === '=' || op === '==')) result = a === b;
    if (a !== null && b !== null && op === '!=') result = a !== b;
  } else if (words.length === 2) {
    const op = wordText(words[0]);
    const a = staticValue(words[1], ctx);
    if (a !== null && op === '-z') result = a === '';
    if (a !== null && op === '-n') result = a !== '';
  }
  return result === null ? null : stmt.negated ? !result : result;
}

export interface Reachability {
  /** Sorted source spans that cannot run with the given arguments. */
  readonly unreachable: readonly (readonly [number, number])[];
}

export function reachableWith(file: File, args: readonly string[]): Reachability {
  const functions = new Map<string, FuncDecl>();
  const calledAnywhere = new Set<string>();
  const assignments = new Map<string, number>();
  forEachNode(file, (node) => {
    if (node.type === 'FuncDecl') functions.set(node.name.value, node);
    if (node.type === 'CallExpr') {
      const name = wordText(node.args[0]);
      if (name !== null) calledAnywhere.add(name);
    }
    if (node.type === 'Assign' && node.name)
      assignments.set(node.name.value, (assignments.get(node.name.value) ?? 0) + 1);
  });
  // A copy of $1 is trusted only when it is the variable's one assignment in the file: one made
  // in a branch that may not run, or changed later, would give a wrong value.
  const alias = (ctx: Context, name: string, value: Word | null): void => {
    if (assignments.get(name) === 1) ctx.aliases.set(name, staticValue(value, ctx));
  };
  const reached = new Set<Node>();
  const analysed = new Map<FuncDecl, Set<string>>();
  const queue: { fn: FuncDecl; ctx: Context }[] = [];

  const callFunction = (call: CallExpr, ctx: Context): void => {
    const fn = functions.get(wordText(call.args[0]) ?? '');
    if (!fn) return;
    const rest = call.args.slice(1);
    const passesAll =
      rest.length === 1 &&
      rest[0]?.parts.length === 1 &&
      rest[0].parts[0]?.type === 'DblQuoted' &&
      rest[0].parts[0].parts.length === 1 &&
      rest[0].parts[0].parts[0]?.type === 'ParamExp' &&
      rest[0].parts[0].parts[0].param.value === '@';
    const literal = rest.map((w) => wordText(w));
    const callArgs = passesAll ? ctx.args : literal.every((v) => v !== null) ? (literal as string[]) : null;
    const key = callArgs === null ? '?' : JSON.stringify(callArgs);
    const seen = analysed.get(fn) ?? new Set<string>();
    if (seen.has(key) || seen.size >= 8) return;
    seen.add(key);
    analysed.set(fn, seen);
    queue.push({ fn, ctx: { args: callArgs, aliases: new Map() } });
  };

  const walkStmts = (stmts: readonly Stmt[], ctx: Context): void => {
    for (const s of stmts) walk(s, ctx);
  };
  const walkCase = (c: CaseClause, ctx: Context): void => {
    const value = staticValue(c.word, ctx);
    let matched = value === null;
    for (const item of c.items) {
      const hit =
        matched ||
        item.patterns.some((p) => {
          const text = wordText(p);
          return text === null || globMatches(text, value as string);
        });
      if (!hit) continue;
      reached.add(item);
      walkStmts(item.stmts, ctx);
      // `;;` ends the case for a known value; `;&` runs the next item too; `;;&` tests on.
      if (value !== null && (item.op === ';;' || item.op === null)) break;
      if (item.op === ';&') matched = true;
    }
  };
  const walkIf = (c: IfClause, ctx: Context): void => {
    walkStmts(c.cond, ctx);
    const test = c.kind === 'else' ? true : staticTest(c.cond, ctx);
    if (test !== false) {
      reached.add(c);
      walkStmts(c.then, ctx);
    }
    if (c.else && test !== true) walkIf(c.else, ctx);
  };
  const walk = (node: Node, ctx: Context): void => {
    switch (node.type) {
      case 'FuncDecl':
        return;
      case 'CaseClause':
        return walkCase(node, ctx);
      case 'IfClause':
        return walkIf(node, ctx);
      case 'CallExpr':
        for (const a of node.assigns) if (a.name) alias(ctx, a.name.value, a.value);
        callFunction(node, ctx);
        break;
      case 'DeclClause':
        for (const a of node.args) if (a.name && !a.naked) alias(ctx, a.name.value, a.value);
        break;
    }
    const kids: Node[] = [];
    childrenOf(node, kids);
    for (const k of kids) walk(k, ctx);
  };

  walkStmts(file.stmts, { args, aliases: new Map() });
  // Functions never called by name may run some other way (a trap, a computed name): as if called
  // with arguments not known.
  for (const fn of functions.values())
    if (!calledAnywhere.has(fn.name.value)) queue.push({ fn, ctx: { args: null, aliases: new Map() } });
  for (let job = queue.shift(); job; job = queue.shift()) {
    reached.add(job.fn);
    walk(job.fn.body, job.ctx);
  }

  const unreachable: [number, number][] = [];
  const spanOf = (stmts: readonly Stmt[]): [number, number] | null =>
    stmts.length > 0 ? [(stmts[0] as Stmt).start, (stmts[stmts.length - 1] as Stmt).end] : null;
  forEachNode(file, (node) => {
    if (reached.has(node)) return true;
    let span: [number, number] | null = null;
    // A function never called by its name may be called another way (a trap, a computed name).
    if (node.type === 'FuncDecl') span = calledAnywhere.has(node.name.value) ? [node.body.start, node.body.end] : null;
    else if (node.type === 'CaseItem') span = spanOf(node.stmts);
    else if (node.type === 'IfClause') span = spanOf(node.then);
    if (span === null) return true;
    unreachable.push(span);
    return node.type !== 'FuncDecl' && node.type !== 'CaseItem';
  });
  unreachable.sort((a, b) => a[0] - b[0]);
  return { unreachable };
}

export function isReachable(r: Reachability, offset: number): boolean {
  return !r.unreachable.some(([a, b]) => a <= offset && offset < b);
}
