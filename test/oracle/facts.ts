// What the oracle test compares between nounset's parser and mvdan/sh: a flat reading of a
// script, independent of either tree's shape. Offsets are UTF-16 code units (JS string indexes).

/** A `$`-parameter expansion: `$x`, `${x}`, `${#x}`, `${x:-w}`, `${a[i]}`, ... */
export interface ParamFact {
  /** Offset of the `$`. */
  readonly start: number;
  /** Offset just after the name (short form) or the closing `}`. */
  readonly end: number;
  /** The parameter as written: `x`, `1`, `10`, `@`, `#`, `?`, ... */
  readonly name: string;
  /**
   * Canonical operator string, the concatenation of, in this order:
   * `#` if length (`${#x}`), `!` if indirect/prefix (`${!x}`), `*` or `@` for `${!p*}`/`${!p@}`,
   * `[]` if indexed, `:` if sliced (`${x:1:2}`), `/` or `//` for replacement (anchors `/#`, `/%`
   * count as `/`), then the expansion operator if any: `-` `:-` `=` `:=` `+` `:+` `?` `:?` `#` `##`
   * `%` `%%` `^` `^^` `,` `,,` `@`. Plain `$x` / `${x}` is ``.
   */
  readonly op: string;
}

export type SubstKind = 'cmd' | 'backquote' | 'arith' | 'proc';

/** A command substitution `$( )`, backquotes, arithmetic expansion `$(( ))`/`$[ ]`, or `<( )` `>( )`. */
export interface SubstFact {
  readonly kind: SubstKind;
  /** Offset of the `$`, backquote or `<`/`>`. */
  readonly start: number;
  /** Offset just after the closing `)`, `))`, `]` or backquote. */
  readonly end: number;
}

/** A statement: from its first character to just after its `;`/`&` terminator if it has one,
 * else to the end of its last token. Here-document bodies are not part of the span. */
export interface StmtFact {
  readonly start: number;
  readonly end: number;
}

/** A bare name read or written in arithmetic context (`x` in `$(( x + 1 ))`, `a` in `a[i]++`). */
export interface ArithVarFact {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

export interface Facts {
  /** Sorted by (start, end). */
  readonly params: readonly ParamFact[];
  readonly substs: readonly SubstFact[];
  readonly stmts: readonly StmtFact[];
  readonly arithVars: readonly ArithVarFact[];
}

export type Reading =
  | { readonly ok: true; readonly facts: Facts }
  | {
      readonly ok: false;
      readonly error: { readonly line: number; readonly column: number; readonly message: string };
    };
