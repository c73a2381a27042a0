// The summary comment of a pull request review: what cannot be inline (the env-init block
// patches, what lies outside the diff or over the per-review limit), every place that runs a
// changed script or that the PR changes, and the diagnostics, kept under GitHub's comment size.

import { type ContractReview, commandOf } from './contract-review.js';
import { docsUrl } from './docs-url.js';
import { block } from './markdown.js';
import type { FileReview } from './review-file.js';

export const SUMMARY_MARKER = '<!-- nounset:summary -->';

function placesSection(contracts: ContractReview): string | null {
  if (contracts.places.length === 0 && contracts.skipped.length === 0) return null;
  const lines = contracts.places.map((p) => {
    const verdict =
      p.missing.length > 0
        ? `does not set ${p.missing.map((n) => `\`${n}\``).join(', ')}, which the script may stop on under \`set -u\``
        : 'sets every input it needs';
    const notes = p.notes.map((n) => `\n  - ${n}`).join('');
    return `- \`${p.file}:${p.line}\` ${p.what} runs \`${commandOf(p)}\`${p.changed ? ' (changed here)' : ''}: ${verdict}${notes}`;
  });
  const skipped = contracts.skipped.map((s) => `- \`${s.path}\`: not checked: ${s.reason}`);
  return `#### Environment contracts: where the scripts run\n\n${[...lines, ...skipped].join('\n')}`;
}

export function summary(
  files: readonly FileReview[],
  contracts: ContractReview,
  counts: { comments: number; already: number; total: number; inSummary: readonly string[] },
  maxBody: number,
): string {
  const blocks = files.filter((f) => f.block);
  const diagnostics = files.flatMap((f) => f.diagnostics.map((d) => ({ f, d })));
  const findings = contracts.findings.length;
  const head = [
    SUMMARY_MARKER,
    `### nounset: ${counts.total} finding${counts.total === 1 ? '' : 's'} in ${new Set([...files.filter((f) => f.suggestions.length > 0 || f.block).map((f) => f.path), ...contracts.findings.map((f) => f.place.file)]).size} file(s)${findings > 0 ? `; ${findings} input(s) missing where the scripts run, in ${new Set(contracts.findings.map((f) => `${f.place.file}\0${f.place.what}`)).size} place(s)` : ''}`,
    '',
    `Reads that may find a variable unset stop a script running under \`set -u\`. ${counts.comments} comment(s) are inline below${counts.already > 0 ? `, ${counts.already} were posted before` : ''}${counts.inSummary.length > 0 ? `, ${counts.inSummary.length} are listed here` : ''}.`,
  ];
  const sections: string[] = [];
  const places = placesSection(contracts);
  if (places) sections.push(places);
  for (const f of blocks) {
    sections.push(
      `#### \`${f.path}\`: declare its environment inputs\n\n${f.block?.edit.reason ?? ''}\n\n${block('diff', (f.block?.patch ?? '').replace(/\n$/, ''))}`,
    );
  }
  sections.push(...counts.inSummary);
  if (diagnostics.length > 0) {
    sections.push(
      `#### Diagnostics\n\n${diagnostics.map(({ f, d }) => `- \`${f.path}:${d.line}:${d.column}\` ${d.severity} [${d.code}](${docsUrl(d.code)}): ${d.message}`).join('\n')}`,
    );
  }
  let body = head.join('\n');
  let shown = 0;
  for (const section of sections) {
    const rest = sections.length - shown;
    const tail = `\n\n…and ${rest} more section(s), left out to stay within GitHub's comment size; run \`nounset --dry-run\` for the whole diff.`;
    if (body.length + section.length + 2 + tail.length > maxBody) {
      body += tail;
      return body;
    }
    body += `\n\n${section}`;
    shown++;
  }
  return body;
}
