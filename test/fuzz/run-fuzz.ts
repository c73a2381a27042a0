// npm run fuzz -- --runs N --seed S: every safety property over many generated programs, from a
// printed seed. Per chunk of grammar programs (test/gen): `bash -n` / `dash -n` accept them;
// nounset and mvdan-sh read them alike; each fix (both styles) makes no unsafe edit, keeps every
// byte outside its edits, is a fixed point and passes `bash -n` / `dash -n`. On a twentieth as
// many smaller programs, and on runnable ones, mvdan-sh checks every edit; a fortieth as many
// runnable programs run under bash and dash before and after the fix; as many associative-array
// programs as runnable ones run under bash, each stop checked against nounset's verdicts
// (assoc-elements.ts), and as many programs of functions that call each other by name and through
// computed names (function-calls.ts). Once per run: a dense 10 MB script. Each failing program is written to --out (default fuzz-failures/, gitignored) as
// <seed>-<n>.sh, a fixture candidate, with <seed>-<n>.txt saying what failed. Exits 1 on failure.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';

import { fixScript } from '../../src/index.js';
import { rejectedBy } from '../gen/check-syntax.js';
import { type Dialect, programArbitrary } from '../gen/programs.js';
import { runnableCaseArbitrary } from '../gen/runnable.js';
import { compareReadings, formatDisagreements } from '../oracle/compare.js';
import { unexcused } from '../oracle/divergences.js';
import { readWithMvdan } from '../oracle/mvdan-reading.js';
import { readWithNounset } from '../oracle/nounset-reading.js';
import { checkBehaviour, checkPlainBehaviour, emptyReport } from '../safety/behaviour-property.js';
import { checkEditsWithMvdan } from '../safety/mvdan-edits.js';
import { ROOT } from '../support/corpus.js';
import { checkAssocElements } from './assoc-elements.js';
import { fixProblems } from './fix-properties.js';
import { checkFunctionCalls } from './function-calls.js';
import { type FuzzSettings, readSettings } from './fuzz-settings.js';
import type { ProgramReport } from './program-check.js';

const CHUNK = 2000;
/** One chunk in four is POSIX sh. */
const DIALECT_CYCLE: readonly Dialect[] = ['bash', 'bash', 'posix', 'bash'];
const SHELLS: Readonly<Record<Dialect, readonly string[]>> = { bash: ['bash'], posix: ['dash', 'bash'] };

interface Counts {
  grammarPrograms: number;
  runnablePrograms: number;
  readingComparisons: number;
  fixes: number;
  editOracleFixes: number;
  editOracleEdits: number;
  editOracleNodes: number;
  behaviourRuns: number;
  plainPrograms: number;
  plainRuns: number;
  assocPrograms: number;
  assocStops: number;
  callPrograms: number;
  callStops: number;
  failures: number;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Writes a failing program as a fixture candidate and says so. */
function makeRecorder(settings: FuzzSettings, counts: Counts): (program: string, what: string) => void {
  return (program, what) => {
    counts.failures++;
    mkdirSync(settings.out, { recursive: true });
    const base = join(settings.out, `${settings.seed}-${counts.failures}`);
    writeFileSync(`${base}.sh`, program);
    writeFileSync(
      `${base}.txt`,
      `${what}\n\nreplay: npm run fuzz -- --seed ${settings.seed} --runs ${settings.runs}\n`,
    );
    say(`\nFAIL ${counts.failures} (written to ${base}.sh): ${what.split('\n').slice(0, 12).join('\n')}`);
  };
}

/** The reading oracle on one chunk, shrunk by fast-check; the counterexample and why, or null. */
function checkReadings(dialect: Dialect, seed: number, numRuns: number): { program: string; why: string } | null {
  const property = fc.property(programArbitrary({ dialect }), (p) => {
    const ds = unexcused(p, compareReadings(p, readWithNounset(p, dialect), readWithMvdan(p, dialect)));
    if (ds.length > 0) throw new Error(formatDisagreements('generated.sh', ds));
  });
  const details = fc.check(property, { seed, numRuns });
  if (!details.failed) return null;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return { program: details.counterexample?.[0] ?? '', why: `nounset and mvdan-sh read it differently\n${cause}` };
}

function editOracle(
  programs: readonly string[],
  dialect: Dialect,
  counts: Counts,
  record: (p: string, what: string) => void,
): void {
  for (const p of programs) {
    for (const style of ['block', 'inline'] as const) {
      const check = checkEditsWithMvdan(p, fixScript(p, { dialect, style }), dialect);
      if (check.compared) counts.editOracleFixes++;
      counts.editOracleEdits += check.edits;
      counts.editOracleNodes += check.nodes;
      if (check.problems.length > 0)
        record(p, `mvdan-sh check of the ${style} fix (${dialect}):\n${check.problems.join('\n')}`);
    }
  }
}

async function runChunk(
  chunk: number,
  settings: FuzzSettings,
  numRuns: number,
  dir: string,
  counts: Counts,
  record: (p: string, what: string) => void,
): Promise<void> {
  const dialect = DIALECT_CYCLE[chunk % DIALECT_CYCLE.length] ?? 'bash';
  const seed = (settings.seed + chunk) | 0;
  // The same seed makes fast-check generate the same programs for every check.
  const programs = fc.sample(programArbitrary({ dialect }), { seed, numRuns });
  counts.grammarPrograms += programs.length;
  for (const bad of rejectedBy({ shells: SHELLS[dialect], programs, dir }))
    record(JSON.parse(bad.split('\n')[0] ?? '""') as string, `a generated program is rejected by a shell\n${bad}`);
  const readings = checkReadings(dialect, seed, numRuns);
  counts.readingComparisons += numRuns;
  if (readings !== null) record(readings.program, readings.why);

  const outputs: string[] = [];
  for (const p of programs) {
    const { problems, outputs: fixed } = fixProblems(p, dialect);
    counts.fixes += 2;
    outputs.push(...fixed);
    if (problems.length > 0) record(p, `fixing it (${dialect}):\n${problems.join('\n')}`);
  }
  for (const bad of rejectedBy({ shells: SHELLS[dialect], programs: outputs, dir }))
    record(
      JSON.parse(bad.split('\n')[0] ?? '""') as string,
      `a fixed program is rejected by a shell (this is the output)\n${bad}`,
    );

  const small = fc.sample(programArbitrary({ dialect, maxDepth: 2, maxStatements: 3 }), {
    seed,
    numRuns: Math.ceil(numRuns / 20),
  });
  const runnable = fc
    .sample(runnableCaseArbitrary(dialect), { seed, numRuns: Math.ceil(numRuns / 40) })
    .map((c) => c.program);
  counts.grammarPrograms += small.length;
  editOracle([...small, ...runnable], dialect, counts, record);

  const report = emptyReport();
  await checkBehaviour({ dialect, seed, numRuns: Math.ceil(numRuns / 40), dir }, report);
  counts.runnablePrograms += runnable.length + report.programs;
  counts.behaviourRuns += report.runs;
  for (const p of report.failing) {
    const why = report.problems.filter((x) => x.includes(JSON.stringify(p)));
    record(p, `behaviour under the shells (${dialect}):\n${why.join('\n')}`);
  }
  say(`chunk ${chunk} (${dialect}, seed ${seed}): ${numRuns} programs; ${counts.failures} failure(s) so far`);
}

/** Plain programs (most without set -u), in batches of 100, three bash to one POSIX (run by dash
 * and bash), each environment with and without -u. */
async function plainPrograms(
  settings: FuzzSettings,
  dir: string,
  counts: Counts,
  record: (p: string, what: string) => void,
): Promise<void> {
  for (let done = 0, batch = 0; done < settings.plain && counts.failures < settings.maxFailures; batch++) {
    const dialect = DIALECT_CYCLE[batch % DIALECT_CYCLE.length] ?? 'bash';
    const numRuns = Math.min(100, settings.plain - done);
    const report = emptyReport();
    await checkPlainBehaviour({ dialect, seed: (settings.seed + 7919 * (batch + 1)) | 0, numRuns, dir }, report);
    counts.plainPrograms += report.programs;
    counts.plainRuns += report.runs;
    for (const p of report.failing)
      record(
        p,
        `plain program under the shells, with and without -u (${dialect}):\n${report.problems.filter((x) => x.includes(JSON.stringify(p))).join('\n')}`,
      );
    for (const p of report.problems.filter((x) => x.startsWith('a script without set -u'))) record(p, p);
    done += numRuns;
    say(
      `plain batch ${batch} (${dialect}): ${numRuns} programs, ${report.runs} runs; ${counts.failures} failure(s) so far`,
    );
  }
}

/** Constructs whose analysis looks across the file or the program (a loop's bound, a test of a
 * length, a match's groups, an unset of a computed name, a call before a definition): repeated,
 * each must stay linear (the first versions were quadratic). */
const LOOK_ACROSS = `a=(x y z)
for ((i = 0; i < \${#a[@]}; i++)); do echo "\${a[i]}"; done
[ "\${#a[@]}" -ge 2 ] && echo "\${a[1]}"
if [[ $x =~ ^(v) ]]; then echo "\${BASH_REMATCH[1]}"; fi
for v in A B; do unset "$v"; done
f() { g; }
f
g() { :; }
`;

/** Dense 10 MB scripts (the bundled example, and LOOK_ACROSS, repeated): bounded time, no unsafe
 * edit. */
function denseTenMegabytes(record: (p: string, what: string) => void): void {
  const example = readFileSync(join(ROOT, 'examples', 'kata-deploy.sh'), 'utf8').replace(/^#!.*\n/, '');
  denseOf(example, 'the bundled example', record);
  denseOf(LOOK_ACROSS, 'constructs looked at across the file', record);
}

function denseOf(unit: string, label: string, record: (p: string, what: string) => void): void {
  const text = `#!/bin/bash\n${unit.repeat(Math.ceil(10_000_000 / unit.length))}`;
  for (const style of ['block', 'inline'] as const) {
    const t0 = performance.now();
    const r = fixScript(text, { style });
    const seconds = (performance.now() - t0) / 1000;
    say(`dense 10 MB script (${label}), ${style} style: ${r.edits.length} edits in ${seconds.toFixed(1)} s`);
    const unsafe = r.diagnostics.filter((d) => d.code === 'unsafe-edit');
    if (seconds > 120 || unsafe.length > 0)
      record(
        unit,
        `dense 10 MB script (this unit repeated), ${style}: ${seconds.toFixed(1)} s, ${unsafe.map((d) => d.message).join('; ')}`,
      );
  }
}

async function main(): Promise<number> {
  const settings = readSettings(process.argv.slice(2), process.env);
  say(
    `fuzz: seed ${settings.seed}, ${settings.runs} runs (replay: npm run fuzz -- --seed ${settings.seed} --runs ${settings.runs})`,
  );
  const counts: Counts = {
    grammarPrograms: 0,
    runnablePrograms: 0,
    readingComparisons: 0,
    fixes: 0,
    editOracleFixes: 0,
    editOracleEdits: 0,
    editOracleNodes: 0,
    behaviourRuns: 0,
    plainPrograms: 0,
    plainRuns: 0,
    assocPrograms: 0,
    assocStops: 0,
    callPrograms: 0,
    callStops: 0,
    failures: 0,
  };
  const record = makeRecorder(settings, counts);
  const dir = mkdtempSync(join(tmpdir(), 'nounset-fuzz-'));
  try {
    denseTenMegabytes(record);
    for (let done = 0, chunk = 0; done < settings.runs && counts.failures < settings.maxFailures; chunk++) {
      const numRuns = Math.min(CHUNK, settings.runs - done);
      await runChunk(chunk, settings, numRuns, dir, counts, record);
      done += numRuns;
    }
    await plainPrograms(settings, dir, counts, record);
    /** Programs of one construct against bash (program-check.ts), a twentieth as many as runs. */
    const construct = (
      check: (seed: number, count: number, dir: string, report: ProgramReport) => void,
      what: string,
    ): ProgramReport => {
      const report: ProgramReport = { programs: 0, stops: 0, failing: [] };
      if (counts.failures < settings.maxFailures) check(settings.seed, Math.ceil(settings.runs / 20), dir, report);
      for (const f of report.failing) record(f.program, `${what} under bash: ${f.what}`);
      return report;
    };
    const assoc = construct(checkAssocElements, 'associative-array program');
    counts.assocPrograms = assoc.programs;
    counts.assocStops = assoc.stops;
    const calls = construct(checkFunctionCalls, 'program of function calls');
    counts.callPrograms = calls.programs;
    counts.callStops = calls.stops;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  say(`\nprograms generated: ${counts.grammarPrograms} from the grammar, ${counts.runnablePrograms} runnable`);
  say(
    `nounset/mvdan-sh readings compared: ${counts.readingComparisons}; fixes checked (idempotence, bytes outside edits, shell -n): ${counts.fixes}`,
  );
  say(
    `mvdan-sh edit checks: ${counts.editOracleFixes} fixes, ${counts.editOracleEdits} edits, ${counts.editOracleNodes} nodes compared`,
  );
  say(`behaviour runs under bash and dash: ${counts.behaviourRuns}`);
  say(`plain programs (most without set -u): ${counts.plainPrograms}, ${counts.plainRuns} runs with and without -u`);
  say(
    `associative-array programs under bash: ${counts.assocPrograms}, ${counts.assocStops} stops checked against the verdicts`,
  );
  say(
    `programs of function calls under bash: ${counts.callPrograms}, ${counts.callStops} stops checked against the verdicts`,
  );
  say(
    counts.failures === 0
      ? `fuzz: OK (seed ${settings.seed})`
      : `fuzz: ${counts.failures} failure(s), written to ${settings.out}/; replay with --seed ${settings.seed} --runs ${settings.runs}`,
  );
  return counts.failures === 0 ? 0 : 1;
}

process.exitCode = await main();
