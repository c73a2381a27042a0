// The fixed seed and sizes of the short safety runs in `npm test`; `npm run fuzz` runs longer.

export const SAFETY_SEED = 20_261_130;

/** Programs per property in `npm test` (mvdan-sh takes ~30 ms a program; a shell run ~30 ms). */
export const SHORT_RUNS = {
  oracleBash: 25,
  oraclePosix: 10,
  /** Runnable programs are longer: fewer of them go through mvdan-sh. */
  oracleRunnableBash: 12,
  oracleRunnablePosix: 6,
  behaviourBash: 24,
  behaviourPosix: 12,
  /** Plain programs (most without set -u) run 20 times each: ten environments, with and without -u. */
  plainBash: 12,
  plainPosix: 6,
} as const;
