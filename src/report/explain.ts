// `--explain [KIND]`: one paragraph per edit kind, what it does and why, for a reviewer reading a
// nounset diff. Each kind has its own page, docs/edits/<kind>.md, which starts with this paragraph.

import type { EditKind } from '../types/index.js';

export const EXPLANATIONS: Readonly<Record<EditKind, string>> = {
  'default-empty':
    '`$X` → `${X:-}`: the reference may find X unset, which stops a script running under set -u. `${X:-}` expands to empty when X is unset, as it would without set -u; when X is set, even to an empty value, it expands exactly as before. Used for arguments ($1 …), for variables the script tests for set-ness, for names declared `local x` without a value, for reads before the env-init block, and for every unsafe reference in --style inline.',
  'default-value':
    '`$X` → `${X:-value}`: as default-empty, with the default given by --default X=value. The value is written so it expands to exactly itself in that quoting context.',
  'default-zero':
    "`x` → `${x:-0}` in arithmetic: what arithmetic makes of an unset name. Inside a larger expression the rewrite is `(${x:-0})`, because bash evaluates a bare name's value as an expression of its own (`2*x` with x=1+1 is 4) and the parentheses keep that. Where set -u is on, `$X` inside `$(( ))` gets `${X:-0}` too, since an empty value there is a syntax error. An update that reads and writes x, as a whole expression (`(( x++ ))`, `(( x += n ))`), becomes `x = ${x:-0}, x++`: x takes its own value first, or 0.",
  'default-transform':
    '`${X#pat}` → `${X:+${X#pat}}` (and `${X##…}`, `${X%…}`, `${X/a/b}`, `${X^^}`, `${X,,}`, `${X:1}`; `${X+${X@Q}}` for a form that gives text for an empty X): a form that takes no inline default is expanded only when X is set and not empty. Otherwise the whole expansion is empty, which is what the transform gives an empty value, and what it gave an unset X without set -u; with X set, it is exactly the original. Used where the env-init block cannot cover the variable (an array, a local, a positional parameter, inline style).',
  'default-list':
    '`"${a[@]}"` → `${a[@]+"${a[@]}"}` and `"$@"` → `${@+"$@"}`, for scripts that must run under bash before 4.4 (--bash-version 3.2 or 4.0, or a script that says so): bash 3.2 to 4.3 stop on an empty array\'s list expansion under set -u (and 3.2 and 4.0 on "$@" with no argument). The guard gives no word for an empty list, as bash 4.4 and later do, and exactly the list otherwise.',
  'declare-empty':
    '`local -a X` → `local -a X=()` (and `declare -a`, `declare -A`, `typeset -a`): declared without a value, X stays unset, and bash stops on a later `${#X[@]}` under set -u. `=()` makes X an empty array, so `${#X[@]}` gives 0, as it did without set -u. Only in a function (a new local) or at the top level before anything reads or assigns X, only where the declaration runs on every path to the read, and never for a variable the script tests for set-ness.',
  'require-nonempty':
    '`$X` → `${X:?X is not set}`: the value reaches a path given to rm, mv, find -delete, chown -R and the like (directly or through an assignment in its scope), an empty value would make it act on another path (`rm -rf "$DIR/"` becomes `rm -rf /`), nothing in the script tests or replaces the value first, and set -u is or may be on there (where an unset value stopped the script before). So the script stops instead, on unset and on empty. Also used for --require NAME in inline style, and everywhere with --guard-destructive.',
  'env-init-block':
    'One block near the top, between `# nounset:env-init begin` and `# nounset:env-init end`, with a line `NAME="${NAME:-}"` for each environment input: each is read before any assignment in the file, so under set -u an unset one stops the script. The block keeps any value the environment sets and does not export anything; a re-run updates it in place and keeps edited defaults.',
};

export const EDIT_KINDS = Object.keys(EXPLANATIONS).sort() as EditKind[];

/** Where the repository's files are published: README.md and docs/ are read there. */
export const DOCS_BASE_URL = 'https://github.com/nounset/nounset/blob/main/';

/** The page that explains an edit kind, relative to the repository root. */
export function editKindPage(kind: EditKind): string {
  return `docs/edits/${kind}.md`;
}

/** What each diagnostic code means (docs/how-it-works.md, "Diagnostics"): help text for SARIF rules. */
export const DIAGNOSTIC_MEANINGS: Readonly<Record<string, string>> = {
  'parse-error': 'The script does not parse; nounset leaves it alone (`bash -n FILE` shows why).',
  'unsafe-edit':
    'The fixed script would not parse or would read differently outside the edits; nounset leaves the file alone. This is a bug in nounset: please report it with the script.',
  'env-init-block-malformed': 'Two env-init blocks, or a marker without its pair; fix the markers by hand.',
  'needs-review':
    'A reference may be unset and no rewrite fits it (`${#X}` in inline style, `x++`, a quoted `let` argument, `${!ref}`); check it by hand.',
  'destructive-path':
    'A reference nounset defaulted to empty reaches a path of rm, mv, find -delete and the like, where an empty value would act on another path. nounset adds no stop there because the script tests or replaces the value itself, or never turns set -u on; if the value must never be empty, write the `${X:?…}` the message gives.',
  'line-numbers-kept':
    'The script shows line numbers (LINENO, BASH_LINENO, caller, or bats reports them): an env-init block would move its lines, so its inputs are defaulted where they are read instead.',
  'library-inline':
    'Other scripts source this file (or it only defines functions and variables): its code runs in their shell, where an env-init block would set its inputs too (a `${X-…}`, `[[ -v X ]]` or `"${X[@]}"` there would see them, and a completion file would leave them in the user\'s shell), so its inputs are defaulted where they are read instead.',
  'crlf-script':
    'The script has CRLF line endings, and the env-init block is written with them: it runs as intended only under a shell that ignores \\r (Cygwin, MSYS); bash and dash on Linux read each value with a trailing \\r.',
  'source-followed':
    '`. file` / `source file`: nounset read the file, and what it assigns (and the functions it defines) count from that line on.',
  'source-not-followed':
    'A sourced file nounset cannot resolve or read (a computed path, outside the directory nounset runs in, missing, a cycle): any variable may be set there, so reads after it that it may set are defaulted where they are read (`${X:-}`, which changes nothing while X is set) and listed; `--sourced-unknown leave` leaves them alone, `--sourced-unknown input` also lists them as inputs.',
  'opaque-assignment':
    '`eval`, `export "$name"=…`, `printf -v "$var"` or an assignment through a nameref may set variables nounset cannot name: reads after it are defaulted where they are read and listed, as after a file it cannot follow.',
  'function-not-called':
    "Functions nothing in the file calls: their reads are checked as if they ran after the file's top level, as when another script sources the file.",
  'computed-call':
    'A command whose name is computed (`"$cmd"`, `"do_$1"`) may run any function whose name fits; each such function is also checked as called from there, with no arguments known.',
  'printed-code-unset':
    'The script prints shell code for another shell to run (`cat <<EOS` with `\\$NAME` in it, as `tool init -` prints for `eval "$(tool init -)"`), and that code reads a name that may be unset there, which stops that shell under set -u. The message gives the text to print instead (`\\${NAME:-}`); nounset does not edit it, since what the script prints would change.',
  'eval-code-unset':
    "The script runs code through `eval` with part of it deferred (`eval x=\\${!ref}`, `eval 'echo $NAME'`), and that code reads a name that may be unset where the eval runs, which stops bash under set -u. The message gives the text to write instead (`\\${NAME:-}`); nounset does not edit it, since eval parses the code when the script runs, from values nounset does not know.",
  'backquote-syntax-error':
    'The text between two backquotes does not parse. bash and dash parse backquoted text only when they run it (`bash -n` accepts the script), so the substitution then prints a syntax error and gives no output, and the script goes on. nounset reads nothing in it and leaves it as it is; the rest of the script is fixed as usual.',
  'unsupported-shell': 'The script is written for another shell (zsh, fish, ...); nounset skips it.',
  disabled: 'A `# nounset disable-file` comment; nounset skips the file.',
  generated:
    'The header says a tool generated the file (`Generated by GNU Autoconf`, `DO NOT EDIT`, `@generated`): a fix there is lost when it is generated again, and belongs in what it is generated from. nounset skips it; `--include-generated` (or `includeGenerated` in the configuration) fixes it anyway.',
};

/** The paragraph for `kind` and its page, or all of them (each under its name) when `kind` is empty. */
export function renderExplanation(kind: string): string | null {
  const render = (k: EditKind): string => `${k}\n  ${EXPLANATIONS[k]}\n  More: ${DOCS_BASE_URL}${editKindPage(k)}\n`;
  if (kind === '') return EDIT_KINDS.map(render).join('\n');
  return (EDIT_KINDS as string[]).includes(kind) ? render(kind as EditKind) : null;
}
