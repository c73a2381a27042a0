// What a syntax node says besides its children and its range: operators, flags, literal text.
// The output guard compares these on every node it pairs, touched by an edit or not.

import type { Node, Stmt } from '../parse/index.js';

/** How the guard compares offsets and child lists that two nodes carry in their fields. */
export interface FieldCheck {
  /** An input offset and an output offset name the same place (see verify-compare.ts). */
  samePlace(a: number, b: number): boolean;
  /** How many of the input's / output's statements lie outside the edits. */
  keptIn(stmts: readonly Stmt[]): number;
  keptOut(stmts: readonly Stmt[]): number;
}

const isNull = (x: unknown): boolean => x === null || x === undefined;

/** True when `a` and `b` (of one type) agree on every field that is not a child node: a flag
 * such as `quoted` on a here-document body or `backquotes` on a command substitution changes
 * how identical text reads, so each is compared. Where two child lists hold nodes of one type
 * (an `if`'s condition and body), the split between them is compared too. */
export function sameFields(a: Node, b: Node, check: FieldCheck): boolean {
  // Most frequent types first: a string switch tests its cases in order.
  switch (a.type) {
    case 'Lit':
      return a.value === (b as typeof a).value;
    case 'Word':
    case 'CallExpr':
      return true;
    case 'File': {
      const y = b as typeof a;
      return a.dialect === y.dialect;
    }
    case 'Comment':
      return a.text === (b as typeof a).text;
    case 'Stmt': {
      const y = b as typeof a;
      const semicolon =
        a.semicolon < 0 ? y.semicolon < 0 : y.semicolon >= 0 && check.samePlace(a.semicolon, y.semicolon);
      return a.negated === y.negated && a.background === y.background && semicolon;
    }
    case 'BinaryCmd': {
      const y = b as typeof a;
      return a.op === y.op && check.samePlace(a.opPos, y.opPos);
    }
    case 'IfClause': {
      const y = b as typeof a;
      return a.kind === y.kind && isNull(a.else) === isNull(y.else) && check.keptIn(a.cond) === check.keptOut(y.cond);
    }
    case 'WhileClause': {
      const y = b as typeof a;
      return a.until === y.until && check.keptIn(a.cond) === check.keptOut(y.cond);
    }
    case 'ForClause':
      return a.select === (b as typeof a).select;
    case 'WordIter':
      // `for x; do` iterates over "$@", `for x in; do` over nothing.
      return isNull(a.items) === isNull((b as typeof a).items);
    case 'CStyleLoop': {
      const y = b as typeof a;
      return (
        isNull(a.init) === isNull(y.init) && isNull(a.cond) === isNull(y.cond) && isNull(a.post) === isNull(y.post)
      );
    }
    case 'CaseItem':
      return a.op === (b as typeof a).op;
    case 'FuncDecl': {
      const y = b as typeof a;
      return a.keyword === y.keyword && a.parens === y.parens;
    }
    case 'TimeClause':
      return a.posix === (b as typeof a).posix;
    case 'Assign': {
      const y = b as typeof a;
      return a.append === y.append && a.naked === y.naked;
    }
    case 'Redirect': {
      const y = b as typeof a;
      return (
        a.op === y.op &&
        check.samePlace(a.opPos, y.opPos) &&
        isNull(a.fd) === isNull(y.fd) &&
        isNull(a.fdVar) === isNull(y.fdVar)
      );
    }
    case 'HeredocBody': {
      const y = b as typeof a;
      return a.quoted === y.quoted && a.stripTabs === y.stripTabs && check.samePlace(a.delimStart, y.delimStart);
    }
    case 'SglQuoted': {
      const y = b as typeof a;
      return a.dollar === y.dollar && a.value === y.value;
    }
    case 'OpaqueParamExp':
      return a.value === (b as typeof a).value;
    case 'DblQuoted':
      return a.dollar === (b as typeof a).dollar;
    case 'ParamExp':
      return sameParamExp(a, b as typeof a);
    case 'CmdSubst':
      // In backquotes a backslash escapes differently: the same text reads otherwise. Backquoted
      // text that does not parse holds no statements to compare: it must fail on both sides.
      return a.backquotes === (b as typeof a).backquotes && !a.unparsed === !(b as typeof a).unparsed;
    case 'ArithmExp':
      return a.bracket === (b as typeof a).bracket;
    case 'ProcSubst':
    case 'ExtGlob':
    case 'ArithmBinary':
    case 'TestBinary':
    case 'TestUnary':
      return a.op === (b as typeof a).op;
    case 'ArithmUnary': {
      const y = b as typeof a;
      return a.op === y.op && a.post === y.post;
    }
    case 'TestWord':
      return isNull(a.arith) === isNull((b as typeof a).arith);
    default:
      // The rest carry children and a range only (their child lists hold distinct node types).
      return true;
  }
}

function sameParamExp(a: Node & { type: 'ParamExp' }, b: Node & { type: 'ParamExp' }): boolean {
  if (a.short !== b.short || a.excl !== b.excl || a.length !== b.length || a.names !== b.names) return false;
  if (
    isNull(a.index) !== isNull(b.index) ||
    isNull(a.slice) !== isNull(b.slice) ||
    isNull(a.repl) !== isNull(b.repl) ||
    isNull(a.exp) !== isNull(b.exp)
  )
    return false;
  if (
    a.slice &&
    b.slice &&
    (isNull(a.slice.offset) !== isNull(b.slice.offset) || isNull(a.slice.length) !== isNull(b.slice.length))
  )
    return false;
  if (
    a.repl &&
    b.repl &&
    (a.repl.all !== b.repl.all ||
      a.repl.anchor !== b.repl.anchor ||
      isNull(a.repl.orig) !== isNull(b.repl.orig) ||
      isNull(a.repl.with) !== isNull(b.repl.with))
  )
    return false;
  return !(a.exp && b.exp && (a.exp.op !== b.exp.op || isNull(a.exp.word) !== isNull(b.exp.word)));
}

/** A node for a message: its type and, where it has one, its literal text or operator. */
export function describeNode(node: Node | undefined): string {
  if (!node) return 'the end';
  switch (node.type) {
    case 'Lit':
    case 'SglQuoted':
    case 'OpaqueParamExp':
      return `${node.type} ${quote(node.value)}`;
    case 'Comment':
      return `Comment ${quote(`#${node.text}`)}`;
    case 'ParamExp':
      return `${node.type} ${node.param.value}${node.exp?.op ?? ''}`;
    case 'BinaryCmd':
    case 'ArithmBinary':
    case 'ArithmUnary':
    case 'TestBinary':
    case 'TestUnary':
    case 'Redirect':
      return `${node.type} ${node.op}`;
    default:
      return node.type;
  }
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

const PLACES = new Set(['start', 'end', 'opPos', 'semicolon', 'delimStart']);

/** For a message, once `sameFields` said no: the fields whose values differ. */
export function describeFieldChange(a: Node, b: Node): string {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const names = Object.keys(x).filter(
    (k) => !PLACES.has(k) && (typeof x[k] !== 'object' || x[k] === null) && x[k] !== y[k],
  );
  const what =
    names.length > 0
      ? names.map((k) => `${k} ${JSON.stringify(x[k])} → ${JSON.stringify(y[k])}`).join(', ')
      : 'how its parts are placed or grouped';
  return `${describeNode(a)} changed (${what})`;
}
