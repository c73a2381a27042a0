// The syntax tree. Every node has half-open [start, end) offsets in UTF-16 code units into the
// parsed text. The shapes follow mvdan/sh's syntax package (the oracle), so the two can be
// compared node for node; where bash and mvdan/sh disagree the tree follows bash.

export type Dialect = 'bash' | 'posix';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface File extends Span {
  readonly type: 'File';
  readonly dialect: Dialect;
  readonly stmts: readonly Stmt[];
  readonly comments: readonly Comment[];
  /** The backquotes whose text does not parse (CmdSubst.unparsed), in the order they end. */
  readonly unparsed: readonly CmdSubst[];
}

export interface Comment extends Span {
  readonly type: 'Comment';
  /** Text after the `#`. */
  readonly text: string;
}

/** A command with its modifiers. Its span runs to just after its `;` or `&` if it has one;
 * here-document bodies are not part of it (they live in `Redirect.body`). */
export interface Stmt extends Span {
  readonly type: 'Stmt';
  readonly cmd: Command | null;
  /** Redirections of the command, in source order (for simple and compound commands alike). */
  readonly redirs: readonly Redirect[];
  /** `!` before the pipeline. */
  readonly negated: boolean;
  /** Terminated by `&`. */
  readonly background: boolean;
  /** Offset of the `;` or `&` terminator, or -1. */
  readonly semicolon: number;
}

export type Command =
  | CallExpr
  | BinaryCmd
  | IfClause
  | WhileClause
  | ForClause
  | CaseClause
  | Block
  | Subshell
  | FuncDecl
  | ArithmCmd
  | TestClause
  | DeclClause
  | LetClause
  | TimeClause
  | CoprocClause
  | TestDecl;

/** A simple command: assignments, then words (the first is the command name). */
export interface CallExpr extends Span {
  readonly type: 'CallExpr';
  readonly assigns: readonly Assign[];
  readonly args: readonly Word[];
}

export type BinaryCmdOp = '&&' | '||' | '|' | '|&';

/** `x && y`, `x || y`, `x | y`, `x |& y`; left-associative. */
export interface BinaryCmd extends Span {
  readonly type: 'BinaryCmd';
  readonly op: BinaryCmdOp;
  readonly opPos: number;
  readonly x: Stmt;
  readonly y: Stmt;
}

export interface IfClause extends Span {
  readonly type: 'IfClause';
  readonly cond: readonly Stmt[];
  readonly then: readonly Stmt[];
  /** The `elif` or `else` part, or null. An `elif` is an IfClause with `kind: 'elif'`. */
  readonly else: IfClause | null;
  readonly kind: 'if' | 'elif' | 'else';
}

export interface WhileClause extends Span {
  readonly type: 'WhileClause';
  readonly until: boolean;
  readonly cond: readonly Stmt[];
  readonly body: readonly Stmt[];
}

export interface ForClause extends Span {
  readonly type: 'ForClause';
  readonly select: boolean;
  readonly loop: WordIter | CStyleLoop;
  readonly body: readonly Stmt[];
}

/** `for name [in words]`. `items` is null when there is no `in` (iterates over "$@"). */
export interface WordIter extends Span {
  readonly type: 'WordIter';
  readonly name: Lit;
  readonly items: readonly Word[] | null;
}

/** `for ((init; cond; post))`. */
export interface CStyleLoop extends Span {
  readonly type: 'CStyleLoop';
  readonly init: ArithmExpr | null;
  readonly cond: ArithmExpr | null;
  readonly post: ArithmExpr | null;
}

export interface CaseClause extends Span {
  readonly type: 'CaseClause';
  readonly word: Word;
  readonly items: readonly CaseItem[];
}

export type CaseOp = ';;' | ';&' | ';;&';

export interface CaseItem extends Span {
  readonly type: 'CaseItem';
  readonly patterns: readonly Word[];
  readonly stmts: readonly Stmt[];
  /** The terminator, or null when the item runs up to `esac`. */
  readonly op: CaseOp | null;
}

/** `{ list; }` */
export interface Block extends Span {
  readonly type: 'Block';
  readonly stmts: readonly Stmt[];
}

/** `( list )` */
export interface Subshell extends Span {
  readonly type: 'Subshell';
  readonly stmts: readonly Stmt[];
}

/** `name() body`, `function name body`, `function name() body`. */
export interface FuncDecl extends Span {
  readonly type: 'FuncDecl';
  readonly name: Lit;
  readonly keyword: boolean;
  readonly parens: boolean;
  /** The body with its own redirections (they apply each time the function runs). */
  readonly body: Stmt;
}

/** `(( expr ))` */
export interface ArithmCmd extends Span {
  readonly type: 'ArithmCmd';
  readonly expr: ArithmExpr | null;
}

/** `[[ expr ]]` */
export interface TestClause extends Span {
  readonly type: 'TestClause';
  readonly expr: TestExpr;
}

/** `declare`/`local`/`export`/`readonly`/`typeset` with their arguments. */
export interface DeclClause extends Span {
  readonly type: 'DeclClause';
  readonly variant: Lit;
  /** Options and names are naked assigns (`value` or `name` only); `a=b` are full assigns. */
  readonly args: readonly Assign[];
}

/** `let expr...` */
export interface LetClause extends Span {
  readonly type: 'LetClause';
  readonly exprs: readonly ArithmExpr[];
}

/** `time [-p] pipeline` */
export interface TimeClause extends Span {
  readonly type: 'TimeClause';
  readonly posix: boolean;
  readonly stmt: Stmt | null;
}

/** `coproc [name] command` */
export interface CoprocClause extends Span {
  readonly type: 'CoprocClause';
  readonly name: Word | null;
  readonly stmt: Stmt;
}

/** Bats: `@test description { … }`, a test case (mvdan/sh's TestDecl). Parsed only with the
 * `bats` option; bats runs the body as a function, once per test. */
export interface TestDecl extends Span {
  readonly type: 'TestDecl';
  readonly description: Word;
  /** A `{ … }` group with its redirections. */
  readonly body: Stmt;
}

/** `name=value`, `name+=value`, `name[i]=value`, `name=(...)`; or a naked declaration argument. */
export interface Assign extends Span {
  readonly type: 'Assign';
  /** `+=`. */
  readonly append: boolean;
  /** A declaration argument without `=`: `local x` (name only) or `declare -r` (value only). */
  readonly naked: boolean;
  readonly name: Lit | null;
  readonly index: Subscript | null;
  readonly value: Word | null;
  readonly array: ArrayExpr | null;
}

export interface ArrayExpr extends Span {
  readonly type: 'ArrayExpr';
  readonly elems: readonly ArrayElem[];
}

/** `value` or `[index]=value` (or `[index]+=value`) inside `( )`. */
export interface ArrayElem extends Span {
  readonly type: 'ArrayElem';
  readonly index: Subscript | null;
  readonly value: Word | null;
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect extends Span {
  readonly type: 'Redirect';
  readonly op: RedirOp;
  readonly opPos: number;
  /** `2` in `2>x`, or the `{var}` form (`varName` set), or null. */
  readonly fd: Lit | null;
  /** The `var` in `{var}>x`: the shell assigns the chosen descriptor to it. */
  readonly fdVar: Lit | null;
  /** Target word; for here-documents, the delimiter word. */
  readonly word: Word;
  /** Here-document body, or null. Its parts are all literal when the delimiter is quoted. */
  readonly body: HeredocBody | null;
}

export interface HeredocBody extends Span {
  readonly type: 'HeredocBody';
  /** Delimiter had quotes or backslashes: no expansion inside. */
  readonly quoted: boolean;
  /** `<<-`: leading tabs are stripped from each line. */
  readonly stripTabs: boolean;
  readonly parts: readonly WordPart[];
  /** Offset of the closing delimiter line, or `end` when the input ended first. */
  readonly delimStart: number;
}

export interface Word extends Span {
  readonly type: 'Word';
  readonly parts: readonly WordPart[];
}

export type WordPart =
  | Lit
  | SglQuoted
  | DblQuoted
  | ParamExp
  | CmdSubst
  | ArithmExp
  | ProcSubst
  | ExtGlob
  | OpaqueParamExp;

/** Literal source text, escapes included as written. */
export interface Lit extends Span {
  readonly type: 'Lit';
  readonly value: string;
}

/** `'...'` or `$'...'` */
export interface SglQuoted extends Span {
  readonly type: 'SglQuoted';
  readonly dollar: boolean;
  readonly value: string;
}

/** `"..."` or `$"..."` */
export interface DblQuoted extends Span {
  readonly type: 'DblQuoted';
  readonly dollar: boolean;
  readonly parts: readonly WordPart[];
}

export type ParamOp =
  | '-'
  | ':-'
  | '='
  | ':='
  | '+'
  | ':+'
  | '?'
  | ':?'
  | '#'
  | '##'
  | '%'
  | '%%'
  | '^'
  | '^^'
  | ','
  | ',,'
  /** `${x~}` and `${x~~}`: bash's undocumented case toggles. */
  | '~'
  | '~~'
  | '@';

/** A parameter expansion: `$x`, `${x}`, `${#x}`, `${!x}`, `${x[i]}`, `${x:-w}`, ... */
export interface ParamExp extends Span {
  readonly type: 'ParamExp';
  /** `$x` without braces. */
  readonly short: boolean;
  /** `${!x}` indirection, or `${!prefix*}` / `${!a[@]}`. */
  readonly excl: boolean;
  /** `${#x}` */
  readonly length: boolean;
  readonly param: Lit;
  readonly index: Subscript | null;
  /** `${!prefix*}` / `${!prefix@}` */
  readonly names: '*' | '@' | null;
  readonly slice: { readonly offset: ArithmExpr | null; readonly length: ArithmExpr | null } | null;
  readonly repl: {
    readonly all: boolean;
    readonly anchor: '#' | '%' | null;
    readonly orig: Word | null;
    readonly with: Word | null;
  } | null;
  readonly exp: { readonly op: ParamOp; readonly word: Word | null } | null;
}

/** A `${…}` that the shell parses but rejects when it runs, with "bad substitution" before it reads
 * any variable: zsh's `${(k)parameters[@]}` or `${(%):-%x}`, `${x y}`, and in POSIX sh bash's
 * `${a[0]}`, `${!x}`, `${x@Q}`. Such a line only runs under another shell. Kept as its source
 * text: nothing inside is read or edited. */
export interface OpaqueParamExp extends Span {
  readonly type: 'OpaqueParamExp';
  /** The whole source text, `${` to `}`. */
  readonly value: string;
}

/** `[...]` after a name. Parsed as arithmetic when it is one (indexed arrays), kept as a word
 * otherwise (`@`, `*`, associative keys with blanks or quotes). */
export interface Subscript extends Span {
  readonly type: 'Subscript';
  readonly expr: ArithmExpr | null;
  readonly word: Word | null;
}

/** `$( ... )` or backquotes. */
export interface CmdSubst extends Span {
  readonly type: 'CmdSubst';
  readonly backquotes: boolean;
  readonly stmts: readonly Stmt[];
  /** Backquotes whose text does not parse: bash and dash parse backquoted text only when they run
   * it (`bash -n` accepts the script), and then the substitution fails with a syntax error in its
   * own subshell. Its `stmts` are none; this says where the parse of the text stopped (an offset
   * in the script) and why. */
  readonly unparsed?: { readonly offset: number; readonly reason: string };
}

/** `$(( ... ))` or `$[ ... ]`. */
export interface ArithmExp extends Span {
  readonly type: 'ArithmExp';
  readonly bracket: boolean;
  readonly expr: ArithmExpr | null;
}

/** `<( ... )` or `>( ... )`. */
export interface ProcSubst extends Span {
  readonly type: 'ProcSubst';
  readonly op: '<(' | '>(';
  readonly stmts: readonly Stmt[];
}

/** `?(...)`, `*(...)`, `+(...)`, `@(...)`, `!(...)`; the pattern is kept literally. */
export interface ExtGlob extends Span {
  readonly type: 'ExtGlob';
  readonly op: '?(' | '*(' | '+(' | '@(' | '!(';
  readonly pattern: Lit;
}

export type ArithmExpr = ArithmBinary | ArithmUnary | ArithmParen | ArithmTernary | ArithmVar | ArithmWord;

export type ArithmBinaryOp =
  | ','
  | '='
  | '*='
  | '/='
  | '%='
  | '+='
  | '-='
  | '<<='
  | '>>='
  | '&='
  | '^='
  | '|='
  | '||'
  | '&&'
  | '|'
  | '^'
  | '&'
  | '=='
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | '<<'
  | '>>'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '**';

export interface ArithmBinary extends Span {
  readonly type: 'ArithmBinary';
  readonly op: ArithmBinaryOp;
  readonly x: ArithmExpr;
  readonly y: ArithmExpr;
}

export interface ArithmUnary extends Span {
  readonly type: 'ArithmUnary';
  readonly op: '!' | '~' | '+' | '-' | '++' | '--';
  /** `x++` rather than `++x`. */
  readonly post: boolean;
  readonly x: ArithmExpr;
}

export interface ArithmParen extends Span {
  readonly type: 'ArithmParen';
  readonly x: ArithmExpr;
}

export interface ArithmTernary extends Span {
  readonly type: 'ArithmTernary';
  readonly cond: ArithmExpr;
  readonly then: ArithmExpr;
  readonly else: ArithmExpr;
}

/** A bare variable name in arithmetic, possibly subscripted: `x`, `a[i+1]`. */
export interface ArithmVar extends Span {
  readonly type: 'ArithmVar';
  readonly name: Lit;
  readonly index: Subscript | null;
}

/** Any other operand: a number, `$x`, `${x}`, `"$x"`, `$(cmd)`, `16#ff`, ... */
export interface ArithmWord extends Span {
  readonly type: 'ArithmWord';
  readonly word: Word;
}

export type TestExpr = TestBinary | TestUnary | TestParen | TestWord;

export type TestBinaryOp =
  | '||'
  | '&&'
  | '=='
  | '='
  | '!='
  | '=~'
  | '<'
  | '>'
  | '-eq'
  | '-ne'
  | '-lt'
  | '-le'
  | '-gt'
  | '-ge'
  | '-nt'
  | '-ot'
  | '-ef';

export interface TestBinary extends Span {
  readonly type: 'TestBinary';
  readonly op: TestBinaryOp;
  readonly x: TestExpr;
  readonly y: TestExpr;
}

export interface TestUnary extends Span {
  readonly type: 'TestUnary';
  /** `!` or a file/string test operator such as `-n`, `-z`, `-v`, `-f`. */
  readonly op: string;
  readonly x: TestExpr;
}

export interface TestParen extends Span {
  readonly type: 'TestParen';
  readonly x: TestExpr;
}

/** An operand. Operands of `-eq -ne -lt -le -gt -ge` that are plain literals are also parsed as
 * the arithmetic bash evaluates them as (`arith`). */
export interface TestWord extends Span {
  readonly type: 'TestWord';
  readonly word: Word;
  readonly arith: ArithmExpr | null;
}

export type Node =
  | File
  | Comment
  | Stmt
  | Command
  | WordIter
  | CStyleLoop
  | CaseItem
  | Assign
  | ArrayExpr
  | ArrayElem
  | Redirect
  | HeredocBody
  | Word
  | WordPart
  | Subscript
  | ArithmExpr
  | TestExpr;
