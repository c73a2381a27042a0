// The test tiers: `npm test` runs everything; `npm run test:unit` (.mocharc.unit.json) loads
// no-subprocesses.js first, which sets NOUNSET_TEST_TIER=unit, and a test that asks a shell is
// left out of that tier with `if (!UNIT_TIER)`.

/** True under `npm run test:unit`, where no process may be started. */
export const UNIT_TIER = process.env.NOUNSET_TEST_TIER === 'unit';
