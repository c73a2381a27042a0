// A visitor over the syntax tree, in source order of each node's children. Other modules walk
// the tree through this, never through how a word was lexed.

import type { ArithmExpr, Assign, Node, Redirect, Stmt, Subscript, TestExpr, WordPart } from './ast.js';

/** Calls `fn` on `node` and its descendants, depth first in source order; returning `false`
 * skips the children. Iterative, so long `&&` chains or `a+b+...` sums cannot overflow the stack. */
export function forEachNode(node: Node, fn: (node: Node, parent: Node | null) => boolean | void): void {
  const stack: { node: Node; parent: Node | null }[] = [{ node, parent: null }];
  const kids: Node[] = [];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (fn(top.node, top.parent) === false) continue;
    kids.length = 0;
    childrenOf(top.node, kids);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as Node, parent: top.node });
  }
}

/** Appends the children of `node` to `out`, in source order. */
export function childrenOf(node: Node, out: Node[]): void {
  const each = (children: readonly Node[] | null | undefined): void => {
    if (children) for (const c of children) out.push(c);
  };
  const one = (child: Node | null | undefined): void => {
    if (child) out.push(child);
  };
  switch (node.type) {
    case 'File':
      return each(node.stmts);
    case 'Comment':
    case 'Lit':
    case 'SglQuoted':
      return;
    case 'Stmt':
      return stmtChildren(node, one, each);
    case 'CallExpr':
      each(node.assigns);
      return each(node.args);
    case 'BinaryCmd':
      one(node.x);
      return one(node.y);
    case 'IfClause':
      each(node.cond);
      each(node.then);
      return one(node.else);
    case 'WhileClause':
      each(node.cond);
      return each(node.body);
    case 'ForClause':
      one(node.loop);
      return each(node.body);
    case 'WordIter':
      one(node.name);
      return each(node.items);
    case 'CStyleLoop':
      one(node.init);
      one(node.cond);
      return one(node.post);
    case 'CaseClause':
      one(node.word);
      return each(node.items);
    case 'CaseItem':
      each(node.patterns);
      return each(node.stmts);
    case 'Block':
    case 'Subshell':
      return each(node.stmts);
    case 'FuncDecl':
      one(node.name);
      return one(node.body);
    case 'ArithmCmd':
      return one(node.expr);
    case 'TestClause':
      return one(node.expr);
    case 'DeclClause':
      one(node.variant);
      return each(node.args);
    case 'LetClause':
      return each(node.exprs);
    case 'TimeClause':
      return one(node.stmt);
    case 'CoprocClause':
      one(node.name);
      return one(node.stmt);
    case 'Assign':
      return assignChildren(node, one);
    case 'ArrayExpr':
      return each(node.elems);
    case 'ArrayElem':
      one(node.index);
      return one(node.value);
    case 'Redirect':
      return redirectChildren(node, one);
    case 'HeredocBody':
      return each(node.parts);
    case 'Word':
      return each(node.parts);
    case 'DblQuoted':
      return each(node.parts);
    case 'ParamExp':
      return paramChildren(node, one);
    case 'CmdSubst':
    case 'ProcSubst':
      return each(node.stmts);
    case 'ArithmExp':
      return one(node.expr);
    case 'ExtGlob':
      return one(node.pattern);
    case 'Subscript':
      return subscriptChildren(node, one);
    default:
      return exprChildren(node, one);
  }
}

type One = (child: Node | null | undefined) => void;
type Each = (children: readonly Node[] | null | undefined) => void;

function stmtChildren(node: Stmt, one: One, each: Each): void {
  one(node.cmd);
  each(node.redirs);
}

function assignChildren(node: Assign, one: One): void {
  one(node.name);
  one(node.index);
  one(node.value);
  one(node.array);
}

function redirectChildren(node: Redirect, one: One): void {
  one(node.fd);
  one(node.fdVar);
  one(node.word);
  one(node.body);
}

function paramChildren(node: WordPart & { type: 'ParamExp' }, one: One): void {
  one(node.param);
  one(node.index);
  if (node.slice) {
    one(node.slice.offset);
    one(node.slice.length);
  }
  if (node.repl) {
    one(node.repl.orig);
    one(node.repl.with);
  }
  if (node.exp) one(node.exp.word);
}

function subscriptChildren(node: Subscript, one: One): void {
  one(node.expr);
  one(node.word);
}

function exprChildren(node: ArithmExpr | TestExpr, one: One): void {
  switch (node.type) {
    case 'ArithmBinary':
    case 'TestBinary':
      one(node.x);
      return one(node.y);
    case 'ArithmUnary':
    case 'ArithmParen':
    case 'TestUnary':
    case 'TestParen':
      return one(node.x);
    case 'ArithmTernary':
      one(node.cond);
      one(node.then);
      return one(node.else);
    case 'ArithmVar':
      one(node.name);
      return one(node.index);
    case 'ArithmWord':
      return one(node.word);
    case 'TestWord':
      // The arithmetic reading re-reads the literal word; visit one of the two, the richer.
      return one(node.arith ?? node.word);
  }
}

