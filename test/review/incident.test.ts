// The Kata Containers incident, replayed in a git repository built for this test (the shapes of
// kata-deploy.sh and its two DaemonSets, written for nounset, not copied):
//   PR 1 adds `IFS=' ' read -a shims <<< "$SHIMS"` at line 19 of the installer, far below where the
//        env-init block goes (line 10): the finding must sit on line 19, in the diff.
//   PR 2 deletes SHIMS, DEFAULT_SHIM, DEBUG and the CREATE_* entries from the cleanup DaemonSet,
//        touching no script; the script reads them at the top and in `main` before it dispatches
//        on `reset`: each deleted entry gets a comment on its deleted line (side LEFT).
// Both are asserted as the github-review body, SARIF and rdjson (against their schemas), exit
// codes, and the requests `--post` sends to a stand-in GitHub API.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

import { type CliRan, runCli, runCliAsync, useTempDir } from '../support/cli.js';
import { commit, git, initRepo } from '../support/git.js';
import { rdjsonValidator, sarifValidator } from '../support/schemas.js';

const SCRIPT = 'tools/packaging/kata-deploy/scripts/kata-deploy.sh';
const DEPLOY = 'tools/packaging/kata-deploy/kata-deploy/base/kata-deploy.yaml';
const CLEANUP = 'tools/packaging/kata-deploy/kata-cleanup/base/kata-cleanup.yaml';

/** The installer before PR 1: inputs read at the top, and again in main before the dispatch. */
function installer(withShims: boolean): string {
  return [
    '#!/usr/bin/env bash',
    '#',
    '# Installs a container runtime on a Kubernetes node, in the shape of Kata',
    "# Containers' kata-deploy.sh (written for nounset's tests). The install",
    '# DaemonSet runs it with `install`, the cleanup DaemonSet with `reset`.',
    '#',
    'set -o errexit',
    'set -o nounset',
    'set -o pipefail',
    '',
    'dest_dir="/opt/kata"',
    'conf_file="/etc/containerd/config.toml"',
    'conf_backup="${conf_file}.bak"',
    '',
    "# Inputs from the DaemonSet's environment.",
    'default_shim="$DEFAULT_SHIM"',
    'debug="$DEBUG"',
    'create_runtimeclasses="$CREATE_RUNTIMECLASSES"',
    ...(withShims ? ['IFS=\' \' read -a shims <<< "$SHIMS"'] : []),
    'create_default_runtimeclass="$CREATE_DEFAULT_RUNTIMECLASS"',
    'HELM_POST_DELETE_HOOK="${HELM_POST_DELETE_HOOK:-"false"}"',
    '',
    'install() {',
    '\techo "would install ${default_shim} into ${dest_dir} (debug: ${debug})"',
    '\tif [ "${create_runtimeclasses}" == "true" ]; then echo "would create runtime classes (default: ${create_default_runtimeclass})"; fi',
    '}',
    '',
    'reset_runtime() {',
    '\techo "would restore ${conf_backup} to ${conf_file} on ${NODE_NAME} (hook: ${HELM_POST_DELETE_HOOK})"',
    '}',
    '',
    'main() {',
    '\techo "* NODE_NAME: ${NODE_NAME}"',
    '\techo "* DEBUG: ${DEBUG}"',
    ...(withShims ? ['\techo "* SHIMS: ${SHIMS}"'] : []),
    '\techo "* DEFAULT_SHIM: ${DEFAULT_SHIM}"',
    '\techo "* CREATE_RUNTIMECLASSES: ${CREATE_RUNTIMECLASSES}"',
    '\techo "* CREATE_DEFAULT_RUNTIMECLASS: ${CREATE_DEFAULT_RUNTIMECLASS}"',
    '\tcase "${1:-}" in',
    '\tinstall) install ;;',
    '\treset) reset_runtime ;;',
    '\t*) echo "usage: ${0##*/} install|reset" >&2; exit 1 ;;',
    '\tesac',
    '}',
    '',
    'main "$@"',
    '',
  ].join('\n');
}

const ENV = ['SHIMS', 'DEFAULT_SHIM', 'DEBUG', 'CREATE_RUNTIMECLASSES', 'CREATE_DEFAULT_RUNTIMECLASS'];
const VALUES: Record<string, string> = {
  SHIMS: 'clh qemu',
  DEFAULT_SHIM: 'qemu',
  DEBUG: 'false',
  CREATE_RUNTIMECLASSES: 'false',
  CREATE_DEFAULT_RUNTIMECLASS: 'false',
};

function daemonSet(name: string, action: string, env: readonly string[]): string {
  const entries = env.map((n) => `            - name: ${n}\n              value: "${VALUES[n] ?? ''}"\n`).join('');
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: { name: ${name} }
  template:
    metadata:
      labels: { name: ${name} }
    spec:
      containers:
        - name: kube-${name}
          image: example/kata-deploy:latest
          command: ["bash", "-c", "/opt/kata-artifacts/scripts/kata-deploy.sh ${action}"]
          env:
            - name: NODE_NAME
              valueFrom:
                fieldRef:
                  fieldPath: spec.nodeName
${entries}`;
}

const CONFIG = JSON.stringify(
  {
    contract: {
      map: { '/opt/kata-artifacts/scripts': 'tools/packaging/kata-deploy/scripts' },
      manifests: ['tools/packaging/kata-deploy/**/*.yaml'],
    },
  },
  null,
  2,
);

/** The 1-based line of `- name: NAME` in a text. */
function lineOfEntry(text: string, name: string): number {
  return text.split('\n').findIndex((l) => l.trim() === `- name: ${name}`) + 1;
}

interface Comment {
  readonly path: string;
  readonly line: number;
  readonly side: string;
  readonly start_line?: number;
  readonly start_side?: string;
  readonly body: string;
}

describe('the kata incident, replayed as two pull requests', () => {
  const dir = useTempDir('nounset-incident-', { shared: true });

  before(() => {
    const d = dir();
    initRepo(d);
    commit(
      d,
      {
        [SCRIPT]: installer(false),
        [DEPLOY]: daemonSet('kata-deploy', 'install', ENV),
        [CLEANUP]: daemonSet('kata-cleanup', 'reset', ENV),
        '.nounsetrc.json': CONFIG,
      },
      'kata-deploy: the installer and its DaemonSets',
    );
    git(d, 'checkout', '-qb', 'pr1');
    commit(d, { [SCRIPT]: installer(true) }, 'kata-deploy: read SHIMS into an array');
    git(d, 'checkout', '-q', 'main');
    git(d, 'merge', '-q', '--ff-only', 'pr1');
    git(d, 'checkout', '-qb', 'pr2');
    commit(d, { [CLEANUP]: daemonSet('kata-cleanup', 'reset', []) }, 'kata-deploy: Remove kata-cleanup unneeded vars');
  });

  const pr = (branch: string, ...args: string[]) => {
    git(dir(), 'checkout', '-q', branch);
    return runCli(['pr', '--base', branch === 'pr1' ? 'main~1' : 'main', ...args], dir());
  };

  describe('PR 1: a new top-level read of SHIMS at line 19', () => {
    // The github-review document without and with --fail-on-findings, run once each, both at once.
    let plain: CliRan | null = null;
    let failing: CliRan | null = null;
    before(async () => {
      git(dir(), 'checkout', '-q', 'pr1');
      const args = ['pr', '--base', 'main~1', '--format', 'github-review'];
      [plain, failing] = await Promise.all([
        runCliAsync(args, dir()),
        runCliAsync([...args, '--fail-on-findings'], dir()),
      ]);
    });

    it('the inline comment sits on line 19, the read, and shows the block patch with where it goes', () => {
      const r = plain;
      assert.ok(r !== null);
      assert.equal(r.status, 0, r.stderr);
      const review = JSON.parse(r.stdout) as { body: string; comments: Comment[] };
      assert.deepEqual(
        review.comments.map((c) => [c.path, c.line, c.side, c.start_line ?? null]),
        [
          [SCRIPT, 19, 'RIGHT', null],
          [SCRIPT, 35, 'RIGHT', null],
        ],
      );
      const [read, inMain] = review.comments;
      assert.match(read!.body, /`\$SHIMS` may be unset here under `set -u`/);
      assert.match(
        read!.body,
        /The fix is the env-init block, which goes above line 10, outside the lines this pull request shows:/,
      );
      assert.match(
        read!.body,
        /```diff\n--- a\/tools\/packaging\/kata-deploy\/scripts\/kata-deploy\.sh\n[\s\S]*\n\+SHIMS="\$\{SHIMS:-\}"\n/,
      );
      assert.doesNotMatch(read!.body, /```suggestion/, 'the block cannot be a suggestion on a line outside the diff');
      // The read in main (line 35) points to the comment that holds the patch.
      assert.match(inMain!.body, /its patch is in the comment on line 19/);
    });

    it('SARIF and rdjson put the finding at the read, with the block as the fix; both are valid', () => {
      const sarif = pr('pr1', '--format', 'sarif');
      assert.equal(sarif.status, 0, sarif.stderr);
      const doc = JSON.parse(sarif.stdout) as {
        runs: {
          results: {
            ruleId: string;
            locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[];
            fixes?: { artifactChanges: { replacements: { deletedRegion: { startLine: number } }[] }[] }[];
          }[];
        }[];
      };
      const validate = sarifValidator();
      assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 3)));
      const results = doc.runs[0]!.results;
      assert.deepEqual(
        results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.region.startLine]),
        [
          ['env-init-block', 19],
          ['env-init-block', 35],
        ],
      );
      assert.equal(results[0]!.locations[0]!.physicalLocation.region.startColumn, 28);
      assert.equal(
        results[0]!.fixes?.[0]?.artifactChanges[0]?.replacements[0]?.deletedRegion.startLine,
        10,
        'the fix inserts the block above line 10',
      );
      assert.ok(
        !results.some((x) => x.locations[0]!.physicalLocation.region.startLine === 10),
        'nothing is reported on line 10 any more',
      );

      const rd = pr('pr1', '--format', 'rdjson');
      const rdoc = JSON.parse(rd.stdout) as {
        diagnostics: {
          location: { range: { start: { line: number; column: number } } };
          suggestions?: { range: { start: { line: number } } }[];
        }[];
      };
      const check = rdjsonValidator();
      assert.ok(check(rdoc), JSON.stringify(check.errors));
      assert.deepEqual(
        rdoc.diagnostics.map((x) => x.location.range.start.line),
        [19, 35],
      );
      assert.equal(rdoc.diagnostics[0]!.suggestions?.[0]?.range.start.line, 10);
    });

    it('no manifest changed and both still set SHIMS: no contract finding; the summary lists each place that runs the script', () => {
      const r = failing;
      assert.ok(r !== null && plain !== null);
      assert.equal(r.status, 1, 'the read is a finding');
      assert.equal(r.stdout, plain.stdout, '--fail-on-findings changes the exit status only');
      const review = JSON.parse(r.stdout) as { body: string; comments: Comment[] };
      assert.match(
        review.body,
        new RegExp(
          `- \`${DEPLOY}:13\` DaemonSet kata-deploy, container kube-kata-deploy runs \`${SCRIPT} install\`: sets every input it needs`,
        ),
      );
      assert.match(
        review.body,
        new RegExp(
          `- \`${CLEANUP}:13\` DaemonSet kata-cleanup, container kube-kata-cleanup runs \`${SCRIPT} reset\`: sets every input it needs`,
        ),
      );
      assert.ok(!review.comments.some((c) => c.path.endsWith('.yaml')));
    });
  });

  describe('PR 2: env entries deleted from the cleanup DaemonSet, no script touched', () => {
    const base = () => git(dir(), 'show', `main:${CLEANUP}`);

    it('each deleted entry the reset path reads gets a comment on its deleted line (side LEFT) naming the variable, the read and why', () => {
      const r = pr('pr2', '--format', 'github-review');
      assert.equal(r.status, 0, r.stderr);
      const review = JSON.parse(r.stdout) as { body: string; comments: Comment[] };
      const expected = [...ENV]
        .map((n) => [CLEANUP, lineOfEntry(base(), n), 'LEFT'])
        .sort((a, b) => (a[1] as number) - (b[1] as number));
      assert.deepEqual(
        review.comments.map((c) => [c.path, c.line, c.side]),
        expected,
      );
      const shims = review.comments.find((c) => c.line === lineOfEntry(base(), 'SHIMS'))!;
      assert.match(
        shims.body,
        /^<!-- nounset:suggestion [0-9a-f]{16} -->\n\*\*nounset\*\*: this removes `SHIMS` from the environment of DaemonSet kata-cleanup, container kube-kata-cleanup, which runs `tools\/packaging\/kata-deploy\/scripts\/kata-deploy\.sh reset`\./,
      );
      assert.match(
        shims.body,
        /reads `SHIMS` at line 19 with no default:\n\n```sh\nIFS=' ' read -a shims <<< "\$SHIMS"\n```/,
      );
      assert.match(
        shims.body,
        /Under `set -u` the script stops there with `SHIMS: unbound variable` when the container starts\./,
      );
      const debug = review.comments.find((c) => c.line === lineOfEntry(base(), 'DEBUG'))!;
      assert.match(debug.body, /reads `DEBUG` at line 17 with no default/);
      assert.doesNotMatch(r.stdout, /HELM_POST_DELETE_HOOK/, 'a quoted default is a default');
      assert.match(
        review.body,
        new RegExp(
          `- \`${CLEANUP}:13\` DaemonSet kata-cleanup, container kube-kata-cleanup runs \`${SCRIPT} reset\` \\(changed here\\): does not set \`CREATE_DEFAULT_RUNTIMECLASS\`, \`CREATE_RUNTIMECLASSES\`, \`DEBUG\`, \`DEFAULT_SHIM\`, \`SHIMS\``,
        ),
      );
    });

    it('SARIF and rdjson: one error per missing input, located in the manifest, the read related; valid', () => {
      const sarif = pr('pr2', '--format', 'sarif');
      const doc = JSON.parse(sarif.stdout) as {
        runs: {
          tool: { driver: { rules: { id: string }[] } };
          results: {
            ruleId: string;
            level: string;
            message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
            relatedLocations?: {
              physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
            }[];
          }[];
        }[];
      };
      const validate = sarifValidator();
      assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 3)));
      const results = doc.runs[0]!.results;
      assert.equal(results.length, ENV.length);
      assert.ok(results.every((x) => x.ruleId === 'missing-input' && x.level === 'error'));
      assert.ok(results.every((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === CLEANUP));
      // The entries are gone at head: the location is the container's nearest remaining line.
      const head = readFileSync(join(dir(), CLEANUP), 'utf8').split('\n');
      assert.ok(
        results.every((x) =>
          /fieldPath: spec\.nodeName/.test(head[x.locations[0]!.physicalLocation.region.startLine - 1] ?? ''),
        ),
        'the last line of the container',
      );
      const shims = results.find((x) => /SHIMS/.test(x.message.text) && !/DEFAULT/.test(x.message.text))!;
      assert.deepEqual(
        [
          shims.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri,
          shims.relatedLocations?.[0]?.physicalLocation.region.startLine,
        ],
        [SCRIPT, 19],
      );
      assert.ok(doc.runs[0]!.tool.driver.rules.some((x) => x.id === 'missing-input'));

      const rd = pr('pr2', '--format', 'rdjson');
      const rdoc = JSON.parse(rd.stdout) as {
        diagnostics: {
          severity: string;
          location: { path: string };
          related_locations?: { location: { path: string } }[];
        }[];
      };
      const check = rdjsonValidator();
      assert.ok(check(rdoc), JSON.stringify(check.errors));
      assert.equal(rdoc.diagnostics.length, ENV.length);
      assert.ok(
        rdoc.diagnostics.every(
          (x) =>
            x.severity === 'ERROR' && x.location.path === CLEANUP && x.related_locations?.[0]?.location.path === SCRIPT,
        ),
      );
    });

    it('--fail-on-findings exits 1 on the contract errors; without it, 0; text names file:line', () => {
      const failing = pr('pr2', '--fail-on-findings');
      assert.equal(failing.status, 1);
      assert.match(
        failing.stdout,
        new RegExp(
          `^${CLEANUP}:\\d+: error: DaemonSet kata-cleanup, container kube-kata-cleanup no longer sets SHIMS \\(this pull request removes it\\), yet \`${SCRIPT} reset\` reads it at ${SCRIPT}:19`,
          'm',
        ),
      );
      assert.equal(pr('pr2').status, 0);
      assert.equal(
        pr('pr2', '--no-contracts', '--fail-on-findings').status,
        0,
        'no script changed: nothing else to say',
      );
    });

    it('--map finds the script without the configuration', () => {
      const r = pr('pr2', '--no-config', '--format', 'github-review');
      assert.equal(
        JSON.parse(r.stdout).comments.length,
        ENV.length,
        'the basename matches the script even without a map',
      );
      const mapped = pr(
        'pr2',
        '--no-config',
        '--map',
        '/opt/kata-artifacts/scripts=tools/packaging/kata-deploy/scripts',
        '--format',
        'github-review',
      );
      assert.equal(
        (JSON.parse(mapped.stdout) as { comments: Comment[] }).comments.filter((c) => c.side === 'LEFT').length,
        ENV.length,
      );
    });
  });

  describe('a PR that changes the script while the cleanup manifest lacks what it reads', () => {
    before(() => {
      const d = dir();
      git(d, 'checkout', '-q', 'pr2');
      git(d, 'checkout', '-qb', 'pr3');
      commit(
        d,
        {
          [SCRIPT]: installer(true).replace(
            '\techo "* NODE_NAME: ${NODE_NAME}"',
            '\techo "* NODE_NAME: ${NODE_NAME}"\n\techo "* RUNTIME: ${RUNTIME_CLASS_PREFIX}"',
          ),
        },
        'kata-deploy: print the runtime class prefix',
      );
    });

    it('comments on the changed line that reads what the manifests do not set, naming each place', () => {
      git(dir(), 'checkout', '-q', 'pr3');
      const r = runCli(['pr', '--base', 'pr2', '--format', 'github-review'], dir());
      assert.equal(r.status, 0, r.stderr);
      const review = JSON.parse(r.stdout) as { body: string; comments: Comment[] };
      const line =
        readFileSync(join(dir(), SCRIPT), 'utf8')
          .split('\n')
          .findIndex((l) => l.includes('RUNTIME_CLASS_PREFIX')) + 1;
      const c = review.comments.find((x) => x.path === SCRIPT && x.line === line)!;
      assert.ok(c, JSON.stringify(review.comments.map((x) => [x.path, x.line])));
      assert.match(c.body, /`\$RUNTIME_CLASS_PREFIX` may be unset here/);
      assert.match(c.body, /Places that run this script without a value it reads here:\n- /);
      assert.match(
        c.body,
        new RegExp(
          `^- \`${DEPLOY}:13\` \\(DaemonSet kata-deploy, container kube-kata-deploy\\) runs \`${SCRIPT} install\` without \`RUNTIME_CLASS_PREFIX\`: under \`set -u\` the script stops on it$`,
          'm',
        ),
      );
      assert.match(
        c.body,
        new RegExp(
          `^- \`${CLEANUP}:13\` \\(DaemonSet kata-cleanup, container kube-kata-cleanup\\) runs \`${SCRIPT} reset\` without \`RUNTIME_CLASS_PREFIX\``,
          'm',
        ),
      );
      // The unchanged manifests get no comment; the summary lists every place that runs the script.
      assert.ok(!review.comments.some((x) => x.path.endsWith('.yaml')));
      assert.match(
        review.body,
        new RegExp(
          `- \`${DEPLOY}:13\` DaemonSet kata-deploy, container kube-kata-deploy runs \`${SCRIPT} install\`: does not set \`RUNTIME_CLASS_PREFIX\``,
        ),
      );
      assert.match(
        review.body,
        new RegExp(
          `- \`${CLEANUP}:13\` DaemonSet kata-cleanup, container kube-kata-cleanup runs \`${SCRIPT} reset\`: does not set \`CREATE_DEFAULT_RUNTIMECLASS\`, \`CREATE_RUNTIMECLASSES\`, \`DEBUG\`, \`DEFAULT_SHIM\`, \`RUNTIME_CLASS_PREFIX\`, \`SHIMS\``,
        ),
      );
    });

    it('after nounset fix on the script, the same review finds no place missing an input', () => {
      const d = dir();
      git(d, 'checkout', '-q', 'pr3');
      git(d, 'checkout', '-qb', 'pr3-fixed');
      assert.equal(runCli([SCRIPT], d).status, 0);
      git(d, 'commit', '-qam', 'nounset fix');
      const r = runCli(['pr', '--base', 'main', '--format', 'github-review', '--fail-on-findings', '--all-lines'], d);
      const review = JSON.parse(r.stdout) as { body: string; comments: Comment[] };
      assert.ok(!review.comments.some((c) => c.side === 'LEFT' || c.path.endsWith('.yaml')), r.stdout);
      assert.match(
        review.body,
        new RegExp(
          `- \`${CLEANUP}:13\` DaemonSet kata-cleanup, container kube-kata-cleanup runs \`${SCRIPT} reset\` \\(changed here\\): sets every input it needs`,
        ),
      );
      assert.equal(r.status, 0, 'nothing to suggest, no place missing an input');
    });
  });

  describe('the other readers: a Dockerfile, a compose file, a new Job', () => {
    const other = useTempDir('nounset-readers-', { shared: true });
    const START = '#!/bin/sh\nset -eu\nport="$PORT"\nurl="$DB_URL"\necho "serving on $port for $url"\n';
    const DOCKERFILE =
      'FROM alpine\nENV PORT=8080\nENV DB_URL=postgres://db\nCOPY bin/start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n';
    const COMPOSE =
      'services:\n  app:\n    command: /srv/bin/start.sh\n    environment:\n      - PORT=80\n      - DB_URL=postgres://db\n';
    const JOB =
      'apiVersion: batch/v1\nkind: Job\nmetadata: { name: migrate }\nspec:\n  template:\n    spec:\n      containers:\n        - name: migrate\n          image: example/app\n          command: ["/srv/bin/start.sh"]\n          env:\n            - { name: PORT, value: "80" }\n';

    before(() => {
      const d = other();
      initRepo(d);
      commit(d, { 'bin/start.sh': START, Dockerfile: DOCKERFILE, 'compose.yaml': COMPOSE }, 'app');
      git(d, 'checkout', '-qb', 'pr');
      commit(
        d,
        {
          Dockerfile: DOCKERFILE.replace('ENV DB_URL=postgres://db\n', ''),
          'compose.yaml': COMPOSE.replace('      - DB_URL=postgres://db\n', ''),
          'deploy/job.yaml': JOB,
          'chart/broken.yaml': 'kind: Pod\nspec: [unclosed\n',
        },
        'drop DB_URL, add a migration job',
      );
    });

    it('a deleted ENV line and compose item get LEFT comments; the new Job gets one on its container', () => {
      const r = runCli(['pr', '--base', 'main', '--format', 'github-review', '--fail-on-findings'], other());
      assert.equal(r.status, 1, r.stderr);
      const review = JSON.parse(r.stdout) as { body: string; comments: Comment[] };
      assert.deepEqual(
        review.comments.map((c) => [c.path, c.line, c.side]),
        [
          ['Dockerfile', 3, 'LEFT'],
          ['compose.yaml', 6, 'LEFT'],
          ['deploy/job.yaml', 8, 'RIGHT'],
        ],
      );
      assert.match(
        review.comments[0]!.body,
        /this removes `DB_URL` from the environment of Dockerfile ENTRYPOINT, which runs `bin\/start\.sh`\. `bin\/start\.sh` reads `DB_URL` at line 4 with no default:\n\n```sh\nurl="\$DB_URL"\n```/,
      );
      assert.match(
        review.comments[2]!.body,
        /Job migrate, container migrate runs `bin\/start\.sh` without `DB_URL`\. `bin\/start\.sh` reads `DB_URL` at line 4/,
      );
      assert.match(review.comments[2]!.body, /Set `DB_URL` here, or give it a default in the script/);
      // A file that is not valid YAML is named on stderr and in the summary, and the rest is checked.
      assert.match(r.stderr, /^chart\/broken\.yaml: not checked: \d+:\d+: not valid YAML: /m);
      assert.match(review.body, /- `chart\/broken\.yaml`: not checked: /);
    });
  });

  describe('--post, against a stand-in GitHub API', () => {
    let server: Server;
    let url = '';
    const requests: { method: string; path: string; body: unknown }[] = [];

    before(async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          requests.push({ method: req.method ?? '', path: req.url ?? '', body: raw ? JSON.parse(raw) : null });
          res.writeHead(req.headers.authorization === 'token t0ken' ? (req.method === 'POST' ? 201 : 200) : 401, {
            'content-type': 'application/json',
          });
          res.end(req.method === 'GET' ? '[]' : JSON.stringify({ id: 1, html_url: `${url}/c/1` }));
        });
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const addr = server.address();
      if (addr === null || typeof addr === 'string') throw new Error('no port');
      url = `http://127.0.0.1:${addr.port}`;
    });
    after(async () => {
      server.close();
      await once(server, 'close');
    });

    it('posts the LEFT-side comments on the deleted entries and the summary with the places', async () => {
      git(dir(), 'checkout', '-q', 'pr2');
      // Not runCli: the stand-in API answers from this process, which must not block.
      const posted = await runCliAsync(['pr', '--base', 'main', '--post', '--pr', '18', '--fail-on-findings'], dir(), {
        GITHUB_TOKEN: 't0ken',
        GITHUB_REPOSITORY: 'kata/kata',
        GITHUB_API_URL: url,
      });
      assert.equal(posted.status, 1, posted.stderr);
      assert.match(posted.stderr, new RegExp(`posted ${ENV.length} comment\\(s\\)`));
      const reviewPost = requests.find((r) => r.method === 'POST' && r.path === '/repos/kata/kata/pulls/18/reviews');
      const body = reviewPost?.body as { commit_id: string; comments: Comment[] };
      assert.equal(body.commit_id, git(dir(), 'rev-parse', 'pr2').trim());
      const base = git(dir(), 'show', `main:${CLEANUP}`);
      assert.deepEqual(
        body.comments.map((c) => [c.path, c.side, c.line]).sort(),
        ENV.map((n) => [CLEANUP, 'LEFT', lineOfEntry(base, n)]).sort(),
      );
      const summary = requests.find((r) => r.method === 'POST' && r.path === '/repos/kata/kata/issues/18/comments')
        ?.body as { body: string };
      assert.match(summary.body, /^<!-- nounset:summary -->/);
      assert.match(summary.body, /#### Environment contracts: where the scripts run/);
      assert.match(summary.body, /5 input\(s\) missing where the scripts run, in 1 place\(s\)/);
      assert.match(
        summary.body,
        /runs `tools\/packaging\/kata-deploy\/scripts\/kata-deploy\.sh reset` \(changed here\): does not set/,
      );
    });
  });
});
