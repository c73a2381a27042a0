// `nounset pr`: review the shell scripts a pull request changes, in one of the review formats.

import type { Argv } from 'yargs';
import { renderGithubReview } from '../review/github-review.js';
import { renderRdjson, renderSarif } from '../review/review-formats.js';
import { renderReviewText } from '../review/review-text.js';
import { nodeIO } from '../run/node-io.js';
import { runPr } from '../run/run-pr.js';
import { toFixOptions, type FixArgs } from './fix-options.js';
import { packageVersion } from './package-version.js';

export const PR_FORMATS = ['text', 'rdjson', 'sarif', 'github-review'] as const;

export interface PrArgs extends FixArgs {
  readonly base: string;
  readonly head: string;
  readonly allLines: boolean;
  readonly format: (typeof PR_FORMATS)[number];
  readonly config: boolean;
  readonly failOnFindings: boolean;
}

export function prOptions<T>(y: Argv<T>) {
  return y
    .option('base', { type: 'string', demandOption: true, describe: 'REF: the branch the pull request goes into (its merge base with head is compared)' })
    .option('head', { type: 'string', default: 'HEAD', describe: 'REF: the pull request\'s last commit' })
    .option('all-lines', { type: 'boolean', default: false, describe: 'suggest every edit in the changed scripts, not only those on changed lines' })
    .option('format', { choices: PR_FORMATS, default: 'text' as const, describe: 'text, rdjson (reviewdog), sarif (code scanning), github-review (the body of a GitHub review request)' })
    .option('config', { type: 'boolean', default: true, describe: 'read .nounsetrc.json / package.json configuration (--no-config: do not)' })
    .option('fail-on-findings', { type: 'boolean', default: false, describe: 'exit 1 when there is anything to suggest' });
}

/** Prints the review; returns the exit code (0, or 1 for findings with --fail-on-findings). */
export function runPrCommand(args: PrArgs): number {
  const run = runPr({ cwd: process.cwd(), base: args.base, head: args.head, allLines: args.allLines, fix: toFixOptions(args), config: args.config }, nodeIO);
  for (const s of run.skipped) process.stderr.write(`${s.path}: skipped: ${s.reason}\n`);
  const json = (doc: object): string => `${JSON.stringify(doc, null, 2)}\n`;
  if (args.format === 'rdjson') process.stdout.write(json(renderRdjson(run.files)));
  else if (args.format === 'sarif') process.stdout.write(json(renderSarif(run.files, { version: packageVersion() })));
  else if (args.format === 'github-review') process.stdout.write(json(renderGithubReview(run.files)));
  else process.stdout.write(renderReviewText(run));
  const findings = run.files.some((f) => f.suggestions.length > 0 || f.block !== null);
  return args.failOnFindings && findings ? 1 : 0;
}
