// Reads and writes inside words: parameter expansions, arithmetic, [[ ]] tests. Commands nested
// in words ($( ), backquotes, <( )) are handed back to the statement walker through `ctx.stmts`.

import type { ArithmExpr, ParamExp, Stmt, Subscript, TestExpr, Word, WordPart } from '../parse/index.js';
import type { ReferenceForm } from '../types/index.js';
import { testedName, wordText } from './builtins.js';
import type { AssocNames } from './collect-assoc.js';
import { type ElementProof, provesElementZero, unprovenElement } from './element-proofs.js';
import { elementName, isListSubscript } from './elements.js';
import { givesTextForEmpty } from './empty-transforms.js';
import type { EvalProbes } from './eval-probes.js';
import {
  arrayKey,
  type DestructiveArg,
  type Event,
  type Place,
  type Quoting,
  type Read,
  type Region,
} from './model.js';
import type { FileFunctions } from './proof-scope.js';
import { isDigits, isNameStartCode } from './shell-vars.js';
import { ASSIGN_OPS } from './side-effects.js';

export interface WordCtx {
  /** The script's source. */
  readonly text: string;
  readonly region: Region;
  readonly quoting: Quoting;
  readonly place: Place;
  /** The destructive command's path argument being walked (Read.destructive). */
  readonly destructive: DestructiveArg | null;
  readonly arith: { readonly whole: boolean; readonly lvalue: boolean; readonly inWord: boolean } | null;
  /** The arithmetic being walked is part of a shell word (see Read.arith.inWord). */
  readonly inWord: boolean;
  /** Names declared associative (`declare -A`): their subscripts are strings. */
  readonly assoc: AssocNames;
  /** See Read.literal. */
  readonly literal: boolean;
  /** Names known to be set here: inside `${X:+…}` / `${X+…}`. */
  readonly setNames: ReadonlySet<string>;
  /** Walks statements of a command or process substitution inside a new subshell region. */
  readonly stmts: (stmts: readonly Stmt[], region: Region, from: WordCtx, inBackquote: boolean) => void;
  /** Bash, where words get brace expansion. */
  readonly bash: boolean;
  /** A Bats file, where `run`, `load` and `bats_load_library` are bats' own commands. */
  readonly bats: boolean;
  /** Inside backquotes, where a backslash in a rewrite would be taken by the backquotes. */
  readonly inBackquote: boolean;
  /** Inside a trap's double-quoted handler (see Read.dqCode). */
  readonly dqCode: boolean;
  /** The word being walked has a brace expansion (`$A{1,2}`), which bash performs first. */
  readonly braceWord: boolean;
  /** `shopt -s lastpipe`: the last element of a pipeline runs in the shell itself. */
  readonly lastpipe: boolean;
  /** With `shopt -s expand_aliases` somewhere in the file: the values of its `alias NAME=VALUE`
   * definitions by name (a command NAME runs VALUE); else null. */
  readonly aliases: ReadonlyMap<string, readonly string[]> | null;
  /** Names the file declares integer anywhere (`declare -i`, `local -i`): a literal value assigned
   * to one is arithmetic, whose bare names are read; null when it declares none. */
  readonly integers: ReadonlySet<string> | null;
  /** The file reads PIPESTATUS: each command that completes sets it (collect.ts walkStmts). */
  readonly pipestatus: boolean;
  /** The script never turns on nullglob or failglob: a glob that matches nothing stays a word. */
  readonly globsStay: boolean;
  /** Elements the loops around show are there (element-proofs.ts). */
  readonly elementProofs: readonly ElementProof[];
  /** The file's functions, for what a call in a proof's scope may change (proof-scope.ts). */
  readonly functions: FileFunctions;
  /** The `eval`s whose code the model reads where they run (eval-probes.ts); null inside such
   * code, and in code nounset parses from the script's strings. */
  readonly evalProbes: EvalProbes | null;
}

export function newRegion(
  shape: Region['shape'],
  span: { start: number; end: number },
  name: string | null = null,
): Region {
  return {
    kind: 'region',
    shape,
    start: span.start,
    end: span.end,
    name,
    events: [],
    facts: null,
    added: null,
    skipFacts: null,
    flag: false,
    again: null,
  };
}

/** A context whose events go in a new region of `shape`, appended to ctx's region now. */
export function sub(
  ctx: WordCtx,
  shape: Region['shape'],
  span: { start: number; end: number },
  name: string | null = null,
): WordCtx {
  const region = newRegion(shape, span, name);
  ctx.region.events.push(region);
  const c = copyCtx(ctx);
  c.region = region;
  return c;
}

export type MutableCtx = { -readonly [K in keyof WordCtx]: WordCtx[K] };

/** A copy of `ctx`, to change a few fields of before it is passed on (never after). Every context
 * is built by this one literal, so all share one hidden class: a spread `{ ...ctx, place }` per
 * site gave V8 many shapes to copy, through its slow generic path (a tenth of the walk). */
export function copyCtx(ctx: WordCtx): MutableCtx {
  return {
    text: ctx.text,
    region: ctx.region,
    quoting: ctx.quoting,
    place: ctx.place,
    destructive: ctx.destructive,
    arith: ctx.arith,
    inWord: ctx.inWord,
    assoc: ctx.assoc,
    literal: ctx.literal,
    setNames: ctx.setNames,
    stmts: ctx.stmts,
    bash: ctx.bash,
    bats: ctx.bats,
    inBackquote: ctx.inBackquote,
    dqCode: ctx.dqCode,
    braceWord: ctx.braceWord,
    lastpipe: ctx.lastpipe,
    aliases: ctx.aliases,
    integers: ctx.integers,
    pipestatus: ctx.pipestatus,
    globsStay: ctx.globsStay,
    elementProofs: ctx.elementProofs,
    functions: ctx.functions,
    evalProbes: ctx.evalProbes,
  };
}

/** `ctx` at another place; `ctx` itself when it is there already (contexts are only read, so
 * sharing one saves a copy per word). */
export function withPlace(ctx: WordCtx, place: Place): WordCtx {
  if (ctx.place === place) return ctx;
  const c = copyCtx(ctx);
  c.place = place;
  return c;
}

/** `ctx` with no arithmetic reading (Read.arith null). */
function outsideArith(ctx: WordCtx): WordCtx {
  if (ctx.arith === null) return ctx;
  const c = copyCtx(ctx);
  c.arith = null;
  return c;
}

/** A context for words and arithmetic nested in an expansion: no longer in the place, the
 * destructive argument or the brace word `ctx` describes. */
function nestedCtx(ctx: WordCtx, place: Place): MutableCtx {
  const c = copyCtx(ctx);
  c.place = place;
  c.destructive = null;
  c.inWord = false;
  c.braceWord = false;
  return c;
}

/** The parameter expansion a word is, alone (`$D`, `${D}`, `"$D"`), or null. */
export function loneParam(word: Word): ParamExp | null {
  let parts = word.parts;
  if (parts.length === 1 && parts[0]?.type === 'DblQuoted') parts = parts[0].parts;
  const p = parts.length === 1 ? parts[0] : undefined;
  return p?.type === 'ParamExp' ? p : null;
}

/** Only literal text: walking it finds nothing, in any context. */
export function isInert(word: Word | null): boolean {
  if (!word) return true;
  for (const p of word.parts) if (p.type !== 'Lit' && p.type !== 'SglQuoted' && p.type !== 'ExtGlob') return false;
  return true;
}

function push(ctx: WordCtx, e: Event): void {
  ctx.region.events.push(e);
}

export function walkWord(word: Word | null, ctx: WordCtx): void {
  if (!word) return;
  const expands =
    ctx.bash &&
    (ctx.place === 'argument' ||
      ctx.place === 'test-argument' ||
      ctx.place === 'command-name' ||
      ctx.place === 'for-list');
  if (!(expands && hasBraceExpansion(word))) return walkParts(word.parts, ctx);
  const c = copyCtx(ctx);
  c.braceWord = true;
  walkParts(word.parts, c);
}

/** `{a,b}` or `{1..3}` outside quotes: bash expands it before parameters, so `$A{1,2}` reads
 * `$A1` and `$A2`. */
function hasBraceExpansion(word: Word): boolean {
  // Only literal text can open a brace expansion; most words have no `{` at all.
  if (!word.parts.some((p) => p.type === 'Lit' && p.value.includes('{'))) return false;
  let text = '';
  for (const p of word.parts) text += p.type === 'Lit' ? p.value : '_';
  return /\{[^{}]*(,|\.\.)[^{}]*\}/.test(text);
}

export function walkParts(parts: readonly WordPart[], ctx: WordCtx): void {
  let quoted: MutableCtx | null = null;
  for (const part of parts) {
    switch (part.type) {
      case 'Lit':
      case 'SglQuoted':
      case 'ExtGlob':
      case 'OpaqueParamExp':
        break;
      case 'DblQuoted':
        if (ctx.quoting === 'heredoc') walkParts(part.parts, ctx);
        else if (!isAllLit(part.parts)) {
          if (quoted === null) {
            quoted = copyCtx(ctx);
            quoted.quoting = 'double';
            quoted.braceWord = false;
          }
          walkParts(part.parts, quoted);
        }
        break;
      case 'ParamExp':
        walkParam(part, ctx);
        break;
      case 'CmdSubst':
      case 'ProcSubst': {
        const sub = newRegion('subshell', part);
        push(ctx, sub);
        ctx.stmts(part.stmts, sub, ctx, ctx.inBackquote || (part.type === 'CmdSubst' && part.backquotes));
        break;
      }
      case 'ArithmExp':
        if (part.expr) walkArith(part.expr, nestedCtx(ctx, 'arithmetic'));
        break;
    }
  }
}

function isAllLit(parts: readonly WordPart[]): boolean {
  for (const q of parts) if (q.type !== 'Lit') return false;
  return true;
}

/** The operators that handle an unset (or empty) name: `${X:-w}`, `${X=w}`, `${X:+w}`, `${X?m}`… */
export const GUARDS: ReadonlySet<string> = new Set(['-', ':-', '=', ':=', '+', ':+', '?', ':?']);
/** The other operators: they transform the value (`${X#pat}`, `${X^^}`, `${X@Q}`), one element at
 * a time in a list (`"${a[@]#x}"` has a word per element of a). */
export const TRANSFORM_OPS: ReadonlySet<string> = new Set(['#', '##', '%', '%%', '^', '^^', ',', ',,', '~', '~~', '@']);
/** Operators that tell set from unset (empty counts as set): initialising the variable to
 * empty would change what they do. Not `${X-}`, `${X+}` or `${X=}` with an empty word, which give
 * (and leave) the same for an unset X as for an empty one: the nounset-safe idiom. */
const SET_TESTS = new Set(['-', '+', '?', '=']);

function tellsSetFromUnset(op: string, word: Word | null): boolean {
  return SET_TESTS.has(op) && (op === '?' || (word !== null && wordText(word) !== ''));
}

function formOf(p: ParamExp): ReferenceForm {
  const name = p.param.value;
  if (p.names) return 'list';
  if (p.excl)
    return p.index && isListSubscript(p.index) ? 'list' : p.exp && GUARDS.has(p.exp.op) ? 'guarded' : 'indirect';
  if (p.exp && GUARDS.has(p.exp.op)) return 'guarded';
  // `$@ $* $# $? $$ $- $0` are never unset, whatever is done to them (`${#@}`, `${@:2}`).
  if (name.length === 1 && '@*#?$0-'.includes(name)) return 'special';
  if (p.length) return 'length';
  // `${a[@]#x}`, `${a[@]:1}`, `${a[@]@Q}`: one word per element, none for an unset a (bash ≥ 4.4
  // tests set-ness once, before any operator), as `${a[@]}`.
  if (p.index && isListSubscript(p.index)) return 'list';
  if (p.slice || p.repl || p.exp) return 'transform';
  if (isDigits(name)) return 'positional';
  if (!isNameStartCode(name.charCodeAt(0))) return 'special';
  if (p.index) return isListSubscript(p.index) ? 'list' : 'indexed';
  return 'plain';
}

function walkParam(p: ParamExp, ctx: WordCtx): void {
  const name = p.param.value;
  // `${#map[k]}` is 0 for a missing key, even under set -u.
  const element =
    p.index && !p.length && !p.excl && !isListSubscript(p.index) && ctx.assoc.has(name)
      ? elementName(name, p.index)
      : null;
  const read: Read = {
    kind: 'read',
    name,
    start: p.start,
    end: p.end,
    node: p,
    form: formOf(p),
    op: p.exp?.op ?? null,
    quoting: ctx.quoting,
    place: ctx.place,
    arith: ctx.arith,
    destructive: ctx.destructive,
    literal: ctx.literal,
    insideOwnGuard: ctx.setNames.has(name),
    inBackquote: ctx.inBackquote,
    braceExpanded: ctx.braceWord && p.short,
    element,
  };
  const form = read.form;
  if (
    element === null &&
    p.index &&
    (form === 'indexed' || form === 'transform') &&
    !isListSubscript(p.index) &&
    !ctx.assoc.has(name) &&
    unprovenElement(name, p.index, ctx.text, ctx.elementProofs)
  )
    (read as { pastZero?: true }).pastZero = true;
  else if (
    ctx.elementProofs.length > 0 &&
    element === null &&
    !ctx.assoc.has(name) &&
    (p.index === null || isZeroSubscript(p.index, ctx.text)) &&
    provesElementZero(name, p.start, ctx.elementProofs)
  )
    (read as { zeroProven?: true }).zeroProven = true;
  if (ctx.dqCode) (read as { dqCode?: true }).dqCode = true;
  push(ctx, read);
  // `${!n+x}` tests the variable n names, which may be any (`*`).
  if (p.exp && tellsSetFromUnset(p.exp.op, p.exp.word))
    push(ctx, {
      kind: 'set-test',
      name: p.excl ? '*' : name,
      start: p.start,
      end: p.end,
      how: `\${${p.excl ? '!' : ''}${name}${p.exp.op}…}`,
    });
  else if (form !== 'list' && !p.excl && isNameStartCode(name.charCodeAt(0)) && givesTextForEmpty(p))
    push(ctx, { kind: 'set-test', name, start: p.start, end: p.end, how: ctx.text.slice(p.start, p.end) });
  // `${!APP_@}` lists the names set that begin with APP_: a name the block sets would join them.
  if (p.names !== null)
    push(ctx, { kind: 'set-test', name: `${name}*`, start: p.start, end: p.end, how: `\${!${name}${p.names}}` });
  if (p.exp && (p.exp.op === '=' || p.exp.op === ':='))
    push(ctx, { kind: 'write', name, start: p.start, end: p.end, how: 'default-assign' });
  // Most expansions are a bare `$X` or a literal default: nothing inside to walk, no context to build.
  if (
    !p.index &&
    !p.slice &&
    (!p.repl || (isInert(p.repl.orig) && isInert(p.repl.with))) &&
    (!p.exp || isInert(p.exp.word))
  )
    return;
  const inner = nestedCtx(ctx, 'parameter-word');
  inner.arith = null;
  if (p.index) walkSubscript(p.index, name, inner);
  if (p.slice) {
    if (p.slice.offset) walkArith(p.slice.offset, withPlace(inner, 'arithmetic'));
    if (p.slice.length) walkArith(p.slice.length, withPlace(inner, 'arithmetic'));
  }
  if (p.repl) {
    walkWord(p.repl.orig, inner);
    walkWord(p.repl.with, inner);
  }
  if (p.exp) {
    // `${y:-${x:=1}}`, `${y:+$((n=1))}`: bash expands the word only on some runs, so what it
    // assigns may not be assigned (the transforms, `${x#pat}`, expand theirs always).
    const word = CONDITIONAL_WORD_OPS.has(p.exp.op) ? sub(inner, 'optional', p, '${') : inner;
    const guard = p.exp.op === ':+' || p.exp.op === '+';
    if (guard) {
      const guarded = copyCtx(word);
      guarded.setNames = new Set([...ctx.setNames, name]);
      walkWord(p.exp.word, guarded);
    } else walkWord(p.exp.word, word);
    if (word !== inner) settleOptional(inner, word.region);
  }
}

/** Operators whose word bash expands only when the parameter is (or is not) set or empty. */
const CONDITIONAL_WORD_OPS: ReadonlySet<string> = new Set(['-', ':-', '=', ':=', '+', ':+', '?', ':?']);

/** Once the code of an optional region (made by sub) is walked: a region that only reads
 * (most words of `${x:-word}`) gives its events to its parent, where they are read alike, and
 * costs the flow analysis no paths to join. */
function settleOptional(parent: WordCtx, region: Region): void {
  const events = parent.region.events;
  if (events[events.length - 1] !== region) return;
  for (const e of region.events) if (e.kind !== 'read' && e.kind !== 'set-test') return;
  events.pop();
  for (const e of region.events) events.push(e);
}

/** The optional regions an iterative walk is inside, each with its stack's height when the region
 * was made: an entry popped from below that height lies past the region's operand, which is then
 * walked, and the region is settled (settleOptional). */
class OpenRegions {
  private readonly open: { parent: WordCtx; region: Region; height: number }[] = [];
  add(parent: WordCtx, region: Region, height: number): void {
    this.open.push({ parent, region, height });
  }
  /** Settles the regions the walk has left, now that its stack is `height` high (-1: all). */
  leave(height: number): void {
    for (
      let o = this.open[this.open.length - 1];
      o !== undefined && height < o.height;
      o = this.open[this.open.length - 1]
    ) {
      this.open.pop();
      settleOptional(o.parent, o.region);
    }
  }
}

/** A subscript of `array`: arithmetic for indexed arrays, a string for associative ones. */
export function walkSubscript(s: Subscript, array: string, ctx: WordCtx): void {
  if (s.word) walkWord(s.word, outsideArith(ctx));
  if (!s.expr) return;
  const sub = withPlace(ctx, 'subscript');
  if (ctx.assoc.has(array)) walkArithWordsOnly(s.expr, sub);
  else walkArith(s.expr, sub);
}

/** An associative array's key was parsed as arithmetic (the parser cannot know the array's
 * kind); its bare names are text, only its `$x` are reads. */
function walkArithWordsOnly(expr: ArithmExpr, ctx: WordCtx): void {
  const stack: ArithmExpr[] = [expr];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    switch (e.type) {
      case 'ArithmWord':
        walkWord(e.word, outsideArith(ctx));
        break;
      case 'ArithmVar':
        if (e.index) walkSubscript(e.index, e.name.value, ctx);
        break;
      case 'ArithmBinary':
        stack.push(e.y, e.x);
        break;
      case 'ArithmTernary':
        stack.push(e.else, e.then, e.cond);
        break;
      default:
        stack.push(e.x);
    }
  }
}

/** Arithmetic, iteratively: `a+b+c+…` nests as deep as it is long. */
export function walkArith(expr: ArithmExpr, outer: WordCtx): void {
  // `maybe`: an operand bash may not evaluate (`0 && (x = 1)`); its region is made when it is
  // reached, after the events of the operands before it.
  type Update = NonNullable<Read['update']>;
  const stack: {
    e: ArithmExpr;
    whole: boolean;
    target: 'none' | 'pure' | 'update';
    ctx: WordCtx;
    maybe?: string;
    update?: Update;
  }[] = [{ e: expr, whole: true, target: 'none', ctx: outer }];
  const open = new OpenRegions();
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    open.leave(stack.length);
    const { e, whole, target } = top;
    const ctx = top.maybe === undefined ? top.ctx : sub(top.ctx, 'optional', e, top.maybe);
    if (ctx !== top.ctx) open.add(top.ctx, ctx.region, stack.length);
    switch (e.type) {
      case 'ArithmVar': {
        if (target !== 'pure') {
          push(ctx, {
            kind: 'read',
            name: e.name.value,
            start: e.start,
            end: e.end,
            node: e,
            form: 'arith-name',
            op: null,
            quoting: ctx.quoting,
            place: ctx.place,
            arith: arithAt(whole, target, ctx),
            destructive: null,
            literal: ctx.literal,
            insideOwnGuard: ctx.setNames.has(e.name.value),
            inBackquote: ctx.inBackquote,
            braceExpanded: false,
            // bash takes a missing element as 0 in arithmetic, even under set -u.
            element: null,
            ...(ctx.dqCode ? { dqCode: true } : {}),
            ...(top.update && !e.index ? { update: top.update } : {}),
          });
        }
        if (e.index) walkSubscript(e.index, e.name.value, outsideArith(ctx));
        if (target !== 'none')
          push(ctx, {
            kind: 'write',
            name: e.name.value,
            start: e.start,
            end: e.end,
            how: target === 'pure' ? 'arithmetic' : 'arithmetic-update',
          });
        break;
      }
      case 'ArithmWord': {
        const c = copyCtx(ctx);
        c.arith = arithAt(whole, target, ctx);
        walkWord(e.word, c);
        break;
      }
      case 'ArithmBinary':
        if (ASSIGN_OPS.has(e.op)) {
          // The right side is evaluated before the target is written: pop y first.
          const update = e.op === '=' ? undefined : { start: e.start, end: e.end, whole };
          stack.push(
            { e: e.x, whole: false, target: e.op === '=' ? 'pure' : 'update', ctx, ...(update ? { update } : {}) },
            { e: e.y, whole: false, target: 'none', ctx },
          );
        } else if (e.op === '&&' || e.op === '||') {
          stack.push(
            { e: e.y, whole: false, target: 'none', ctx, maybe: e.op },
            { e: e.x, whole: false, target: 'none', ctx },
          );
        } else {
          stack.push({ e: e.y, whole: false, target: 'none', ctx }, { e: e.x, whole: false, target: 'none', ctx });
        }
        break;
      case 'ArithmUnary':
        if (e.op === '++' || e.op === '--')
          stack.push({ e: e.x, whole: false, target: 'update', ctx, update: { start: e.start, end: e.end, whole } });
        else stack.push({ e: e.x, whole: false, target: 'none', ctx });
        break;
      case 'ArithmParen':
        stack.push({ e: e.x, whole: true, target: 'none', ctx });
        break;
      case 'ArithmTernary':
        stack.push(
          { e: e.else, whole: false, target: 'none', ctx, maybe: '?:' },
          { e: e.then, whole: false, target: 'none', ctx, maybe: '?:' },
          { e: e.cond, whole: false, target: 'none', ctx },
        );
        break;
    }
  }
  open.leave(-1);
}

/** Read.arith of a node; built only where a read or a word needs it (most nodes are operators
 * and numbers). */
function arithAt(whole: boolean, target: 'none' | 'pure' | 'update', ctx: WordCtx): NonNullable<WordCtx['arith']> {
  return { whole, lvalue: target === 'update', inWord: ctx.inWord };
}

/** `[[ … ]]`: `-v NAME` tests set-ness; `=~` sets BASH_REMATCH; numeric operands are arithmetic. */
export function walkTest(expr: TestExpr, outer: WordCtx): void {
  // One context of each kind for the operands of each region.
  let operand: WordCtx | null = null;
  let arith: MutableCtx | null = null;
  // Three stacks walked together (no object per node): the expression, its context, and for the
  // right side of `&&`/`||`, which bash may not evaluate, the operator (its region is made when it
  // is reached, after the events of the left side).
  const exprs: TestExpr[] = [expr];
  const ctxs: WordCtx[] = [outer];
  const maybes: (string | null)[] = [null];
  let ctx = outer;
  const open = new OpenRegions();
  for (let e = exprs.pop(); e !== undefined; e = exprs.pop()) {
    open.leave(exprs.length);
    const at = ctxs.pop() as WordCtx;
    const maybe = maybes.pop() ?? null;
    const next = maybe === null ? at : sub(at, 'optional', e, maybe);
    if (next !== at) open.add(at, next.region, exprs.length);
    if (next !== ctx) {
      ctx = next;
      operand = null;
      arith = null;
    }
    switch (e.type) {
      case 'TestBinary':
        exprs.push(e.y, e.x);
        ctxs.push(ctx, ctx);
        maybes.push(e.op === '&&' || e.op === '||' ? e.op : null, null);
        // A failed match leaves BASH_REMATCH an empty array; a passed one sets element 0 (guards.ts).
        if (e.op === '=~')
          push(ctx, { kind: 'write', name: arrayKey('BASH_REMATCH'), start: e.start, end: e.end, how: 'regex-match' });
        break;
      case 'TestUnary': {
        const tested = e.op === '-v' && e.x.type === 'TestWord' ? testedName(e.x.word) : null;
        if (tested !== null) push(ctx, { kind: 'set-test', name: tested, start: e.start, end: e.end, how: '[[ -v ]]' });
        exprs.push(e.x);
        ctxs.push(ctx);
        maybes.push(null);
        break;
      }
      case 'TestParen':
        exprs.push(e.x);
        ctxs.push(ctx);
        maybes.push(null);
        break;
      case 'TestWord':
        if (e.arith) {
          if (arith === null) {
            arith = copyCtx(ctx);
            arith.place = 'test';
            arith.inWord = true;
          }
          walkArith(e.arith, arith);
        } else walkWord(e.word, (operand ??= withPlace(ctx, 'test')));
        break;
    }
  }
  open.leave(-1);
}

/** Whether a subscript is the literal index 0 (`[0]`, `[ 00 ]`). */
export function isZeroSubscript(index: Subscript, text: string): boolean {
  return index.expr !== null && /^\s*0+\s*$/.test(text.slice(index.expr.start, index.expr.end));
}
