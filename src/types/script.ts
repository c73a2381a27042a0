// What fixScript and inspectScript take and return for one script. Types only: every layer reads
// these, nothing here runs.

import type { Dialect } from '../parse/index.js';

/** How unsafe references are fixed: `block` declares environment inputs once at the top and
 * rewrites the rest inline; `inline` rewrites every unsafe reference where it is. */
export type FixStyle = 'block' | 'inline';

export interface FixOptions {
  /** Default `block`. */
  readonly style?: FixStyle;
  /** Default: detected from the text and `path` (shellcheck directive, shebang, extension), else bash. */
  readonly dialect?: Dialect;
  /** Shown in diagnostics and used to detect the dialect from the extension. */
  readonly path?: string;
  /** Default values: NAME → value, used in the env-init block and in inline rewrites. */
  readonly defaults?: Readonly<Record<string, string>>;
  /** Inputs that must be set: the block checks them with `${NAME:?…}` instead of defaulting them. */
  readonly required?: readonly string[];
  /** Variables nounset never touches. */
  readonly ignore?: readonly string[];
  /** Reads a file the script sources (`.`/`source`), by the path nounset resolved from `path`;
   * null when it cannot be read. Without it, sourced files are not followed. */
  readonly readSource?: (path: string) => string | null;
  /** The directory nounset runs in (the repository root), in the terms of `path`: a relative
   * `source` path or `# shellcheck source=` directive that names no file readable from the
   * script's directory is looked for there, as ShellCheck does. The command line passes `.` (its
   * paths are relative to the working directory). Without it, only the script's directory. */
  readonly sourceRoot?: string;
  /** Variables a sourced file nounset cannot follow (or an `eval`) may set: `leave` them alone
   * (default; they are listed in a diagnostic) or treat them as `input`s. */
  readonly sourcedUnknown?: 'inline' | 'leave' | 'input';
  /** Guard every reference that reaches a destructive path argument with `${X:?…}` (default: only
   * where an empty value would act on another path, nothing in the script handles it, and set -u
   * may be on). */
  readonly guardDestructive?: boolean;
  /** The oldest bash the script must run under: before 4.4, `"${a[@]}"` of an empty array stops
   * a set -u script (before 4.1, `"$@"` with no argument too), so such lists are guarded. Default:
   * what the script says (a comment naming bash 3, a BASH_VERSINFO test), else 4.4. */
  readonly bashVersion?: '3.2' | '4.0' | '4.4' | '5';
  /** A script of the run in this one's directory or above it, or one it sources or that sources
   * it, shows that it runs on macOS (it handles Darwin, runs `sw_vers` …): a project that supports macOS there
   * supports it in this script too, so one that says nothing of its bash targets 3.2. A run sets
   * it; bashVersion wins over it. */
  readonly macosRun?: boolean;
  /** Never move a line: no env-init block, every unsafe reference rewritten where it is (default:
   * only for a script that reads LINENO, BASH_LINENO or `caller`, or is a bats file). */
  readonly keepLineNumbers?: boolean;
  /** Whether `set -u` is on when the script starts; default `on` for a shebang with -u, else `off`.
   * A run passes `unknown` for a library that a file turning on set -u may source. */
  readonly nounsetAtStart?: 'on' | 'off' | 'unknown';
  /** Other files source this one, so they may call its functions with any arguments (default: a
   * file whose top level only defines and sets things up; a run also says so for a file another
   * file of the run sources). */
  readonly library?: boolean;
  /** Functions defined elsewhere (other files of the run) that print their caller's line numbers
   * (`die` running `caller`): a script that calls one keeps every line where it is. */
  readonly lineReporters?: readonly string[];
}

/** What kind of rewrite an edit is; each kind has a page in docs/edits/<kind>.md. */
export type EditKind =
  | 'default-empty'
  | 'default-value'
  | 'default-zero'
  | 'default-transform'
  | 'default-list'
  | 'declare-empty'
  | 'require-nonempty'
  | 'env-init-block';

export interface EditReport {
  /** 1-based line and column (UTF-16 code units) of the edited text in the input. */
  readonly line: number;
  readonly column: number;
  /** The variable the edit is about, or `null` for the env-init block. */
  readonly variable: string | null;
  readonly kind: EditKind;
  /** The input text the edit replaces, and what replaces it. */
  readonly before: string;
  readonly after: string;
  /** Why, in words a reviewer understands. */
  readonly reason: string;
  /** 0-based UTF-16 offsets of `before` in the input. */
  readonly start: number;
  readonly end: number;
}

/** A variable the script reads from its environment: read somewhere, assigned nowhere in the file. */
export interface InputVariable {
  readonly name: string;
  /** 1-based line of the first read. */
  readonly line: number;
  /** The default it gets: from the env-init block, the options, or a `${NAME:-word}` /
   * `${NAME:=word}` read (quotes removed as the shell removes them). */
  readonly default?: string;
  /** The default is an expansion worked out when the script runs (`${NAME:-$HOME}`,
   * `${NAME:-$(hostname)}`): `default` holds its source text. The input is still optional. */
  readonly computed?: boolean;
  /** Where `default` comes from: an entry of the env-init block already in the script (kept as
   * written, so it wins), the options (configuration, `--default`, `--defaults-from`), or the
   * script's own `${NAME:-word}`. */
  readonly defaultFrom?: 'configuration' | 'env-init-block' | 'script';
  /** Set by the `required` option, or read as `${NAME:?…}` / `${NAME?…}`. */
  readonly required?: boolean;
  /** The script tests whether it is set (`${NAME+x}`, `[[ -v NAME ]]`, ...): it never goes in the block. */
  readonly setTested?: boolean;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  /** Stable id, e.g. `parse-error`, `needs-review`, `sources-file`. */
  readonly code: string;
  readonly message: string;
  /** A change for a reviewer to make, which nounset does not make itself (`printed-code-unset`:
   * it would change what the script prints). */
  readonly suggestion?: Suggestion;
}

/** Text of the input to replace: `before` at 0-based UTF-16 offsets [start, end), and `after`. */
export interface Suggestion {
  readonly start: number;
  readonly end: number;
  readonly before: string;
  readonly after: string;
}

export interface FixResult {
  /** The fixed text; equal to the input when nothing changed or the file was left alone. */
  readonly output: string;
  readonly changed: boolean;
  readonly dialect: Dialect;
  /** Sorted by position. */
  readonly edits: readonly EditReport[];
  /** Sorted by name. */
  readonly inputs: readonly InputVariable[];
  /** Sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Why nounset did or did not touch a reference. */
/** `unknown`: a file nounset could not follow, or an `eval`, may have set it; left alone. */
export type Verdict = 'safe' | 'unsafe' | 'review' | 'unknown';

export interface ReferenceReport {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly name: string;
  /** The source text of the reference. */
  readonly text: string;
  /** `plain` `$X`/`${X}`, `indexed` `${X[i]}`, `guarded` `${X:-…}` and the like, `length`,
   * `indirect`, `transform` (`${X#…}`, `${X/…}`, `${X:1}`, `${X^^}`, `${X@Q}`), `list`
   * (`${a[@]}`, `${!pre*}`), `arith-name` (a bare name in arithmetic), `special` (`$@ $# $?` ...). */
  readonly form: ReferenceForm;
  /** Where it is: `unquoted`, `double-quoted`, `heredoc`, `arithmetic`, `destructive` ... */
  readonly context: string;
  readonly verdict: Verdict;
  readonly reason: string;
  /** Whether `set -u` is on where the reference runs: on every path, on none, or not known (a
   * library whose callers decide, or it differs between paths); absent where no path reaches it. */
  readonly nounset?: 'on' | 'off' | 'unknown';
}

export type ReferenceForm =
  | 'plain'
  | 'indexed'
  | 'guarded'
  | 'length'
  | 'indirect'
  | 'transform'
  | 'list'
  | 'arith-name'
  | 'special'
  | 'positional';

export interface InspectResult {
  readonly dialect: Dialect;
  readonly references: readonly ReferenceReport[];
  readonly inputs: readonly InputVariable[];
  readonly diagnostics: readonly Diagnostic[];
}
