// Which parameters the shell itself provides. The tables are checked against the installed bash
// and dash by test/analyze/shell-vars.test.ts, so they cannot drift from what the shells do.

import type { Dialect, ShellVariant } from '../parse/index.js';

/** Set by bash (5.x) in every non-interactive script, even under `env -i`. */
export const BASH_ALWAYS_SET: readonly string[] = [
  '_',
  'BASH',
  'BASHOPTS',
  'BASHPID',
  'BASH_ARGC',
  'BASH_ARGV0',
  'BASH_COMMAND',
  'BASH_LINENO',
  'BASH_SOURCE',
  'BASH_SUBSHELL',
  'BASH_VERSINFO',
  'BASH_VERSION',
  'COMP_WORDBREAKS',
  'DIRSTACK',
  'EPOCHREALTIME',
  'EPOCHSECONDS',
  'EUID',
  'GROUPS',
  'HISTCMD',
  'HOSTNAME',
  'HOSTTYPE',
  'IFS',
  'LINENO',
  'MACHTYPE',
  'OPTERR',
  'OPTIND',
  'OSTYPE',
  'PATH',
  'PPID',
  'PS4',
  'PWD',
  'RANDOM',
  'SECONDS',
  'SHELL',
  'SHELLOPTS',
  'SHLVL',
  'SRANDOM',
  // bash sets TERM=dumb when the environment has none.
  'TERM',
  'UID',
];

/** Of BASH_ALWAYS_SET, those bash leaves unset at the top level of a script it reads from stdin
 * or gets with `bash -c` (`curl … | bash`): they name the file being run, and there is none. A
 * function has them (its definition's file, or `main`). */
export const BASH_UNSET_WHEN_PIPED: readonly string[] = ['BASH_LINENO', 'BASH_SOURCE'];

/** Of BASH_ALWAYS_SET, those bash may leave unset while a function runs: BASH_ARGC is there only
 * once the script has run a `source` or read it at its top level (or under `shopt -s extdebug`). */
export const BASH_UNSET_IN_FUNCTIONS: readonly string[] = ['BASH_ARGC'];

/** Of BASH_ALWAYS_SET, those an older bash does not have, by the release that added them (bash's
 * NEWS, read by test/analyze/shell-vars.test.ts): under an older bash they are unset. */
export const BASH_SINCE: Readonly<Record<string, string>> = {
  BASHPID: '4.0',
  BASHOPTS: '4.1',
  BASH_ARGV0: '5.0',
  EPOCHREALTIME: '5.0',
  EPOCHSECONDS: '5.0',
  SRANDOM: '5.1',
};

/** Set by dash in every script, even under `env -i`. */
export const DASH_ALWAYS_SET: readonly string[] = ['IFS', 'OPTIND', 'PATH', 'PPID', 'PS1', 'PS2', 'PS4', 'PWD'];

/** Set by every ksh in every script, even under `env -i`: names bash also sets (a ksh script is
 * parsed as bash) that the ksh93 manual lists under "parameters automatically set by the shell"
 * or "the shell gives default values to" (ksh(1), AT&T ksh93, section Shell Variables), less
 * those ksh93u+m 1.0 or mksh R59 leave unset under `env -i` although the manual names them:
 * `_` (ksh93 takes it "as passed in the environment") and PATH (a built-in search path, no
 * variable). SHELL and HOME the manual says ksh never sets. Checked against whichever ksh is
 * installed by test/analyze/shell-vars.test.ts. */
export const KSH_ALWAYS_SET: readonly string[] = ['IFS', 'LINENO', 'OPTIND', 'PPID', 'PS4', 'PWD', 'RANDOM', 'SECONDS'];

/** A `#!/bin/sh` script may run under dash or bash: only what both set is safe. */
const POSIX_ALWAYS_SET: readonly string[] = DASH_ALWAYS_SET.filter((n) => BASH_ALWAYS_SET.includes(n));

const BASH_SET = new Set(BASH_ALWAYS_SET);
const POSIX_SET = new Set(POSIX_ALWAYS_SET);
const KSH_SET = new Set(KSH_ALWAYS_SET);

/** True when the shell running a `dialect` script always sets `name`; a ksh script (`variant`)
 * only when ksh sets it too. */
export function isAlwaysSet(name: string, dialect: Dialect, variant: ShellVariant | null = null): boolean {
  if (variant === 'ksh' && !KSH_SET.has(name)) return false;
  return (dialect === 'bash' ? BASH_SET : POSIX_SET).has(name);
}

/** Variables the shell sets as a side effect of some command (`[[ =~ ]]`, `read`, `getopts`,
 * a pipeline, a function call...). They never come from the environment, so they never go in
 * the env-init block; a read that may find them unset is rewritten where it is. */
const SHELL_MANAGED = new Set([
  'BASH_ALIASES',
  'BASH_ARGV',
  'BASH_CMDS',
  'BASH_EXECUTION_STRING',
  'BASH_REMATCH',
  'COMPREPLY',
  'COMP_CWORD',
  'COMP_LINE',
  'COMP_POINT',
  'COMP_WORDS',
  'COPROC',
  'FUNCNAME',
  'MAPFILE',
  'OPTARG',
  'PIPESTATUS',
  'READLINE_LINE',
  'READLINE_POINT',
  'REPLY',
]);

export function isShellManaged(name: string): boolean {
  return SHELL_MANAGED.has(name);
}

/** Variables the shell acts on as soon as they are set, even to empty: `HOME=""` breaks `~`,
 * `POSIXLY_CORRECT=""` turns on POSIX mode, `TIMEFORMAT=""` silences `time`, `TZ=""` means UTC,
 * `GLOBIGNORE=""` changes globbing. The env-init block must not set them; their reads are
 * rewritten where they are. */
const ACTS_WHEN_SET = new Set([
  'BASH_COMPAT',
  'BASH_ENV',
  'BASH_XTRACEFD',
  'CDPATH',
  'CHILD_MAX',
  'COLUMNS',
  'ENV',
  'EXECIGNORE',
  'FCEDIT',
  'FUNCNEST',
  'GLOBIGNORE',
  'GLOBSORT',
  'HISTCONTROL',
  'HISTFILE',
  'HISTFILESIZE',
  'HISTIGNORE',
  'HISTSIZE',
  'HISTTIMEFORMAT',
  'HOME',
  'HOSTFILE',
  'IGNOREEOF',
  'INPUTRC',
  'LANG',
  'LC_ALL',
  'LC_COLLATE',
  'LC_CTYPE',
  'LC_MESSAGES',
  'LC_NUMERIC',
  'LC_TIME',
  'LINES',
  'MAIL',
  'MAILCHECK',
  'MAILPATH',
  'OLDPWD',
  'POSIXLY_CORRECT',
  'PROMPT_COMMAND',
  'PS0',
  'PS1',
  'PS2',
  'PS3',
  'TIMEFORMAT',
  'TMOUT',
  'TMPDIR',
  'TZ',
]);

/** True when setting `name` (even to empty) changes what the shell does, or when bash sets it
 * itself and may refuse an assignment (`UID` is read-only in bash, also in a `#!/bin/sh` script
 * that bash runs): such a name never goes in the env-init block. */
export function isBlockUnsafe(name: string): boolean {
  return ACTS_WHEN_SET.has(name) || BASH_SET.has(name);
}

// Asked of every reference: character tests, not regular expressions.

/** `$1`, `${10}`: positional parameters. */
export function isPositional(name: string): boolean {
  return name !== '0' && isDigits(name);
}

/** One or more digits only. */
export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A letter or `_`: what a variable name starts with. */
export function isNameStartCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** A name that may be assigned: letters, digits and underscores, not starting with a digit. */
export function isVariableName(name: string): boolean {
  if (!isNameStartCode(name.charCodeAt(0))) return false;
  for (let i = 1; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isNameStartCode(c) && (c < 48 || c > 57)) return false;
  }
  return true;
}

/** A value that reads as itself in any quoting context, with no escaping. */
export function isPlainValue(value: string): boolean {
  return /^[A-Za-z0-9_.,:/@%+=-]*$/.test(value);
}
