// Code a script runs through `eval` with part of it deferred: `eval $2[$j]=\${!ref}` (bash-completion
// #44) runs `words[0]=${!ref}`, which stops bash under set -u when the element is unset, yet no
// read of it is in the script's own syntax tree. nounset reads such code as the shell will (the
// escapes removed, this script's own expansions standing for a plain word), puts it in place of
// the `eval` in a copy of the script, and analyses that copy: a read in the code gets the verdict a
// read written there would get, with the state the script has at that point. Each rewrite becomes
// a warning with the text to write instead, at its place in the script. It is not an edit: what
// `eval` runs is parsed when the script runs, from values nounset does not know (a quote or a
// here-document in one would move the rewrite into literal text).

import { ParseError } from '../errors.js';
import type { File, Node, Stmt, Word } from '../parse/index.js';
import { forEachNode, literalValue, parse } from '../parse/index.js';
import type { Diagnostic, FixResult } from '../types/index.js';
import type { At } from './analyse-script.js';
import { type DeferredCode, emptyCode, pushChar, pushLiteral, pushValue, suggestionWarnings } from './deferred-code.js';
import { holdsAt, offsetsOf } from './text-offsets.js';

/** The code an `eval` with these arguments runs, or null when nounset cannot read it: a `$'…'`,
 * code over several lines, a comment or a here-document (the copy must keep the script's lines). */
function evalText(args: readonly Word[], text: string): DeferredCode | null {
  const out = emptyCode();
  for (const [k, word] of args.entries()) {
    if (k > 0) pushChar(out, ' ', -1, -1, 'value');
    for (const part of word.parts) {
      if (part.type === 'Lit') pushLiteral(out, text, part.start, part.end, 'none');
      else if (part.type === 'SglQuoted') {
        if (part.dollar) return null;
        for (let i = 0; i < part.value.length; i++)
          pushChar(out, part.value[i] as string, part.start + 1 + i, part.start + 2 + i, 'sq');
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
function evalStatements(file: File, text: string): { stmt: Stmt; code: DeferredCode }[] {
  const out: { stmt: Stmt; code: DeferredCode }[] = [];
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
function namesARead(code: DeferredCode): boolean {
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

/** Warnings for the reads in code the script runs through `eval` that may stop bash there.
 * `fixCode` fixes a copy of the script (inline, the same options, never looking for eval code in
 * it); null when the copy does not parse. */
export function evalCodeWarnings(
  file: File,
  text: string,
  at: At,
  fixCode: (copy: string) => FixResult | null,
): Diagnostic[] {
  const evals = evalStatements(file, text);
  if (evals.length === 0) return [];
  // The copy: each eval command replaced by the code it runs (on the same line).
  let copy = '';
  let last = 0;
  const spans: { start: number; end: number; code: DeferredCode }[] = [];
  for (const { stmt, code } of evals) {
    const cmd = stmt.cmd as Node;
    copy += text.slice(last, cmd.start);
    spans.push({ start: copy.length, end: copy.length + code.text.length, code });
    copy += code.text;
    last = cmd.end;
  }
  copy += text.slice(last);
  const fixed = fixCode(copy);
  if (fixed === null) return [];
  return suggestionWarnings(
    fixed.edits,
    text,
    at,
    'eval-code-unset',
    (e) => {
      const span = spans.find((s) => s.start <= e.start && e.end <= s.end);
      return span ? { code: span.code, offset: e.start - span.start } : null;
    },
    (e, name, { before, after }) =>
      `${name}: the code this \`eval\` runs reads \`${e.before}\`, which may be unset there: under set -u bash stops (${e.reason}). Writing \`${after}\` instead of \`${before}\` keeps what the code does while it is set; nounset does not edit it, since the code is parsed when the script runs, from values it does not know`,
  );
}
