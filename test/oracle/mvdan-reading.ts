// mvdan-sh's reading of a script as the flat facts of facts.ts. Test oracle only.
import { type ByteToUtf16, lineColumnAt, makeByteToUtf16 } from './byte-offsets.js';
import type { ArithVarFact, Facts, ParamFact, Reading, StmtFact, SubstFact } from './facts.js';
import { collectArithOperands, isIdentifierWord } from './mvdan-arith.js';
import {
  isMvdanError,
  loadMvdanSyntax,
  type MvdanAssign,
  type MvdanCommandTail,
  type MvdanCStyleLoop,
  type MvdanForClause,
  type MvdanLetClause,
  type MvdanLit,
  type MvdanNode,
  type MvdanParamExp,
  type MvdanStmt,
  type MvdanSyntax,
  type MvdanTimeClause,
  type MvdanWithX,
  walkComplete,
} from './mvdan-sh.js';

export type Dialect = 'bash' | 'posix';

/** `Expansion.Op` token numbers of mvdan-sh 0.10.1, found by parsing `${x<op>w}` for each operator. */
export const EXPANSION_OPS: ReadonlyMap<number, string> = new Map([
  [68, '+'],
  [69, ':+'],
  [70, '-'],
  [71, ':-'],
  [72, '?'],
  [73, ':?'],
  [74, '='],
  [75, ':='],
  [76, '%'],
  [77, '%%'],
  [78, '#'],
  [79, '##'],
  [80, '^'],
  [81, '^^'],
  [82, ','],
  [83, ',,'],
  [84, '@'],
]);

/** `ParamExp.Names` token numbers: `${!p*}` and `${!p@}`. */
export const NAMES_OPS: ReadonlyMap<number, string> = new Map([
  [38, '*'],
  [84, '@'],
]);

/** Parses with mvdan-sh, keeping comments; throws what mvdan-sh throws. */
export function parseWithMvdan(syntax: MvdanSyntax, text: string, dialect: Dialect): MvdanNode {
  const lang = dialect === 'bash' ? syntax.LangBash : syntax.LangPOSIX;
  return syntax.NewParser(syntax.KeepComments(true), syntax.Variant(lang)).Parse(text, '');
}

/** mvdan-sh's reading of `text`: sorted facts, or its first syntax error (1-based, UTF-16 column). */
export function readWithMvdan(text: string, dialect: Dialect): Reading {
  const syntax = loadMvdanSyntax();
  let file: MvdanNode;
  try {
    file = parseWithMvdan(syntax, text, dialect);
  } catch (error) {
    if (!isMvdanError(error)) throw error;
    const toUtf16 = makeByteToUtf16(text);
    const offset = error.Pos.IsValid() ? toUtf16(error.Pos.Offset()) : text.length;
    // Error() is "line:col: message" (the file name is empty).
    const message = error.Error().replace(/^\d+:\d+: /, '');
    return { ok: false, error: { ...lineColumnAt(text, offset), message } };
  }
  return { ok: true, facts: extractFacts(syntax, file, makePositions(text, makeByteToUtf16(text))) };
}

function extractFacts(syntax: MvdanSyntax, file: MvdanNode, at: Positions): Facts {
  const { text } = at;
  const params: ParamFact[] = [];
  const substs: SubstFact[] = [];
  const stmts: StmtFact[] = [];
  const arithVars = new Map<string, ArithVarFact>();
  const span = (node: MvdanNode) => ({ start: at.start(node.Pos().Offset()), end: at.end(node.End().Offset()) });
  const addArithVar = (lit: MvdanLit) => {
    const fact = { ...span(lit), name: lit.Value };
    arithVars.set(`${fact.start}:${fact.end}`, fact);
  };
  const addArithRoots = (...roots: (MvdanNode | null)[]) => {
    for (const word of collectArithOperands(syntax, roots)) {
      const lit = isIdentifierWord(syntax, word);
      if (lit) addArithVar(lit);
    }
  };

  walkComplete(syntax, file, (node) => {
    switch (syntax.NodeType(node)) {
      case 'ParamExp': {
        const param = node as MvdanParamExp;
        const { start, end } = span(param);
        // In arithmetic, mvdan makes `a[i]` a Short ParamExp with no `$`: a bare name, not an expansion.
        if (text[start] === '$') params.push({ start, end, name: param.Param?.Value ?? '', op: canonicalOp(param) });
        else if (param.Param) addArithVar(param.Param);
        addArithRoots(param.Index, param.Slice?.Offset ?? null, param.Slice?.Length ?? null);
        break;
      }
      case 'CmdSubst': {
        const { start, end } = span(node);
        substs.push({ kind: text[start] === '`' ? 'backquote' : 'cmd', start, end });
        break;
      }
      case 'ArithmExp':
        substs.push({ kind: 'arith', ...span(node) });
        addArithRoots((node as MvdanWithX).X);
        break;
      case 'ProcSubst':
        substs.push({ kind: 'proc', ...span(node) });
        break;
      case 'Stmt':
        stmts.push(stmtSpan(syntax, node as MvdanStmt, at));
        break;
      case 'ArithmCmd':
        addArithRoots((node as MvdanWithX).X);
        break;
      case 'LetClause':
        addArithRoots(...(node as MvdanLetClause).Exprs);
        break;
      case 'CStyleLoop': {
        const loop = node as MvdanCStyleLoop;
        addArithRoots(loop.Init, loop.Cond, loop.Post);
        break;
      }
      case 'Assign':
      case 'ArrayElem':
        // `a[i]=`, `declare a[i]=`, and array-literal keys `([k]=v)`: mvdan parses all as arithmetic,
        // and neither parser can tell an associative array's string keys from indexes.
        addArithRoots((node as MvdanAssign).Index);
        break;
      default:
        break;
    }
  });

  return {
    params: params.sort((a, b) => compareSpans(a, b) || compareStrings(a.name, b.name) || compareStrings(a.op, b.op)),
    substs: substs.sort((a, b) => compareSpans(a, b) || compareStrings(a.kind, b.kind)),
    stmts: stmts.sort(compareSpans),
    arithVars: [...arithVars.values()].sort((a, b) => compareSpans(a, b) || compareStrings(a.name, b.name)),
  };
}

/** The facts.ts operator string: `#`, `!`, `*`/`@`, `[]`, `:`, `/`/`//`, then the expansion operator. */
export function canonicalOp(param: MvdanParamExp): string {
  let op = '';
  if (param.Length) op += '#';
  if (param.Excl) op += '!';
  if (param.Names !== 0) op += lookup(NAMES_OPS, param.Names, 'ParamExp.Names');
  if (param.Index) op += '[]';
  if (param.Slice) op += ':';
  if (param.Repl) op += param.Repl.All ? '//' : '/';
  if (param.Exp) op += lookup(EXPANSION_OPS, param.Exp.Op, 'Expansion.Op');
  return op;
}

function lookup(table: ReadonlyMap<number, string>, token: number, field: string): string {
  const text = table.get(token);
  if (text === undefined) throw new Error(`mvdan-sh: unknown ${field} token ${token}`);
  return text;
}

/**
 * A statement's span without here-document bodies. mvdan's Stmt.End() is the last redirect's
 * End(), which is the body's end for `<<`; a non-negated Stmt inside `! a | b` has its Position
 * at the `!`, and the one in `coproc x echo hi` at `echo`; so the start comes from the command
 * and redirects instead.
 */
export function stmtSpan(syntax: MvdanSyntax, stmt: MvdanStmt, at: Positions): StmtFact {
  let start = stmt.Position.Offset();
  if (!stmt.Negated) {
    const starts = stmt.Redirs.map((redirect) => redirect.Pos().Offset());
    if (stmt.Cmd) starts.push(stmt.Cmd.Pos().Offset());
    if (starts.length > 0) start = Math.min(...starts);
  }
  return { start: at.start(start), end: stmtEnd(syntax, stmt, at) };
}

/** Byte offsets to UTF-16 ones, with the end-of-token fix below. */
export interface Positions {
  readonly text: string;
  start(byteOffset: number): number;
  end(byteOffset: number): number;
}

/**
 * In a backquote nested in another, mvdan ends the token before the closing "\`" after the
 * backslash (`$0` in `` `cd \`dirname $0\`` `` spans `$0\`); the value itself has no backslash.
 * An odd run of backslashes before a backquote is that escape, never the token's last character.
 */
export function makePositions(text: string, toUtf16: ByteToUtf16): Positions {
  return {
    text,
    start: toUtf16,
    end: (byteOffset) => {
      const end = toUtf16(byteOffset);
      if (text[end] !== '`') return end;
      let backslashes = 0;
      while (text[end - 1 - backslashes] === '\\') backslashes++;
      return backslashes % 2 === 1 ? end - 1 : end;
    },
  };
}

// Walks down the command that ends the statement (`a | <b>`, `time <a>`, `coproc <a>`,
// `f() <body>`) instead of recursing: a long pipeline nests as deep as it is long.
function stmtEnd(syntax: MvdanSyntax, stmt: MvdanStmt, at: Positions): number {
  let end = -1;
  for (let current: MvdanStmt = stmt; ; ) {
    if (current.Semicolon.IsValid()) {
      return Math.max(end, at.end(current.Semicolon.Offset() + (current.Coprocess ? 2 : 1)));
    }
    for (const redirect of current.Redirs) {
      end = Math.max(end, at.end((redirect.Word ?? redirect).End().Offset()));
    }
    const cmd = current.Cmd;
    if (!cmd) return Math.max(end, at.end(current.Position.Offset() + (current.Negated ? 1 : 0)));
    const tail = commandTail(syntax, cmd);
    if (!tail) return Math.max(end, commandEnd(syntax, cmd, at));
    current = tail;
  }
}

function commandTail(syntax: MvdanSyntax, cmd: MvdanNode): MvdanStmt | null {
  const node = cmd as MvdanCommandTail;
  switch (syntax.NodeType(cmd)) {
    case 'BinaryCmd':
      return node.Y ?? null;
    case 'TimeClause':
    case 'CoprocClause':
      return node.Stmt ?? null;
    case 'FuncDecl':
      return node.Body ?? null;
    default:
      return null;
  }
}

function commandEnd(syntax: MvdanSyntax, cmd: MvdanNode, at: Positions): number {
  const type = syntax.NodeType(cmd);
  if (type === 'ForClause' && (cmd as MvdanForClause).Braces) {
    return at.end((cmd as MvdanForClause).DonePos.Offset() + 1);
  }
  if (type === 'TimeClause' && (cmd as MvdanTimeClause).PosixFormat) {
    // A bare `time -p`: mvdan's End() is just after `time`.
    const afterTime = at.start((cmd as MvdanTimeClause).Time.Offset()) + 4;
    const flag = /^(?:[ \t]|\\\n)*-p/.exec(at.text.slice(afterTime));
    return flag ? afterTime + flag[0].length : at.end(cmd.End().Offset());
  }
  return at.end(cmd.End().Offset());
}

function compareSpans(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || a.end - b.end;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
