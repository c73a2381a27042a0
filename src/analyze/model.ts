// A script as reads and writes of parameters, in program order, inside the control structure
// that decides whether they run. The flow analysis (flow/) walks these regions without going
// back to the syntax tree.

import type { ArithmVar, ParamExp, ParamOp, Word } from '../parse/index.js';
import type { ReferenceForm } from '../types/index.js';
import type { DeferredCode } from './deferred-code.js';

/** How the shell quotes the text around a reference, which decides how a default is written. */
export type Quoting = 'unquoted' | 'double' | 'heredoc';

/** Where a reference sits, for reasons and `inspect`. */
export type Place =
  | 'argument'
  | 'command-name'
  | 'assignment'
  | 'redirection'
  | 'heredoc'
  | 'case-word'
  | 'case-pattern'
  | 'for-list'
  | 'test'
  /** An argument of `[` or `test`. */
  | 'test-argument'
  | 'arithmetic'
  /** `x++`, `x += 1`: reads x first, so it does not make x set before that read. */
  | 'arithmetic-update'
  | 'subscript'
  | 'parameter-word';

/** A path argument of a destructive command (`rm -rf "$D/"`): the command and the word. */
export interface DestructiveArg {
  readonly command: string;
  readonly word: Word;
}

export interface Read {
  readonly kind: 'read';
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly node: ParamExp | ArithmVar;
  readonly form: ReferenceForm;
  /** The operator of a `${X<op>…}` form. */
  readonly op: ParamOp | null;
  readonly quoting: Quoting;
  readonly place: Place;
  /** In arithmetic: `whole` when the reference is the entire expression (no parentheses needed
   * around a substituted value); `lvalue` for `x++`, `x += 1` (a read that cannot be rewritten in
   * place); `inWord` when the arithmetic is part of a shell word (an unquoted `let` argument, an
   * `a[i]=` subscript, a `[[ -eq ]]` operand), where a `(` would end the word. */
  readonly arith: { readonly whole: boolean; readonly lvalue: boolean; readonly inWord: boolean } | null;
  /** For the name an arithmetic update reads and writes (`x += 1`, `x++`, `--x`, never an element):
   * the update's span, and whether it is the whole expression. */
  readonly update?: { readonly start: number; readonly end: number; readonly whole: boolean };
  /** When the reference is in a path argument of `rm`, `mv`, `find -delete` ...: the command, and
   * the argument word that holds it (destructive.ts asks whether an empty value leaves no path,
   * `rm -rf ""`, or another one, `"$D/"` → `/`). */
  readonly destructive: DestructiveArg | null;
  /** In a quoted `let` argument: a `${…}` written there would stay literal (single quotes) or
   * change how the argument is read (double quotes), so it cannot be rewritten. */
  readonly literal: boolean;
  /** Inside the word of `${NAME:+…}` or `${NAME+…}`, which is expanded only when NAME is set. */
  readonly insideOwnGuard: boolean;
  /** Inside backquotes: a backslash in a rewritten default would be taken by them. */
  readonly inBackquote: boolean;
  /** A `$NAME` in a word with a brace expansion (`$A{1,2}`): bash expands the braces first, so
   * the name it reads may be longer (`A1`). */
  readonly braceExpanded: boolean;
  /** An element of an associative array (`${map[$k]}`): its flow name (elements.ts), which the
   * read needs set; null for any other read. */
  readonly element: string | null;
  /** An element of an indexed array past element 0 (`${a[2]}`, `${a[$i]}`) that nothing shows is
   * there (element-proofs.ts): nounset follows element 0 only, and bash stops on an index past the
   * end, or an element unset. */
  readonly pastZero?: true;
  /** Element 0 of an indexed array (`$a`, `${a[0]}`) where a length test that passed shows it is
   * there (element-proofs.ts provesElementZero). */
  readonly zeroProven?: true;
  /** In a trap's double-quoted handler (`trap "rm -rf \$tmp" EXIT`), whose code is the string with
   * its escapes taken out: a rewrite writes each `$`, `` ` ``, `"` and `\` of its own escaped. */
  readonly dqCode?: true;
}

export type WriteHow =
  | 'assignment'
  | 'declaration'
  | 'read'
  /** `read -a NAME`: at the end of input NAME is left as it was. */
  | 'read array'
  | 'for'
  | 'getopts'
  | 'printf -v'
  | 'mapfile'
  | 'arithmetic'
  /** `x++`, `x += 1`: reads x first, so it does not make x set before that read. */
  | 'arithmetic-update'
  | 'default-assign'
  | 'fd-variable'
  | 'coproc'
  | 'regex-match'
  | 'env-init-block'
  /** Bats' `run` sets status, output and lines. */
  | 'bats run'
  /** `cmd &` sets `$!`. */
  | 'background'
  /** `a=(…)`, `read -a`, `mapfile`, `a[i]=v`: the array (arrayKey). */
  | 'array'
  /** `set -u` / `set -o nounset` (and `+u`): see NOUNSET_ON. */
  | 'set option'
  /** A command that completed sets PIPESTATUS (element 0 at least); a function definition does not. */
  | 'pipeline';

export interface Write {
  readonly kind: 'write';
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly how: WriteHow;
  /** For `NAME=word`: the word (to tell which functions `"$NAME"` can run; `NAME=` has an empty
   * one); null for `NAME=(…)` and `local NAME`. */
  readonly value?: Word | null;
  /** For `for NAME in w…`: the words (a key the elements `map[$NAME]` may take, elements.ts). */
  readonly words?: readonly Word[];
  /** The element `map[$k]` of `for k in "${!map[@]}"`: set only while no element of `map` has been
   * unset since the keys were listed (elements.ts, listedKeys). */
  readonly listed?: string;
}

/** An array is tracked as two names: NAME for its element 0 (what `$a`, `${a}`, `${a[0]}` and
 * `${#a}` read, and a scalar assignment sets) and `NAME[@]` (arrayKey) for the array itself
 * (what `${#a[@]}` and `${#a[i]}` need: bash stops on them unless NAME is an array, even an empty
 * one). `a=($(cmd))` sets the array, and element 0 only when its first word is certain to give a
 * word: bash 5.2 stops on `a=($(true)); echo "$a"`. */
export function arrayKey(name: string): string {
  let key = ARRAY_KEYS.get(name);
  if (key === undefined) {
    key = `${name}[@]`;
    // Asked for every read on every walk: one string per name, hashed once, not one per visit.
    if (ARRAY_KEYS.size > 50_000) ARRAY_KEYS.clear();
    ARRAY_KEYS.set(name, key);
  }
  return key;
}

const ARRAY_KEYS = new Map<string, string>();

/** `${#a[@]}`, `${#a[i]}`: a read that needs `a` to be an array (its arrayKey set), even an
 * empty one; every other read of `a` needs element 0. */
export function readsArray(read: Read): boolean {
  return read.node.type === 'ParamExp' && read.node.length && read.node.index !== null;
}

/** The variable an arrayKey stands for (`a` for `a[@]`), or null for a plain name. */
export function arrayBase(key: string): string | null {
  return key.endsWith('[@]') ? key.slice(0, -3) : null;
}

/** The variable a flow name is part of: `a` for `a[@]`, and for an element `m[k]` or `m[]`
 * (elements.ts); the name itself otherwise. */
export function variableOf(name: string): string {
  const open = name.indexOf('[');
  return open > 0 ? name.slice(0, open) : name;
}

/** Whether nounset is on is tracked as two pseudo-variables, names no variable can have: `set -u`
 * assigns NOUNSET_ON and unsets NOUNSET_OFF, `set +u` the other way round. A read where
 * NOUNSET_ON is set on every path runs under `set -u`; where NOUNSET_OFF is, without it. */
export const NOUNSET_ON = '-u';
export const NOUNSET_OFF = '+u';

/** Whether `set -u` is on where a read runs: on every path, on none, or not known (it differs
 * between paths, or the script is a library whose caller decides). */
export type NounsetState = 'on' | 'off' | 'unknown';

/** `unset NAME`. */
export interface Unset {
  readonly kind: 'unset';
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Not an `unset` of the script: bash unsets a coprocess's NAME and NAME_PID once it has finished. */
  readonly coproc?: true;
  /** Element 0 (NAME itself) of an array that `unset 'a[i]'` may unset, or that an assignment
   * replaced with elements that may not give it (`a=()`, `a=("${b[@]:1}")`). */
  readonly element0?: 'unset' | 'replaced';
}

/** `unset "$v"`, `unset "$1"`, `unset "${p}_dir"`: a name the script computes. `via`: the variable
 * a lone `$v` reads (its values, or for `$1` the arguments the callers pass, name what it unsets);
 * `pattern`: the names the word can spell. */
export interface UnsetComputed {
  readonly kind: 'unset-computed';
  readonly via: string | null;
  readonly pattern: RegExp;
  /** Not an `unset` word but code the variable `via` holds, run when the script runs: `$h`
   * unquoted (`split`: its value's first field is the command, `args` the literal words after
   * it), `"$h"` (`word`: its whole value is the command) or `eval "$h"` (`eval`): what an
   * `unset` in its values names (unset-names.ts). */
  readonly code?: 'split' | 'word' | 'eval';
  readonly args?: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** `unset -f NAME`: from here on, until it is defined again, a call of NAME is `command not
 * found`. */
export interface UnsetFunction {
  readonly kind: 'unset-function';
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** A test of whether NAME is set (`${NAME+x}`, `[[ -v NAME ]]`, `declare -p NAME` ...). */
export interface SetTest {
  readonly kind: 'set-test';
  /** The name; `PREFIX*` for a listing of the names set that begin with PREFIX (`${!APP_@}`,
   * `compgen -v APP_`), and `*` for one of every name set (`set`, `declare -p` alone). */
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly how: string;
  /** A test only where NAME may still be unset (FlowResult.testedWhereUnset): `export NAME`
   * without a value passes NAME on to the commands the script runs only when it is set, and
   * `a+=(w)` or `a[5]=w` keeps what a holds, so the block's empty value would become element 0. */
  readonly whereUnset?: 'export' | 'append';
}

/** `. FILE` or `source FILE` (bats' `load`): the flow analysis follows the file when it can
 * resolve and read it. */
export interface Source {
  readonly kind: 'source';
  readonly start: number;
  readonly end: number;
  /** The literal path, or null when it is computed. */
  readonly path: string | null;
  /** The word naming the file, to resolve `$(dirname "$0")/x` and the like; null for bats' `load`,
   * whose `path` is already complete. */
  readonly word: Word | null;
}

/** A simple command that may run a function of the script. */
export interface Call {
  readonly kind: 'call';
  readonly start: number;
  readonly end: number;
  /** The command name when it is literal. */
  readonly name: string | null;
  /** For a computed name (`"cmd_$1"`), the names it could be; null when literal. */
  readonly pattern: RegExp | null;
  /** For a name that is one variable (`"$cmd"`, `$1`, `"$@"`, `${run:-make}`): the variable, the
   * literal default if any, and `split` when it is unquoted (the command is its value's first
   * field). */
  readonly via: { readonly name: string; readonly fallback: string | null; readonly split?: boolean } | null;
  /** Arguments that are literal function-like names (`retry 3 fetch_all`: a function that runs
   * `"$@"` may run one of them), and whether any argument is computed. */
  readonly litArgs: readonly string[];
  readonly dynArgs: boolean;
  /** Arguments that always give one word each: a lower bound of the callee's `$#` ... */
  readonly fixedArgs: number;
  /** ... plus the caller's own count when an argument is exactly `"$@"`. */
  readonly splat: boolean;
  /** For a command word that may give no word (`$RUN f`, RUN unquoted): the call the words after
   * it make when it gives none. */
  readonly next?: Call;
  /** `trap HANDLER SIG`: the handler runs later, at any point after this one. Also `complete -F
   * f` and `export -f f`, whose function runs later too (see `later`). */
  readonly trap: boolean;
  /** For such a call: `complete` (bash runs the function with three arguments and the COMP_
   * variables set) or `export` (a child bash may run it, with any arguments). */
  readonly later?: 'complete' | 'export';
}

/** The name of the function that stands for a trap's quoted handler (collect.ts trapCode): it
 * has blanks, so no shell function has it. */
const TRAP_HANDLER = 'the trap handler on line ';
export function trapHandlerName(line: number): string {
  return `${TRAP_HANDLER}${line}`;
}

/** Whether a function region stands for a trap's quoted handler. */
export function isTrapHandler(r: Region): boolean {
  return r.shape === 'function' && r.name !== null && r.name.startsWith(TRAP_HANDLER);
}

/** A call that runs later (`trap`, `complete -F`, `export -f`) of the function `name`, which
 * then has `fixedArgs` arguments at least, spelled at `start`–`end`. */
export function laterCall(name: string, start: number, end: number, fixedArgs = 0, later?: Call['later']): Call {
  const call: Call = {
    kind: 'call',
    name,
    pattern: null,
    via: null,
    litArgs: [],
    dynArgs: false,
    fixedArgs,
    splat: false,
    trap: true,
    start,
    end,
  };
  return later === undefined ? call : { ...call, later };
}

/** A command that may assign variables nounset cannot name: `eval`, `export "$name"=v`,
 * `printf -v "$var"`, an assignment through a nameref. */
export interface Opaque {
  readonly kind: 'opaque';
  readonly start: number;
  readonly end: number;
  readonly what: string;
  /** An `eval` whose code, as written, is one assignment (`eval "$name=\$value"`): it runs no
   * function. */
  readonly assignOnly?: true;
}

/** `exit`, `return`, `break N`, `continue N` (and `exec CMD`, which does not come back). */
export interface Jump {
  readonly kind: 'jump';
  readonly start: number;
  readonly end: number;
  readonly how: 'exit' | 'return' | 'break' | 'continue';
  readonly levels: number;
}

/** `shift [N]` and `set -- WORDS`: the positional parameters change. */
export interface Args {
  readonly kind: 'args';
  readonly start: number;
  readonly end: number;
  readonly how: 'shift' | 'set';
  /** How many are shifted (null: computed), or how many `set` gives at least. */
  readonly count: number | null;
  /** `set -- "$@" x`: the old ones are kept too. */
  readonly splat: boolean;
}

/** `declare -A NAME` and friends: subscripts of NAME are strings, not arithmetic. */
export interface Declare {
  readonly kind: 'declare';
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly flags: string;
  /** `local x=1` as opposed to `local x`. */
  readonly valued: boolean;
  /** `local -a x=()`: valued, but only with an empty array, which declares the array as much as
   * `local -a x` does (and is what nounset itself writes there: array-declarations.ts). */
  readonly emptyArray: boolean;
}

/** `local -n ref`, `declare -n r=X`: an assignment to the name assigns the variable it names, and a
 * read of it reads that one. */
export function isNamerefDeclaration(flags: string): boolean {
  // `flags` is the variant, then its options (see isLocalDeclaration). `export -n` takes the
  // export attribute away: no nameref.
  return /^(?:declare|typeset|local) .*n/.test(flags);
}

/** `local x`, and `declare x` / `typeset x` without -g, make a function's own variable. */
export function isLocalDeclaration(flags: string): boolean {
  // `flags` is the variant, then its options: `local`, `declare -gA`, `typeset -i`.
  if (flags.startsWith('local')) return true;
  return (flags.startsWith('declare') || flags.startsWith('typeset')) && flags.indexOf('g', 7) === -1;
}

/** What a test that passed or failed shows about the state: NAME is set, there are at least
 * `min` positional parameters, or that outcome cannot happen (`true` never fails). */
export type Fact =
  | { readonly kind: 'set'; readonly name: string }
  | { readonly kind: 'argc'; readonly min: number }
  | { readonly kind: 'impossible' };

/** A stretch of code with one control shape:
 * - `script`: the top level; `function`: a function body (runs when called);
 * - `branch`: its children are the alternative `arm`s of an if or case (an if without else
 *   has an empty arm);
 * - `loop`: runs zero or more times (a loop's condition is walked once, just before it, and runs
 *   again after each pass; each node appears once in the model); `optional`: the right side of `&&` / `||`;
 * - `subshell`: a child process (`( )`, `$( )`, pipeline elements, `&`): its writes stay there. */
export interface Region {
  readonly kind: 'region';
  /** `post`: the last event of a `for ((…; …; post))` loop, run after the body and after `continue`. */
  readonly shape: 'script' | 'function' | 'branch' | 'arm' | 'loop' | 'optional' | 'subshell' | 'post';
  readonly start: number;
  readonly end: number;
  /** The function's name, for `function`; the operator (`&&`, `||`), for `optional` (`\r` for a
   * CRLF line's call that only some shells make, collect.ts); for a case
   * `arm`, its terminator when it is `;&` or `;;&`. */
  readonly name: string | null;
  readonly events: Event[];
  /** What holds when the region starts: the condition of an if arm or a while body, the left side
   * of `&&` for its right side. */
  facts: readonly Fact[] | null;
  /** For an `optional` whose left side is `p && y` (or `p || y`) with its own operator, where y
   * cannot undo what p shows: what y adds to the left side's facts, which such a region does not
   * keep (`facts` is null). The walk starts it from the state in which y ran, where p's facts hold
   * already, and applies only these (a chain of n tests applied and built every test before each
   * link: n² facts). Null otherwise. */
  added: readonly Fact[] | null;
  /** For `optional`: what holds on the path that skips it (`[ $# -ge 1 ] || usage`); for `loop`:
   * on the path that never enters it (`impossible` for `for x in a b`, `while true`). */
  skipFacts: readonly Fact[] | null;
  /** For a `loop`: only `break` leaves it (`while true`); for an `arm` of a case: the item ends
   * in `;&` and falls into the next one; for an `optional`: its left side is itself `a && b` or
   * `a || b` (the optional region just before), so c in `a && b && c` runs only where b ran, and in
   * `a && b || c` is skipped only there; for a `function`: a bats test, which nothing in the file
   * calls; for a case's `branch`: a pattern is a plain `*`, so some arm always runs. */
  flag: boolean;
  /** For a `while`/`until` or `for ((…))` loop: the events of its condition, which come before the
   * loop and run again after each pass; the walk reads them there too (walk.ts). Not part of the
   * tree of events: every other reader meets them once, before the loop. */
  again: readonly Event[] | null;
  /** For the script's region, when it has `eval`s whose code nounset reads (eval-probes.ts): its
   * text followed by that code, the text the offsets of probes are in. */
  readonly probeText?: string;
}

/** The code an `eval` runs, read where it runs (eval-probes.ts): its events, at offsets past the
 * script's text (the code starts at `base` of the region's probeText). The walk runs them on a
 * copy of the state there, for the verdicts of their reads only; nothing else reads them. */
export interface Probe {
  readonly kind: 'probe';
  /** The `eval` command. */
  readonly start: number;
  readonly end: number;
  readonly base: number;
  readonly code: DeferredCode;
  /** The code's events (a region of its own, which no walk enters as such). */
  readonly region: Region;
}

export type Event =
  | Read
  | Write
  | Unset
  | UnsetComputed
  | UnsetFunction
  | SetTest
  | Source
  | Declare
  | Call
  | Jump
  | Args
  | Opaque
  | Probe
  | Region;

/** Visits every event in program order, regions included (before their contents). */
export function forEachEvent(region: Region, fn: (event: Event, parent: Region) => void): void {
  // Two parallel stacks: no object per event.
  const events: Event[] = [];
  const parents: Region[] = [];
  const pushEvents = (r: Region): void => {
    for (let i = r.events.length - 1; i >= 0; i--) {
      events.push(r.events[i] as Event);
      parents.push(r);
    }
  };
  pushEvents(region);
  while (events.length > 0) {
    const e = events.pop() as Event;
    fn(e, parents.pop() as Region);
    if (e.kind === 'region') pushEvents(e);
  }
}
