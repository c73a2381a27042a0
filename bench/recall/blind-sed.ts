// The "blind sed" baseline: what `sed -E 's/\$\{?([A-Za-z_][A-Za-z0-9_]*|[1-9])\}?/${\1:-}/g'`
// does to a script, except inside single quotes: every `$NAME`, `${NAME}`, `$1`…`$9` and `${N}`
// becomes `${NAME:-}`. It knows nothing else of the shell: not arrays (`${a[0]}` stays), not
// `${#x}` or `${x#…}`, not whether the variable is ever unset, not arithmetic (`$(( 2 * $N ))`
// becomes `$(( 2 * ${N:-} ))`), and, like sed, not backslashes (`\$X` is rewritten too). To find
// the single quotes it tracks `'…'`, `$'…'` and `"…"` (so `"don't"` opens nothing), skips comments,
// and reads here-document bodies as text without quotes.

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const HEREDOC = /(?<!<)<<(?!<)-?\s*\\?(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/g;

/** Rewrites `$NAME` / `${NAME}` at `i` (text[i] === '$'); returns the replacement and its end. */
function rewriteAt(text: string, i: number): { out: string; end: number } | null {
  const c = text[i + 1] ?? '';
  if (NAME_START.test(c)) {
    let j = i + 1;
    while (j < text.length && NAME_CHAR.test(text[j] ?? '')) j++;
    return { out: `\${${text.slice(i + 1, j)}:-}`, end: j };
  }
  if (/[1-9]/.test(c)) return { out: `\${${c}:-}`, end: i + 2 };
  if (c === '{') {
    const m = /^\{([A-Za-z_][A-Za-z0-9_]*|[1-9][0-9]*)\}/.exec(text.slice(i + 1, i + 80));
    if (m) return { out: `\${${m[1] ?? ''}:-}`, end: i + 1 + m[0].length };
  }
  return null;
}

/** Rewrites every expansion in a here-document body line (no quotes there). */
function rewriteBodyLine(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const r = line[i] === '$' ? rewriteAt(line, i) : null;
    if (r) {
      out += r.out;
      i = r.end - 1;
    } else out += line[i];
  }
  return out;
}

/** The blind rewrite of a whole script. */
export function blindSed(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let single = false;
  // inside $'…', where a backslash escapes the next character (\' among them)
  let ansi = false;
  let double = false;
  const pending: { word: string; dash: boolean }[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? '';
    const doc = pending[0];
    if (doc && !single && !double) {
      const end = doc.dash ? line.replace(/^\t+/, '') : line;
      if (end === doc.word) pending.shift();
      out.push(end === doc.word ? line : rewriteBodyLine(line));
      continue;
    }
    let o = '';
    for (let i = 0; i < line.length; i++) {
      const ch = line[i] ?? '';
      if (single) {
        o += ch;
        if (ansi && ch === '\\') {
          o += line[i + 1] ?? '';
          i++;
        } else if (ch === "'") {
          single = false;
          ansi = false;
        }
        continue;
      }
      if (ch === '\\') {
        // A backslash hides a quote from the quote tracking; sed itself would still see `\$X`.
        const next = line[i + 1] ?? '';
        if (next === "'" || next === '"' || next === '\\') {
          o += ch + next;
          i++;
          continue;
        }
        o += ch;
        continue;
      }
      if (ch === "'" && !double) {
        single = true;
        o += ch;
        continue;
      }
      if (ch === '"') {
        double = !double;
        o += ch;
        continue;
      }
      if (ch === '#' && !double && (i === 0 || /[\s;&|(]/.test(line[i - 1] ?? ''))) {
        o += line.slice(i);
        break;
      }
      if (ch === '$' && line[i + 1] === "'" && !double) {
        single = true;
        ansi = true;
        o += "$'";
        i++;
        continue;
      }
      if (ch === '$') {
        const r = rewriteAt(line, i);
        if (r) {
          o += r.out;
          i = r.end - 1;
          continue;
        }
      }
      o += ch;
    }
    if (!single && !double) {
      for (const m of line.matchAll(HEREDOC)) pending.push({ word: m[2] ?? '', dash: (m[0] ?? '').startsWith('<<-') });
    }
    out.push(o);
  }
  return out.join('\n');
}
