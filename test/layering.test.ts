// The layering (.dependency-cruiser.cjs) holds: dependency-cruiser finds no violation in src/ and
// transforms/. And the check can fail: in a copy of the tree, imports that break each kind of rule
// are each reported under that rule.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from './support/cli.js';
import { ROOT } from './support/corpus.js';
import { writeTree } from './support/tree.js';

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** The violations dependency-cruiser reports in `dir` (a checkout: the config, src/, transforms/). */
function violations(dir: string): Violation[] {
  const bin = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const r = spawnSync(
    process.execPath,
    [bin, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'src', 'transforms'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  assert.ok(r.stdout.startsWith('{'), `dependency-cruiser printed no result (status ${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const describeAll = (vs: readonly Violation[]): string =>
  vs.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).join('\n');

describe('layering', function () {
  this.timeout(120_000);
  const tmp = useTempDir('nounset-layering-');

  it('src/ and transforms/ break no rule of .dependency-cruiser.cjs', () => {
    const found = violations(ROOT);
    assert.deepEqual(found, [], describeAll(found));
  });

  it('an import that breaks a rule is reported under that rule', () => {
    const dir = tmp();
    for (const f of ['.dependency-cruiser.cjs', 'tsconfig.json', 'package.json', 'src', 'transforms'])
      cpSync(join(ROOT, f), join(dir, f), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeTree(dir, {
      // The parser imports nothing above it.
      'src/parse/zz-up.ts': "import { runPaths } from '../run/index.js';\nexport const up = runPaths;\n",
      // The analysis reads; it never reaches for the file system.
      'src/analyze/zz-io.ts': "import { nodeIO } from '../io/index.js';\nexport const io = nodeIO;\n",
      // review/ takes what it renders; it never imports run/.
      'src/review/zz-run.ts': "import type { PrRun } from '../run/run-pr.js';\nexport type Run = PrRun;\n",
      // Nothing imports cli/.
      'src/run/zz-cli.ts': "import { toFixOptions } from '../cli/fix-options.js';\nexport const cli = toFixOptions;\n",
      // Another folder is entered through its index.ts.
      'src/fix/zz-door.ts': "import { planFixes } from '../analyze/plan.js';\nexport const plan = planFixes;\n",
      // No cycle outside the parser.
      'src/report/zz-a.ts': "import { b } from './zz-b.js';\nexport const a = (): number => b() + 1;\n",
      'src/report/zz-b.ts': "import { a } from './zz-a.js';\nexport const b = (): number => a() - 1;\n",
    });
    const found = violations(dir);
    const has = (rule: string, from: string, to: string): boolean =>
      found.some((v) => v.rule.name === rule && v.from === from && v.to === to);
    const expected: [string, string, string][] = [
      ['layer-parse', 'src/parse/zz-up.ts', 'src/run/index.ts'],
      ['layer-analyze', 'src/analyze/zz-io.ts', 'src/io/index.ts'],
      ['layer-review', 'src/review/zz-run.ts', 'src/run/run-pr.ts'],
      ['front-door-src/run', 'src/review/zz-run.ts', 'src/run/run-pr.ts'],
      ['nothing-imports-cli', 'src/run/zz-cli.ts', 'src/cli/fix-options.ts'],
      ['front-door-src/analyze', 'src/fix/zz-door.ts', 'src/analyze/plan.ts'],
      ['no-circular', 'src/report/zz-a.ts', 'src/report/zz-b.ts'],
    ];
    for (const [rule, from, to] of expected)
      assert.ok(has(rule, from, to), `expected ${rule}: ${from} → ${to}; found:\n${describeAll(found)}`);
    // Nothing else: the tree copied is the clean one.
    assert.ok(
      found.every((v) => v.from.includes('/zz-')),
      describeAll(found),
    );
  });
});
