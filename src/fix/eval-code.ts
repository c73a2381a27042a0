// Code a script runs through `eval` with part of it deferred: `eval $2[$j]=\${!ref}` (bash-completion
// #44) runs `words[0]=${!ref}`, which stops bash under set -u when the element is unset, yet no
// read of it is in the script's own syntax tree. The analysis reads such code where the `eval` runs
// and plans its reads as if written there, inline (analyze/eval-probes.ts). Here the transforms
// rewrite them, and each rewrite becomes a warning with the text to write instead, at its place in
// the script. It is not an edit: what `eval` runs is parsed when the script runs, from values
// nounset does not know (a quote or a here-document in one would move the rewrite into literal
// text).

import { type Plan, probeAt } from '../analyze/index.js';
import { nestEdits, type Transform } from '../edit/index.js';
import type { Diagnostic, FixOptions } from '../types/index.js';
import type { At } from './analyse-script.js';
import { suggestionWarnings } from './code-suggestions.js';
import { editReports, runTransforms } from './transform-run.js';

/** Warnings for the reads in code the script runs through `eval` that may stop bash there, from
 * the rewrites `transforms` make of them. */
export function evalCodeWarnings(
  plan: Plan,
  text: string,
  at: At,
  transforms: readonly Transform[],
  options: Required<Pick<FixOptions, 'defaults'>>,
): Diagnostic[] {
  const probes = plan.probes;
  if (probes === null) return [];
  const code: Plan = {
    ...plan,
    text: probes.text,
    reads: probes.reads,
    arrayDeclarations: [],
    options: { ...plan.options, style: 'inline' },
  };
  // Offsets past the script's text: said as the line of the `eval` whose code they are in.
  const where = (o: number): string => `${plan.options.path ?? '<stdin>'}:${at(probeAt(probes.sites, o).start).line}`;
  const { edits } = runTransforms(code, transforms, options, where);
  const reports = editReports(probes.text, edits, nestEdits(edits).within, null);
  return suggestionWarnings(
    reports,
    text,
    at,
    'eval-code-unset',
    (e) => {
      const site = probeAt(probes.sites, e.start);
      return e.end <= site.base + site.code.text.length ? { code: site.code, offset: e.start - site.base } : null;
    },
    (e, name, { before, after }) =>
      `${name}: the code this \`eval\` runs reads \`${e.before}\`, which may be unset there: under set -u bash stops (${e.reason}). Writing \`${after}\` instead of \`${before}\` keeps what the code does while it is set; nounset does not edit it, since the code is parsed when the script runs, from values it does not know`,
  );
}
