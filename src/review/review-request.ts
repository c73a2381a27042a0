// A pull request review as the JSON body of GitHub's "create a review" request
// (POST /repos/{owner}/{repo}/pulls/{number}/reviews): one inline comment per comment unit that
// lies in the PR's diff (comment-units.ts: line suggestions with a ```suggestion block the author
// applies in one click, reads the env-init block makes safe, contract findings on manifests and
// scripts), and a summary body with what cannot be inline (the env-init block patches, what lies
// outside the diff or over the per-review limit, the places that run each changed script,
// diagnostics). Hidden markers let a re-run recognise its own comments. Pure: returns the body,
// sends nothing.

import { lineBounds } from '../line-index.js';
import { type CommentUnit, describePlace, manifestUnits, scriptUnits } from './comment-units.js';
import { type ContractFinding, type ContractReview, commandOf, NO_CONTRACTS } from './contract-review.js';
import { Fingerprints } from './fingerprint.js';
import { block, explainEdits } from './markdown.js';
import type { FileReview } from './review-file.js';
import { summary } from './review-summary.js';

export { SUMMARY_MARKER } from './review-summary.js';

const SUGGESTION_MARKER = /<!-- nounset:suggestion ([0-9a-f]{16}) -->/;

export interface ReviewComment {
  readonly path: string;
  readonly line: number;
  /** RIGHT: the head version; LEFT: the base version (a line the pull request deletes). */
  readonly side: 'RIGHT' | 'LEFT';
  readonly start_line?: number;
  readonly start_side?: 'RIGHT' | 'LEFT';
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

/** The suggestion as a small diff, for the summary (where suggestion blocks do not apply). */
function asDiff(text: string, first: number, last: number, replacement: string): string {
  const starts = lineBounds(text);
  const old = text.slice(starts[first - 1], starts[last] ?? text.length).replace(/\r?\n$/, '');
  const minus = old.split('\n').map((l) => `-${l}`);
  const plus = replacement.split('\n').map((l) => `+${l}`);
  return `@@ lines ${first}-${last} @@\n${[...minus, ...plus].join('\n')}`;
}

/** Where the block of a file is offered: in the unit that carries it, or as a patch in the first
 * unit with reads. Lines of those units, for the others to point at. */
interface BlockPlacement {
  readonly carrier: number | null;
  readonly patchAt: number | null;
}

function placementOf(units: readonly CommentUnit[]): BlockPlacement {
  const carrier = units.find((u) => u.carriesBlock)?.line ?? null;
  const patchAt = carrier === null ? (units.find((u) => u.reads.length > 0)?.line ?? null) : null;
  return { carrier, patchAt };
}

function readsParagraph(file: FileReview, u: CommentUnit, placement: BlockPlacement): string {
  const b = file.block;
  if (!b) return '';
  const list = u.reads.map((r) => `- \`$${r.name}\` (line ${r.line}): ${r.reason}`).join('\n');
  const where = b.isNew ? `above line ${b.firstLine}` : `at lines ${b.firstLine}-${b.lastLine}`;
  let fix: string;
  if (u.carriesBlock)
    fix = b.isNew
      ? `The suggestion adds the env-init block ${where}, where the script declares its environment inputs.`
      : `The suggestion adds ${u.reads.length === 1 ? 'it' : 'them'} to the env-init block ${where}.`;
  else if (placement.carrier !== null)
    fix = `The env-init block that the comment on line ${placement.carrier} suggests declares ${u.reads.length === 1 ? 'it' : 'them'}.`;
  else if (placement.patchAt === u.line)
    fix = `The fix is the env-init block, which goes ${where}, outside the lines this pull request shows:\n\n${block('diff', b.patch.replace(/\n$/, ''))}`;
  else
    fix = `The fix is the env-init block ${where} (its patch is in the comment on line ${placement.patchAt ?? b.firstLine}).`;
  const one = u.reads.length === 1 ? u.reads[0] : undefined;
  const head = one
    ? `\`$${one.name}\` may be unset here under \`set -u\`: ${one.reason}.`
    : `these reads may find their variables unset under \`set -u\`:\n${list}`;
  return `${head}\n\n${fix}`;
}

function scriptContractParagraph(u: CommentUnit): string {
  if (u.contracts.length === 0) return '';
  const lines = u.contracts.map(
    (f) => `- ${describePlace(f)} without \`${f.name}\`: under \`set -u\` the script stops on it`,
  );
  return `Places that run this script without a value it reads here:\n${lines.join('\n')}`;
}

function manifestParagraph(f: ContractFinding): string {
  const run = `\`${commandOf(f.place)}\``;
  const intro =
    f.removed !== null
      ? `this removes \`${f.name}\` from the environment of ${f.place.what}, which runs ${run}.`
      : `${f.place.what} runs ${run} without \`${f.name}\`.`;
  const read = `\`${f.place.script}\` reads \`${f.name}\` at line ${f.read.line}${f.need === 'required' ? '' : ' with no default'}:`;
  const stop =
    f.need === 'required'
      ? `The script requires \`${f.name}\`: it stops when it is unset or empty.`
      : `Under \`set -u\` the script stops there with \`${f.name}: unbound variable\` when the container starts.`;
  const remedy =
    f.removed !== null
      ? `Keep the entry, or give \`${f.name}\` a default in the script (\`nounset fix\` declares it in the env-init block).`
      : `Set \`${f.name}\` here, or give it a default in the script (\`nounset fix\` declares it in the env-init block).`;
  return `${intro} ${read}\n\n${block('sh', f.read.text)}\n\n${stop} ${remedy}`;
}

/** The comment's text, without its marker. */
function unitText(u: CommentUnit, file: FileReview | null, placement: BlockPlacement): string {
  const only = u.suggestions[0];
  if (
    only &&
    u.suggestions.length === 1 &&
    u.reads.length === 0 &&
    u.contracts.length === 0 &&
    !u.carriesBlock &&
    u.replacement !== null
  ) {
    return `**nounset**: ${only.edits.length === 1 ? 'this line may read an unset variable' : 'these lines may read unset variables'} under \`set -u\`.\n${explainEdits(only)}\n\n${block('suggestion', u.replacement)}`;
  }
  if (!file) return `**nounset**: ${u.contracts.map(manifestParagraph).join('\n\n')}`;
  const parts: string[] = [];
  const reads = readsParagraph(file, u, placement);
  if (reads) parts.push(reads);
  if (u.suggestions.length > 0)
    parts.push(
      `${u.suggestions.length === 1 && (u.suggestions[0]?.edits.length ?? 0) === 1 ? 'This edit makes' : 'These edits make'} the other reads here safe:\n${u.suggestions.map(explainEdits).join('\n')}`,
    );
  const contracts = scriptContractParagraph(u);
  if (contracts) parts.push(contracts);
  if (u.replacement !== null) parts.push(block('suggestion', u.replacement));
  if (!reads && u.carriesBlock) parts.unshift('the env-init block declares the inputs the changed lines read.');
  return `**nounset**: ${parts.join('\n\n')}`;
}

function originalLines(text: string, first: number, last: number): string {
  const starts = lineBounds(text);
  return text.slice(starts[first - 1] ?? text.length, starts[last] ?? text.length).trim();
}

/** A unit's print: what it says and about which text, never its line numbers. */
function printParts(u: CommentUnit, file: FileReview | null): string[] {
  const names = [
    ...u.reads.map((r) => `$${r.name}`),
    ...u.contracts.map((f) => `${f.place.file}:${f.place.what}:${f.name}:${f.removed !== null ? 'removed' : 'unset'}`),
  ];
  // The one-suggestion comment keeps the print it always had.
  if (u.reads.length === 0 && u.contracts.length === 0 && !u.carriesBlock && file)
    return [u.path, originalLines(file.text, u.startLine, u.line), (u.replacement ?? '').trim()];
  return [
    u.path,
    u.side,
    file ? originalLines(file.text, u.startLine, u.line) : '',
    (u.replacement ?? '').trim(),
    ...names,
  ];
}

export interface ReviewOptions {
  /** Inline comments per review request at most; GitHub's abuse detection answers 403 beyond ~30. */
  readonly maxComments?: number;
  /** The summary's size at most, in characters; a comment holds 65,536. */
  readonly maxBody?: number;
  /** Prints of suggestions already posted and still shown: not posted again. */
  readonly posted?: ReadonlySet<string>;
  /** The contract findings and the places that run the changed scripts. */
  readonly contracts?: ContractReview;
}

export function renderGithubReview(files: readonly FileReview[], options: ReviewOptions = {}): ReviewRequest {
  const maxComments = options.maxComments ?? 30;
  const maxBody = options.maxBody ?? 60_000;
  const contracts = options.contracts ?? NO_CONTRACTS;
  const comments: ReviewComment[] = [];
  const inSummary: string[] = [];
  let already = 0;
  let total = 0;
  const prints = new Map<string, Fingerprints>();
  const printOf = (u: CommentUnit, file: FileReview | null): string => {
    const p = prints.get(u.path) ?? new Fingerprints();
    prints.set(u.path, p);
    return p.next(printParts(u, file));
  };
  const take = (u: CommentUnit, file: FileReview | null, placement: BlockPlacement): void => {
    total++;
    const print = printOf(u, file);
    if (options.posted?.has(print)) {
      already++;
      return;
    }
    const text = unitText(u, file, placement);
    if (comments.length >= maxComments) {
      const lines = `lines ${u.startLine}-${u.line}`;
      const diff =
        u.replacement !== null && file
          ? `\n\n${block('diff', asDiff(file.text, u.startLine, u.line, u.replacement))}`
          : '';
      inSummary.push(
        `#### \`${u.path}\` ${lines}${u.side === 'LEFT' ? ' (deleted)' : ''} (over ${maxComments} inline comments per review)\n\n${text.replace(/\n\n`{3,}suggestion\n[\s\S]*$/, '')}${diff}`,
      );
      return;
    }
    const range = u.startLine < u.line ? { start_line: u.startLine, start_side: u.side } : {};
    comments.push({
      path: u.path,
      line: u.line,
      side: u.side,
      ...range,
      body: `<!-- nounset:suggestion ${print} -->\n${text}`,
    });
  };
  for (const file of files) {
    const units = scriptUnits(
      file,
      contracts.findings.filter((f) => f.place.script === file.path && f.scriptLines.length > 0),
    );
    const placement = placementOf(units);
    for (const u of units) take(u, file, placement);
    for (const s of file.suggestions) {
      if (s.inDiff) continue;
      total++;
      inSummary.push(
        `#### \`${file.path}\` lines ${s.startLine}-${s.endLine} (outside the lines this pull request shows)\n\n${explainEdits(s)}\n\n${block('diff', asDiff(file.text, s.startLine, s.endLine, s.replacement))}`,
      );
    }
  }
  for (const u of manifestUnits(contracts.findings)) take(u, null, { carrier: null, patchAt: null });
  return {
    event: 'COMMENT',
    body: summary(files, contracts, { comments: comments.length, already, total, inSummary }, maxBody),
    comments,
  };
}
