// resolveFileConfig and isExcludedByConfig: which overrides apply to a file, how they merge, and
// which files the top-level exclude drops.

import assert from 'node:assert/strict';
import { isExcludedByConfig, type LoadedConfig, resolveFileConfig, validateConfig } from '../../src/config/index.js';

function loaded(value: unknown): LoadedConfig {
  return { path: '/repo/.nounsetrc.json', dir: '/repo', config: validateConfig(value, '/repo/.nounsetrc.json') };
}

describe('resolveFileConfig', () => {
  it('gives the top level alone when no override matches, with empty lists', () => {
    assert.deepEqual(resolveFileConfig(loaded({}), '/repo/a.sh'), { defaults: {}, required: [], ignoreVars: [] });
    const config = loaded({
      style: 'inline',
      dialect: 'sh',
      defaults: { A: '1' },
      required: ['R'],
      ignoreVars: ['I'],
      overrides: [{ files: 'ci/**', style: 'block' }],
    });
    assert.deepEqual(resolveFileConfig(config, '/repo/lib/a.sh'), {
      style: 'inline',
      dialect: 'sh',
      defaults: { A: '1' },
      required: ['R'],
      ignoreVars: ['I'],
    });
  });

  it('applies matching overrides in array order: later style and dialect win, defaults merge, lists add up', () => {
    const config = loaded({
      style: 'block',
      defaults: { A: 'top', B: 'top' },
      required: ['Z', 'R'],
      ignoreVars: ['I'],
      overrides: [
        { files: 'ci/**', style: 'inline', dialect: 'bash', defaults: { B: 'ci', C: 'ci' }, required: ['R', 'CI'] },
        { files: '*.bash', dialect: 'posix', ignoreVars: ['I', 'B2'] },
        { files: 'ci/deploy.bash', style: 'block', defaults: { C: 'deploy' } },
        { files: 'other/**', style: 'inline', required: ['NOPE'] },
      ],
    });
    assert.deepEqual(resolveFileConfig(config, '/repo/ci/deploy.bash'), {
      style: 'block',
      dialect: 'posix',
      defaults: { A: 'top', B: 'ci', C: 'deploy' },
      required: ['CI', 'R', 'Z'],
      ignoreVars: ['B2', 'I'],
    });
    assert.deepEqual(resolveFileConfig(config, '/repo/ci/test.sh'), {
      style: 'inline',
      dialect: 'bash',
      defaults: { A: 'top', B: 'ci', C: 'ci' },
      required: ['CI', 'R', 'Z'],
      ignoreVars: ['I'],
    });
  });

  it('matches globs with gitignore rules, relative to the config directory', () => {
    const config = loaded({
      overrides: [
        { files: '*.bats', required: ['BASENAME'] },
        { files: '/top.sh', required: ['ANCHORED'] },
        { files: 'lib/*.sh', required: ['SLASH'] },
        { files: ['scripts/**', '!scripts/keep.sh'], required: ['NEGATED'] },
        { files: 'tools/', required: ['DIRECTORY'] },
      ],
    });
    const required = (file: string): string[] => resolveFileConfig(config, file).required;
    assert.deepEqual(required('/repo/deep/down/t.bats'), ['BASENAME']);
    assert.deepEqual(required('/repo/top.sh'), ['ANCHORED']);
    assert.deepEqual(required('/repo/sub/top.sh'), []);
    assert.deepEqual(required('/repo/lib/a.sh'), ['SLASH']);
    assert.deepEqual(required('/repo/x/lib/a.sh'), []);
    assert.deepEqual(required('/repo/scripts/a/b.sh'), ['NEGATED']);
    assert.deepEqual(required('/repo/scripts/keep.sh'), []);
    assert.deepEqual(required('/repo/tools/x/run.sh'), ['DIRECTORY']);
  });

  it('skips an override whose excludeFiles match', () => {
    const config = loaded({
      overrides: [{ files: 'ci/**', excludeFiles: ['ci/legacy/**', '*.old.sh'], style: 'inline' }],
    });
    assert.equal(resolveFileConfig(config, '/repo/ci/new.sh').style, 'inline');
    assert.equal(resolveFileConfig(config, '/repo/ci/legacy/a.sh').style, undefined);
    assert.equal(resolveFileConfig(config, '/repo/ci/x.old.sh').style, undefined);
  });

  it('applies no override to a file outside the config directory', () => {
    const config = loaded({ style: 'block', overrides: [{ files: '*', style: 'inline' }] });
    assert.equal(resolveFileConfig(config, '/repo/a.sh').style, 'inline');
    assert.equal(resolveFileConfig(config, '/elsewhere/a.sh').style, 'block');
    assert.equal(resolveFileConfig(config, '/repository/a.sh').style, 'block');
    assert.equal(resolveFileConfig(config, '/repo/..x/a.sh').style, 'inline');
  });

  it('never changes the config it reads', () => {
    const config = loaded({
      defaults: { A: '1' },
      required: ['R'],
      overrides: [{ files: '*', defaults: { A: '2' }, required: ['S'] }],
    });
    const before = JSON.stringify(config);
    resolveFileConfig(config, '/repo/a.sh');
    assert.equal(JSON.stringify(config), before);
  });
});

describe('isExcludedByConfig', () => {
  const config = loaded({ exclude: ['vendor/', '*.generated.sh', 'build/**', '!build/keep.sh'] });

  it('matches the top-level exclude globs relative to the config directory', () => {
    assert.equal(isExcludedByConfig(config, '/repo/vendor/lib/a.sh'), true);
    assert.equal(isExcludedByConfig(config, '/repo/sub/x.generated.sh'), true);
    assert.equal(isExcludedByConfig(config, '/repo/build/out.sh'), true);
    assert.equal(isExcludedByConfig(config, '/repo/build/keep.sh'), false);
    assert.equal(isExcludedByConfig(config, '/repo/src/a.sh'), false);
  });

  it('excludes nothing outside the config directory, or without exclude', () => {
    assert.equal(isExcludedByConfig(config, '/other/vendor/a.sh'), false);
    assert.equal(isExcludedByConfig(loaded({}), '/repo/vendor/a.sh'), false);
    assert.equal(isExcludedByConfig(loaded({ exclude: [] }), '/repo/vendor/a.sh'), false);
  });

  it('ignores the overrides', () => {
    assert.equal(isExcludedByConfig(loaded({ overrides: [{ files: '*', excludeFiles: '*' }] }), '/repo/a.sh'), false);
  });
});
