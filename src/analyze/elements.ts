// Elements of associative arrays, tracked one by one. bash stops a `set -u` script on
// `${map[$key]}` when the key is missing (`map[k]: unbound variable`), whatever the other keys:
// each element the script names is a variable of its own to the flow analysis, `NAME[KEY]`, with
// KEY as the script spells it once quotes and braces are taken off (`"$k"`, `${k}` and `$k` are one
// key; `foo`, `"foo"` and `'foo'` another). A key the script computes some other way (a command
// substitution, an operator) is `?`: no assignment is known to give it.

import type { ParamExp, Subscript, Word, WordPart } from '../parse/index.js';

/** \`\${X:-}\`, \`\${X-}\`: X's value, or nothing, as nounset writes \`$X\`. Read as \`$X\` wherever a
 * word's shape is looked at, so that nounset's own output reads as its input did. */
export function isEmptyDefault(exp: ParamExp['exp']): boolean {
  return exp !== null && (exp.op === ':-' || exp.op === '-') && (exp.word?.parts.length ?? 0) === 0;
}

/** The key of a subscript that matches none: nothing assigns it. */
const UNKNOWN = '?';

/** `[@]` or `[*]`: the whole array. */
export function isListSubscript(s: Subscript): boolean {
  const lit = s.word?.parts.length === 1 ? s.word.parts[0] : undefined;
  return lit?.type === 'Lit' && (lit.value === '@' || lit.value === '*');
}

/** The flow name of `array[sub]`. */
export function elementName(array: string, sub: Subscript): string {
  const e = sub.expr;
  let key: string | null = null;
  if (sub.word) key = keyOf(sub.word.parts);
  else if (e?.type === 'ArithmWord') key = keyOf(e.word.parts);
  // An associative array's subscript is text: a bare name is the name itself.
  else if (e?.type === 'ArithmVar' && e.index === null) key = plainKey(e.name.value);
  return `${array}[${key ?? UNKNOWN}]`;
}

/** The flow name of the element a word such as `"map[$k]"` or `'map[$k]'` names (`unset`,
 * `[[ -v … ]]`, which expand the subscript themselves, single quotes or not), or null when the
 * word names no element. */
export function elementOfWord(word: Word): string | null {
  const text = keyOf(word.parts, true);
  const m = text === null ? null : /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/.exec(text);
  if (!m) {
    // `map[$(cmd)]`: some element of map, which one not known.
    const first = word.parts[0]?.type === 'DblQuoted' ? word.parts[0].parts[0] : word.parts[0];
    const array = first?.type === 'Lit' ? /^([A-Za-z_][A-Za-z0-9_]*)\[/.exec(first.value) : null;
    return text === null && array ? anyElement(array[1] as string) : null;
  }
  let key = (m[2] as string).replace(/^"([^"]*)"$/, '$1').replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-)?\}/g, '$$$1');
  if (/[[\]`\\"']|\$(?![A-Za-z_])/.test(key)) key = UNKNOWN;
  return `${m[1]}[${key}]`;
}

/** For an element's flow name: its array, and the variables its key reads (assigning one of them
 * makes the same words name another element). Null for any other name. */
export function elementParts(name: string): { array: string; keyReads: string[]; unknown: boolean } | null {
  const open = name.indexOf('[');
  if (open <= 0 || !name.endsWith(']') || name.endsWith('[@]')) return null;
  const key = name.slice(open + 1, -1);
  const keyReads = [...key.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string);
  return { array: name.slice(0, open), keyReads, unknown: key === UNKNOWN };
}

/** The keys a variable takes from these words (a `for` list, an assignment's value), when each is
 * a plain word that neither splits nor globs; null otherwise. */
export function literalKeys(words: readonly Word[]): string[] | null {
  const keys: string[] = [];
  for (const w of words) {
    const key = keyOf(w.parts);
    if (key === null || key.includes('$') || !/^[A-Za-z0-9_.,:@%+=/-]+$/.test(key)) return null;
    keys.push(key);
  }
  return keys;
}

/** A name set where `"${!array[@]}"` lists the keys, and unset with any element of the array: while
 * it is set, each key listed is still there. (No key is empty, so no element has this name.) */
export function listedKeys(array: string): string {
  return `${array}[]`;
}

/** The element that stands for "any element of `array`": unsetting it unsets them all. */
export function anyElement(array: string): string {
  return `${array}[${UNKNOWN}]`;
}

/** The text of word parts with quotes removed and each plain `$name`/`${name}` spelled `$name`;
 * null when a part computes its text otherwise. `brackets`: `[` and `]` may be part of the text. */
function keyOf(parts: readonly WordPart[], brackets = false): string | null {
  let out = '';
  for (const p of parts) {
    let piece: string | null;
    switch (p.type) {
      case 'Lit':
        piece = brackets ? literal(p.value) : plainKey(p.value);
        break;
      case 'SglQuoted':
        // In a word that names an element, the command expands the subscript itself.
        piece = brackets ? p.value : plainKey(p.value);
        break;
      case 'DblQuoted':
        piece = p.dollar ? null : keyOf(p.parts, brackets);
        break;
      case 'ParamExp':
        // `${k:-}` and `${k-}` name the element `$k` names (they are what nounset writes for it).
        piece =
          !p.excl &&
          !p.length &&
          p.index === null &&
          p.names === null &&
          !p.slice &&
          !p.repl &&
          (!p.exp || isEmptyDefault(p.exp))
            ? `$${p.param.value}`
            : null;
        if (piece !== null && !/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(piece)) piece = null;
        break;
      default:
        piece = null;
    }
    if (piece === null) return null;
    out += piece;
  }
  return out === '' ? null : out;
}

/** Literal text that cannot be read as one of the key's `$name`s. */
function literal(text: string): string | null {
  return /[$\\`]/.test(text) ? null : text;
}

function plainKey(text: string): string | null {
  return /[$\\`[\]]/.test(text) ? null : text;
}
