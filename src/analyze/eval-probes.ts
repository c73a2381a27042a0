// Code a script runs through `eval` with part of it deferred: `eval $2[$j]=\${!ref}` (bash-completion
// #44) runs `words[0]=${!ref}`, which stops bash under set -u when the element is unset, yet no
// read of it is in the script's own syntax tree. nounset reads such code as the shell will (the
// escapes removed, this script's own expansions standing for a plain word) and parses it past the
// end of the script's text, each code at an offset of its own. The model puts its events where the
// `eval` runs, as a probe (model.ts): the walk runs them on a copy of the state there, so a read in
// the code gets the verdict a read written there would get, and what the code does changes nothing
// else (the `eval` itself is modelled as before). fix/eval-code.ts turns each rewrite of such a read
// into a warning with the text to write in the script.

import { ParseError } from '../errors.js';
import type { File, Node, Word } from '../parse/index.js';
import { forEachNode, literalValue, parseAt } from '../parse/index.js';
import { holdsAt, offsetsOf } from '../text-offsets.js';
import { type DeferredCode, emptyCode, pushChar, pushLiteral, pushValue } from './deferred-code.js';
import type { Probe } from './model.js';

/** One `eval` whose code nounset reads: the code, its tree (at `base`), and where it starts. */
export interface EvalProbeSite {
  readonly code: DeferredCode;
  readonly tree: File;
  readonly base: number;
}

/** The probes of a script: its text followed by each code (a newline before each, at its base), and
 * the site of each `eval`, by its first word. */
export interface EvalProbes {
  readonly text: string;
  readonly sites: ReadonlyMap<Word, EvalProbeSite>;
}

/** The `eval`s of a script whose code nounset can read where it runs (null when there is none):
 * not in backquotes (whose text is unescaped before it is parsed), with code that parses and reads
 * a name it spells out. In a pipeline, a list, a condition or the background, the code runs where
 * the `eval` does, and the walk of the model takes it there (the text is never changed, so the
 * code cannot change how the script's commands group). */
export function evalProbes(file: File, text: string): EvalProbes | null {
  const words = offsetsOf(text, 'eval');
  if (words.length === 0) return null;
  const sites = new Map<Word, EvalProbeSite>();
  let all = text;
  forEachNode(file, (node: Node) => {
    // Only nodes that hold an `eval` are looked into: the walk stays off the rest of a big script.
    if (!holdsAt(words, node.start, node.end)) return false;
    if (node.type === 'CmdSubst' && node.backquotes) return false;
    if (node.type !== 'Stmt') return;
    const cmd = node.cmd;
    if (cmd?.type !== 'CallExpr' || cmd.assigns.length > 0 || cmd.args.length < 2) return;
    const first = cmd.args[0] as Word;
    if (literalValue(first) !== 'eval') return;
    const code = evalText(cmd.args.slice(1), text);
    if (code === null) return;
    const base = all.length + 1;
    const tree = parseCode(code, base, file.dialect);
    if (tree === null || !namesARead(code, tree, base)) return;
    sites.set(first, { code, tree, base });
    all += `\n${code.text}`;
    // An eval inside its arguments is part of the code this one runs.
    return false;
  });
  return sites.size === 0 ? null : { text: all, sites };
}

/** The code an `eval` with these arguments runs, or null when nounset cannot read it: a `$'…'`,
 * code over several lines, a comment or a here-document (each code stands on its eval's line), or
 * code with nothing deferred (every `$` expanded by this script: nothing of its own to read). */
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
  for (let i = 0; i < out.text.length; i++) if (out.text[i] === '$' && out.quoting[i] !== 'value') return out;
  return null;
}

function parseCode(code: DeferredCode, base: number, dialect: File['dialect']): File | null {
  try {
    return parseAt(code.text, base, { dialect });
  } catch (err) {
    if (err instanceof ParseError) return null;
    throw err;
  }
}

/** Whether the code holds a read whose name it spells out (`${!ref}`, `$2`), the only kind a
 * warning can be about (`\$$name` reads a name this script makes). Arithmetic counts as such a
 * read. Most `eval`s have none: they cost the walk nothing. */
function namesARead(code: DeferredCode, tree: File, base: number): boolean {
  if (/\(\(|\$\[|\blet\b/.test(code.text)) return true;
  let found = false;
  forEachNode(tree, (node) => {
    if (found) return false;
    if (node.type !== 'ParamExp') return;
    for (let i = node.start; i < node.param.end; i++) if (code.quoting[i - base] === 'value') return;
    found = true;
  });
  return found;
}

/** The probe whose code holds `offset` (past the script's text), from probes sorted by base. */
export function probeAt(probes: readonly Probe[], offset: number): Probe {
  let lo = 0;
  let hi = probes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((probes[mid] as Probe).base <= offset) lo = mid;
    else hi = mid - 1;
  }
  return probes[lo] as Probe;
}
