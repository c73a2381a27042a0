// npm run bench:cli — the built CLI end to end, as a user runs it: a fresh `node` process per run
// over a generated corpus on disk (corpus-gen.ts), next to `shfmt -l` on the same files, and one
// 1,000-line script cold. Reports medians and whether the issue's targets are met; gates nothing.
//
//   node dist/bench/cli.bench.js [--files N] [--seed S] [--runs N] [--cli path/to/main.cjs]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type Corpus,
  checkSyntax,
  DEFAULT_FILES,
  DEFAULT_SEED,
  generateCorpus,
  generateScript,
  mulberry32,
} from './corpus-gen.js';
import { median } from './measure.js';

const HERE = join(fileURLToPath(import.meta.url), '..');
const ROOT = join(HERE, '..', '..');
const MB = 1e6;
/** Targets from the issue: the corpus within 2x of `shfmt -l`, one 1,000-line script under 150 ms. */
const TARGET_RATIO = 2;
const TARGET_SINGLE_MS = 150;

interface Command {
  readonly label: string;
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Exit statuses that mean success (shfmt -l: 0 or 1, depending on formatting). */
  readonly ok: readonly number[];
}

/** Wall ms of `runs` fresh processes, after one untimed run that warms the page cache. Output is
 * discarded (a corpus diff is megabytes); stderr is kept to explain a failure. */
function timeRuns(cmd: Command, runs: number): { ms: number[]; stderr: string } {
  const ms: number[] = [];
  let stderr = '';
  for (let i = -1; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd.file, cmd.args, { cwd: cmd.cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
    const elapsed = performance.now() - t0;
    if (r.error) throw new Error(`${cmd.label}: cannot run ${cmd.file}: ${r.error.message}`);
    if (r.status === null || !cmd.ok.includes(r.status)) {
      const stderr = String(r.stderr).split('\n').slice(0, 15).join('\n');
      throw new Error(
        `${cmd.label}: exit ${r.status ?? r.signal} (expected ${cmd.ok.join(' or ')}) in ${cmd.cwd}\n${stderr}`,
      );
    }
    if (i >= 0) ms.push(elapsed);
    stderr = String(r.stderr);
  }
  return { ms, stderr };
}

/** Peak RSS (KiB) of one run of a node command. Measured with a preloaded module (rss-probe.ts)
 * rather than `/usr/bin/time -f %M`, which is GNU-only and often missing; Node can report its own
 * maxRSS on every platform. A separate run, so the probe never adds to the timed runs. */
function peakRss(cmd: Command): number | null {
  const probe = pathToFileURL(join(HERE, 'rss-probe.js')).href;
  const out = join(mkdtempSync(join(tmpdir(), 'nounset-rss-')), 'rss');
  try {
    const r = spawnSync(cmd.file, ['--import', probe, ...cmd.args], {
      cwd: cmd.cwd,
      stdio: ['ignore', 'ignore', 'ignore'],
      env: { ...process.env, NOUNSET_BENCH_RSS_FILE: out },
    });
    if (r.status === null || !cmd.ok.includes(r.status)) return null;
    return Number(readFileSync(out, 'utf8'));
  } catch (err) {
    process.stderr.write(`${cmd.label}: no peak RSS: ${(err as Error).message}\n`);
    return null;
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
}

/** shfmt's version, or null when it is not on PATH. */
function shfmtVersion(): string | null {
  const r = spawnSync('shfmt', ['--version'], { encoding: 'utf8' });
  if (r.error) return null;
  return r.stdout.trim();
}

interface Row {
  readonly label: string;
  /** Whether the row ran over the corpus (and so has files/s and MB/s). */
  readonly corpus: boolean;
  readonly ms: number;
  readonly rssKiB?: number | null;
}

function buildCorpus(files: number, seed: number): Corpus {
  const t0 = performance.now();
  const corpus = generateCorpus({ files, seed });
  const { checked, failures, missing } = checkSyntax(corpus, 50);
  const note = missing.length ? `; not installed, unchecked: ${missing.join(', ')}` : '';
  process.stdout.write(
    `corpus: ${corpus.files.length} files, ${(corpus.bytes / MB).toFixed(2)} MB, seed ${seed}, in ${corpus.dir} (${(performance.now() - t0).toFixed(0)} ms; ${checked} sampled files pass bash -n / dash -n${note})\n`,
  );
  if (failures.length > 0) {
    corpus.remove();
    const lines = failures.slice(0, 5).map((f) => `  ${f.shell} -n ${f.path}: ${f.message}`);
    throw new Error(`the corpus generator wrote scripts that do not parse (seed ${seed}):\n${lines.join('\n')}`);
  }
  return corpus;
}

function main(): void {
  const { values } = parseArgs({
    options: { files: { type: 'string' }, seed: { type: 'string' }, runs: { type: 'string' }, cli: { type: 'string' } },
  });
  const files = values.files ? Number(values.files) : DEFAULT_FILES;
  const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
  const runs = values.runs ? Number(values.runs) : 5;
  const cli = values.cli ? resolve(values.cli) : join(ROOT, 'dist', 'bundle', 'main.cjs');
  const node = process.execPath;
  const workers = availableParallelism();
  const help = spawnSync(node, [cli, '--help'], { encoding: 'utf8' });
  if (help.status !== 0) throw new Error(`${cli} --help failed (run npm run build first):\n${help.stderr}`);
  const hasJobs = help.stdout.includes('--jobs');
  // These rows time the fix itself: a CLI with the result cache runs without it (bench:scale times it).
  const noCache = help.stdout.includes('--cache-dir') ? ['--no-cache'] : [];
  process.stdout.write(`node ${process.version}, ${workers} CPUs (availableParallelism), cli ${cli}\n`);

  const corpus = buildCorpus(files, seed);
  const rows: Row[] = [];
  const notes: string[] = [];
  let nounsetMs = 0;
  let shfmtMs: number | null = null;
  let floorMs = 0;
  try {
    const nounset = (label: string, extra: readonly string[]): Command => ({
      label,
      file: node,
      args: [cli, '--dry-run', '--quiet', ...noCache, ...extra, '.'],
      cwd: corpus.dir,
      ok: [0],
    });
    const byDefault = nounset('nounset (default --jobs)', []);
    nounsetMs = median(timeRuns(byDefault, runs).ms);
    rows.push({ label: byDefault.label, corpus: true, ms: nounsetMs, rssKiB: peakRss(byDefault) });
    if (hasJobs) {
      // Both thread counts, whatever the default is on this machine.
      for (const jobs of [...new Set([1, Math.max(2, workers)])]) {
        const cmd = nounset(`nounset --jobs ${jobs}`, ['--jobs', String(jobs)]);
        rows.push({ label: cmd.label, corpus: true, ms: median(timeRuns(cmd, runs).ms), rssKiB: peakRss(cmd) });
      }
    } else notes.push(`--jobs: not in this CLI's --help; one process, one thread (${workers} CPUs available)`);
    const version = shfmtVersion();
    if (version === null) notes.push('shfmt not installed (Debian package shfmt): ratio skipped');
    else {
      const timed = timeRuns(
        { label: 'shfmt -l', file: 'shfmt', args: ['-l', '.'], cwd: corpus.dir, ok: [0, 1] },
        runs,
      );
      shfmtMs = median(timed.ms);
      // A file shfmt cannot parse is skipped quickly, which would flatter it: say so.
      const complaints = timed.stderr.split('\n').filter((l) => l.trim() !== '').length;
      if (complaints > 0)
        notes.push(
          `shfmt -l printed ${complaints} error lines (files it could not parse), e.g. ${timed.stderr.split('\n')[0]}`,
        );
      rows.push({ label: `shfmt ${version} -l`, corpus: true, ms: shfmtMs });
    }
    // One file of a large git work tree (a pre-commit hook's run): the other scripts are read for
    // what they tell of it (docs/how-it-works.md#work-tree); the same file alone, next to it.
    if (spawnSync('git', ['init', '-q'], { cwd: corpus.dir }).status === 0) {
      const one = corpus.files[0]?.path as string;
      const inTree = median(
        timeRuns(
          {
            label: 'one file in the tree',
            file: node,
            args: [cli, '--dry-run', ...noCache, one],
            cwd: corpus.dir,
            ok: [0],
          },
          runs,
        ).ms,
      );
      const alone = mkdtempSync(join(tmpdir(), 'nounset-bench-alone-'));
      try {
        writeFileSync(join(alone, 'one.sh'), readFileSync(join(corpus.dir, one)));
        const aloneMs = median(
          timeRuns(
            {
              label: 'the file alone',
              file: node,
              args: [cli, '--dry-run', ...noCache, 'one.sh'],
              cwd: alone,
              ok: [0],
            },
            runs,
          ).ms,
        );
        rows.push({ label: 'one corpus file, in the corpus as work tree', corpus: false, ms: inTree });
        rows.push({ label: 'the same file alone', corpus: false, ms: aloneMs });
      } finally {
        rmSync(alone, { recursive: true, force: true });
      }
    } else notes.push('git not installed: the work-tree row is skipped');
    // What no version of nounset with the output check can beat: a fresh node parsing every file
    // twice. The file list goes through a file: 2,000 paths are too long for one command line.
    const list = join(corpus.dir, '..', `${corpus.dir.split('/').pop() ?? 'corpus'}.files`);
    writeFileSync(list, corpus.files.map((f) => f.path).join('\n'));
    try {
      floorMs = median(
        timeRuns(
          {
            label: 'parse floor',
            file: node,
            args: [join(HERE, 'parse-floor.js'), corpus.dir, '--list', list],
            cwd: corpus.dir,
            ok: [0],
          },
          runs,
        ).ms,
      );
      rows.push({ label: 'floor: node + parse every file twice', corpus: true, ms: floorMs });
    } finally {
      rmSync(list, { force: true });
    }
  } finally {
    corpus.remove();
  }

  // One 1,000-line bash script, cold: what a pre-commit hook or an editor save pays.
  const single = mkdtempSync(join(tmpdir(), 'nounset-bench-1k-'));
  let singleMs: number;
  let nodeMs: number;
  let startMs: number;
  let singleLines: number;
  try {
    const text = generateScript(mulberry32(seed), { dialect: 'bash', lines: 1000 });
    singleLines = text.split('\n').length - 1;
    writeFileSync(join(single, 'deploy.sh'), text);
    const cmd: Command = {
      label: 'nounset --dry-run deploy.sh',
      file: node,
      args: [cli, '--dry-run', ...noCache, 'deploy.sh'],
      cwd: single,
      ok: [0],
    };
    singleMs = median(timeRuns(cmd, 15).ms);
    nodeMs = median(timeRuns({ label: "node -e ''", file: node, args: ['-e', ''], cwd: single, ok: [0] }, 15).ms);
    startMs = median(
      timeRuns({ label: 'nounset --version', file: node, args: [cli, '--version'], cwd: single, ok: [0] }, 15).ms,
    );
    rows.push({ label: `nounset, one ${singleLines}-line script`, corpus: false, ms: singleMs, rssKiB: peakRss(cmd) });
    rows.push({ label: 'nounset --version (start only)', corpus: false, ms: startMs });
    rows.push({ label: "node -e '' (bare startup)", corpus: false, ms: nodeMs });
  } finally {
    rmSync(single, { recursive: true, force: true });
  }

  const mb = corpus.bytes / MB;
  const n = corpus.files.length;
  const out: string[] = [
    '',
    `${'command'.padEnd(38)} ${'median ms'.padStart(10)} ${'files/s'.padStart(9)} ${'MB/s'.padStart(7)} ${'peak RSS'.padStart(9)}`,
  ];
  for (const r of rows) {
    const rate = r.corpus
      ? `${(n / (r.ms / 1000)).toFixed(0).padStart(9)} ${(mb / (r.ms / 1000)).toFixed(2).padStart(7)}`
      : `${'-'.padStart(9)} ${'-'.padStart(7)}`;
    const rss = r.rssKiB ? `${(r.rssKiB / 1024).toFixed(0)} MiB` : '-';
    out.push(`${r.label.padEnd(38)} ${r.ms.toFixed(0).padStart(10)} ${rate} ${rss.padStart(9)}`);
  }
  out.push(
    '',
    `corpus: ${n} files, ${mb.toFixed(2)} MB, seed ${seed}; medians of ${runs} runs (15 for the single script), each a fresh process`,
  );
  out.push(
    `threads: ${hasJobs ? `--jobs defaults to the cores, 1 on 2 or fewer` : 'none (no --jobs)'}; availableParallelism() = ${workers}`,
    ...notes,
  );
  const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  if (shfmtMs !== null) {
    const ratio = nounsetMs / shfmtMs;
    out.push(
      `nounset / shfmt -l wall time: ${ratio.toFixed(2)}x — target <= ${TARGET_RATIO}x ${met(ratio <= TARGET_RATIO)}; stretch (< 1x) ${met(ratio < 1)}`,
    );
    out.push(
      `floor / shfmt -l: ${(floorMs / shfmtMs).toFixed(2)}x (node, and two parses of every file, with no analysis, no edits, no diff)`,
    );
  }
  out.push(
    `one ${singleLines}-line script: ${singleMs.toFixed(0)} ms (bare node startup ${nodeMs.toFixed(0)} ms, nounset --version ${startMs.toFixed(0)} ms) — target < ${TARGET_SINGLE_MS} ms ${met(singleMs < TARGET_SINGLE_MS)}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
