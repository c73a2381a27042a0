// The unit tier's promise (no process started) is kept by a guard, not by the list in
// .mocharc.unit.json: this checks that the guard is really in place when the tier says so.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { UNIT_TIER } from './support/tier.js';

describe('test tiers', () => {
  it(UNIT_TIER ? 'the unit tier refuses to start a process' : 'npm test may start processes', () => {
    if (UNIT_TIER) assert.throws(() => spawnSync('bash', ['-c', 'exit 0']), /in the unit tier/);
    else assert.equal(spawnSync('bash', ['-c', 'exit 3']).status, 3);
  });
});
