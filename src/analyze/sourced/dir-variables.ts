// The script's directory variables: `DIR=$(dirname "$0")`, `ROOT="$DIR/.."` and the like, assigned
// once, so that `source "$DIR/lib.sh"` names a file. A quick look at the text first spares the walk
// of the tree for most names.

import { posix } from 'node:path';
import type { Assign, CallExpr, File, Lit, Word } from '../../parse/index.js';
import { forEachNode } from '../../parse/index.js';
import { literalPieces, literalWord } from './literal-words.js';
import type { Env, PathValue } from './path-values.js';
import { evalPathWord } from './path-words.js';

/** What a variable assigned at the top level of a script holds, when it is a directory we can name. */
export type DirValue = { readonly kind: 'dir'; readonly path: string };

/** `$NAME` or `${NAME`, read where a `$` was found. */
const NAME_AFTER_DOLLAR = /\{?([A-Za-z_]\w*)/y;

/** Whether NAME may be one of scriptDirVariables(file) for a file with this text, from the text
 * alone: a directory variable has a `NAME=value` definition whose value starts with an expansion
 * evalPathWord can evaluate (`$0`, `${0…}`, `$BASH_SOURCE…`, `$(…)`, a backquote, or `$OTHER` /
 * `${OTHER}` / `${OTHER%…}` for another such variable), optionally after a `"`. Where no
 * definition can start so (most computed paths come from the environment: `X="${X:-…}"`), the walk
 * of the whole tree scriptDirVariables takes is not needed. True when unsure: backslash-newlines,
 * which bash removes before it reads words, may split a name or a value. */
export function mayBeDirVariable(text: string, name: string): boolean {
  return text.includes('\\\n') || mayBeDefinedAsDir(text, name, new Set());
}

function mayBeDefinedAsDir(text: string, name: string, seen: Set<string>): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const target = `${name}=`;
  for (let i = text.indexOf(target); i >= 0; i = text.indexOf(target, i + 1)) {
    if (i > 0 && /\w/.test(text[i - 1] as string)) continue;
    let j = i + target.length;
    while (text[j] === '"') j++;
    const c = text[j];
    if (c === '`') return true;
    if (c !== '$') continue;
    const d = text[j + 1] ?? '';
    if (d === '(' || d === '0') return true;
    NAME_AFTER_DOLLAR.lastIndex = j + 1;
    const m = NAME_AFTER_DOLLAR.exec(text);
    if (m === null) {
      if (text.startsWith('{0', j + 1)) return true;
      continue;
    }
    const other = m[1] as string;
    if (other === 'BASH_SOURCE') return true;
    // `${OTHER:-…}` and the like never evaluate; `${OTHER}` and `${OTHER%/*}` may.
    const after = text[j + 2 + other.length];
    if (d === '{' && after !== '}' && after !== '%') continue;
    if (mayBeDefinedAsDir(text, other, seen)) return true;
  }
  return false;
}

/** Variables assigned exactly once in the script, anywhere in it (`local` in a function too), to
 * a script-directory expression: `DIR=$(dirname "$0")`, `readonly ROOT="$DIR/.."`, ... Any other
 * write to the name (a second assignment, `read`, `for NAME in`, `${NAME:=…}`, ...) disqualifies it,
 * since the variable could then hold something else. */
export function scriptDirVariables(file: File, scriptPath: string, mainScriptPath: string): Map<string, DirValue> {
  const { writes, definitions } = collectWrites(file);
  const values = new Map<string, PathValue>();
  const env: Env = { scriptPath, mainScriptPath, lookup: (name) => values.get(name) };
  // Definitions may build on each other (`ROOT="$DIR/.."`), in any order: repeat until stable.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, word] of definitions) {
      if (values.has(name) || writes.get(name) !== 1) continue;
      const v = evalPathWord(word, env);
      if (v === null) continue;
      values.set(name, v);
      changed = true;
    }
  }
  const out = new Map<string, DirValue>();
  for (const [name, v] of values)
    if (v.names !== 'script') out.set(name, { kind: 'dir', path: posix.normalize(v.text) });
  return out;
}

interface Writes {
  /** How many places write each name. */
  readonly writes: Map<string, number>;
  /** The value of plain scalar assignments, by name (the last one seen; used only for names written once). */
  readonly definitions: Map<string, Word>;
}

/** Commands that write the variables named in their arguments. */
const NAME_WRITERS = new Set(['read', 'mapfile', 'readarray', 'getopts', 'printf', 'unset', 'wait', 'eval']);

function collectWrites(file: File): Writes {
  const acc: Writes = { writes: new Map(), definitions: new Map() };
  const write = (name: string | null | undefined): void => {
    if (name) acc.writes.set(name, (acc.writes.get(name) ?? 0) + 1);
  };
  forEachNode(file, (node) => {
    switch (node.type) {
      case 'CallExpr':
        return callWrites(node, acc, write);
      case 'DeclClause':
        return declWrites(node.variant.value, node.args, acc, write);
      case 'WordIter':
        return write(node.name.value);
      case 'ArithmBinary':
        if (node.op.endsWith('=') && !['==', '!=', '<=', '>='].includes(node.op) && node.x.type === 'ArithmVar')
          write(node.x.name.value);
        return;
      case 'ArithmUnary':
        if ((node.op === '++' || node.op === '--') && node.x.type === 'ArithmVar') write(node.x.name.value);
        return;
      case 'ParamExp':
        if (node.exp?.op === '=' || node.exp?.op === ':=') write(node.param.value);
        return;
      case 'Redirect':
        return write(node.fdVar?.value);
      case 'CoprocClause':
        return write(node.name ? literalWord(node.name) : 'COPROC');
      default:
        return;
    }
  });
  return acc;
}

function callWrites(call: CallExpr, acc: Writes, write: (name: string | null) => void): void {
  for (const a of call.assigns) {
    write(a.name?.value ?? null);
    // `DIR=x cmd` sets DIR for cmd only: a write, not a definition.
    if (call.args.length === 0 && isScalarDefinition(a)) acc.definitions.set(a.name.value, a.value);
  }
  const at = call.args.findIndex(isNameWriter);
  if (at < 0) return;
  const isEval = literalWord(call.args[at]) === 'eval';
  for (const w of call.args.slice(at + 1)) {
    // Every name-like argument counts (`read -p DIR` over-counts a prompt; that only loses a variable).
    write(nameArgument(literalWord(w)));
    // `eval "DIR=$x"`: a NAME= in the literal text of its arguments.
    if (isEval)
      for (const text of literalPieces(w)) for (const m of text.matchAll(/([A-Za-z_]\w*)\+?=/g)) write(m[1] ?? null);
  }
}

/** Whether a word is one of NAME_WRITERS. A lone literal without a backslash is its own text (and
 * such a name holds no glob), which spares building the text of every argument of every command. */
function isNameWriter(word: Word): boolean {
  const only = word.parts.length === 1 ? word.parts[0] : undefined;
  if (only?.type === 'Lit' && !only.value.includes('\\')) return NAME_WRITERS.has(only.value);
  return NAME_WRITERS.has(literalWord(word) ?? '');
}

/** `NAME`, or the NAME of `-vNAME` / `-aNAME` / `-pNAME`. */
function nameArgument(text: string | null): string | null {
  if (text === null) return null;
  if (/^[A-Za-z_]\w*$/.test(text)) return text;
  return /^-[a-z]*[vpa]([A-Za-z_]\w*)$/.exec(text)?.[1] ?? null;
}

function declWrites(variant: string, args: readonly Assign[], acc: Writes, write: (name: string | null) => void): void {
  const flags = args
    .filter((a) => a.naked && a.name === null)
    .map((a) => literalWord(a.value) ?? '')
    .join('');
  // -a/-A make arrays, -i evaluates arithmetic, -l/-u change case, -n makes a reference.
  const transforms = /[aAilun]/.test(flags);
  for (const a of args) {
    if (a.name === null) continue;
    // `export DIR` / `readonly DIR` only set attributes; `local DIR` / `declare DIR` make a new, unset variable.
    if (a.naked && (variant === 'export' || variant === 'readonly')) continue;
    write(a.name.value);
    if (!transforms && isScalarDefinition(a)) acc.definitions.set(a.name.value, a.value);
  }
}

function isScalarDefinition(a: Assign): a is Assign & { readonly name: Lit; readonly value: Word } {
  return a.name !== null && !a.naked && !a.append && a.index === null && a.array === null && a.value !== null;
}
