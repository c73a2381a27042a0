// `fix`, `contract` and `fix --defaults-from` read a script's inputs through one analysis: a default
// is a default whatever its quoting (`${X:-"false"}`, `${X:-'a b'}`, `${X:=v}`), a computed one
// (`${X:-$Y}`, `${X:-$(cmd)}`) makes the input optional, and an input is needed exactly when fix
// would make one of its reads safe. So after `nounset fix`, every `contract --check` of the same
// files passes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { need, scriptContract } from '../../src/contract/script-contract.js';
import { fixScript } from '../../src/index.js';
import { runCli, useTempDir } from '../support/cli.js';
import { ROOT } from '../support/corpus.js';
import { fixtureCases, transformDirs } from '../support/fixtures.js';
import { writeTree } from '../support/tree.js';

const KATA = join(ROOT, 'test', 'contract', 'kata');

/** The kata cleanup script's shape with Helm's hook flag: defaults written with quotes. */
const HELM_STYLE = `#!/usr/bin/env bash
set -o errexit -o nounset -o pipefail

HELM_POST_DELETE_HOOK="\${HELM_POST_DELETE_HOOK:-"false"}"
C=\${C:-"x y"}
MODE="\${MODE:-'a b'}"
: "\${LEVEL:=info}"
HOST=\${HOST:-$(hostname)}
DIR="\${DIR:-$HOME}"
IFS=' ' read -a shims <<< "$SHIMS"

main() {
	echo "$NODE_NAME $HELM_POST_DELETE_HOOK $C $MODE $LEVEL $HOST $DIR \${shims[*]}"
	case "\${1:-}" in
	reset) echo reset ;;
	*) echo "$DEBUG" ;;
	esac
}

main "$@"
`;

interface JsonInput {
  readonly name: string;
  readonly default?: string;
  readonly computed?: boolean;
  readonly need: string;
}

describe('one analysis for fix and contract', () => {
  const dir = useTempDir('nounset-one-analysis-');
  const write = (name: string, text: string): void => writeTree(dir(), { [name]: text });

  // `contract helm.sh --format json`, run once for the two tests that read it.
  const helm = useTempDir('nounset-one-analysis-helm-', { shared: true });
  let helmInputs: JsonInput[] = [];
  before(() => {
    writeTree(helm(), { 'helm.sh': HELM_STYLE });
    const doc = JSON.parse(runCli(['contract', 'helm.sh', '--format', 'json'], helm()).stdout) as {
      scripts: { inputs: JsonInput[] }[];
    };
    helmInputs = doc.scripts[0]?.inputs ?? [];
  });

  it('a default is a default whatever its quoting; a computed one makes the input optional', () => {
    const inputs = Object.fromEntries(helmInputs.map((i) => [i.name, i]));
    assert.deepEqual(inputs.HELM_POST_DELETE_HOOK, {
      ...inputs.HELM_POST_DELETE_HOOK,
      default: 'false',
      need: 'optional',
    });
    assert.equal(inputs.C?.default, 'x y');
    // Inside double quotes, bash keeps single quotes: the default is the text with them.
    assert.equal(inputs.MODE?.default, "'a b'");
    assert.equal(inputs.LEVEL?.default, 'info');
    assert.deepEqual(
      [inputs.HOST?.default, inputs.HOST?.computed, inputs.HOST?.need],
      ['$(hostname)', true, 'optional'],
    );
    assert.deepEqual([inputs.DIR?.default, inputs.DIR?.computed, inputs.DIR?.need], ['$HOME', true, 'optional']);
    assert.equal(inputs.SHIMS?.need, 'needed');
    assert.equal(inputs.C?.computed, undefined);
    const md = runCli(['contract', 'helm.sh'], helm()).stdout;
    assert.match(md, /^\| `HOST` \| \d+ \| `\$\(hostname\)` \(computed\) \| optional \| no \|$/m);
    assert.match(md, /^\| `HELM_POST_DELETE_HOOK` \| 4 \| `false` \| optional \| no \|$/m);
  });

  it('bash agrees on each default the contract names', () => {
    const literal = helmInputs.filter((i) => i.default !== undefined && !i.computed);
    // Run the assignments at the top with nothing set, and print what each variable holds.
    const top = HELM_STYLE.split('\n').slice(3, 7).join('\n');
    const names = literal.map((i) => i.name);
    const shown = spawnSync('bash', ['-c', `${top}\nprintf '%s|' ${names.map((n) => `"$${n}"`).join(' ')}`], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/bin' },
    });
    assert.equal(shown.stdout, literal.map((i) => `${i.default}|`).join(''), shown.stderr);
  });

  it('a variable read only through ${X:+…}, ${X+…} or a whole-array expansion needs no value', () => {
    write(
      's.sh',
      '#!/bin/bash\nset -u\necho "${VERBOSE:+-v}" ${PROXY+"--proxy=$PROXY"} "${LIST[@]}"\necho "$X"\nX=${X:-d}\n',
    );
    const doc = JSON.parse(runCli(['contract', 's.sh', '--format', 'json'], dir()).stdout) as {
      scripts: { inputs: JsonInput[] }[];
    };
    const needs = Object.fromEntries((doc.scripts[0]?.inputs ?? []).map((i) => [i.name, i.need]));
    assert.equal(needs.VERBOSE, 'optional');
    assert.equal(needs.PROXY, 'optional');
    // Read unguarded before its default: bash stops there, so a manifest must set it.
    assert.equal(needs.X, 'needed');
    const run = spawnSync('bash', [join(dir(), 's.sh')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/bin' },
    });
    assert.match(run.stderr, /X: unbound variable/);
  });

  it('--entry reads the tree the analysis parsed: a bats file is not parsed again as plain bash', () => {
    // A second parse without the bats flag used to fail on `@test` (an internal error, exit 3).
    const text = '#!/usr/bin/env bats\n@test "x" {\n  echo "$FOO"\n}\n';
    assert.deepEqual(
      scriptContract('t.bats', text, {}, ['a']).inputs.map((i) => [i.name, need(i)]),
      [['FOO', 'needed']],
    );
    // A script that does not parse still throws its ParseError for an entry, as before.
    assert.throws(() => scriptContract('bad.sh', 'if\n', {}, ['a']), /bad\.sh:2:1:/);
  });

  describe('after nounset fix, every contract --check of the same files passes', () => {
    const cleanupPod = (script: string): string =>
      `kind: DaemonSet\nmetadata: { name: cleanup }\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          command: ["bash", "-c", "${script} reset"]\n          env:\n            - name: NODE_NAME\n              valueFrom: { fieldRef: { fieldPath: spec.nodeName } }\n`;
    const cases: { name: string; script: () => string; manifests: () => Record<string, string> }[] = [
      {
        name: 'examples/kata-deploy.sh',
        script: () => readFileSync(join(ROOT, 'examples', 'kata-deploy.sh'), 'utf8'),
        manifests: () => ({
          'deploy.yaml': readFileSync(join(KATA, 'kata-deploy.yaml'), 'utf8'),
          'cleanup.yaml': readFileSync(join(KATA, 'kata-cleanup.yaml'), 'utf8'),
        }),
      },
      {
        name: 'the kata reproduction fixture',
        script: () => readFileSync(join(ROOT, 'fixtures', 'env-init-block', 'kata-reproduction.input.sh'), 'utf8'),
        manifests: () => ({
          'deploy.yaml': readFileSync(join(KATA, 'kata-deploy.yaml'), 'utf8'),
          'cleanup.yaml': readFileSync(join(KATA, 'kata-cleanup.yaml'), 'utf8'),
        }),
      },
      {
        name: 'quoted and computed defaults',
        script: () => HELM_STYLE,
        manifests: () => ({ 'cleanup.yaml': cleanupPod('/opt/kata-artifacts/scripts/kata-deploy.sh') }),
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        write('scripts/kata-deploy.sh', c.script());
        const manifests = c.manifests();
        writeTree(dir(), manifests);
        const check = (file: string) =>
          runCli(['contract', 'scripts', '--check', file, '--map', '/opt/kata-artifacts/scripts=scripts'], dir());
        const failing = Object.keys(manifests).filter((m) => check(m).status === 1);
        assert.ok(failing.length > 0, 'some manifest misses an input before the fix');
        assert.equal(runCli(['scripts'], dir()).status, 0);
        for (const m of Object.keys(manifests)) {
          const r = check(m);
          assert.equal(r.status, 0, `${m}: ${r.stdout}`);
          assert.doesNotMatch(r.stdout, /error:/);
        }
      });
    }

    it('every fixture: once fixed, an input is needed only where fix said it could not fix a read', () => {
      let checked = 0;
      for (const transform of transformDirs()) {
        for (const c of fixtureCases(transform).cases) {
          // The case's own options, as test/fixtures.test.ts fixes it: its path, its options file
          // and the files in its `.sourced/` folder.
          const fixed = fixScript(c.input, c.options);
          const leftAlone = fixed.diagnostics.some((d) => d.severity !== 'info' || d.code === 'disabled');
          const { path, ...options } = c.options;
          const needed = scriptContract(path ?? c.path, fixed.output, options).inputs.filter(
            (i) => need(i) === 'needed',
          );
          if (!leftAlone)
            assert.deepEqual(
              needed.map((i) => i.name),
              [],
              c.path,
            );
          checked++;
        }
      }
      assert.ok(checked > 30, `${checked} fixtures`);
    });
  });

  describe('fix --defaults-from', () => {
    it('takes values for inputs only, and keeps a default the script gives itself', () => {
      write('scripts/kata-deploy.sh', HELM_STYLE);
      copyFileSync(join(KATA, 'kata-deploy.yaml'), join(dir(), 'deploy.yaml'));
      // The deploy manifest sets the hook flag too: the script's own "false" stays for cleanup.
      const deploy = readFileSync(join(dir(), 'deploy.yaml'), 'utf8').replace(
        '            - name: LEGACY_FLAG',
        '            - name: HELM_POST_DELETE_HOOK\n              value: "true"\n            - name: LEGACY_FLAG',
      );
      writeFileSync(join(dir(), 'deploy.yaml'), deploy);
      const r = runCli(
        ['scripts', '--defaults-from', 'deploy.yaml', '--map', '/opt/kata-artifacts/scripts=scripts'],
        dir(),
      );
      assert.equal(r.status, 0, r.stderr);
      const fixed = readFileSync(join(dir(), 'scripts', 'kata-deploy.sh'), 'utf8');
      assert.match(fixed, /^SHIMS="\$\{SHIMS:-clh qemu\}"$/m);
      assert.doesNotMatch(fixed, /HELM_POST_DELETE_HOOK:-true/);
      assert.match(
        r.log,
        /^scripts\/kata-deploy\.sh: HELM_POST_DELETE_HOOK: the script gives it its own default, "false"; the files' value is not taken/m,
      );
      assert.doesNotMatch(r.log, /LEGACY_FLAG/, 'a setting the script never reads is no default of it');
    });
  });
});
