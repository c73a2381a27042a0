// The slice of mvdan-sh 0.10.1 (mvdan/sh's `syntax` package compiled by GopherJS) that the oracle
// uses. The package ships no types; these interfaces name only what we read, checked by experiment.
import { createRequire } from 'node:module';

/** A position. `Offset()` counts UTF-8 bytes from the start of the source, not UTF-16 units. */
export interface MvdanPos {
  Offset(): number;
  Line(): number;
  /** 1-based, in bytes. */
  Col(): number;
  IsValid(): boolean;
}

/** Every syntax node. Node-specific fields are read through the narrower interfaces below. */
export interface MvdanNode {
  Pos(): MvdanPos;
  End(): MvdanPos;
}

export interface MvdanLit extends MvdanNode {
  readonly Value: string;
}

export interface MvdanWord extends MvdanNode {
  readonly Parts: readonly MvdanNode[];
}

export interface MvdanExpansion {
  /** A token number; see `EXPANSION_OPS` in mvdan-reading.ts. */
  readonly Op: number;
  readonly Word: MvdanWord | null;
}

export interface MvdanParamExp extends MvdanNode {
  readonly Short: boolean;
  readonly Excl: boolean;
  readonly Length: boolean;
  readonly Width: boolean;
  readonly Param: MvdanLit | null;
  /** An arithmetic expression: Word, BinaryArithm, UnaryArithm or ParenArithm. */
  readonly Index: MvdanNode | null;
  readonly Slice: { readonly Offset: MvdanNode | null; readonly Length: MvdanNode | null } | null;
  readonly Repl: { readonly All: boolean; readonly Orig: MvdanWord | null; readonly With: MvdanWord | null } | null;
  /** 0, or the token number of `*` / `@` in `${!prefix*}` / `${!prefix@}`. */
  readonly Names: number;
  readonly Exp: MvdanExpansion | null;
}

export interface MvdanRedirect extends MvdanNode {
  readonly Op: number;
  readonly OpPos: MvdanPos;
  readonly N: MvdanLit | null;
  /** The target word; for a here-document, the delimiter word. */
  readonly Word: MvdanWord | null;
  /** The here-document body; `End()` of the redirect is the body's end when present. */
  readonly Hdoc: MvdanWord | null;
}

export interface MvdanStmt extends MvdanNode {
  readonly Cmd: MvdanNode | null;
  readonly Redirs: readonly MvdanRedirect[];
  readonly Position: MvdanPos;
  /** The `;`, `&` (or mksh `|&`) terminator; `IsValid()` is false when there is none. */
  readonly Semicolon: MvdanPos;
  readonly Negated: boolean;
  readonly Background: boolean;
  readonly Coprocess: boolean;
}

/** ArithmExp, ArithmCmd, UnaryArithm and ParenArithm: one operand `X` (nil in an empty `$(( ))`). */
export interface MvdanWithX extends MvdanNode {
  readonly X: MvdanNode | null;
}

export interface MvdanBinaryArithm extends MvdanNode {
  readonly Op: number;
  readonly X: MvdanNode;
  readonly Y: MvdanNode;
}

export interface MvdanLetClause extends MvdanNode {
  readonly Exprs: readonly MvdanNode[];
}

export interface MvdanCStyleLoop extends MvdanNode {
  readonly Init: MvdanNode | null;
  readonly Cond: MvdanNode | null;
  readonly Post: MvdanNode | null;
}

export interface MvdanAssign extends MvdanNode {
  readonly Index: MvdanNode | null;
}

/** An element of an array literal: `[k]=v`, `v`, or `[k]=` (Value null). */
export interface MvdanArrayElem extends MvdanNode {
  readonly Index: MvdanNode | null;
  readonly Value: MvdanNode | null;
}

/** BinaryCmd `Y`, TimeClause / CoprocClause `Stmt` and FuncDecl `Body`: the statement a command ends with. */
export interface MvdanCommandTail extends MvdanNode {
  readonly Y?: MvdanStmt | null;
  readonly Stmt?: MvdanStmt | null;
  readonly Body?: MvdanStmt | null;
}

export interface MvdanForClause extends MvdanNode {
  /** `for ...; { ...; }`: then DonePos is the `}`, but End() still adds len("done"). */
  readonly Braces: boolean;
  readonly DonePos: MvdanPos;
}

export interface MvdanTimeClause extends MvdanNode {
  readonly Time: MvdanPos;
  readonly PosixFormat: boolean;
  readonly Stmt: MvdanStmt | null;
}

export interface MvdanBinaryTest extends MvdanNode {
  readonly Op: number;
  readonly X: MvdanNode;
  readonly Y: MvdanNode;
}

/** The thrown value for a syntax error: `syntax.ParseError` or `syntax.LangError` (not a JS Error). */
export interface MvdanError {
  Error(): string;
  readonly Pos: MvdanPos;
}

export type MvdanParserOption = object & { readonly __mvdanParserOption?: never };

export interface MvdanParser {
  Parse(src: string, name: string): MvdanNode;
}

export interface MvdanSyntax {
  NodeType(node: MvdanNode): string;
  NewParser(...options: MvdanParserOption[]): MvdanParser;
  KeepComments(keep: boolean): MvdanParserOption;
  Variant(lang: number): MvdanParserOption;
  readonly LangBash: number;
  readonly LangPOSIX: number;
  /** Calls `visit` on each node (pre-order), then `visit(null)` after a node's children. */
  Walk(node: MvdanNode, visit: (node: MvdanNode | null) => boolean): void;
}

/** Loads mvdan-sh (CommonJS, ~1.5 MB of GopherJS; it sets `Error.stackTraceLimit = Infinity`). */
export function loadMvdanSyntax(): MvdanSyntax {
  const mod = createRequire(import.meta.url)('mvdan-sh') as { syntax: MvdanSyntax };
  return mod.syntax;
}

/**
 * `syntax.Walk`, plus what it skips in mvdan-sh 0.10.1: the offset and length of `${x:off:len}`
 * (found by comparing Walk with DebugPrint over the corpus), so `${x:$i:${#y}}` is not lost.
 */
export function walkComplete(
  syntax: MvdanSyntax,
  root: MvdanNode,
  visit: (node: MvdanNode) => void,
  leave?: () => void,
): void {
  const visitor = (node: MvdanNode | null): boolean => {
    // syntax.Walk calls back with null when it leaves a node.
    if (node === null) {
      leave?.();
      return true;
    }
    visit(node);
    if (syntax.NodeType(node) === 'ParamExp') {
      const slice = (node as MvdanParamExp).Slice;
      if (slice?.Offset) syntax.Walk(slice.Offset, visitor);
      if (slice?.Length) syntax.Walk(slice.Length, visitor);
    }
    return true;
  };
  syntax.Walk(root, visitor);
}

/** True for what mvdan-sh throws on a syntax error; false for JS errors (GopherJS panics). */
export function isMvdanError(value: unknown): value is MvdanError {
  if (typeof value !== 'object' || value === null || value instanceof Error) return false;
  const candidate = value as { Error?: unknown; Pos?: { Offset?: unknown } };
  return typeof candidate.Error === 'function' && typeof candidate.Pos?.Offset === 'function';
}
