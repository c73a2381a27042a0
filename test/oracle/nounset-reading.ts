// nounset's own reading of a script, in the shape the oracle compares (see facts.ts).

import { ParseError } from '../../src/errors.js';
import type { ArithmVar, File, ParamExp, Stmt } from '../../src/parse/ast.js';
import { forEachNode, parse } from '../../src/parse/index.js';
import type { ArithVarFact, Facts, ParamFact, Reading, StmtFact, SubstFact } from './facts.js';

/** Parses with nounset's parser and flattens the tree into facts; parse errors become readings. */
export function readWithNounset(text: string, dialect: 'bash' | 'posix'): Reading {
  let file: File;
  try {
    file = parse(text, { dialect });
  } catch (err) {
    if (err instanceof ParseError)
      return { ok: false, error: { line: err.line, column: err.column, message: err.reason } };
    throw err;
  }
  return { ok: true, facts: factsOf(file) };
}

export function factsOf(file: File): Facts {
  const params: ParamFact[] = [];
  const substs: SubstFact[] = [];
  const stmts: StmtFact[] = [];
  const arithVars: ArithVarFact[] = [];
  forEachNode(file, (node) => {
    switch (node.type) {
      case 'ParamExp':
        params.push({ start: node.start, end: node.end, name: node.param.value, op: opOf(node) });
        break;
      case 'CmdSubst':
        substs.push({ kind: node.backquotes ? 'backquote' : 'cmd', start: node.start, end: node.end });
        break;
      case 'ArithmExp':
        substs.push({ kind: 'arith', start: node.start, end: node.end });
        break;
      case 'ProcSubst':
        substs.push({ kind: 'proc', start: node.start, end: node.end });
        break;
      case 'Stmt':
        stmts.push(stmtFact(node));
        break;
      case 'ArithmVar':
        arithVars.push(arithVarFact(node));
        break;
      default:
        break;
    }
  });
  const byPos = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
    a.start - b.start || a.end - b.end;
  return {
    params: params.sort((a, b) => byPos(a, b) || cmp(a.name, b.name) || cmp(a.op, b.op)),
    substs: substs.sort(byPos),
    stmts: stmts.sort(byPos),
    arithVars: arithVars.sort((a, b) => byPos(a, b) || cmp(a.name, b.name)),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stmtFact(s: Stmt): StmtFact {
  return { start: s.start, end: s.end };
}

function arithVarFact(v: ArithmVar): ArithVarFact {
  return { start: v.name.start, end: v.name.end, name: v.name.value };
}

/** The canonical operator string of facts.ts. */
export function opOf(pe: ParamExp): string {
  let op = '';
  if (pe.length) op += '#';
  if (pe.excl) op += '!';
  if (pe.names) op += pe.names;
  if (pe.index) op += '[]';
  if (pe.slice) op += ':';
  if (pe.repl) op += pe.repl.all ? '//' : '/';
  if (pe.exp) op += pe.exp.op;
  return op;
}
