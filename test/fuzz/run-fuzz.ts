// npm run fuzz: the oracle property of test/gen/programs.test.ts (nounset and mvdan-sh read
// generated programs alike) over many more programs, with a random seed, plus a `bash -n` /
// `dash -n` batch check of every chunk. FUZZ_SEED and FUZZ_RUNS (default 20000) replay a run;
// FUZZ_MAX_FAILURES (default 5) stops early. Exits 1 if anything failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';

import { rejectedBy } from '../gen/check-syntax.js';
import { type Dialect, programArbitrary } from '../gen/programs.js';
import { compareReadings, formatDisagreements } from '../oracle/compare.js';
import { unexcused } from '../oracle/divergences.js';
import { readWithMvdan } from '../oracle/mvdan-reading.js';
import { readWithNounset } from '../oracle/nounset-reading.js';

const CHUNK = 2000;
/** One chunk in four is POSIX sh. */
const DIALECT_CYCLE: readonly Dialect[] = ['bash', 'bash', 'posix', 'bash'];
const SHELLS: Readonly<Record<Dialect, readonly string[]>> = { bash: ['bash'], posix: ['dash', 'bash'] };

interface Settings {
  readonly seed: number;
  readonly runs: number;
  readonly maxFailures: number;
}

function readSettings(env: NodeJS.ProcessEnv): Settings {
  const integer = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
    return value;
  };
  return {
    seed: integer('FUZZ_SEED', Math.floor(Math.random() * 0x7fffffff)),
    runs: integer('FUZZ_RUNS', 20_000),
    maxFailures: integer('FUZZ_MAX_FAILURES', 5),
  };
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Runs the oracle property on one chunk; returns a report of the shrunk counterexample, or ''. */
function checkOracle(dialect: Dialect, seed: number, numRuns: number): string {
  const property = fc.property(programArbitrary({ dialect }), (p) => {
    const ds = unexcused(p, compareReadings(p, readWithNounset(p, dialect), readWithMvdan(p, dialect)));
    if (ds.length > 0) throw new Error(formatDisagreements('generated.sh', ds));
  });
  const details = fc.check(property, { seed, numRuns });
  if (!details.failed) return '';
  const program = details.counterexample?.[0] ?? '(no counterexample)';
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return `${JSON.stringify(program)}\n${cause}\n  fast-check: seed ${seed}, path "${details.counterexamplePath ?? ''}"`;
}

function main(): number {
  const settings = readSettings(process.env);
  const replay = `FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs} npm run fuzz`;
  say(`fuzz: seed ${settings.seed}, ${settings.runs} runs (replay: ${replay})`);
  const dir = mkdtempSync(join(tmpdir(), 'nounset-fuzz-'));
  let failures = 0;
  try {
    for (let done = 0, chunk = 0; done < settings.runs && failures < settings.maxFailures; chunk++) {
      const dialect = DIALECT_CYCLE[chunk % DIALECT_CYCLE.length] ?? 'bash';
      const seed = (settings.seed + chunk) | 0;
      const numRuns = Math.min(CHUNK, settings.runs - done);
      // The same seed makes fast-check generate the same programs for both checks.
      const programs = fc.sample(programArbitrary({ dialect }), { seed, numRuns });
      for (const bad of rejectedBy({ shells: SHELLS[dialect], programs, dir })) {
        failures++;
        say(`\nFAIL (${dialect}, chunk seed ${seed}): generated program rejected by a shell\n${bad}`);
      }
      const report = checkOracle(dialect, seed, numRuns);
      if (report !== '') {
        failures++;
        say(`\nFAIL (${dialect}, chunk seed ${seed}): nounset and mvdan-sh disagree\n${report}`);
      }
      done += numRuns;
      say(`${done}/${settings.runs} programs (${dialect} chunk, seed ${seed}): ${failures} failure(s) so far`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  say(failures === 0 ? 'fuzz: OK' : `fuzz: ${failures} failure(s); replay with FUZZ_SEED=${settings.seed}`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
