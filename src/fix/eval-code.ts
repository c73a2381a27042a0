// Code a script runs through `eval` with part of it deferred: `eval $2[$j]=\${!ref}` (bash-completion
// #44) runs `words[0]=${!ref}`, which stops bash under set -u when the element is unset, yet no
// read of it is in the script's own syntax tree. nounset reads such code as the shell will (the
// escapes removed, this script's own expansions standing for a plain word), puts it in place of
// the `eval` in a copy of the script, and analyses that copy: a read in the code gets the verdict a
// read written there would get, with the state the script has at that point. Each rewrite becomes
// a warning with the text to write instead, at its place in the script. It is not an edit: what
// `eval` runs is parsed when the script runs, from values nounset does not know (a quote or a
// here-document in one would move the rewrite into literal text).

import { outermostEdits } from '../edit/index.js';
import { ParseError } from '../errors.js';
import type { File, Node, Stmt, Word } from '../parse/index.js';
import { forEachNode, literalValue, parse } from '../parse/index.js';
import type { Diagnostic, EditReport, FixResult } from '../types/index.js';
import { holdsAt, offsetsOf } from './text-offsets.js';

type At = (offset: number) => { line: number; column: number };

/** How a character of the evaluated code is written in the script: unquoted, in double or single
 * quotes, or not at all (a value the script expands, or the space between two arguments). */
type Quoting = 'none' | 'dq' | 'sq' | 'value';

/** The code one `eval` runs, and for each character where in the script it comes from. */
interface EvalText {
  text: string;
  readonly from: number[];
  readonly to: number[];
  readonly quoting: Quoting[];
}

/** Stands for a value this script expands into the code: a plain word (as in printed-code.ts). */
const PLACEHOLDER = 'nounsetValue';

/** Characters `\` escapes inside double quotes (and a newline, which it removes). */
const DQ_ESCAPED = new Set(['$', '`', '"', '\\', '\n']);

function push(out: EvalText, c: string, from: number, to: number, quoting: Quoting): void {
  out.text += c;
  out.from.push(from);
  out.to.push(to);
  out.quoting.push(quoting);
}

/** Appends the characters of `[start, end)` of `text` as the shell gives them to eval: a
 * backslash escapes any character unquoted, only DQ_ESCAPED ones in double quotes. */
function pushLiteral(out: EvalText, text: string, start: number, end: number, quoting: 'none' | 'dq'): void {
  for (let i = start; i < end; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '\\' && i + 1 < end && next !== undefined && (quoting === 'none' || DQ_ESCAPED.has(next))) {
      if (next !== '\n') push(out, next, i, i + 2, quoting);
      i++;
      continue;
    }
    push(out, c, i, i + 1, quoting);
  }
}

function pushValue(out: EvalText): void {
  for (const c of PLACEHOLDER) push(out, c, -1, -1, 'value');
}

/** The code an `eval` with these arguments runs, or null when nounset cannot read it: a `$'…'`,
 * code over several lines, a comment or a here-document (the copy must keep the script's lines). */
function evalText(args: readonly Word[], text: string): EvalText | null {
  const out: EvalText = { text: '', from: [], to: [], quoting: [] };
  for (const [k, word] of args.entries()) {
    if (k > 0) push(out, ' ', -1, -1, 'value');
    for (const part of word.parts) {
      if (part.type === 'Lit') pushLiteral(out, text, part.start, part.end, 'none');
      else if (part.type === 'SglQuoted') {
        if (part.dollar) return null;
        for (let i = 0; i < part.value.length; i++)
          push(out, part.value[i] as string, part.start + 1 + i, part.start + 2 + i, 'sq');
      } else if (part.type === 'DblQuoted') {
        if (part.dollar) return null;
        for (const inner of part.parts) {
          if (inner.type === 'Lit') pushLiteral(out, text, inner.start, inner.end, 'dq');
          else pushValue(out);
        }
      } else pushValue(out);
    }
  }
  if (/[\n#]|<</.test(out.text)) return null;
  // Nothing deferred (every `$` was expanded by this script): nothing of its own to read.
  for (let i = 0; i < out.text.length; i++) if (out.text[i] === '$' && out.quoting[i] !== 'value') return out;
  return null;
}

/** The `eval` statements whose code nounset can read in place: a simple command of its own in a
 * list (not a pipeline's or `&&`'s part, whose grouping the code could change), with no
 * redirection, not in backquotes (whose text is unescaped before it is parsed). */
function evalStatements(file: File, text: string): { stmt: Stmt; code: EvalText }[] {
  const out: { stmt: Stmt; code: EvalText }[] = [];
  const words = offsetsOf(text, 'eval');
  forEachNode(file, (node: Node, parent: Node | null) => {
    // Only nodes that hold an `eval` are looked into: the walk stays off the rest of a big script.
    if (!holdsAt(words, node.start, node.end)) return false;
    if (node.type === 'CmdSubst' && node.backquotes) return false;
    if (node.type !== 'Stmt' || parent?.type === 'BinaryCmd') return;
    const cmd = node.cmd;
    if (cmd?.type !== 'CallExpr' || cmd.assigns.length > 0 || cmd.args.length < 2) return;
    if (node.redirs.length > 0 || node.negated || node.background) return;
    if (literalValue(cmd.args[0] as Word) !== 'eval') return;
    const code = evalText(cmd.args.slice(1), text);
    if (!code || !namesARead(code)) return;
    out.push({ stmt: node, code });
    // An eval inside its arguments is part of the code this one runs, replaced with it.
    return false;
  });
  return out;
}

/** Whether the code holds a read whose name it spells out (`${!ref}`, `$2`), the only kind a
 * warning can be about (`\$$name` reads a name this script makes): found on the code alone, so
 * that most `eval`s cost no analysis of a copy. Arithmetic counts as such a read. */
function namesARead(code: EvalText): boolean {
  if (/\(\(|\$\[|\blet\b/.test(code.text)) return true;
  let tree: File;
  try {
    tree = parse(code.text, { dialect: 'bash' });
  } catch (err) {
    if (err instanceof ParseError) return false;
    throw err;
  }
  let found = false;
  forEachNode(tree, (node) => {
    if (found) return false;
    if (node.type !== 'ParamExp') return;
    for (let i = node.start; i < node.param.end; i++) if (code.quoting[i] === 'value') return;
    found = true;
  });
  return found;
}

/** `after` written where `quoting` says, so that eval gets `after`; null when it cannot be. */
function written(after: string, quoting: Quoting): string | null {
  if (quoting === 'sq') return after.includes("'") ? null : after;
  if (quoting === 'dq') return after.replace(/[$`"\\]/g, '\\$&');
  // Unquoted: each character the shell would treat as special is escaped; `{a,b}` and `{1..3}`
  // would expand, so a comma and `..` are refused.
  if (after.includes('..')) return null;
  return after.replace(/[$`"'\\\s;&|<>()*?#~,]/g, '\\$&');
}

/** Warnings for the reads in code the script runs through `eval` that may stop bash there.
 * `fixCode` fixes a copy of the script (inline, the same options, never looking for eval code in
 * it); null when the copy does not parse. */
export function evalCodeWarnings(
  file: File,
  text: string,
  at: At,
  fixCode: (copy: string) => FixResult | null,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const evals = evalStatements(file, text);
  if (evals.length === 0) return out;
  // The copy: each eval command replaced by the code it runs (on the same line).
  let copy = '';
  let last = 0;
  const spans: { start: number; end: number; code: EvalText }[] = [];
  for (const { stmt, code } of evals) {
    const cmd = stmt.cmd as Node;
    copy += text.slice(last, cmd.start);
    spans.push({ start: copy.length, end: copy.length + code.text.length, code });
    copy += code.text;
    last = cmd.end;
  }
  copy += text.slice(last);
  const fixed = fixCode(copy);
  if (fixed === null) return out;
  const outer = outermostEdits(fixed.edits).map((i) => fixed.edits[i] as EditReport);
  for (const e of outer) {
    const span = spans.find((s) => s.start <= e.start && e.end <= s.end);
    if (!span || e.kind === 'env-init-block' || e.end <= e.start) continue;
    const { from, to, quoting } = span.code;
    const a = e.start - span.start;
    const b = e.end - span.start;
    const q = quoting[a] as Quoting;
    // One way of writing all through (no value of the script, no change of quotes inside).
    if (q === 'value' || quoting.slice(a, b).some((x) => x !== q)) continue;
    const start = from[a] as number;
    const end = to[b - 1] as number;
    const after = written(e.after, q);
    if (after === null) continue;
    const before = text.slice(start, end);
    const name = e.variable ?? 'it';
    out.push({
      ...at(start),
      severity: 'warning',
      code: 'eval-code-unset',
      message: `${name}: the code this \`eval\` runs reads \`${e.before}\`, which may be unset there: under set -u bash stops (${e.reason}). Writing \`${after}\` instead of \`${before}\` keeps what the code does while it is set; nounset does not edit it, since the code is parsed when the script runs, from values it does not know`,
      suggestion: { start, end, before, after },
    });
  }
  return out;
}
