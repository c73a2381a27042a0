// `nounset pr --post` against a stand-in for the GitHub API: a local HTTP server on 127.0.0.1
// (GITHUB_API_URL points at it) that records every request and checks method, path, token and
// body. Covers paginated listings, a re-run that posts no duplicates and updates its summary, a
// rate limit waited out once, and 401/422 turned into one-line errors.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { GitHubError } from '../../src/errors.js';
import { type PostTarget, postReview } from '../../src/github-api/post-review.js';
import { fixScript } from '../../src/index.js';
import { type FileReview, reviewFile } from '../../src/review/review-file.js';
import { runCliAsync, useTempDir } from '../support/cli.js';
import { commit, git, initRepo } from '../support/git.js';

interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** A pull request #7 of o/r as GitHub keeps it, with the answers a test scripts. */
class FakeGitHub {
  readonly requests: Recorded[] = [];
  reviewComments: { id: number; body: string; line: number | null; path: string }[] = [
    { id: 1, body: 'a human comment', line: 3, path: 'x.sh' },
    { id: 2, body: 'another', line: 4, path: 'x.sh' },
  ];
  issueComments: { id: number; body: string; html_url: string }[] = [];
  /** Answers to hand out before the normal one, per "METHOD path". */
  readonly queued = new Map<string, { status: number; headers?: Record<string, string>; body: unknown }[]>();
  private server: Server | null = null;
  private nextId = 100;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const addr = this.server.address();
    if (addr === null || typeof addr === 'string') throw new Error('no port');
    this.url = `http://127.0.0.1:${addr.port}`;
  }

  async stop(): Promise<void> {
    this.server?.close();
    if (this.server) await once(this.server, 'close');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const body: unknown = raw ? JSON.parse(raw) : null;
    this.requests.push({ method: req.method ?? '', path: url.pathname + url.search, body });
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };
    if (req.headers.authorization !== 'token secret-token') return send(401, { message: 'Bad credentials' });
    const key = `${req.method} ${url.pathname}`;
    const queued = this.queued.get(key)?.shift();
    if (queued) return send(queued.status, queued.body, queued.headers);
    const page = Number(url.searchParams.get('page') ?? '1');
    if (key === 'GET /repos/o/r/pulls/7/comments') {
      // Two pages of one comment each, linked as GitHub links them.
      const items = this.reviewComments.slice(page - 1, page);
      const next: Record<string, string> =
        page < this.reviewComments.length
          ? { link: `<${this.url}/repos/o/r/pulls/7/comments?per_page=100&page=${page + 1}>; rel="next"` }
          : {};
      return send(200, items, next);
    }
    if (key === 'POST /repos/o/r/pulls/7/reviews') {
      const review = body as { comments: { body: string; line: number; path: string }[] };
      for (const c of review.comments)
        this.reviewComments.push({ id: this.nextId++, body: c.body, line: c.line, path: c.path });
      return send(200, { id: this.nextId++ });
    }
    if (key === 'GET /repos/o/r/issues/7/comments') return send(200, this.issueComments);
    if (key === 'POST /repos/o/r/issues/7/comments') {
      const c = { id: this.nextId++, body: (body as { body: string }).body, html_url: `${this.url}/c/${this.nextId}` };
      this.issueComments.push(c);
      return send(201, c);
    }
    const edit = /^PATCH \/repos\/o\/r\/issues\/comments\/(\d+)$/.exec(key);
    if (edit) {
      const c = this.issueComments.find((x) => x.id === Number(edit[1]));
      if (!c) return send(404, { message: 'Not Found' });
      c.body = (body as { body: string }).body;
      return send(200, c);
    }
    return send(404, { message: `Not Found: ${key}` });
  }
}

const SCRIPT = '#!/bin/bash\nset -u\ncd "$1"\necho ok\nrm -rf "$TARGET/"\n';

function review(): FileReview[] {
  const result = fixScript(SCRIPT, { path: 'deploy.sh', style: 'inline' });
  return [
    reviewFile({
      path: 'deploy.sh',
      text: SCRIPT,
      result,
      changed: { path: 'deploy.sh', status: 'added', ranges: [[1, 5]], removals: [] },
      allLines: false,
    }),
  ];
}

describe('posting a review (nounset pr --post)', () => {
  let gh: FakeGitHub;
  const target = (): PostTarget => ({
    token: 'secret-token',
    repository: 'o/r',
    pullNumber: 7,
    apiUrl: gh.url,
    commit: 'abc123',
  });

  beforeEach(async () => {
    gh = new FakeGitHub();
    await gh.start();
  });
  afterEach(async () => gh.stop());

  it('posts inline suggestions and a summary; a re-run posts no duplicates and updates the summary', async () => {
    const first = await postReview(review(), target());
    assert.deepEqual([first.posted, first.summary], [2, 'created']);
    const posted = gh.requests.find((r) => r.method === 'POST' && r.path === '/repos/o/r/pulls/7/reviews');
    const body = posted?.body as {
      commit_id: string;
      event: string;
      comments: { path: string; line: number; side: string; body: string }[];
    };
    assert.equal(body.commit_id, 'abc123');
    assert.equal(body.event, 'COMMENT');
    assert.deepEqual(
      body.comments.map((c) => [c.path, c.line, c.side]),
      [
        ['deploy.sh', 3, 'RIGHT'],
        ['deploy.sh', 5, 'RIGHT'],
      ],
    );
    assert.ok(
      gh.requests.some((r) => r.path.includes('page=2')),
      'the listing was followed to its second page',
    );

    gh.requests.length = 0;
    const second = await postReview(review(), target());
    assert.deepEqual([second.posted, second.skipped, second.summary], [0, 2, 'updated']);
    assert.ok(!gh.requests.some((r) => r.method === 'POST'), 'nothing new is posted');
    assert.equal(gh.issueComments.length, 1, 'one summary comment');
    assert.ok(gh.requests.some((r) => r.method === 'PATCH'));
  });

  it('re-posts a suggestion whose earlier comment GitHub shows as outdated', async () => {
    await postReview(review(), target());
    for (const c of gh.reviewComments) if (c.id >= 100) c.line = null;
    gh.requests.length = 0;
    const again = await postReview(review(), target());
    assert.equal(again.posted, 2);
  });

  it('waits out a rate limit (403 with x-ratelimit-reset) once, then succeeds', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    gh.queued.set('POST /repos/o/r/pulls/7/reviews', [
      {
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
        body: { message: 'API rate limit exceeded' },
      },
    ]);
    const out = await postReview(review(), target());
    assert.equal(out.posted, 2);
    assert.equal(gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reviews')).length, 2);
  });

  it('gives up on a rate limit longer than the longest wait, with a clear message', async () => {
    gh.queued.set('GET /repos/o/r/pulls/7/comments', [
      { status: 429, headers: { 'retry-after': '3600' }, body: { message: 'slow down' } },
    ]);
    await assert.rejects(
      postReview(review(), target()),
      (err: Error) => err instanceof GitHubError && /429/.test(err.message),
    );
  });

  it('turns 422 and 401 into one-line errors that say what to check', async () => {
    gh.queued.set('POST /repos/o/r/pulls/7/reviews', [
      { status: 422, body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] } },
    ]);
    await assert.rejects(
      postReview(review(), target()),
      /422 Unprocessable Entity \["Line could not be resolved"\]\) while trying to post the review/,
    );
    await assert.rejects(postReview(review(), { ...target(), token: 'wrong' }), /401 Bad credentials.*GITHUB_TOKEN/);
  });

  describe('from the command line, in a git repository', () => {
    const dir = useTempDir('nounset-post-', { shared: true });
    // The event file lives outside the repository, in a temp dir of its own that is removed too.
    const events = useTempDir('nounset-post-event-', { shared: true });

    it('reads the pull request number from GITHUB_EVENT_PATH and posts', async () => {
      const d = dir();
      initRepo(d);
      git(d, 'commit', '-q', '--allow-empty', '-m', 'base');
      git(d, 'checkout', '-q', '-b', 'pr');
      commit(d, { 'bin/deploy.sh': SCRIPT }, 'pr');
      const event = join(events(), 'event.json');
      writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));
      // Not runCli: the stand-in API answers from this process, which must not block.
      const posted = await runCliAsync(['pr', '--base', 'main', '--post', '--style', 'inline'], d, {
        GITHUB_TOKEN: 'secret-token',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_API_URL: gh.url,
        GITHUB_EVENT_PATH: event,
      });
      assert.equal(posted.status, 0, posted.stderr);
      assert.match(posted.stderr, /posted 2 comment\(s\)/);
      const reviewBody = gh.requests.find((r) => r.path.endsWith('/reviews'))?.body as { comments: { path: string }[] };
      assert.deepEqual(
        reviewBody.comments.map((c) => c.path),
        ['bin/deploy.sh', 'bin/deploy.sh'],
      );

      // A wrong token: one line on stderr that names what to check, exit 3.
      const refused = await runCliAsync(['pr', '--base', 'main', '--post', '--pr', '7'], d, {
        GITHUB_TOKEN: 'wrong',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_API_URL: gh.url,
      });
      assert.equal(refused.status, 3);
      assert.match(
        refused.stderr,
        /^nounset: GitHub refused the token \(401 Bad credentials\) while trying to list the review comments: check GITHUB_TOKEN\n$/,
      );
    });
  });
});
