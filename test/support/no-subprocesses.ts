// Loaded by `npm run test:unit` (.mocharc.unit.json): any test that starts a process fails, so the
// unit tier stays fast and shell-free by construction, not by a list kept by hand.
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

// Read by support/tier.ts; set before any test module loads.
process.env.NOUNSET_TEST_TIER = 'unit';

const names = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
for (const name of names) {
  Object.defineProperty(childProcess, name, {
    configurable: true,
    writable: true,
    value: () => {
      throw new Error(
        `child_process.${name} in the unit tier: this test belongs to \`npm test\` only (see .mocharc.unit.json)`,
      );
    },
  });
}
// ESM named imports (`import { spawnSync } from 'node:child_process'`) follow the patched object.
syncBuiltinESMExports();
