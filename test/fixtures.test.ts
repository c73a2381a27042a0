// Drives every case under fixtures/: the fix must produce the expected output exactly, the
// expected output must parse for the shell (`bash -n` / `dash -n`, and `ksh -n` for a ksh script
// when a ksh is installed; in `npm test`, not the unit tier), and fixing it again must change nothing.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Dialect, detectDialect, fixScript, type ShellVariant } from '../src/index.js';
import { transforms } from '../transforms/index.js';
import { ROOT } from './support/corpus.js';
import { fixtureCases, transformDirs } from './support/fixtures.js';
import { findShell } from './support/shells.js';
import { UNIT_TIER } from './support/tier.js';

function shellAccepts(shell: string, text: string): { ok: boolean; stderr: string } {
  const r = spawnSync(shell, ['-n'], { input: text, encoding: 'utf8', timeout: 10_000 });
  return { ok: r.status === 0, stderr: r.stderr };
}

/** What bash reads of a Bats file: bats first turns each `@test desc {` line into a function
 * header (bats-core's preprocessing regex), with the description inside double quotes. */
function batsToBash(text: string): string {
  let n = 0;
  return text.replace(/^[ \t]*@test[ \t]+(.*[^ \t])[ \t]+\{(.*)$/gm, (_, desc: string, rest: string) => {
    const name = desc.replace(/^['"]/, '').replace(/['"]$/, '');
    return `bats_test_${++n}() { bats_test_begin "${name}"; ${rest}`;
  });
}

/** The shells that must accept a fixed script: those installed, for a ksh one. */
function checkingShells(dialect: Dialect, variant: ShellVariant | null): string[] {
  if (dialect === 'posix') return ['dash'];
  return variant === 'ksh' ? ['bash', ...['ksh', 'ksh93', 'mksh'].filter((k) => findShell(k) !== null)] : ['bash'];
}

describe('fixtures', () => {
  it('each folder is a transform, with a module of the same name and a heading in docs/how-it-works.md', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'how-it-works.md'), 'utf8');
    assert.deepEqual(transformDirs(), transforms.map((t) => t.name).sort());
    for (const t of transforms) {
      const source = readFileSync(join(ROOT, 'transforms', `${t.name}.ts`), 'utf8');
      assert.match(source, new RegExp(`name: '${t.name}'`), `transforms/${t.name}.ts declares its name`);
      assert.ok(docs.includes(`### ${t.name}\n`), `docs/how-it-works.md has a "### ${t.name}" heading`);
    }
  });

  for (const transform of transformDirs()) {
    describe(transform, () => {
      const { cases, strays } = fixtureCases(transform);
      it('has no file without its input (an output alone asserts nothing)', () => {
        assert.deepEqual(strays, []);
      });
      for (const c of cases) {
        it(c.name, () => {
          assert.notEqual(c.output, null, `${c.path}: missing ${c.name}.output.sh`);
          const result = fixScript(c.input, c.options);
          assert.equal(result.output, c.output, `${c.path}: output differs`);
          assert.equal(result.changed, c.input !== c.output);
          if (c.diagnostics)
            assert.deepEqual(
              result.diagnostics.map((d) => d.code),
              c.diagnostics,
              `${c.path}: diagnostics`,
            );
          const again = fixScript(result.output, c.options);
          assert.deepEqual(again.edits, [], `${c.path}: fixing the output again must change nothing`);
          if (!UNIT_TIER && !result.diagnostics.some((d) => d.code === 'parse-error')) {
            const variant = detectDialect(c.input, c.options.path ?? '').variant;
            for (const shell of checkingShells(result.dialect, variant)) {
              const check = shellAccepts(shell, variant === 'bats' ? batsToBash(result.output) : result.output);
              assert.ok(check.ok, `${c.path}: ${shell} -n rejects the output: ${check.stderr}`);
            }
          }
        });
      }
    });
  }
});
