import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLightRun, LIGHT_MAX_BYTES, LIGHT_MAX_FILES, tierForRun } from '../../src/cli/light-run.js';
import type { EntryStat, ScriptIO } from '../../src/io/script-io.js';

/** An io whose stat answers from a table; anything else is a bug in the caller. */
function statOnly(sizes: Record<string, number>, asked: string[]): ScriptIO {
  const no = (): never => {
    throw new Error('only stat is expected');
  };
  return {
    stat(path: string): EntryStat {
      asked.push(path);
      const size = sizes[path];
      if (size === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return { kind: 'file', mode: 0o644, size };
    },
    lstat: no,
    readFile: no,
    readHead: no,
    createFile: no,
    rename: no,
    unlink: no,
    readdir: no,
  };
}

describe('cli/light-run: runs that go without TurboFan', () => {
  it('a few small files are light; too many files or too many bytes are not', () => {
    assert.equal(isLightRun([30_000]), true);
    assert.equal(isLightRun(new Array<number>(LIGHT_MAX_FILES).fill(1)), true);
    assert.equal(isLightRun(new Array<number>(LIGHT_MAX_FILES + 1).fill(1)), false);
    assert.equal(isLightRun([LIGHT_MAX_BYTES]), true);
    assert.equal(isLightRun([LIGHT_MAX_BYTES - 10, 11]), false);
    assert.equal(isLightRun([]), true);
  });

  // Only the paths that leave the flags alone are run here: this process runs the other tests.
  it('a large run is decided without a stat of any file', () => {
    const asked: string[] = [];
    const paths = Array.from({ length: LIGHT_MAX_FILES + 1 }, (_, i) => `f${i}.sh`);
    assert.equal(tierForRun(paths, '/w', statOnly({}, asked)), false);
    assert.deepEqual(asked, []);
  });

  it('a large file, or one that cannot be stat-ed, keeps TurboFan', () => {
    const asked: string[] = [];
    assert.equal(
      tierForRun(['a.sh', 'big.sh'], '/w', statOnly({ '/w/a.sh': 10, '/w/big.sh': LIGHT_MAX_BYTES }, asked)),
      false,
    );
    assert.deepEqual(asked, ['/w/a.sh', '/w/big.sh']);
    assert.equal(tierForRun(['gone.sh'], '/w', statOnly({}, [])), false);
  });

  // V8 is asked, in a process of its own, whether a hot function got optimized after the choice.
  const PROBE = `
const { mkdtempSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
(async () => {
  const { tierForRun } = await import(process.argv[2]);
  const { nodeIO } = await import(process.argv[3]);
  const dir = mkdtempSync(join(process.argv[4], 'files-'));
  writeFileSync(join(dir, 'a.sh'), process.argv[5] === 'light' ? 'echo hi\\n' : 'x'.repeat(${LIGHT_MAX_BYTES + 1}));
  const light = tierForRun(['a.sh'], dir, nodeIO);
  function f(x) { return x + 1; }
  %PrepareFunctionForOptimization(f);
  f(1); f(2);
  %OptimizeFunctionOnNextCall(f);
  f(3);
  // Bit 16 of the status: optimized code.
  process.stdout.write(JSON.stringify({ light, optimized: (%GetOptimizationStatus(f) & 16) !== 0 }));
})();
`;
  for (const [kind, expect] of [
    ['light', { light: true, optimized: false }],
    ['heavy', { light: false, optimized: true }],
  ] as const) {
    it(`a ${kind} run ${expect.optimized ? 'keeps' : 'turns off'} V8's optimizing compiler`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'nounset-light-'));
      try {
        const probe = join(dir, 'probe.cjs');
        writeFileSync(probe, PROBE);
        const here = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url));
        const r = spawnSync(
          process.execPath,
          [
            '--allow-natives-syntax',
            probe,
            here('../../src/cli/light-run.js'),
            here('../../src/io/node-script-io.js'),
            dir,
            kind,
          ],
          { encoding: 'utf8' },
        );
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(JSON.parse(r.stdout), expect);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
