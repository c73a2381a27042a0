// Shell code a script prints for another shell to run: `cat <<EOS` with `\$NAME` in its body, the
// way `pyenv init -`, `rbenv init -` and virtualenv activators print the functions and hooks that
// the user's shell evaluates (`eval "$(tool init -)"`). The escaped `$` is expanded there, not
// here, so a read of a name that shell may not have stops it under its own `set -u` (pyenv-virtualenv
// #297: `_pyenv_virtualenv_hook:2: VIRTUAL_ENV: parameter not set`). nounset fixes the printed code
// as a script of its own and reports each rewrite as a warning on the here-document: editing the
// text would change what this script prints, which its own tests may compare byte for byte.

import { type DeferredCode, emptyCode, pushLiteral, pushValue } from '../analyze/index.js';
import type { File, Node, Redirect, Stmt, Word } from '../parse/index.js';
import { forEachNode, literalValue } from '../parse/index.js';
import { holdsAt, offsetsOf } from '../text-offsets.js';
import type { Diagnostic, FixResult } from '../types/index.js';
import type { At } from './analyse-script.js';
import { suggestionWarnings } from './code-suggestions.js';

/** A here-document body's text as the shell prints it: null without an escaped `$` (no code). */
function printedText(body: NonNullable<Redirect['body']>, text: string): DeferredCode | null {
  const out = emptyCode();
  for (const part of body.parts)
    if (part.type === 'Lit') pushLiteral(out, text, part.start, part.end, 'heredoc');
    else pushValue(out);
  return out.escapedDollar ? out : null;
}

/** The command of a statement when it is `cat` with no operand: it prints its here-document. */
function printsHeredoc(stmt: Stmt): Redirect | null {
  const cmd = stmt.cmd;
  if (cmd?.type !== 'CallExpr') return null;
  const words = cmd.args;
  if (words.length !== 1 || literalValue(words[0] as Word) !== 'cat') return null;
  let heredoc: Redirect | null = null;
  for (const r of stmt.redirs) {
    if ((r.op === '<<' || r.op === '<<-') && r.body && !r.body.quoted) heredoc = r;
    // Written to a file: code only when the file is a shell's (a script, an rc or profile file).
    else if ((r.op === '>' || r.op === '>>') && !/(\.(sh|bash)|rc|profile)$/.test(literalValue(r.word) ?? ''))
      return null;
  }
  return heredoc;
}

/** Builtins that set, test, print or run code: a statement that starts with one is code, where one
 * that starts with a word of prose (`Usage:`, `Set \$HOME to…`) is not (test: each is bash's). */
export const CODE_BUILTINS: ReadonlySet<string> = new Set([
  '[',
  'test',
  'echo',
  'printf',
  'export',
  'local',
  'declare',
  'typeset',
  'readonly',
  'unset',
  'eval',
  'source',
  '.',
  'return',
  'shift',
  'set',
  'alias',
  'cd',
  'command',
  'builtin',
  'hash',
  'trap',
  'read',
  ':',
  'true',
  'false',
  'exit',
  'type',
]);

/** The spans of the statements of `code` that read as code: a compound command, a test, a
 * declaration, assignments alone, or a call of a builtin above or of a function `code` defines. */
function codeStatements(code: File): { start: number; end: number; code: boolean }[] {
  const functions = new Set<string>();
  forEachNode(code, (n) => {
    if (n.type === 'FuncDecl') functions.add(n.name.value);
  });
  const stmts: { start: number; end: number; code: boolean }[] = [];
  forEachNode(code, (n) => {
    if (n.type !== 'Stmt' || !n.cmd) return;
    const cmd = n.cmd;
    let isCode = true;
    if (cmd.type === 'CallExpr' && cmd.args.length > 0) {
      const name = literalValue(cmd.args[0] as Word) ?? '';
      isCode = CODE_BUILTINS.has(name) || functions.has(name);
    }
    stmts.push({ start: n.start, end: n.end, code: isCode });
  });
  return stmts;
}

/** Whether the innermost statement holding `[start, end)` is code. */
function inCode(stmts: readonly { start: number; end: number; code: boolean }[], start: number, end: number): boolean {
  let best: { start: number; end: number; code: boolean } | undefined;
  for (const s of stmts)
    if (s.start <= start && end <= s.end && (!best || s.end - s.start <= best.end - best.start)) best = s;
  return best?.code ?? false;
}

/** True for a `case` item whose patterns name fish: its code is fish's, which has no `${X:-}`. */
function forFish(node: Node): boolean {
  return node.type === 'CaseItem' && node.patterns.some((p) => /fish/.test(literalValue(p) ?? ''));
}

/** Warnings for the reads in printed shell code that may stop the shell running it. `fixCode`
 * fixes a text as a script of its own (fix-script.ts, never looking for printed code in it), with
 * the tree it parsed; null when it does not parse. */
export function printedCodeWarnings(
  file: File,
  text: string,
  at: At,
  fixCode: (code: string) => { readonly file: File; readonly result: FixResult } | null,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // No `\$` or no here-document, no printed code: most scripts skip the walk.
  if (!text.includes('\\$')) return out;
  const heredocs = offsetsOf(text, '<<');
  if (heredocs.length === 0) return out;
  forEachNode(file, (node) => {
    // A here-document's `<<` lies within its statement and every node around it (a body, outside
    // its own statement, is the child of a redirect that holds one): the rest is skipped.
    if (!holdsAt(heredocs, node.start, node.end) || forFish(node)) return false;
    if (node.type !== 'Stmt') return;
    const heredoc = printsHeredoc(node);
    const body = heredoc?.body;
    if (!body) return;
    const printed = printedText(body, text);
    if (!printed) return;
    const fixed = fixCode(printed.text);
    // Not shell (text for a person, or for another language), or nothing to warn of.
    if (fixed === null || !fixed.result.changed) return;
    const stmts = codeStatements(fixed.file);
    const warnings = suggestionWarnings(
      fixed.result.edits,
      text,
      at,
      'printed-code-unset',
      (e) => (inCode(stmts, e.start, e.end) ? { code: printed, offset: e.start } : null),
      (_, name, { before, after }) =>
        `${name}: the shell code this here-document prints (its \`\\$\` is expanded by the shell that runs it, as with \`eval "$(…)"\`) reads ${name}, which may be unset there: under set -u that shell stops. Printing \`${after}\` instead of \`${before}\` keeps what the code does while ${name} is set; nounset does not edit it, since what this script prints would change`,
    );
    for (const w of warnings) out.push(w);
  });
  return out;
}
