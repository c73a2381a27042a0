// A visitor over the syntax tree, in source order of each node's children. Other modules walk
// the tree through this, never through how a word was lexed.

import type { ArithmExpr, Assign, Node, Redirect, Stmt, Subscript, TestExpr, WordPart } from './ast.js';

/** Calls `fn` on `node` and its descendants, depth first in source order; returning `false`
 * skips the children. Iterative, so long `&&` chains or `a+b+...` sums cannot overflow the stack. */
// biome-ignore lint/suspicious/noConfusingVoidType: a visitor that returns nothing visits every child
export function forEachNode(node: Node, fn: (node: Node, parent: Node | null) => boolean | void): void {
  // Two parallel stacks: no object per visited node.
  const nodes: Node[] = [node];
  const parents: (Node | null)[] = [null];
  const kids: Node[] = [];
  while (nodes.length > 0) {
    const top = nodes.pop() as Node;
    if (fn(top, parents.pop() ?? null) === false) continue;
    kids.length = 0;
    childrenOf(top, kids);
    for (let i = kids.length - 1; i >= 0; i--) {
      nodes.push(kids[i] as Node);
      parents.push(top);
    }
  }
}

/** Appends the children of `node` to `out`, in source order. */
export function childrenOf(node: Node, out: Node[]): void {
  switch (node.type) {
    case 'File':
      return pushAll(out, node.stmts);
    case 'Comment':
    case 'Lit':
    case 'SglQuoted':
    case 'OpaqueParamExp':
      return;
    case 'Stmt':
      return stmtChildren(node, out);
    case 'CallExpr':
      pushAll(out, node.assigns);
      return pushAll(out, node.args);
    case 'BinaryCmd':
      pushOne(out, node.x);
      return pushOne(out, node.y);
    case 'IfClause':
      pushAll(out, node.cond);
      pushAll(out, node.then);
      return pushOne(out, node.else);
    case 'WhileClause':
      pushAll(out, node.cond);
      return pushAll(out, node.body);
    case 'ForClause':
      pushOne(out, node.loop);
      return pushAll(out, node.body);
    case 'WordIter':
      pushOne(out, node.name);
      return pushAll(out, node.items);
    case 'CStyleLoop':
      pushOne(out, node.init);
      pushOne(out, node.cond);
      return pushOne(out, node.post);
    case 'CaseClause':
      pushOne(out, node.word);
      return pushAll(out, node.items);
    case 'CaseItem':
      pushAll(out, node.patterns);
      return pushAll(out, node.stmts);
    case 'Block':
    case 'Subshell':
      return pushAll(out, node.stmts);
    case 'FuncDecl':
      pushOne(out, node.name);
      return pushOne(out, node.body);
    case 'ArithmCmd':
      return pushOne(out, node.expr);
    case 'TestClause':
      return pushOne(out, node.expr);
    case 'DeclClause':
      pushOne(out, node.variant);
      return pushAll(out, node.args);
    case 'LetClause':
      return pushAll(out, node.exprs);
    case 'TimeClause':
      return pushOne(out, node.stmt);
    case 'CoprocClause':
      pushOne(out, node.name);
      return pushOne(out, node.stmt);
    case 'TestDecl':
      pushOne(out, node.description);
      return pushOne(out, node.body);
    case 'Assign':
      return assignChildren(node, out);
    case 'ArrayExpr':
      return pushAll(out, node.elems);
    case 'ArrayElem':
      pushOne(out, node.index);
      return pushOne(out, node.value);
    case 'Redirect':
      return redirectChildren(node, out);
    case 'HeredocBody':
      return pushAll(out, node.parts);
    case 'Word':
      return pushAll(out, node.parts);
    case 'DblQuoted':
      return pushAll(out, node.parts);
    case 'ParamExp':
      return paramChildren(node, out);
    case 'CmdSubst':
    case 'ProcSubst':
      return pushAll(out, node.stmts);
    case 'ArithmExp':
      return pushOne(out, node.expr);
    case 'ExtGlob':
      return pushOne(out, node.pattern);
    case 'Subscript':
      return subscriptChildren(node, out);
    default:
      return exprChildren(node, out);
  }
}

function pushAll(out: Node[], children: readonly Node[] | null | undefined): void {
  if (children) for (let i = 0; i < children.length; i++) out.push(children[i] as Node);
}

function pushOne(out: Node[], child: Node | null | undefined): void {
  if (child) out.push(child);
}

function stmtChildren(node: Stmt, out: Node[]): void {
  pushOne(out, node.cmd);
  pushAll(out, node.redirs);
}

function assignChildren(node: Assign, out: Node[]): void {
  pushOne(out, node.name);
  pushOne(out, node.index);
  pushOne(out, node.value);
  pushOne(out, node.array);
}

function redirectChildren(node: Redirect, out: Node[]): void {
  pushOne(out, node.fd);
  pushOne(out, node.fdVar);
  pushOne(out, node.word);
  pushOne(out, node.body);
}

function paramChildren(node: WordPart & { type: 'ParamExp' }, out: Node[]): void {
  pushOne(out, node.param);
  pushOne(out, node.index);
  if (node.slice) {
    pushOne(out, node.slice.offset);
    pushOne(out, node.slice.length);
  }
  if (node.repl) {
    pushOne(out, node.repl.orig);
    pushOne(out, node.repl.with);
  }
  if (node.exp) pushOne(out, node.exp.word);
}

function subscriptChildren(node: Subscript, out: Node[]): void {
  pushOne(out, node.expr);
  pushOne(out, node.word);
}

function exprChildren(node: ArithmExpr | TestExpr, out: Node[]): void {
  switch (node.type) {
    case 'ArithmBinary':
    case 'TestBinary':
      pushOne(out, node.x);
      return pushOne(out, node.y);
    case 'ArithmUnary':
    case 'ArithmParen':
    case 'TestUnary':
    case 'TestParen':
      return pushOne(out, node.x);
    case 'ArithmTernary':
      pushOne(out, node.cond);
      pushOne(out, node.then);
      return pushOne(out, node.else);
    case 'ArithmVar':
      pushOne(out, node.name);
      return pushOne(out, node.index);
    case 'ArithmWord':
      return pushOne(out, node.word);
    case 'TestWord':
      // The arithmetic reading re-reads the literal word; visit one of the two, the richer.
      return pushOne(out, node.arith ?? node.word);
  }
}
