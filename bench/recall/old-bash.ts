// The static judge for bugs of bash older than 4.4, which bash 5 cannot trigger: there, expanding
// an empty array (`"${a[@]}"`, `${a[*]}`, `"${a[@]/#/@}"`; and, in 3.2, the braced `"${@}"` with
// no arguments, while `"$@"` and `"${@:1}"` pass, as tfenv#532 reports)
// under `set -u` aborts. A name counts as made safe when no expansion of it is left unguarded:
// every one sits inside `${a[@]+…}` (or `${a+…}`, `${a:+…}`, `${a[@]-…}`), or behind a test of its
// length (`${#a[@]}`, `$#` for `@`) on the same line or in the condition of an enclosing if. A
// heuristic over the text, not a parse: it is what a reviewer would grep for.

export interface Unguarded {
  readonly line: number;
  readonly text: string;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Expansions of the whole array (or of `$@`), as offsets in the text. */
function expansions(text: string, name: string): { start: number; end: number }[] {
  const re = name === '@' ? /\$\{@\}/g : new RegExp(`\\$\\{${escapeRe(name)}\\[[@*]\\](?=[}:/#%^,])`, 'g');
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    const after = text.slice(start + m[0].length, start + m[0].length + 2);
    // `${a[@]:-…}` and `${a[@]:+…}` are guards, not slices.
    if (after === ':-' || after === ':+') continue;
    out.push({ start, end: start + m[0].length });
  }
  return out;
}

/** Spans of `${a[@]+word}`-like guards: what they contain runs only when the array has elements. */
function guardSpans(text: string, name: string): { start: number; end: number }[] {
  const heads =
    name === '@'
      ? [/\$\{@:?\+/g, /\$\{1:?\+/g, /\$\{@:?-/g]
      : [new RegExp(`\\$\\{${escapeRe(name)}(\\[[@*0]\\])?:?[+-]`, 'g')];
  const out: { start: number; end: number }[] = [];
  for (const re of heads) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      let depth = 0;
      let end = text.length;
      for (let i = start + 1; i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}') {
          depth--;
          if (depth === 0) {
            end = i + 1;
            break;
          }
        }
      }
      out.push({ start, end });
    }
  }
  return out;
}

function lengthTest(name: string): RegExp {
  return name === '@' ? /\$#|\$\{#\}/ : new RegExp(`\\$\\{#${escapeRe(name)}\\[[@*]\\]\\}`);
}

/** Lines inside an if/elif/else whose condition tests the length (1-based line numbers). */
function lengthGuardedLines(lines: readonly string[], name: string): Set<number> {
  const test = lengthTest(name);
  const guarded = new Set<number>();
  const stack: boolean[] = [];
  lines.forEach((line, i) => {
    const code = line.replace(/(^|\s)#.*$/, '');
    const opens = /(^|[;\s])if\s/.test(code) && !/\bfi\b/.test(code);
    if (opens) stack.push(test.test(code));
    else if (/(^|[;\s])elif\s/.test(code) && stack.length > 0 && test.test(code)) stack[stack.length - 1] = true;
    if (stack.some(Boolean)) guarded.add(i + 1);
    if (/(^|[;\s])fi\b/.test(code) && !opens) stack.pop();
  });
  return guarded;
}

/** Every expansion of `name` that an old bash would abort on when it is empty. */
export function findUnguarded(text: string, name: string): Unguarded[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const spans = guardSpans(text, name);
  const byIf = lengthGuardedLines(lines, name);
  const test = lengthTest(name);
  const out: Unguarded[] = [];
  for (const e of expansions(text, name)) {
    const line = lineOf(e.start);
    const lineText = lines[line - 1] ?? '';
    if (/^\s*#/.test(lineText)) continue;
    if (spans.some((s) => s.start < e.start && e.end <= s.end)) continue;
    if (byIf.has(line)) continue;
    const before = lineText.slice(0, e.start - (starts[line - 1] ?? 0));
    if (test.test(before)) continue;
    out.push({ line, text: lineText.trim() });
  }
  return out;
}
