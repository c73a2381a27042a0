// What particular commands do to variables: `read`, `getopts`, `printf -v`, `mapfile` assign;
// `unset` unsets; `test -v` tests; `source` pulls in another file. And which commands are
// destructive when a path argument expands to empty (`rm -rf "$DIR/"`).

import { type CmdSubst, unescapeDoubleQuoted, unescapeUnquoted, type Word } from '../parse/index.js';
import { elementOfWord, elementParts, isEmptyDefault } from './elements.js';
import { arrayKey, type Event, laterCall, NOUNSET_OFF, NOUNSET_ON } from './model.js';
import { isSetOptionWord, setOption } from './nounset-start.js';
import { isVariableName } from './shell-vars.js';

/** The literal text of a word without quotes or expansions, or null. */
export function wordText(word: Word | undefined): string | null {
  if (!word) return null;
  const parts = word.parts;
  // Asked of every command name and many arguments, which are mostly one plain literal.
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined && only.type === 'Lit') return unescapeUnquoted(only.value);
  let out = '';
  for (const p of parts) {
    if (p.type === 'Lit') out += unescapeUnquoted(p.value);
    else if (p.type === 'SglQuoted' && !p.dollar) out += p.value;
    else if (p.type === 'DblQuoted') {
      for (const q of p.parts) {
        if (q.type !== 'Lit') return null;
        out += unescapeDoubleQuoted(q.value);
      }
    } else return null;
  }
  return out;
}

/** Commands that run another command given as their arguments. */
const WRAPPERS = new Set([
  'sudo',
  'doas',
  'command',
  'exec',
  'nice',
  'ionice',
  'nohup',
  'env',
  'builtin',
  'time',
  'timeout',
  'xargs',
  'busybox',
  'stdbuf',
  'setsid',
  'chroot',
  'runuser',
  'flock',
  'unbuffer',
]);
/** Wrappers that run a builtin in the shell itself (`time` is a keyword); the others start another
 * process, where `read`, `unset` or `eval` change nothing of the shell's. */
const IN_SHELL_WRAPPERS: ReadonlySet<string> = new Set(['command', 'builtin', 'time']);

/** Whether the command at `args[index]` (commandName's) runs in the shell: no wrapper before it
 * but `command`, `builtin` or `time`. */
export function runsInShell(args: readonly Word[], index: number): boolean {
  for (let i = 0; i < index; i++) {
    const t = wordText(args[i]);
    const name = t === null ? null : basename(t);
    if (name !== null && WRAPPERS.has(name) && !IN_SHELL_WRAPPERS.has(name)) return false;
  }
  return true;
}

/** Commands that delete, move or recursively change the paths they are given. */
const DESTRUCTIVE = new Set(['rm', 'rmdir', 'mv', 'shred', 'unlink', 'find', 'chown', 'chmod', 'chgrp', 'rsync']);

const basename = (text: string): string => {
  const slash = text.lastIndexOf('/');
  return slash < 0 ? text : text.slice(slash + 1);
};

/** The command a simple command runs, looking through wrappers (`sudo -u root`, `nice -n 1`,
 * `timeout 5`, `xargs`, `env A=1` …) and a path (`/bin/rm`). Returns its index in `args`. */
export function commandName(args: readonly Word[]): { name: string; index: number } | null {
  const first = wordText(args[0]);
  if (first === null) return null;
  const base = basename(first);
  if (!WRAPPERS.has(base)) return { name: base, index: 0 };
  // A wrapper's options may take arguments we cannot tell apart from the command: any later word
  // naming a destructive command is taken as the command (a false match only adds protection).
  for (let i = 1; i < args.length; i++) {
    const t = wordText(args[i]);
    if (t !== null && DESTRUCTIVE.has(basename(t))) return { name: basename(t), index: i };
  }
  // Otherwise skip the wrapper's options and env's NAME=value arguments.
  let i = 0;
  while (i < args.length) {
    const t = wordText(args[i]);
    if (t === null) return null;
    if (!WRAPPERS.has(basename(t))) return { name: basename(t), index: i };
    i++;
    while (i < args.length && /^(-|[A-Za-z_][A-Za-z0-9_]*=)/.test(wordText(args[i]) ?? '')) i++;
  }
  return null;
}

/** When the command deletes, moves or recursively changes the paths it is given (`all` from
 * index `from` on), its name. */
export function destructiveCommand(name: string, all: readonly Word[], from: number): string | null {
  if (!DESTRUCTIVE.has(name)) return null;
  const texts = (): string[] => all.slice(from).map((a) => wordText(a) ?? '');
  switch (name) {
    case 'rm':
    case 'rmdir':
    case 'mv':
    case 'shred':
    case 'unlink':
      return name;
    case 'find': {
      const t = texts();
      if (t.includes('-delete')) return 'find -delete';
      const exec = t.findIndex((x) => x === '-exec' || x === '-execdir' || x === '-ok' || x === '-okdir');
      const run = exec === -1 ? undefined : t[exec + 1];
      return run !== undefined && DESTRUCTIVE.has(basename(run)) ? `find -exec ${basename(run)}` : null;
    }
    case 'chown':
    case 'chmod':
    case 'chgrp':
      return texts().some((t) => /^-[A-Za-z]*R/.test(t) || t === '--recursive') ? `${name} -R` : null;
    case 'rsync':
      return texts().some((t) => t.startsWith('--delete') || t === '--remove-source-files') ? 'rsync --delete' : null;
    default:
      return null;
  }
}

/** Options of `read` and `mapfile` that take an argument. */
const READ_ARG_OPTS = 'adinNptu';
const MAPFILE_ARG_OPTS = 'dnOsuCc';

/** A read builtin's words: the names after the options, and the options that take an argument,
 * each with its argument's text (null when it is computed), the last one given winning. */
interface ReadOperands {
  readonly names: Word[];
  readonly values: Map<string, string | null>;
  /** The word that holds the argument of each option (the option's own word for `-aNAME`). */
  readonly words: Map<string, Word>;
}

function readOperands(args: readonly Word[], argOpts: string): ReadOperands {
  const names: Word[] = [];
  const values = new Map<string, string | null>();
  const words = new Map<string, Word>();
  let i = 1;
  for (; i < args.length; i++) {
    const t = wordText(args[i]);
    if (t === '--') {
      i++;
      break;
    }
    if (t === null || !t.startsWith('-') || t === '-') break;
    for (let j = 1; j < t.length; j++) {
      const opt = t[j] as string;
      if (!argOpts.includes(opt)) continue;
      // The rest of this word, or the next word, is the option's argument.
      const own = args[i] as Word;
      const word = j + 1 < t.length ? own : args[++i];
      if (word !== undefined) {
        values.set(opt, word === own ? t.slice(j + 1) : wordText(word));
        words.set(opt, word);
      }
      break;
    }
  }
  for (; i < args.length; i++) names.push(args[i] as Word);
  return { names, values, words };
}

/** Descriptors always open in a script: a read from another (`read -u 3`) may find it closed,
 * and then assigns nothing. */
const STANDARD_FDS = new Set(['0', '1', '2']);

/** `read -u FD` / `mapfile -u FD` from a descriptor that may not be open: the builtin then fails
 * and assigns nothing (as when a redirection fails). */
export function readsMaybeClosedDescriptor(args: readonly Word[]): boolean {
  const name = wordText(args[0]);
  const opts = name === 'read' ? READ_ARG_OPTS : name === 'mapfile' || name === 'readarray' ? MAPFILE_ARG_OPTS : null;
  if (opts === null) return false;
  const fd = readOperands(args, opts).values;
  return fd.has('u') && !STANDARD_FDS.has(fd.get('u') ?? '');
}

/** The variable a literal word names (`NAME`, or `NAME[i]` → NAME), or null. */
export function nameOf(word: Word | null | undefined): string | null {
  return namedWord(word)?.[1] ?? null;
}

/** The variable `-v WORD` tests: `NAME`, or the NAME of `NAME[$key]`; `*` (any) for a name
 * computed when the script runs (`-v "$n"`); null for literal text that names none (`[ "$1" = -v ]`
 * puts `]` after it). */
export function testedName(word: Word): string | null {
  const named = nameOf(word);
  if (named !== null || wordText(word) !== null) return named;
  const first = word.parts[0];
  const lead = first?.type === 'Lit' ? /^([A-Za-z_][A-Za-z0-9_]*)\[/.exec(first.value) : null;
  return lead?.[1] ?? '*';
}

/** `NAME` or `NAME[index]` as a literal word: the match, with the name and the index (undefined
 * without one); null for any other word. */
function namedWord(word: Word | null | undefined): RegExpExecArray | null {
  const t = word ? wordText(word) : null;
  return t === null ? null : /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(t);
}

const NO_EVENTS: readonly Event[] = [];

/** Commands builtinEvents knows anything about. */
const EVENTFUL = new Set([
  'read',
  'mapfile',
  'readarray',
  'getopts',
  'printf',
  'unset',
  'test',
  '[',
  '.',
  'source',
  'exit',
  'return',
  'break',
  'continue',
  'exec',
  'shift',
  'set',
  'trap',
  'complete',
  'compgen',
]);

/** Events a builtin causes beyond reading its words. `args[index]` is the command name;
 * `globsStay`: the script never sets nullglob or failglob (see argumentCount). */
export function builtinEvents(name: string, all: readonly Word[], index: number, globsStay = false): readonly Event[] {
  // Most commands cause none: no copies, no closure.
  if (!EVENTFUL.has(name)) return NO_EVENTS;
  const args = all.slice(index);
  const out: Event[] = [];
  const write = (
    w: Word | null | undefined,
    how: 'read' | 'read array' | 'getopts' | 'printf -v' | 'mapfile',
    fallback: string | null = null,
    named: string | null = nameOf(w),
  ): void => {
    const n = named ?? (w ? null : fallback);
    const span = w ?? args[0];
    if (!n || !span) return;
    // `read -a` and `mapfile` set the array, maybe with no element (see arrayKey). `read 'a[1]'`
    // and `printf -v 'a[1]'` set an element: the array, and element 0 only at index 0.
    const index = namedWord(w)?.[2];
    const array = how === 'read array' || how === 'mapfile' || (index !== undefined && index !== '0');
    out.push({ kind: 'write', name: array ? arrayKey(n) : n, start: span.start, end: span.end, how });
    // They replace the whole array, with none at all for an empty line or no input (bash 5.2 makes
    // `a=()` of it then): element 0 may be gone.
    if (how === 'read array' || how === 'mapfile')
      out.push({ kind: 'unset', name: n, start: span.start, end: span.end, element0: 'replaced' });
    if (index === '0') out.push({ kind: 'write', name: arrayKey(n), start: span.start, end: span.end, how });
  };
  switch (name) {
    case 'read': {
      const { names, values, words } = readOperands(args, READ_ARG_OPTS);
      // `read -t 0` only tells whether there is input: it assigns nothing.
      if (/^0*\.?0*$/.test(values.get('t') ?? '-')) break;
      const array = words.get('a');
      // `-aNAME` names the array in the option's own word.
      const arrayName = values.get('a') ?? '';
      if (array) write(array, 'read array', null, isVariableName(arrayName) ? arrayName : null);
      for (const w of names) write(w, 'read');
      if (!array && names.length === 0) write(null, 'read', 'REPLY');
      break;
    }
    case 'mapfile':
    case 'readarray': {
      const { names } = readOperands(args, MAPFILE_ARG_OPTS);
      write(names[0] ?? null, 'mapfile', 'MAPFILE');
      break;
    }
    case 'getopts':
      write(args[2], 'getopts');
      // getopts sets OPTARG for options that take an argument (and unsets it for the others).
      write(null, 'getopts', 'OPTARG');
      break;
    case 'printf': {
      const v = wordText(args[1]) === '-v' ? args[2] : undefined;
      if (v && nameOf(v) === null)
        out.push({ kind: 'opaque', what: '`printf -v` with a computed name', start: v.start, end: v.end });
      else if (v) write(v, 'printf -v');
      break;
    }
    case 'unset': {
      let functions = false;
      for (const w of args.slice(1)) {
        const t = wordText(w);
        if (t === '-f') functions = true;
        if (t?.startsWith('-')) continue;
        if (functions) {
          if (t !== null) out.push({ kind: 'unset-function', name: t, start: w.start, end: w.end });
          continue;
        }
        // `unset a[1]` removes one element; the array itself stays (elements.ts: only associative
        // arrays' elements are told apart).
        // `unset 'a[@]'` removes every element of an indexed array.
        const all = t !== null ? /^([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]$/.exec(t) : null;
        if (all) {
          out.push({ kind: 'unset', name: all[1] as string, start: w.start, end: w.end, element0: 'unset' });
          continue;
        }
        const n = t !== null && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t) ? t : null;
        const element = n === null ? elementOfWord(w) : null;
        if (n)
          out.push(
            { kind: 'unset', name: n, start: w.start, end: w.end },
            { kind: 'unset', name: arrayKey(n), start: w.start, end: w.end },
          );
        else if (element !== null) {
          out.push({ kind: 'unset', name: element, start: w.start, end: w.end });
          // An index that may be 0 (`0`, `-1` from the end, `i`, `$i`) may unset element 0, which
          // `$a` reads.
          const parts = elementParts(element);
          if (parts !== null && !/^[1-9][0-9]*$/.test(element.slice(parts.array.length + 1, -1)))
            out.push({ kind: 'unset', name: parts.array, start: w.start, end: w.end, element0: 'unset' });
        }
        // `unset "$v"`, `unset "$1"`: what it unsets is known when the script runs (flow/unset-names.ts).
        // (A zsh expansion bash cannot read, `${(M)…}`, is a bad substitution there: bash runs no
        // command at all.)
        else if (t === null && !w.parts.some((p) => p.type === 'OpaqueParamExp'))
          out.push({
            kind: 'unset-computed',
            via: loneVariable(w),
            pattern: namePattern(w),
            start: w.start,
            end: w.end,
          });
      }
      break;
    }
    case 'test':
    case '[':
      for (let i = 1; i + 1 < args.length; i++) {
        if (wordText(args[i]) !== '-v') continue;
        const w = args[i + 1] as Word;
        const n = testedName(w);
        if (n !== null) out.push({ kind: 'set-test', name: n, start: w.start, end: w.end, how: `${name} -v` });
      }
      break;
    case 'exit':
    case 'return':
    case 'break':
    case 'continue': {
      // `break 2` leaves two loops; a computed count is taken as 1 (the innermost loop).
      const n = Number(wordText(args[1]) ?? '1');
      const levels = name === 'break' || name === 'continue' ? (Number.isInteger(n) && n >= 1 ? n : 1) : 1;
      out.push({
        kind: 'jump',
        how: name,
        levels,
        start: (args[0] as Word).start,
        end: (args[args.length - 1] as Word).end,
      });
      break;
    }
    case 'compgen': {
      // `compgen -v P` (`-A variable`) lists the variables set that begin with P; without a word
      // it can read (none, a computed one, one after -P or -X), every name.
      const texts = args.map((w) => wordText(w));
      if (!texts.some((t, i) => t === '-v' || (t === '-A' && texts[i + 1] === 'variable'))) break;
      const span = { start: (args[0] as Word).start, end: (args[args.length - 1] as Word).end };
      out.push({ kind: 'set-test', name: `${completedWord(texts) ?? ''}*`, ...span, how: '`compgen -v`' });
      break;
    }
    case 'exec':
      // `exec CMD` does not come back (a failing exec ends a non-interactive shell too); `exec 3>f`
      // only redirects.
      if (args.length > 1)
        out.push({
          kind: 'jump',
          how: 'exit',
          levels: 1,
          start: (args[0] as Word).start,
          end: (args[args.length - 1] as Word).end,
        });
      break;
    case 'shift': {
      const t = args[1] ? wordText(args[1]) : '1';
      const n = t !== null && /^[0-9]+$/.test(t) ? Number(t) : null;
      out.push({
        kind: 'args',
        how: 'shift',
        count: n,
        splat: false,
        start: (args[0] as Word).start,
        end: (args[args.length - 1] as Word).end,
      });
      break;
    }
    case 'set': {
      // `set -- a b` or `set a b` replaces the positional parameters; `set -e`, `set -o x` do not.
      const options = setOption(
        args.slice(1).map((w) => wordText(w)),
        isSetOptionWord,
        'u',
        'nounset',
      );
      const nounset = options.on;
      const i = options.end + 1;
      if (nounset !== null) {
        const span = { start: (args[0] as Word).start, end: (args[args.length - 1] as Word).end };
        out.push(
          { kind: 'write', name: nounset ? NOUNSET_ON : NOUNSET_OFF, how: 'set option', ...span },
          { kind: 'unset', name: nounset ? NOUNSET_OFF : NOUNSET_ON, ...span },
        );
      }
      const dashes = wordText(args[i]) === '--' || wordText(args[i]) === '-';
      if (!dashes && i >= args.length) break;
      const rest = args.slice(dashes ? i + 1 : i);
      const { fixed, splat } = argumentCount(rest, globsStay);
      out.push({
        kind: 'args',
        how: 'set',
        count: fixed,
        splat,
        start: (args[0] as Word).start,
        end: (args[args.length - 1] as Word).end,
      });
      break;
    }
    case 'trap': {
      const word = args[1] as Word;
      for (const handler of trapHandlers(args)) out.push(laterCall(handler, word.start, word.end));
      // `trap "$handler" USR1`: the code is the value the word has now, a function it names
      // runs later (what the value may name: flow/callees.ts).
      if (args.length > 2 && wordText(word) === null) {
        const via = loneVariable(word);
        out.push({
          ...laterCall('', word.start, word.end),
          name: null,
          pattern: firstFieldPattern(word),
          via: via === null ? null : { name: via, fallback: null, split: true },
        });
      }
      break;
    }
    case 'complete': {
      // `complete -F f cmd…`: bash runs f for each completion, with three arguments.
      const at = args.findIndex((w) => wordText(w) === '-F');
      const w = at === -1 ? undefined : args[at + 1];
      const f = wordText(w);
      if (w && f) out.push(laterCall(f, w.start, w.end, 3, 'complete'));
      break;
    }
    case '.':
    case 'source': {
      // `source -- FILE`
      const w = wordText(args[1]) === '--' ? args[2] : args[1];
      if (w) out.push({ kind: 'source', start: w.start, end: w.end, path: wordText(w), word: w });
      break;
    }
  }
  return out;
}

/** Function names a `trap 'HANDLER' SIGNALS` runs: the first word of each command in a literal
 * handler (`cleanup`, `'rm -f "$t"; cleanup'`). */
function trapHandlers(args: readonly Word[]): string[] {
  const handler = args.length > 2 ? wordText(args[1]) : null;
  if (handler === null || handler === '-' || handler.startsWith('-')) return [];
  const out: string[] = [];
  for (const command of handler.split(/[;&|\n]+/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_:.-]*)/.exec(command);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

/** A lower bound of how many words `words` give after expansion, and whether one is exactly
 * `"$@"` (which adds the current positional parameters). A word that may split or vanish — an
 * unquoted expansion, even a defaulted `${X:-}`, or an unquoted glob (nullglob) — counts as none:
 * a kata-deploy fix turned `$VERSION_ID` into an unquoted `${VERSION_ID:-}`, the empty word
 * vanished, and the callee's `$2` aborted instead. */
export function argumentCount(words: readonly Word[], globsStay = false): { fixed: number; splat: boolean } {
  let fixed = 0;
  let splat = false;
  for (const w of words) {
    if (isQuotedAllArgs(w)) splat = true;
    else if (alwaysOneWord(w, globsStay)) fixed++;
  }
  return { fixed, splat };
}

function isQuotedAllArgs(w: Word): boolean {
  const only = w.parts.length === 1 ? w.parts[0] : undefined;
  if (only?.type !== 'DblQuoted' || only.parts.length !== 1) return false;
  const p = only.parts[0];
  return (
    p?.type === 'ParamExp' && p.param.value === '@' && !p.excl && !p.length && !p.index && !p.slice && !p.repl && !p.exp
  );
}

/** True when a word gives at least one word whatever its expansions hold: it has literal text
 * (no glob characters, unless `globsStay`: without nullglob or failglob a pattern that matches
 * nothing stays as it is) or a quoted part that is not a list expansion. */
function alwaysOneWord(w: Word, globsStay: boolean): boolean {
  for (const p of w.parts) {
    if (p.type === 'Lit' && p.value !== '' && (globsStay || !/[*?[]/.test(p.value))) return true;
    if (p.type === 'SglQuoted') return true;
    if (p.type === 'DblQuoted' && !p.parts.some(isListExpansion)) return true;
  }
  return false;
}

/** `"$@"`, `"${a[@]}"`, `"${@:2}"`, `"${!pre@}"`: may give no word at all inside quotes. */
function isListExpansion(p: Word['parts'][number]): boolean {
  if (p.type !== 'ParamExp') return false;
  return (
    p.param.value === '@' ||
    p.names === '@' ||
    (p.index?.word !== null && p.index?.word !== undefined && wordText(p.index.word) === '@')
  );
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A computed command name (or an `unset`'s) as the names it could be: literal parts as themselves,
 * every expansion as anything (`"cmd_$1"` → /^cmd_.*$/). */
export function namePattern(word: Word): RegExp {
  let src = '';
  const add = (parts: Word['parts']): void => {
    for (const p of parts) {
      if (p.type === 'Lit') src += escapeRegExp(unescapeUnquoted(p.value));
      // `${!prefix@}`: the names that begin with the prefix.
      else if (p.type === 'ParamExp' && p.excl && p.names !== null) src += `${escapeRegExp(p.param.value)}.*`;
      // `$(compgen -v prefix)` and the like: only words that begin with the prefix.
      else if (p.type === 'CmdSubst' && compgenPrefix(p) !== null)
        src += `${escapeRegExp(compgenPrefix(p) as string)}.*`;
      else if (p.type === 'SglQuoted' && !p.dollar) src += escapeRegExp(p.value);
      else if (p.type === 'DblQuoted') add(p.parts);
      else src += '.*';
    }
  };
  add(word.parts);
  return new RegExp(`^${src}$`);
}

/** The names the first field of a word may be, where bash splits it (an unquoted command word,
 * or the value a variable was assigned when the variable is used unquoted: its quotes are gone
 * then): its text up to the first blank, and anything once an expansion comes, whose value may
 * hold blanks. */
export function firstFieldPattern(word: Word): RegExp {
  let src = '';
  const parts = word.parts.flatMap((p) => (p.type === 'DblQuoted' ? p.parts : [p]));
  for (const p of parts) {
    const text = p.type === 'Lit' ? unescapeUnquoted(p.value) : p.type === 'SglQuoted' && !p.dollar ? p.value : null;
    if (text === null) return new RegExp(`^${src}.*$`);
    const blank = /[ \t\n]/.exec(text);
    src += escapeRegExp(blank ? text.slice(0, blank.index) : text);
    if (blank) return new RegExp(`^${src}$`);
  }
  return new RegExp(`^${src}$`);
}

/** The variable a word is no more than the value of: `$v`, `"$v"`, `${v}`, `"${1}"`; null for
 * anything else (an operator, an index, more text). */
export function loneVariable(w: Word): string | null {
  let parts = w.parts;
  if (parts.length === 1 && parts[0]?.type === 'DblQuoted') parts = parts[0].parts;
  const p = parts.length === 1 ? parts[0] : undefined;
  if (p?.type !== 'ParamExp' || p.excl || p.length || p.index || p.slice || p.repl || p.names) return null;
  if (p.exp !== null && !isEmptyDefault(p.exp)) return null;
  return p.param.value;
}

/** The word `$(compgen … WORD)` completes: what each of its lines begins with; null for other code
 * (see completedWord). */
function compgenPrefix(c: CmdSubst): string | null {
  const cmd = c.stmts.length === 1 ? c.stmts[0]?.cmd : undefined;
  if (cmd?.type !== 'CallExpr' || cmd.args.length < 2 || wordText(cmd.args[0]) !== 'compgen') return null;
  return completedWord(cmd.args.map((a) => wordText(a)));
}

/** The word a `compgen` command (its words' texts) completes; null for none, a computed one, a last
 * word that is an option's argument (`-A function`), or `-P` (which puts text before). */
function completedWord(texts: readonly (string | null)[]): string | null {
  const last = texts[texts.length - 1];
  const before = texts[texts.length - 2];
  if (last == null || last.startsWith('-') || texts.includes('-P')) return null;
  return before != null && /^-[AGWFCXPSo]$/.test(before) ? null : last;
}
