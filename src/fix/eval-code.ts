// Code a script runs through `eval` with part of it deferred: `eval $2[$j]=\${!ref}` (bash-completion
// #44) runs `words[0]=${!ref}`, which stops bash under set -u when the element is unset, yet no
// read of it is in the script's own syntax tree. The analysis reads such code where the `eval` runs
// and plans its reads as if written there, inline (analyze/eval-probes.ts). Here the transforms
// rewrite them, and each rewrite becomes a warning with the text to write instead, at its place in
// the script. It is not an edit: what `eval` runs is parsed when the script runs, from values
// nounset does not know (a quote or a here-document in one would move the rewrite into literal
// text).

import type { Plan } from '../analyze/index.js';
import { type Edit, nestEdits, renderSpan, sortEdits } from '../edit/index.js';
import type { Diagnostic, EditReport, FixOptions } from '../types/index.js';
import type { At } from './analyse-script.js';
import { suggestionWarnings } from './code-suggestions.js';

type Transforms = readonly {
  readonly name: string;
  run(plan: Plan, options: Required<Pick<FixOptions, 'defaults'>>): { edits: Omit<Edit, 'transform'>[] };
}[];

/** Warnings for the reads in code the script runs through `eval` that may stop bash there, from
 * the rewrites `transforms` make of them. */
export function evalCodeWarnings(
  plan: Plan,
  text: string,
  at: At,
  transforms: Transforms,
  options: Required<Pick<FixOptions, 'defaults'>>,
): Diagnostic[] {
  const probes = plan.probes;
  if (probes === null || !probes.reads.some((p) => p.fix === 'default' || p.fix === 'require')) return [];
  const code: Plan = {
    ...plan,
    text: probes.text,
    reads: probes.reads,
    arrayDeclarations: [],
    options: { ...plan.options, style: 'inline' },
  };
  const raw: Edit[] = [];
  for (const t of transforms)
    for (const e of t.run(code, options).edits)
      raw.push({
        start: e.start,
        end: e.end,
        changes: e.changes,
        kind: e.kind,
        variable: e.variable,
        reason: e.reason,
        transform: t.name,
      });
  // Offsets past the script's text: said as the line of the `eval` whose code they are in.
  const edits = sortEdits(raw, (o) => `${plan.options.path ?? '<stdin>'}:${at(siteOf(plan, o).start).line}`);
  const { within } = nestEdits(edits);
  const reports: EditReport[] = edits.map((e) => ({
    line: 0,
    column: 0,
    variable: e.variable,
    kind: e.kind,
    before: probes.text.slice(e.start, e.end),
    after: renderSpan(probes.text, e.start, e.end, within.get(e) ?? []),
    reason: e.reason,
    start: e.start,
    end: e.end,
  }));
  return suggestionWarnings(
    reports,
    text,
    at,
    'eval-code-unset',
    (e) => {
      const site = siteOf(plan, e.start);
      return e.end <= site.base + site.code.text.length ? { code: site.code, offset: e.start - site.base } : null;
    },
    (e, name, { before, after }) =>
      `${name}: the code this \`eval\` runs reads \`${e.before}\`, which may be unset there: under set -u bash stops (${e.reason}). Writing \`${after}\` instead of \`${before}\` keeps what the code does while it is set; nounset does not edit it, since the code is parsed when the script runs, from values it does not know`,
  );
}

/** The probe whose code holds `offset`. */
function siteOf(plan: Plan, offset: number): NonNullable<Plan['probes']>['sites'][number] {
  const sites = (plan.probes as NonNullable<Plan['probes']>).sites;
  let found = sites[0] as (typeof sites)[number];
  for (const s of sites) if (s.base <= offset) found = s;
  return found;
}
