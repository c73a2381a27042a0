// Where, in the code a proof of an array element covers (a loop's body, an if's `then`), something
// may first change the names the proof rests on: an assignment, `unset`, `read` or declaration of
// them, an `eval` or `source`, or a call of one of the file's functions that does (bash's dynamic
// scoping lets a function assign its caller's variables: `bump() { i=5; }` called in a loop over
// `${a[i]}` moves the loop's index). For BASH_REMATCH, a `[[ … =~ … ]]` changes it.

import type { FuncDecl, Node, Stmt } from '../parse/index.js';
import { forEachNode, literalValue } from '../parse/index.js';
import { escapeRegExp } from './builtins.js';
import { isLocalDeclaration } from './model.js';

/** The file's functions by name (a name defined twice has both definitions), found once. */
export class FileFunctions {
  private byName: Map<string, FuncDecl[]> | null = null;
  private readonly writes = new Map<string, boolean>();

  constructor(
    private readonly stmts: readonly Stmt[],
    private readonly text: string,
  ) {}

  get(name: string): readonly FuncDecl[] | undefined {
    // Most commands a proof's code runs are no function of the file (`echo`, `[`): a look at the
    // text says so without a walk of the whole file.
    if (this.byName === null && !this.mayDefine(name)) return undefined;
    if (this.byName === null) {
      const found = new Map<string, FuncDecl[]>();
      for (const stmt of this.stmts)
        forEachNode(stmt, (n) => {
          if (n.type === 'Word') return mayHoldCode(n, this.text);
          if (n.type !== 'FuncDecl') return;
          const list = found.get(n.name.value);
          if (list) list.push(n);
          else found.set(n.name.value, [n]);
        });
      this.byName = found;
    }
    return this.byName.get(name);
  }

  private readonly defines = new Map<string, boolean>();

  /** Whether the text may define a function `name` (`name()`, `function name`). */
  private mayDefine(name: string): boolean {
    let yes = this.defines.get(name);
    if (yes === undefined) {
      const n = escapeRegExp(name);
      yes = new RegExp(`(^|[^\\w.:-])${n}\\s*\\(\\s*\\)|\\bfunction\\s+${n}(?![\\w.:-])`).test(this.text);
      this.defines.set(name, yes);
    }
    return yes;
  }

  /** Whether running function `name` may change any of `names` in its caller. */
  changes(name: string, names: readonly string[], visiting: Set<string> = new Set()): boolean {
    const key = `${name}\0${names.join('\0')}`;
    const known = this.writes.get(key);
    if (known !== undefined) return known;
    // A call cycle: what the functions on it change is found where the cycle was entered.
    if (visiting.has(name)) return false;
    visiting.add(name);
    let yes = false;
    for (const decl of this.get(name) ?? []) {
      // `local i` first thing: the function's i is its own, and so are its callees'.
      const open = names.filter((n) => !shadowed(decl, n, this.text));
      if (open.length > 0 && firstChange([decl.body], decl.body.start, open, this.text, this, visiting) < Infinity)
        yes = true;
    }
    visiting.delete(name);
    this.writes.set(key, yes);
    return yes;
  }
}

/** Whether a word may hold statements (a function definition among them): only inside `$( )`,
 * `<( )` or backquotes, so a word with no `(` and no backquote holds none, and is not walked (most
 * of a tree's nodes are in words: the walk of a 360 KB script took as long as its parse). */
function mayHoldCode(word: Node, text: string): boolean {
  for (let i = word.start; i < word.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 96) return true;
  }
  return false;
}

/** The first offset from `from` in `scope` where code may change one of `names`; where that is
 * inside a loop of the scope, the loop's start, since the loop runs the code before it again.
 * Infinity where nothing may. */
export function firstChange(
  scope: readonly Node[],
  from: number,
  names: readonly string[],
  text: string,
  functions: FileFunctions,
  visiting: Set<string> = new Set(),
): number {
  const end = scope.reduce((e, n) => Math.max(e, n.end), from);
  if (end <= from) return Infinity;
  const part = text.slice(from, end);
  let at = Infinity;
  const found = (i: number): void => {
    if (i >= 0 && from + i < at) at = from + i;
  };
  found(part.search(/\beval\b|(^|[\s;&|(])(source|\.)\s/));
  for (const name of names) {
    found(part.search(assigns(name)));
    if (name === 'BASH_REMATCH') found(part.indexOf('=~'));
  }
  for (const node of scope)
    forEachNode(node, (n) => {
      if (n.end <= from || n.start >= at) return false;
      if (n.type !== 'CallExpr' || n.start < from) return;
      const first = n.args[0];
      const name = first ? literalValue(first) : null;
      // The call's own words are expanded before the function runs.
      if (name !== null && functions.get(name) !== undefined && functions.changes(name, names, visiting))
        at = Math.min(at, n.end);
    });
  if (at === Infinity) return at;
  // The outermost loop of the scope around that point runs the code before it again.
  for (const node of scope)
    forEachNode(node, (n) => {
      if (n.end <= at || n.start > at) return false;
      if ((n.type === 'ForClause' || n.type === 'WhileClause') && n.start >= from && n.start < at) {
        at = n.start;
        return false;
      }
    });
  return at;
}

/** A change of `name`: an assignment (`name=`, `name[k]=`, `name+=`, `((name++))`), a `for` over
 * it, or a builtin that declares, unsets or reads into it. */
function assigns(name: string): RegExp {
  let re = ASSIGNS.get(name);
  if (re === undefined) {
    re = new RegExp(
      `(^|[^\\w$])${name}(\\[[^\\]]*\\])?\\s*([-+*/%]?=|\\+\\+|--)|(\\+\\+|--)\\s*${name}\\b|\\bfor\\s+${name}\\b|\\b(local|declare|typeset|unset|read|mapfile|readarray|printf)\\b[^\\n;]*[\\s'"]${name}\\b`,
    );
    ASSIGNS.set(name, re);
  }
  return re;
}
const ASSIGNS = new Map<string, RegExp>();

/** Whether the function's body starts by declaring `name` its own (`local name`, `declare name`
 * without -g), before any other statement mentions it. */
function shadowed(decl: FuncDecl, name: string, text: string): boolean {
  const cmd = decl.body.cmd;
  if (cmd?.type !== 'Block') return false;
  const word = new RegExp(`\\b${name}\\b`);
  for (const stmt of cmd.stmts) {
    if (!word.test(text.slice(stmt.start, stmt.end))) continue;
    const d = stmt.cmd;
    if (d?.type !== 'DeclClause') return false;
    const options = d.args
      .filter((a) => a.naked && !a.name)
      .map((a) => text.slice(a.start, a.end))
      .filter((t) => t.startsWith('-'))
      .join('');
    return isLocalDeclaration(`${d.variant.value} ${options}`) && d.args.some((a) => a.name?.value === name);
  }
  return false;
}
