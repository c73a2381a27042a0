// One script in, the fixed script out: analyse (analyse-script.ts), run the transforms, apply the
// edits, and prove the output (verify-output.ts). Pure: no file system, console, clock or environment.

import { transforms } from '../../transforms/index.js';
import { isFileDisabled } from '../analyze/index.js';
import { applyEdits, nestEdits } from '../edit/index.js';
import type { File } from '../parse/index.js';
import type { Diagnostic, FixOptions, FixResult } from '../types/index.js';
import { analyseScript, type ScriptAnalysis } from './analyse-script.js';
import { evalCodeWarnings } from './eval-code.js';
import { byPosition, disabledNote, planDiagnostics, toDiagnostic } from './plan-diagnostics.js';
import { printedCodeWarnings } from './printed-code.js';
import { editReports, runTransforms } from './transform-run.js';
import { verifyOutput } from './verify-output.js';

/** Fixes one script's text: returns the new text, the edits with reasons, the environment inputs
 * and diagnostics. Never throws on bad shell (the script is returned unchanged with a diagnostic);
 * throws UsageError on bad options and EditConflictError on a bug. */
export function fixScript(text: string, options: FixOptions = {}): FixResult {
  return fixAnalysis(text, analyseScript(text, options), options);
}

/** Fixes shell code the script prints for another shell (printed-code.ts): a script of its own,
 * whose functions that shell may call with any arguments, run where set -u may be on unless the
 * code is a whole script (`#!`) that says; with its tree, or null when it does not parse. */
function fixPrintedCode(code: string, options: FixOptions): { file: File; result: FixResult } | null {
  const opts: FixOptions = {
    dialect: 'bash',
    style: 'inline',
    keepLineNumbers: true,
    library: true,
    ...(code.startsWith('#!') ? {} : { nounsetAtStart: 'unknown' as const }),
    ...(options.ignore ? { ignore: options.ignore } : {}),
    ...(options.bashVersion ? { bashVersion: options.bashVersion } : {}),
  };
  const parsed = analyseScript(code, opts);
  if (parsed.kind === 'skip') return null;
  return { file: parsed.file, result: fixAnalysis(code, parsed, opts, false) };
}

/** fixScript's answer from an analysis of `text` with `options` already made; `codeItRuns`: look
 * for shell code it prints (off for such code itself). */
export function fixAnalysis(text: string, parsed: ScriptAnalysis, options: FixOptions, codeItRuns = true): FixResult {
  const unchanged = (diagnostics: Diagnostic[], extra: Partial<FixResult> = {}): FixResult => ({
    output: text,
    changed: false,
    dialect: parsed.dialect,
    edits: [],
    inputs: [],
    diagnostics,
    ...extra,
  });
  if (parsed.kind === 'skip') return unchanged([parsed.diagnostic]);
  if (isFileDisabled(parsed.file)) {
    return unchanged([disabledNote()]);
  }
  const { plan, at } = parsed;
  const opts = plan.options;
  const diagnostics = planDiagnostics(plan, at);
  if (plan.site.kind === 'malformed') return unchanged(diagnostics, { inputs: plan.inputs });
  if (codeItRuns) {
    diagnostics.push(...printedCodeWarnings(parsed.file, text, at, (code) => fixPrintedCode(code, options)));
    diagnostics.push(...evalCodeWarnings(plan, text, at, transforms, { defaults: opts.defaults }));
  }
  const describe = (o: number): string => `${options.path ?? '<stdin>'}:${at(o).line}:${at(o).column}`;
  const { edits, findings } = runTransforms(plan, transforms, { defaults: opts.defaults }, describe);
  for (const f of findings) diagnostics.push(toDiagnostic(f, at));
  const output = applyEdits(text, edits);
  const nested = nestEdits(edits);
  const problem =
    edits.length === 0
      ? null
      : verifyOutput({
          input: parsed.file,
          inputText: text,
          handlers: plan.trapHandlerStarts,
          output,
          edits,
          nested,
          dialect: parsed.dialect,
          bats: parsed.variant === 'bats',
          path: options.path ?? '<stdin>',
        });
  if (problem) {
    diagnostics.push({
      line: 1,
      column: 1,
      severity: 'error',
      code: 'unsafe-edit',
      message: `${problem}; nounset leaves the file alone (please report this)`,
    });
    return unchanged(diagnostics.sort(byPosition), { inputs: plan.inputs });
  }
  const reports = editReports(text, edits, nested.within, at);
  return {
    output,
    changed: output !== text,
    dialect: parsed.dialect,
    edits: reports,
    inputs: plan.inputs,
    diagnostics: diagnostics.sort(byPosition),
  };
}
