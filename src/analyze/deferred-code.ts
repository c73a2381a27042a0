// Shell code this script builds as text for a shell to parse later: a here-document it prints
// (fix/printed-code.ts) or the arguments of an `eval` (eval-probes.ts). The code is read as that
// shell will get it, each character with where in the script it comes from and how it is quoted
// there, so that a rewrite nounset finds in the code can be given back as text to write in the
// script (fix/code-suggestions.ts).

/** How a character of the code is written in the script: in a here-document body, unquoted, in
 * double or single quotes, or not at all (a value the script expands, a space between arguments). */
export type CodeQuoting = 'heredoc' | 'none' | 'dq' | 'sq' | 'value';

/** The code, and for each of its characters where in the script it comes from, as a start and an
 * end (-1 for a value; an escaped character comes from its backslash and itself), and its quoting. */
export interface DeferredCode {
  text: string;
  readonly from: number[];
  readonly to: number[];
  readonly quoting: CodeQuoting[];
  /** Whether a backslash-escaped `$` is in it: a `$` this script leaves for the code. */
  escapedDollar: boolean;
}

/** Stands for a value this script expands into the code: a plain word, so the code around it
 * parses as it would with any simple value. */
const PLACEHOLDER = 'nounsetValue';

/** Characters `\` escapes, besides a newline (which it removes), where it does not escape any. */
const ESCAPES: Readonly<Record<'heredoc' | 'dq', ReadonlySet<string>>> = {
  heredoc: new Set(['$', '`', '\\']),
  dq: new Set(['$', '`', '"', '\\']),
};

export function emptyCode(): DeferredCode {
  return { text: '', from: [], to: [], quoting: [], escapedDollar: false };
}

export function pushChar(out: DeferredCode, c: string, from: number, to: number, quoting: CodeQuoting): void {
  out.text += c;
  out.from.push(from);
  out.to.push(to);
  out.quoting.push(quoting);
}

/** Appends the characters of `[start, end)` of `text` as the shell gives them on: a backslash
 * escapes any character unquoted, only some in a here-document body or double quotes. */
export function pushLiteral(
  out: DeferredCode,
  text: string,
  start: number,
  end: number,
  quoting: 'heredoc' | 'none' | 'dq',
): void {
  for (let i = start; i < end; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (
      c === '\\' &&
      i + 1 < end &&
      next !== undefined &&
      (quoting === 'none' || next === '\n' || ESCAPES[quoting].has(next))
    ) {
      if (next === '$') out.escapedDollar = true;
      if (next !== '\n') pushChar(out, next, i, i + 2, quoting);
      i++;
      continue;
    }
    pushChar(out, c, i, i + 1, quoting);
  }
}

/** Appends a value this script expands there. */
export function pushValue(out: DeferredCode): void {
  for (const c of PLACEHOLDER) pushChar(out, c, -1, -1, 'value');
}
