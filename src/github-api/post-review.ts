// `nounset pr --post`: posts the review on GitHub through @octokit/rest. A re-run posts no
// duplicates (its earlier inline comments carry hidden markers; those still shown are skipped)
// and updates its one summary comment instead of adding another. Rate limits are waited out a
// bounded number of times; 401/403/404/422 become one-line errors that say what to do.

import { createRequire } from 'node:module';
import { GitHubError } from '../errors.js';
import type { ContractReview, FileReview } from '../review/index.js';
import { markerOf, type ReviewRequest, renderGithubReview, SUMMARY_MARKER } from '../review/index.js';

export interface PostTarget {
  readonly token: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly pullNumber: number;
  /** GitHub's API root, e.g. for GitHub Enterprise Server. */
  readonly apiUrl: string;
  /** The commit the review is about (head). */
  readonly commit: string;
}

export interface PostOptions {
  /** Retries after a rate limit, at most (default 3). */
  readonly retries?: number;
  /** Contract findings to comment on (manifest lines, script lines) and list in the summary. */
  readonly contracts?: ContractReview;
  /** Longest wait for one retry, in seconds (default 60): longer limits fail instead. */
  readonly maxWaitSeconds?: number;
}

export interface PostOutcome {
  readonly posted: number;
  readonly skipped: number;
  readonly summary: 'created' | 'updated';
  readonly summaryUrl: string;
}

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: { message?: string; errors?: unknown[] } };
}

/** Seconds to wait before retrying a rate-limited request, or null when it is not one. */
function rateLimitWait(err: HttpError, now: number): number | null {
  const headers = err.response?.headers ?? {};
  if (err.status !== 403 && err.status !== 429) return null;
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) return Math.max(0, Number(retryAfter));
  if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset'] !== undefined)
    return Math.max(0, Number(headers['x-ratelimit-reset']) - Math.floor(now / 1000));
  return null;
}

function describe(err: HttpError, target: PostTarget, what: string): GitHubError {
  const said = err.response?.data?.message ?? err.message ?? 'no message';
  const detail = err.response?.data?.errors ? ` ${JSON.stringify(err.response.data.errors)}` : '';
  switch (err.status) {
    case 401:
      return new GitHubError(`GitHub refused the token (401 ${said}) while trying to ${what}: check GITHUB_TOKEN`);
    case 403:
      return new GitHubError(
        `GitHub forbids this (403 ${said}) while trying to ${what}: the token needs "pull-requests: write"; on a pull request from a fork use --format github (annotations) instead`,
      );
    case 404:
      return new GitHubError(
        `GitHub found no pull request ${target.repository}#${target.pullNumber} (404) while trying to ${what}: check GITHUB_REPOSITORY and the pull request number, and that the token can see the repository`,
      );
    case 422:
      return new GitHubError(`GitHub rejected the request (422 ${said}${detail}) while trying to ${what}`);
    default:
      return new GitHubError(`GitHub answered ${err.status ?? 'with an error'} (${said}) while trying to ${what}`);
  }
}

export async function postReview(
  files: readonly FileReview[],
  target: PostTarget,
  options: PostOptions = {},
): Promise<PostOutcome> {
  const [owner, repo] = target.repository.split('/');
  if (!owner || !repo)
    throw new GitHubError(`GITHUB_REPOSITORY must be owner/name, got ${JSON.stringify(target.repository)}`);
  // Loaded only here: most runs never post, and the bundle stays small without it. require(),
  // not import(): the bin runs the bundle as a vm.Script, where import() has no loader.
  const { Octokit } = createRequire(import.meta.url)('@octokit/rest') as typeof import('@octokit/rest');
  // Failures are reported once, by describe(); Octokit's own request log would repeat them.
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const octokit = new Octokit({
    auth: target.token,
    baseUrl: target.apiUrl.replace(/\/$/, ''),
    userAgent: 'nounset',
    log: quiet,
  });
  const retries = options.retries ?? 3;
  const maxWait = options.maxWaitSeconds ?? 60;
  const call = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request();
      } catch (err) {
        const e = err as HttpError;
        const wait = rateLimitWait(e, Date.now());
        if (wait === null || attempt >= retries || wait > maxWait) throw describe(e, target, what);
        await new Promise((r) => setTimeout(r, wait * 1000));
      }
    }
  };
  const pull = { owner, repo, pull_number: target.pullNumber };

  const earlier = await call('list the review comments', () =>
    octokit.paginate(octokit.rest.pulls.listReviewComments, { ...pull, per_page: 100 }),
  );
  // A comment GitHub no longer places on a line (outdated) does not count as posted.
  const posted = new Set(
    earlier.filter((c) => c.line !== null && c.line !== undefined).flatMap((c) => markerOf(c.body) ?? []),
  );
  const review: ReviewRequest = renderGithubReview(files, {
    posted,
    ...(options.contracts ? { contracts: options.contracts } : {}),
  });

  if (review.comments.length > 0) {
    await call('post the review', () =>
      octokit.rest.pulls.createReview({
        ...pull,
        commit_id: target.commit,
        event: review.event,
        body: `nounset: ${review.comments.length} comment(s); see the nounset summary comment.`,
        comments: [...review.comments],
      }),
    );
  }
  const issue = { owner, repo, issue_number: target.pullNumber };
  const comments = await call('list the pull request comments', () =>
    octokit.paginate(octokit.rest.issues.listComments, { ...issue, per_page: 100 }),
  );
  const mine = comments.find((c) => c.body?.startsWith(SUMMARY_MARKER));
  if (mine) {
    const updated = await call('update the summary comment', () =>
      octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: review.body }),
    );
    return {
      posted: review.comments.length,
      skipped: posted.size,
      summary: 'updated',
      summaryUrl: updated.data.html_url,
    };
  }
  const created = await call('post the summary comment', () =>
    octokit.rest.issues.createComment({ ...issue, body: review.body }),
  );
  return {
    posted: review.comments.length,
    skipped: posted.size,
    summary: 'created',
    summaryUrl: created.data.html_url,
  };
}
