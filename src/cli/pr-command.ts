// `nounset pr`: review the shell scripts a pull request changes, in one of the review formats.

import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { type PostTarget, postReview } from '../github-api/index.js';
import { nodeIO } from '../io/index.js';
import { renderGithubReview, renderRdjson, renderReviewText, renderSarif } from '../review/index.js';
import { runPr } from '../run/index.js';
import { parseMap } from './contract-command.js';
import { type FixArgs, toFixOptions } from './fix-options.js';
import { packageVersion } from './package-version.js';

export const PR_FORMATS = ['text', 'rdjson', 'sarif', 'github-review'] as const;

export interface PrArgs extends FixArgs {
  readonly base: string;
  readonly head: string;
  readonly allLines: boolean;
  readonly format: (typeof PR_FORMATS)[number];
  readonly config: boolean;
  readonly failOnFindings: boolean;
  readonly post: boolean;
  readonly pr?: number;
  readonly map?: readonly string[];
  readonly contracts: boolean;
}

/** Where --post sends the review, from the flags and the Actions environment. */
function postTarget(args: PrArgs, env: NodeJS.ProcessEnv, commit: string): PostTarget {
  const need = (name: string): string => {
    const v = env[name];
    if (!v) throw new UsageError(`--post needs ${name} in the environment`);
    return v;
  };
  let pullNumber = args.pr;
  if (pullNumber === undefined) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path) throw new UsageError('--post needs --pr N, or GITHUB_EVENT_PATH of a pull_request event');
    const event = JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: { number?: number }; number?: number };
    pullNumber = event.pull_request?.number ?? event.number;
    if (typeof pullNumber !== 'number')
      throw new UsageError(`${path}: not a pull_request event (no pull_request.number); pass --pr N`);
  }
  return {
    token: need('GITHUB_TOKEN'),
    repository: need('GITHUB_REPOSITORY'),
    pullNumber,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    commit,
  };
}

export function prOptions<T>(y: Argv<T>) {
  return y
    .option('base', {
      type: 'string',
      demandOption: true,
      describe: 'REF: the branch the pull request goes into (its merge base with head is compared)',
    })
    .option('head', { type: 'string', default: 'HEAD', describe: "REF: the pull request's last commit" })
    .option('all-lines', {
      type: 'boolean',
      default: false,
      describe: 'suggest every edit in the changed scripts, not only those on changed lines',
    })
    .option('format', {
      choices: PR_FORMATS,
      default: 'text' as const,
      describe: 'text, rdjson (reviewdog), sarif (code scanning), github-review (the body of a GitHub review request)',
    })
    .option('config', {
      type: 'boolean',
      default: true,
      describe: 'read .nounsetrc.json / package.json configuration (--no-config: do not)',
    })
    .option('fail-on-findings', {
      type: 'boolean',
      default: false,
      describe: 'exit 1 when there is anything to suggest',
    })
    .option('post', {
      type: 'boolean',
      default: false,
      describe:
        'post the review on the pull request (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_EVENT_PATH)',
    })
    .option('pr', { type: 'number', describe: 'N: the pull request to post on (default: from GITHUB_EVENT_PATH)' })
    .option('map', {
      type: 'string',
      array: true,
      nargs: 1,
      describe:
        "CONTAINER_PATH=REPO_PATH: where a path the deployment files name is in this repository (repeatable; over the configuration's contract.map)",
    })
    .option('contracts', {
      type: 'boolean',
      default: true,
      describe:
        "check the deployment files the PR changes, or that run the scripts it changes, against the scripts' contracts (--no-contracts: do not)",
    });
}

/** Prints (or posts) the review; returns the exit code (0, or 1 for findings with --fail-on-findings:
 * something to suggest, or a place that does not set an input its script may stop on). */
export async function runPrCommand(args: PrArgs): Promise<number> {
  const run = runPr(
    {
      cwd: process.cwd(),
      base: args.base,
      head: args.head,
      allLines: args.allLines,
      fix: toFixOptions(args),
      config: args.config,
      map: parseMap(args.map ?? []),
      contracts: args.contracts,
    },
    nodeIO,
  );
  for (const s of run.skipped) process.stderr.write(`${s.path}: skipped: ${s.reason}\n`);
  for (const s of run.contracts.skipped) process.stderr.write(`${s.path}: not checked: ${s.reason}\n`);
  const json = (doc: object): string => `${JSON.stringify(doc, null, 2)}\n`;
  const contracts = run.contracts;
  if (args.post) {
    const outcome = await postReview(run.files, postTarget(args, process.env, run.head), { contracts });
    process.stderr.write(
      `nounset: posted ${outcome.posted} comment(s) (${outcome.skipped} posted before); summary ${outcome.summary}: ${outcome.summaryUrl}\n`,
    );
  } else if (args.format === 'rdjson') process.stdout.write(json(renderRdjson(run.files, contracts)));
  else if (args.format === 'sarif')
    process.stdout.write(json(renderSarif(run.files, { version: packageVersion() }, contracts)));
  else if (args.format === 'github-review') process.stdout.write(json(renderGithubReview(run.files, { contracts })));
  else process.stdout.write(renderReviewText(run.files, contracts));
  const findings = run.files.some((f) => f.suggestions.length > 0 || f.block !== null) || contracts.findings.length > 0;
  return args.failOnFindings && findings ? 1 : 0;
}
