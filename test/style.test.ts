// The formatter and the linter (biome.jsonc) hold on the tree: `biome ci` finds no file to
// reformat, no import out of order and no broken rule. And the check can fail: on a copy with
// one misformatted file and one broken rule, it reports both.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from './support/cli.js';
import { ROOT } from './support/corpus.js';
import { writeTree } from './support/tree.js';

const BIOME = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');

/** `biome ci` in `dir` over `paths`: its status and what it printed. */
function biomeCi(dir: string, paths: readonly string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [BIOME, 'ci', '--colors=off', ...paths], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('style: Biome formats and lints the tree (biome.jsonc)', function () {
  this.timeout(120_000);
  const tmp = useTempDir('nounset-style-');

  it('biome ci passes on the repository', () => {
    const r = biomeCi(ROOT, ['.']);
    assert.equal(r.status, 0, r.out);
  });

  it('fails on a misformatted file and on a broken rule', () => {
    const dir = tmp();
    cpSync(join(ROOT, 'biome.jsonc'), join(dir, 'biome.jsonc'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeTree(dir, {
      'src/format.ts': 'export const a = {b:1};\n',
      'src/lint.ts': 'export function f(x: number): number {\n  debugger;\n  return x;\n}\n',
    });
    const r = biomeCi(dir, ['--vcs-enabled=false', 'src']);
    assert.notEqual(r.status, 0, r.out);
    assert.match(r.out, /src\/format\.ts format/, r.out);
    assert.match(r.out, /src\/lint\.ts:2:3 lint\/suspicious\/noDebugger/, r.out);
  });
});
