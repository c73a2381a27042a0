// A pull request review as the JSON body of GitHub's "create a review" request
// (POST /repos/{owner}/{repo}/pulls/{number}/reviews): one inline comment per line suggestion
// that lies in the PR's diff, each with a ```suggestion block the author applies in one click,
// and a summary body with what cannot be inline (the env-init block, suggestions outside the
// diff or over the per-review limit, diagnostics). Hidden markers let a re-run recognise its
// own comments. Pure: returns the body, sends nothing.

import { lineStartsOf } from '../report/line-groups.js';
import { docsUrl } from './docs-url.js';
import { Fingerprints } from './fingerprint.js';
import type { FileReview, LineSuggestion } from './review-file.js';
import { describeEdit } from './review-formats.js';

export const SUMMARY_MARKER = '<!-- nounset:summary -->';
const SUGGESTION_MARKER = /<!-- nounset:suggestion ([0-9a-f]{16}) -->/;

export interface ReviewComment {
  readonly path: string;
  readonly line: number;
  readonly side: 'RIGHT';
  readonly start_line?: number;
  readonly start_side?: 'RIGHT';
  readonly body: string;
}

export interface ReviewRequest {
  readonly event: 'COMMENT';
  readonly body: string;
  readonly comments: readonly ReviewComment[];
}

/** The print in a comment body nounset wrote, or null. */
export function markerOf(body: string): string | null {
  return SUGGESTION_MARKER.exec(body)?.[1] ?? null;
}

/** A fence longer than any run of backticks in `text`, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function block(kind: string, text: string): string {
  const f = fence(text);
  return `${f}${kind}\n${text}\n${f}`;
}

function explainEdits(s: LineSuggestion): string {
  return s.edits.map((e) => `- ${describeEdit(e)} ([${e.kind}](${docsUrl(e.kind)}))`).join('\n');
}

/** The suggestion as a small diff, for the summary (where suggestion blocks do not apply). */
function asDiff(file: FileReview, s: LineSuggestion, starts: readonly number[]): string {
  const old = file.text.slice(starts[s.startLine - 1], starts[s.endLine] ?? file.text.length).replace(/\r?\n$/, '');
  const minus = old.split('\n').map((l) => `-${l}`);
  const plus = s.replacement.split('\n').map((l) => `+${l}`);
  return `@@ lines ${s.startLine}-${s.endLine} @@\n${[...minus, ...plus].join('\n')}`;
}

/** A suggestion that goes in the summary instead of inline, and why. */
interface Listed {
  readonly file: FileReview;
  readonly s: LineSuggestion;
  readonly starts: readonly number[];
  readonly why: string;
}

export interface ReviewOptions {
  /** Inline comments per review request at most; GitHub's abuse detection answers 403 beyond ~30. */
  readonly maxComments?: number;
  /** The summary's size at most, in characters; a comment holds 65,536. */
  readonly maxBody?: number;
  /** Prints of suggestions already posted and still shown: not posted again. */
  readonly posted?: ReadonlySet<string>;
}

export function renderGithubReview(files: readonly FileReview[], options: ReviewOptions = {}): ReviewRequest {
  const maxComments = options.maxComments ?? 30;
  const maxBody = options.maxBody ?? 60_000;
  const comments: ReviewComment[] = [];
  const inSummary: Listed[] = [];
  let already = 0;
  let total = 0;
  for (const file of files) {
    const prints = new Fingerprints();
    const starts = lineStartsOf(file.text);
    for (const s of file.suggestions) {
      total++;
      const original = file.text.slice(starts[s.startLine - 1], starts[s.endLine] ?? file.text.length);
      const print = prints.next([file.path, original.trim(), s.replacement.trim()]);
      if (options.posted?.has(print)) {
        already++;
        continue;
      }
      if (!s.inDiff) inSummary.push({ file, s, starts, why: 'outside the lines this pull request shows' });
      else if (comments.length >= maxComments) inSummary.push({ file, s, starts, why: `over ${maxComments} inline comments per review` });
      else {
        const body = `<!-- nounset:suggestion ${print} -->\n**nounset**: ${s.edits.length === 1 ? 'this line may read an unset variable' : 'these lines may read unset variables'} under \`set -u\`.\n${explainEdits(s)}\n\n${block('suggestion', s.replacement)}`;
        comments.push({ path: file.path, line: s.endLine, side: 'RIGHT', ...(s.startLine < s.endLine ? { start_line: s.startLine, start_side: 'RIGHT' as const } : {}), body });
      }
    }
  }
  return { event: 'COMMENT', body: summary(files, { comments: comments.length, already, total, inSummary }, maxBody), comments };
}

function summary(files: readonly FileReview[], counts: { comments: number; already: number; total: number; inSummary: readonly Listed[] }, maxBody: number): string {
  const blocks = files.filter((f) => f.block);
  const diagnostics = files.flatMap((f) => f.diagnostics.map((d) => ({ f, d })));
  const head = [
    SUMMARY_MARKER,
    `### nounset: ${counts.total} suggestion${counts.total === 1 ? '' : 's'} in ${files.filter((f) => f.suggestions.length > 0 || f.block).length} file(s)`,
    '',
    `Reads that may find a variable unset stop a script running under \`set -u\`. ${counts.comments} suggestion(s) are inline below${counts.already > 0 ? `, ${counts.already} were posted before` : ''}${counts.inSummary.length > 0 ? `, ${counts.inSummary.length} are listed here` : ''}.`,
  ];
  const sections: string[] = [];
  for (const f of blocks) {
    sections.push(`#### \`${f.path}\`: declare its environment inputs\n\n${f.block?.edit.reason ?? ''}\n\n${block('diff', (f.block?.patch ?? '').replace(/\n$/, ''))}`);
  }
  for (const { file, s, starts, why } of counts.inSummary) {
    sections.push(`#### \`${file.path}\` lines ${s.startLine}-${s.endLine} (${why})\n\n${explainEdits(s)}\n\n${block('diff', asDiff(file, s, starts))}`);
  }
  if (diagnostics.length > 0) {
    sections.push(`#### Diagnostics\n\n${diagnostics.map(({ f, d }) => `- \`${f.path}:${d.line}:${d.column}\` ${d.severity} [${d.code}](${docsUrl(d.code)}): ${d.message}`).join('\n')}`);
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
