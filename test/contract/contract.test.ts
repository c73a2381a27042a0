// `nounset contract` and `--check`, end to end with the built CLI: the kata-deploy / kata-cleanup
// reproduction (the cleanup DaemonSet sets only NODE_NAME and runs `kata-deploy.sh reset`), and
// envFrom with and without its ConfigMap, a Dockerfile, a compose file, a workflow, and malformed
// YAML. Where the check says a script would stop, bash is asked to confirm it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runCli, useTempDir } from '../support/cli.js';
import { ROOT } from '../support/corpus.js';

const KATA = join(ROOT, 'test', 'contract', 'kata');

describe('nounset contract', () => {
  const dir = useTempDir('nounset-contract-');
  const write = (name: string, text: string): void => {
    mkdirSync(join(dir(), name, '..'), { recursive: true });
    writeFileSync(join(dir(), name), text);
  };

  describe('the kata-deploy / kata-cleanup reproduction', () => {
    beforeEach(() => {
      mkdirSync(join(dir(), 'scripts'));
      copyFileSync(join(ROOT, 'examples', 'kata-deploy.sh'), join(dir(), 'scripts', 'kata-deploy.sh'));
      for (const f of ['kata-deploy.yaml', 'kata-cleanup.yaml']) copyFileSync(join(KATA, f), join(dir(), f));
    });
    const check = (...files: string[]) =>
      runCli(['contract', 'scripts', '--check', ...files, '--map', '/opt/kata-artifacts/scripts=scripts'], dir());

    it('the cleanup manifest (reset) misses the inputs the reset path reads: named with their first-read lines, exit 1', () => {
      const r = check('kata-cleanup.yaml');
      assert.equal(r.status, 1, r.stderr);
      const missing = [
        ...r.stdout.matchAll(/does not set (\w+), which scripts\/kata-deploy\.sh reads at line (\d+)/g),
      ].map((m) => `${m[1]}:${m[2]}`);
      // Read at the top, so reset reads them too; DEBUG and CREATE_* are read only by install/cleanup.
      assert.deepEqual(missing, [
        'ALLOWED_HYPERVISOR_ANNOTATIONS:23',
        'DEFAULT_SHIM:22',
        'SHIMS:21',
        'SNAPSHOTTER_HANDLER_MAPPING:24',
      ]);
      assert.match(
        r.stdout,
        /^kata-cleanup\.yaml:14: error: DaemonSet kubelet-kata-cleanup, container kube-kata-cleanup does not set ALLOWED_HYPERVISOR_ANNOTATIONS/m,
      );
      assert.doesNotMatch(r.stdout, /NODE_NAME/);
    });

    it("the configuration's contract.map says which script a path names, as --map does", () => {
      // A decoy of the same name sorts first: only the map picks the right one.
      write('scripts/a/kata-deploy.sh', '#!/bin/sh\necho decoy\n');
      assert.equal(
        runCli(['contract', 'scripts', '--check', 'kata-cleanup.yaml'], dir()).status,
        0,
        'the name alone finds the decoy',
      );
      write('.nounsetrc.json', JSON.stringify({ contract: { map: { '/opt/kata-artifacts/scripts': 'scripts' } } }));
      const r = runCli(['contract', 'scripts', '--check', 'kata-cleanup.yaml'], dir());
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /does not set SHIMS, which scripts\/kata-deploy\.sh reads at line 21/);
    });

    it('the deploy manifest sets every input; a setting the script never reads is reported as info', () => {
      const r = check('kata-deploy.yaml');
      assert.equal(r.status, 0, r.stdout);
      assert.equal(
        r.stdout,
        'kata-deploy.yaml:36: info: DaemonSet kata-deploy, container kube-kata sets LEGACY_FLAG, which scripts/kata-deploy.sh never reads (stale?)\n',
      );
    });

    it('--entry gives the contract of one subcommand', () => {
      const names = (entry: string): string[] => {
        const doc = JSON.parse(runCli(['contract', 'scripts', '--entry', entry, '--format', 'json'], dir()).stdout) as {
          scripts: { inputs: { name: string; line: number }[] }[];
        };
        return doc.scripts[0]?.inputs.map((i) => `${i.name}:${i.line}`) ?? [];
      };
      const top = [
        'ALLOWED_HYPERVISOR_ANNOTATIONS:23',
        'DEFAULT_SHIM:22',
        'NODE_NAME:45',
        'SHIMS:21',
        'SNAPSHOTTER_HANDLER_MAPPING:24',
      ];
      assert.deepEqual(names('install'), [
        ...top.slice(0, 1),
        'CREATE_DEFAULT_RUNTIMECLASS:107',
        'CREATE_RUNTIMECLASSES:141',
        'DEBUG:60',
        ...top.slice(1),
      ]);
      assert.deepEqual(names('cleanup'), [...top.slice(0, 1), 'CREATE_RUNTIMECLASSES:117', ...top.slice(1)]);
      assert.deepEqual(names('reset'), top);
    });

    it('after nounset fix, the inputs are defaulted and the cleanup manifest passes', () => {
      assert.equal(runCli(['scripts'], dir()).status, 0);
      assert.equal(check('kata-cleanup.yaml').status, 0);
      const table = runCli(['contract', 'scripts'], dir()).stdout;
      assert.match(table, /^\| `SHIMS` \| \d+ \| `` \| optional \| no \|$/m, table);
    });
  });

  describe('fix --defaults-from', () => {
    it("the deploy manifest's values become the env-init defaults, so cleanup gets what deploy was given", () => {
      mkdirSync(join(dir(), 'scripts'));
      copyFileSync(join(ROOT, 'examples', 'kata-deploy.sh'), join(dir(), 'scripts', 'kata-deploy.sh'));
      copyFileSync(join(KATA, 'kata-deploy.yaml'), join(dir(), 'kata-deploy.yaml'));
      const r = runCli(
        ['scripts', '--defaults-from', 'kata-deploy.yaml', '--map', '/opt/kata-artifacts/scripts=scripts'],
        dir(),
      );
      assert.equal(r.status, 0, r.stderr);
      const fixed = readFileSync(join(dir(), 'scripts', 'kata-deploy.sh'), 'utf8');
      assert.match(fixed, /^SHIMS="\$\{SHIMS:-clh qemu\}"$/m);
      assert.match(fixed, /^DEFAULT_SHIM="\$\{DEFAULT_SHIM:-qemu\}"$/m);
      assert.match(fixed, /^NODE_NAME="\$\{NODE_NAME:-\}"$/m, 'a fieldRef value is known only at run time');
      assert.match(
        r.log,
        /^scripts\/kata-deploy\.sh: NODE_NAME: its value is known only at run time \(fieldRef, kata-deploy\.yaml:18\); no default taken$/m,
      );
      // The default is what deploy set: bash confirms the block yields it when SHIMS is unset.
      const block = fixed.slice(fixed.indexOf('# nounset:env-init begin'), fixed.indexOf('# nounset:env-init end'));
      const shown = spawnSync('bash', ['-c', `set -u\n${block}\nprintf '%s|' "$SHIMS" "$DEFAULT_SHIM"`], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '/bin' },
      });
      assert.equal(shown.stdout, 'clh qemu|qemu|');
    });

    it('never copies a Secret, reports different values, and keeps an expansion literal', () => {
      write('app.sh', '#!/bin/sh\nset -u\necho "$TOKEN" "$MODE" "$CMD" "$PLAIN"\n');
      const pod = (name: string, mode: string) =>
        `kind: Pod\nmetadata: { name: ${name} }\nspec:\n  containers:\n    - name: c\n      command: ["/app/app.sh"]\n      env:\n        - name: TOKEN\n          valueFrom: { secretKeyRef: { name: s, key: t } }\n        - { name: MODE, value: "${mode}" }\n        - { name: CMD, value: "$(touch ran)" }\n        - { name: PLAIN, value: "x" }\n`;
      write('a.yaml', pod('a', 'fast'));
      write('b.yaml', pod('b', 'slow'));
      const r = runCli(['app.sh', '--defaults-from', 'a.yaml', '--defaults-from', 'b.yaml'], dir());
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.log, /app\.sh: TOKEN: set from a Secret \(a\.yaml:8\); its value is never copied into a script/);
      assert.match(
        r.log,
        /app\.sh: MODE: the files give different values \("fast" at a\.yaml:10, "slow" at b\.yaml:10\); no default taken/,
      );
      const fixed = readFileSync(join(dir(), 'app.sh'), 'utf8');
      assert.match(fixed, /^TOKEN="\$\{TOKEN:-\}"$/m);
      assert.match(fixed, /^MODE="\$\{MODE:-\}"$/m);
      assert.match(fixed, /^PLAIN="\$\{PLAIN:-x\}"$/m);
      const out = spawnSync('sh', ['app.sh'], {
        cwd: dir(),
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '/bin' },
      });
      // A harmless probe: had the value been run, it would have made the file `ran`.
      assert.equal(out.stdout, '  $(touch ran) x\n', 'the expansion stays text');
      assert.ok(!existsSync(join(dir(), 'ran')), 'the expansion was not run');
    });
  });

  it('prints a Markdown table per script, and JSON', () => {
    write(
      'run.sh',
      '#!/bin/sh\n: "${TOKEN:?}"\necho "${MODE:-fast}" "$TARGET"\nif [ -n "${TRACE+x}" ]; then set -x; fi\n',
    );
    const md = runCli(['contract', 'run.sh'], dir()).stdout;
    assert.match(md, /^### `run\.sh`$/m);
    assert.match(md, /^\| `MODE` \| 3 \| `fast` \| optional \| no \|$/m);
    assert.match(md, /^\| `TARGET` \| 3 \| – \| needed \| no \|$/m);
    assert.match(md, /^\| `TOKEN` \| 2 \| – \| required \| no \|$/m);
    assert.match(md, /^\| `TRACE` \| 4 \| – \| optional \| yes \|$/m);
    const json = JSON.parse(runCli(['contract', 'run.sh', '--format', 'json'], dir()).stdout) as {
      scripts: { inputs: { name: string; need: string }[] }[];
    };
    assert.deepEqual(
      json.scripts[0]?.inputs.map((i) => `${i.name}:${i.need}`),
      ['MODE:optional', 'TARGET:needed', 'TOKEN:required', 'TRACE:optional'],
    );
  });

  it('envFrom: the keys of a ConfigMap among the files count; without it, a missing input is only info', () => {
    write('job.sh', '#!/bin/sh\nset -u\necho "$REGION" "$BUCKET"\n');
    const pod = (cm: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      command: ["/app/job.sh"]\n      envFrom:\n        - configMapRef: { name: ${cm} }\n`;
    write(
      'pod.yaml',
      `${pod('settings')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata:\n  REGION: eu\n`,
    );
    const known = runCli(['contract', 'job.sh', '--check', 'pod.yaml'], dir());
    assert.equal(known.status, 1);
    assert.match(known.stdout, /does not set BUCKET/);
    assert.doesNotMatch(known.stdout, /does not set REGION/);
    write('pod2.yaml', pod('elsewhere'));
    const unknown = runCli(['contract', 'job.sh', '--check', 'pod2.yaml'], dir());
    assert.equal(unknown.status, 0, unknown.stdout);
    assert.match(
      unknown.stdout,
      /info: .*does not set BUCKET.*may come from ConfigMap elsewhere \(envFrom, not among the files given\)/,
    );
  });

  it('a Dockerfile, a compose file and a workflow: ENV, environment/env_file and env levels', () => {
    write('bin/start.sh', '#!/bin/sh\nset -u\necho "$PORT" "$DB_URL" "$LOG_LEVEL"\n');
    write(
      'Dockerfile',
      'FROM alpine\nENV PORT=8080 \\\n    LOG_LEVEL=info\nCOPY bin/start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
    );
    write(
      'compose.yaml',
      'services:\n  app:\n    command: /srv/bin/start.sh --serve\n    env_file: app.env\n    environment:\n      - PORT=80\n',
    );
    write('app.env', '# settings\nDB_URL=postgres://db\n');
    write(
      '.github/workflows/ci.yml',
      'on: push\nenv:\n  PORT: "1"\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      DB_URL: ${{ secrets.DB }}\n    steps:\n      - name: start\n        run: |\n          ./bin/start.sh\n        env:\n          LOG_LEVEL: debug\n',
    );
    const r = runCli(['contract', 'bin', '--check', 'Dockerfile', 'compose.yaml', '.github/workflows/ci.yml'], dir());
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      'Dockerfile:5: error: Dockerfile ENTRYPOINT does not set DB_URL, which bin/start.sh reads at line 3: it has no default, so under set -u the script stops when it reads it unset [bin/start.sh:3]',
      'compose.yaml:2: error: compose service app does not set LOG_LEVEL, which bin/start.sh reads at line 3: it has no default, so under set -u the script stops when it reads it unset [bin/start.sh:3]',
    ]);
    assert.match(r.stderr, /3 place\(s\) run a script, 2 error\(s\)/);
  });

  it('names that every JavaScript object has: a kind, inputs and settings, all taken as written', () => {
    write('obj.sh', '#!/bin/bash\nset -u\necho "$constructor" "$toString" "$__proto__"\n');
    const pod = (kind: string) =>
      `apiVersion: v1\nkind: ${kind}\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      command: ["/app/obj.sh"]\n      env:\n        - { name: constructor, value: "1" }\n        - { name: __proto__, value: "2" }\n`;
    write('odd.yaml', pod('constructor'));
    const odd = runCli(['contract', 'obj.sh', '--check', 'odd.yaml'], dir());
    assert.equal(odd.status, 0, odd.stderr);
    assert.match(odd.stderr, /0 place\(s\) run a script/);
    write('obj-pod.yaml', pod('Pod'));
    const r = runCli(['contract', 'obj.sh', '--check', 'obj-pod.yaml'], dir());
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      'obj-pod.yaml:6: error: Pod p, container c does not set toString, which obj.sh reads at line 3: it has no default, so under set -u the script stops when it reads it unset [obj.sh:3]',
    ]);
  });

  it('malformed YAML is one error with file:line:col, exit 2', () => {
    write('x.sh', '#!/bin/sh\necho "$A"\n');
    write('bad.yaml', 'kind: Pod\nspec:\n  containers: [\n    - name: c\n');
    const r = runCli(['contract', 'x.sh', '--check', 'bad.yaml'], dir());
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^nounset: bad\.yaml:\d+:\d+: not valid YAML: /);
  });

  it("what the check calls a stop is one: bash run with the manifest's environment aborts there", () => {
    write('s.sh', '#!/bin/bash\nset -o nounset\necho "node $NODE_NAME"\necho "shims $SHIMS"\n');
    write(
      'm.yaml',
      'kind: Pod\nspec:\n  containers:\n    - name: c\n      command: ["bash", "-c", "/x/s.sh reset"]\n      env:\n        - { name: NODE_NAME, value: n1 }\n',
    );
    const r = runCli(['contract', 's.sh', '--check', 'm.yaml'], dir());
    assert.match(r.stdout, /does not set SHIMS, which s\.sh reads at line 4/);
    const run = spawnSync('bash', [join(dir(), 's.sh'), 'reset'], {
      cwd: dir(),
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_NAME: 'n1' },
    });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /line 4: SHIMS: unbound variable/);
    assert.equal(readFileSync(join(dir(), 's.sh'), 'utf8').includes('${'), false, 'contract never edits');
  });
});
