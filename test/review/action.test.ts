// The GitHub Action and the pre-commit hooks run what they say: the action's script is valid bash
// that nounset itself finds nothing to fix in, and the hooks call the package's bin.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { fixScript } from '../../src/index.js';
import { useTempDir } from '../support/cli.js';
import { ROOT } from '../support/corpus.js';
import { commit, git, initRepo } from '../support/git.js';

/** The `run: |` block of the action's step named `name`, unindented. */
function runBlock(yaml: string, name: string): string {
  const at = yaml.indexOf(`- name: ${name}`);
  assert.ok(at >= 0, `no step ${name}`);
  const lines = yaml.slice(at).split('\n');
  const start = lines.findIndex((l) => /^\s+run: \|$/.test(l));
  const indent = /^\s*/.exec(lines[start + 1] ?? '')?.[0] ?? '';
  const body: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.trim() !== '' && !l.startsWith(indent)) break;
    body.push(l.slice(indent.length));
  }
  return `${body.join('\n').trimEnd()}\n`;
}

describe('action.yml and .pre-commit-hooks.yaml', () => {
  const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');

  it("the action's script passes bash -n and is safe under set -u by nounset's own reading", () => {
    const script = runBlock(action, 'Run nounset');
    const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    // Its inputs come through env; under set -u they must be the only reads from outside.
    const result = fixScript(`#!/bin/bash\n${script}`, { dialect: 'bash' });
    const fromInputs = [
      'NOUNSET_BASE',
      'NOUNSET_FAIL',
      'NOUNSET_MAP',
      'NOUNSET_MODE',
      'NOUNSET_PATHS',
      'NOUNSET_SARIF',
      'NOUNSET_STYLE',
    ];
    assert.deepEqual(result.inputs.map((i) => i.name).sort(), ['GITHUB_ACTION_PATH', ...fromInputs]);
    for (const name of fromInputs) assert.match(action, new RegExp(`${name}: \\$\\{\\{ inputs\\.`));
  });

  describe('sarif mode on a pull request that drops an env entry', () => {
    const dir = useTempDir('nounset-action-', { shared: true });
    const COMPOSE =
      'services:\n  app:\n    command: /srv/app/start.sh\n    environment:\n      - DB_URL=postgres://db\n      - PORT=80\n';

    before(() => {
      const d = dir();
      initRepo(d);
      // Two scripts named start.sh: only the map says which one the container runs.
      commit(
        d,
        {
          'bin/start.sh': '#!/bin/sh\necho decoy\n',
          'tools/start.sh': '#!/bin/sh\nset -u\necho "$DB_URL $PORT"\n',
          'compose.yaml': COMPOSE,
        },
        'base',
      );
      git(d, 'checkout', '-qb', 'pr');
      commit(d, { 'compose.yaml': COMPOSE.replace('      - DB_URL=postgres://db\n', '') }, 'drop DB_URL');
    });

    const runAction = (map: string) =>
      spawnSync('bash', ['-c', runBlock(action, 'Run nounset')], {
        cwd: dir(),
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          GITHUB_ACTION_PATH: ROOT,
          NOUNSET_MODE: 'sarif',
          NOUNSET_PATHS: '.',
          NOUNSET_STYLE: 'block',
          NOUNSET_BASE: 'main',
          NOUNSET_FAIL: 'true',
          NOUNSET_SARIF: 'out.sarif',
          NOUNSET_MAP: map,
        },
      });

    it('the map input reaches nounset pr: the contract finding is in the SARIF file and fails the step', () => {
      const r = runAction('/srv/app=tools');
      assert.equal(r.status, 1, r.stderr);
      const doc = JSON.parse(readFileSync(join(dir(), 'out.sarif'), 'utf8')) as {
        runs: {
          results: {
            ruleId: string;
            level: string;
            locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
          }[];
        }[];
      };
      const results = doc.runs[0]!.results;
      assert.deepEqual(
        results.map((x) => [x.ruleId, x.level, x.locations[0]!.physicalLocation.artifactLocation.uri]),
        [['missing-input', 'error', 'compose.yaml']],
      );
      // Without the map, the name alone finds the decoy, which reads nothing: no finding.
      assert.equal(runAction('').status, 0);
    });
  });

  it('the hooks call the bin package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
    };
    const hooks = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    assert.deepEqual(
      [...hooks.matchAll(/entry: (\S+)/g)].map((m) => m[1]),
      ['nounset', 'nounset'],
    );
    assert.ok(pkg.bin.nounset, 'package.json names the nounset bin');
    assert.match(pkg.scripts.prepack ?? '', /npm run build/, 'npm pack (what pre-commit runs) builds the bin');
    assert.match(hooks, /types: \[shell\]/);
    // One process for all the files: it reads the work tree once and has threads of its own.
    assert.equal([...hooks.matchAll(/^ {2}require_serial: true$/gm)].length, 2);
  });
});
