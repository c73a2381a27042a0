// The one parse-and-plan step of a script, shared by fixScript, inspectScript and the environment
// contract (contract/), so that no caller parses the same text twice.

import { type Plan, planFixes, sharedTree } from '../analyze/index.js';
import { ParseError } from '../errors.js';
import type { Dialect, File } from '../parse/index.js';
import { detectDialect, lineColumnAt, parse, type ShellVariant } from '../parse/index.js';
import type { Diagnostic, FixOptions } from '../types/index.js';
import { generatedMarker } from './generated-file.js';
import { planOptions } from './plan-options.js';

/** The line and column of an offset in the script. */
export type At = (offset: number) => { line: number; column: number };

/** A script nounset leaves alone (another shell, or it does not parse: then `error` says where),
 * or its syntax tree and plan. */
export type ScriptAnalysis =
  | { readonly kind: 'skip'; readonly dialect: Dialect; readonly diagnostic: Diagnostic; readonly error?: ParseError }
  | {
      readonly kind: 'ok';
      readonly dialect: Dialect;
      readonly variant: ShellVariant | null;
      readonly file: File;
      readonly plan: Plan;
      readonly at: At;
    };

type Parsed =
  | { kind: 'ok'; dialect: Dialect; variant: ShellVariant | null; file: File }
  | Extract<ScriptAnalysis, { kind: 'skip' }>;

function parseScript(text: string, options: FixOptions): Parsed {
  const path = options.path ?? '<stdin>';
  const guess = detectDialect(text, options.path ?? '');
  if (!options.dialect && guess.dialect === null && guess.shell !== null) {
    const diagnostic: Diagnostic = {
      line: 1,
      column: 1,
      severity: 'info',
      code: 'unsupported-shell',
      message: `written for ${guess.shell} (from its ${guess.source}); nounset handles bash, POSIX sh, ksh and bats only, so it leaves the file alone`,
    };
    return { kind: 'skip', dialect: 'bash', diagnostic };
  }
  const dialect = options.dialect ?? guess.dialect ?? 'bash';
  const generated = options.includeGenerated ? null : generatedMarker(text);
  if (generated !== null) {
    const diagnostic: Diagnostic = {
      line: generated.line,
      column: 1,
      severity: 'info',
      code: 'generated',
      message: `generated (${JSON.stringify(generated.text)}): a fix here is lost when the file is generated again, so nounset leaves it alone; fix what it is generated from, or ask for it (--include-generated)`,
    };
    return { kind: 'skip', dialect, diagnostic };
  }
  // ksh and Bats files are parsed as bash; the variant says what runs them.
  const variant = guess.variant;
  // A library the run's scripts source was parsed there, the way it would be here.
  const shared = variant !== 'bats' && dialect === (guess.dialect ?? 'bash') ? sharedTree(path, text) : null;
  if (shared !== null) return { kind: 'ok', dialect, variant, file: shared };
  try {
    return { kind: 'ok', dialect, variant, file: parse(text, { dialect, path, bats: variant === 'bats' }) };
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    const diagnostic: Diagnostic = {
      line: err.line,
      column: err.column,
      severity: 'error',
      code: 'parse-error',
      message: `${err.reason}; nounset never rewrites a script it cannot parse`,
    };
    return { kind: 'skip', dialect, diagnostic, error: err };
  }
}

/** Parses and plans one script; pure. Throws UsageError on bad options. */
export function analyseScript(text: string, options: FixOptions): ScriptAnalysis {
  const opts = planOptions(options);
  const parsed = parseScript(text, options);
  if (parsed.kind === 'skip') return parsed;
  const plan = planFixes(text, parsed.file, { ...opts, dialect: parsed.dialect, variant: parsed.variant });
  return { ...parsed, plan, at: (o) => lineColumnAt(plan.lineStarts, o) };
}
