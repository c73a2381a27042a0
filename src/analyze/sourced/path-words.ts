// A word naming a path, evaluated: a leading expansion we can name ($0, ${BASH_SOURCE[0]}, a
// directory variable, a command substitution of path-commands.ts) and the literal text after it.

import type { ParamExp, Stmt, Subscript, Word, WordPart } from '../../parse/index.js';
import { flatten, literalText, literalWord, type Unresolved, unresolved } from './literal-words.js';
import { evalCommand } from './path-commands.js';
import { type Env, type PathValue, stripLastComponent } from './path-values.js';

/** A word as an optional leading expansion (the directory) and the literal text after it. */
interface SplitWord {
  readonly kind: 'split';
  readonly head: PathValue | null;
  readonly tail: string;
}

/** Splits a word into a leading expansion we can evaluate and a literal tail. An expansion
 * anywhere else, or one we cannot evaluate, leaves the path unresolved. */
export function splitWord(word: Word, env: Env): SplitWord | Unresolved {
  let head: PathValue | null = null;
  let tail = '';
  for (const { part, quoted } of flatten(word.parts, false, [])) {
    if (part.type === 'Lit' || part.type === 'SglQuoted') {
      const text = literalText(part, quoted, head === null && tail === '');
      if (typeof text !== 'string') return text;
      tail += text;
      continue;
    }
    if (head !== null || tail !== '') return unresolved(expansionReason(part));
    const value = evalExpansion(part, env);
    if (value.kind === 'unresolved') return value;
    head = value;
  }
  return { kind: 'split', head, tail };
}

/** Why a path computed by `part` cannot be named. */
function expansionReason(part: WordPart): string {
  switch (part.type) {
    case 'ParamExp':
      return `the path is computed from $${part.param.value}`;
    case 'CmdSubst': {
      const name = commandNameOf(part.stmts);
      return name === null ? 'the path is computed by a command substitution' : `the path is computed by $(${name} …)`;
    }
    case 'ProcSubst':
      return 'the file is a process substitution';
    case 'ArithmExp':
      return 'the path is computed by arithmetic';
    case 'ExtGlob':
      return 'the path has a glob';
    default:
      return 'the path is computed';
  }
}

function commandNameOf(stmts: readonly Stmt[]): string | null {
  let cmd = stmts[0]?.cmd ?? null;
  while (cmd?.type === 'BinaryCmd') cmd = cmd.x.cmd;
  return cmd?.type === 'CallExpr' ? literalWord(cmd.args[0]) : null;
}

function evalExpansion(part: WordPart, env: Env): PathValue | Unresolved {
  if (part.type === 'ParamExp') return evalParam(part, env);
  if (part.type === 'CmdSubst')
    return evalCommand(part.stmts, (w) => evalPathWord(w, env)) ?? unresolved(expansionReason(part));
  return unresolved(expansionReason(part));
}

/** `$0`, `${BASH_SOURCE[0]}`, `$DIR`, each optionally with `%/*`, a default (`${BASH_SOURCE[0]:-$0}`)
 * or `${X:+${X%/*}}`: the forms nounset writes for them, which must resolve as the originals did. */
function evalParam(p: ParamExp, env: Env): PathValue | Unresolved {
  const why = unresolved(expansionReason(p));
  if (p.excl || p.length || p.names !== null || p.slice !== null || p.repl !== null) return why;
  const base = paramValue(p, env);
  if (base === undefined) return why;
  if (p.exp === null) return base;
  // The value is known, so it is set and not empty: a default is not used, an alternative is.
  if (p.exp.op === ':-' || p.exp.op === '-') return base;
  const inner = p.exp.word?.parts.length === 1 ? p.exp.word.parts[0] : undefined;
  if ((p.exp.op === ':+' || p.exp.op === '+') && inner?.type === 'ParamExp') return evalParam(inner, env);
  return p.exp.op === '%' && isSlashStar(p.exp.word) ? stripLastComponent(base) : why;
}

/** The pattern `/*`, unquoted (quoted, the `*` would be literal). */
function isSlashStar(word: Word | null): boolean {
  const only = word?.parts.length === 1 ? word.parts[0] : undefined;
  return only?.type === 'Lit' && only.value === '/*';
}

function paramValue(p: ParamExp, env: Env): PathValue | undefined {
  const name = p.param.value;
  // $0 is the script that was run, also inside files it sources; BASH_SOURCE[0] is this file.
  if (name === '0' && p.index === null)
    return { kind: 'path', text: env.mainScriptPath, canonical: false, names: 'script' };
  if (name === 'BASH_SOURCE' && (p.index === null || isZeroIndex(p.index)))
    return { kind: 'path', text: env.scriptPath, canonical: false, names: 'script' };
  return p.index === null ? env.lookup(name) : undefined;
}

function isZeroIndex(s: Subscript): boolean {
  if (s.expr?.type === 'ArithmWord') return literalWord(s.expr.word) === '0';
  return s.word !== null && literalWord(s.word) === '0';
}

/** A command argument naming a path: it must start with an expansion we can evaluate (a literal
 * relative path would be relative to the working directory, which we do not know). */
export function evalPathWord(word: Word | undefined, env: Env): PathValue | null {
  if (!word) return null;
  const split = splitWord(word, env);
  if (split.kind === 'unresolved' || split.head === null) return null;
  const joined = appendTail(split.head, split.tail);
  return joined.kind === 'path' ? joined : null;
}

/** `$DIR/lib.sh`: literal text after a directory. */
export function appendTail(head: PathValue, tail: string): PathValue | Unresolved {
  if (tail === '') return head;
  if (head.names === 'script') return unresolved('the path adds text to the script name');
  // `${dir}lib.sh` glues onto the last component; our text for a canonical dir is not the
  // shell's, so only a suffix starting with `/` means the same thing in both.
  if (!tail.startsWith('/')) return unresolved('the path adds text to a directory without a /');
  return { kind: 'path', text: head.text + tail, canonical: false, names: 'under' };
}
