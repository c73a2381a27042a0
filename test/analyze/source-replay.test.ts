// A sourced file's top-level walk, replayed where a script meets the file with the same values
// (flow/source-cache.ts), must give every script what a fresh analysis gives it. Libraries and
// scripts are put together, seeded, from the flow cases (test/flow/cases/: loops, branches,
// functions, arrays, traps, unset, eval, `${X:?}`...), with random assignments and unsets of
// the names the cases use before the `source` line, and each script is analysed in three orders
// against its fresh analysis.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forgetSharedAnalyses, keptWalkReplays } from '../../src/analyze/flow/index.js';
import { forgetSharedParses } from '../../src/analyze/sourced/index.js';
import { fixScript, inspectScript } from '../../src/index.js';

const CASES = join(import.meta.dirname, '..', '..', '..', 'test', 'flow', 'cases');
const NAMES = ['X', 'Y', 'MODE', 'G', 'arr', 'OPT', 'TARGET', 'FLAG'];

describe('analyze: replayed library walks give what a fresh analysis gives', () => {
  const bodies = readdirSync(CASES)
    .filter((f) => f.endsWith('.sh'))
    .sort()
    .map((f) => readFileSync(join(CASES, f), 'utf8').replace(/^set -u\n/, ''));
  let seed = 19;
  const pick = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const body = (): string => bodies[pick(bodies.length)] ?? '';
  const before = (): string => {
    const lines: string[] = [];
    for (let i = pick(3); i > 0; i--) {
      const n = NAMES[pick(NAMES.length)] as string;
      lines.push([`${n}=1`, `unset ${n}`, `${n}=`, `: "\${${n}:=d}"`][pick(4)] as string);
    }
    return lines.join('\n');
  };

  it('over 40 seeded libraries, four scripts each, in three orders', () => {
    let replays = 0;
    for (let round = 0; round < 40; round++) {
      const files: Record<string, string> = { 'lib.sh': [body(), body(), 'LIB=1', ''].join('\n') };
      const scripts = ['s0.sh', 's1.sh', 's2.sh', 's3.sh'];
      for (const s of scripts)
        files[s] =
          `#!/bin/bash\n${pick(2) === 0 ? 'set -u\n' : ''}${before()}\n. ./lib.sh\n${body()}\n` +
          'echo "$X $Y $MODE $G $TARGET $FLAG $LIB"\n';
      const readSource = (p: string): string | null => files[p.replace(/^\.\//, '')] ?? null;
      const analyse = (s: string): string =>
        JSON.stringify([
          fixScript(files[s] ?? '', { path: s, readSource }),
          inspectScript(files[s] ?? '', { path: s, readSource }),
        ]);
      const fresh = new Map<string, string>();
      for (const s of scripts) {
        forgetSharedAnalyses();
        forgetSharedParses();
        fresh.set(s, analyse(s));
      }
      forgetSharedAnalyses();
      forgetSharedParses();
      for (const order of [scripts, [...scripts].reverse(), scripts])
        for (const s of order)
          assert.equal(analyse(s), fresh.get(s), `round ${round}, ${s}\n${files['lib.sh']}\n---\n${files[s]}`);
      replays += keptWalkReplays();
    }
    // The comparison means something only if walks were replayed.
    assert.ok(replays > 100, `${replays} replays`);
  });
});
