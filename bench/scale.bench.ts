// npm run bench:scale — the built CLI on the repository shapes of issue 19 (scale-gen.ts): a test
// suite whose hundreds of scripts source one large library, one 250 KB tool, libraries that source
// each other; and, as the large tree, bench:cli's 2,000 mixed scripts (corpus-gen.ts). Per shape: a cold run (empty result cache), a warm run (the same files again), a run
// without the cache, `shfmt -l` on the same files in the same run when shfmt is installed, and peak
// memory. Then peak memory against the number of files (corpus-gen.ts corpora of growing size),
// which should stay flat; and a run over one ~900-line script inside the large tree made a git work
// tree, as a pre-commit hook runs it. Reports; gates nothing.
//
//   node dist/bench/scale.bench.js [--shapes a,b] [--runs N] [--cold-runs N] [--scale X] [--seed S]
//                                  [--cli path/to/main.cjs] [--install-shfmt]

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Corpus, checkSyntax, DEFAULT_SEED, generateCorpus } from './corpus-gen.js';
import { median } from './measure.js';
import { generateShape, SHAPES } from './scale-gen.js';

const HERE = join(fileURLToPath(import.meta.url), '..');
const ROOT = join(HERE, '..', '..');
const MB = 1e6;

interface Timed {
  readonly ms: number;
  /** Peak RSS in KiB, when measured. */
  readonly rssKiB: number | null;
}

/** One fresh process: wall ms, and its peak RSS when `rss` (node commands only: a preloaded
 * probe, bench/rss-probe.ts, writes it at exit; it adds a few ms to the run). */
function runOnce(file: string, args: readonly string[], cwd: string, ok: readonly number[], rss = false): Timed {
  const out = rss ? join(mkdtempSync(join(tmpdir(), 'nounset-rss-')), 'rss') : null;
  const probe = pathToFileURL(join(HERE, 'rss-probe.js')).href;
  try {
    const t0 = performance.now();
    const r = spawnSync(file, out ? ['--import', probe, ...args] : args, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 256 << 20,
      env: { ...process.env, ...(out ? { NOUNSET_BENCH_RSS_FILE: out } : {}) },
    });
    const ms = performance.now() - t0;
    if (r.error) throw new Error(`cannot run ${file}: ${r.error.message}`);
    if (r.status === null || !ok.includes(r.status))
      throw new Error(
        `${file} ${args.join(' ')}: exit ${r.status ?? r.signal} in ${cwd}\n${String(r.stderr).split('\n').slice(-15).join('\n')}`,
      );
    return { ms, rssKiB: out ? Number(readFileSync(out, 'utf8')) : null };
  } finally {
    if (out) rmSync(join(out, '..'), { recursive: true, force: true });
  }
}

function shfmtVersion(): string | null {
  const r = spawnSync('shfmt', ['--version'], { encoding: 'utf8' });
  return r.error ? null : r.stdout.trim();
}

/** With --install-shfmt on a Debian-like system without shfmt: `apt-get install -y shfmt`. */
function installShfmt(): void {
  if (shfmtVersion() !== null) return;
  process.stdout.write('shfmt not found: apt-get install -y shfmt\n');
  const r = spawnSync('apt-get', ['install', '-y', 'shfmt'], { stdio: 'inherit' });
  if (r.status !== 0) process.stdout.write('could not install shfmt; ratios are skipped\n');
}

interface ShapeRow {
  readonly shape: string;
  readonly files: number;
  readonly mb: number;
  readonly cold: number;
  readonly coldRss: number | null;
  readonly noCache: number;
  readonly warm: number;
  readonly warmRss: number | null;
  readonly shfmt: number | null;
  readonly cacheMb: number;
}

function du(dir: string): number {
  const r = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.split('\t')[0]) * 1024 : 0;
}

function checked(corpus: Corpus, label: string): void {
  const { failures } = checkSyntax(corpus, 40);
  if (failures.length === 0) return;
  corpus.remove();
  throw new Error(
    `${label}: generated scripts that do not parse:\n${failures
      .slice(0, 5)
      .map((f) => `  ${f.shell} -n ${f.path}: ${f.message}`)
      .join('\n')}`,
  );
}

/** The shapes of scale-gen.ts, and `mixed`: corpus-gen.ts's 2,000 varied scripts (10 MB), a large tree. */
const ALL = [...SHAPES, 'mixed'] as const;
type BenchShape = (typeof ALL)[number];

function benchShape(
  shape: BenchShape,
  opts: { cli: string; runs: number; coldRuns: number; scale: number; seed: number; shfmt: boolean },
): ShapeRow {
  const corpus =
    shape === 'mixed'
      ? generateCorpus({ seed: opts.seed, files: Math.round(2000 * opts.scale) })
      : generateShape(shape, { seed: opts.seed, scale: opts.scale });
  const caches = mkdtempSync(join(tmpdir(), 'nounset-scale-cache-'));
  try {
    checked(corpus, shape);
    process.stdout.write(`${shape}: ${corpus.files.length} files, ${(corpus.bytes / MB).toFixed(2)} MB\n`);
    const nounset = (extra: readonly string[]): readonly string[] => [opts.cli, '--dry-run', '--quiet', ...extra, '.'];
    const node = process.execPath;
    // Cold: each run with an empty cache of its own. The first also measures peak memory.
    const cold: Timed[] = [];
    let cache = '';
    for (let i = 0; i < opts.coldRuns; i++) {
      cache = join(caches, `cold-${i}`);
      cold.push(runOnce(node, nounset(['--cache-dir', cache]), corpus.dir, [0, 3], i === 0));
    }
    const warm: number[] = [];
    for (let i = -1; i < opts.runs; i++) {
      const t = runOnce(node, nounset(['--cache-dir', cache]), corpus.dir, [0, 3]);
      if (i >= 0) warm.push(t.ms);
    }
    const warmRss = runOnce(node, nounset(['--cache-dir', cache]), corpus.dir, [0, 3], true).rssKiB;
    const noCache = runOnce(node, nounset(['--no-cache']), corpus.dir, [0, 3]).ms;
    let shfmt: number | null = null;
    if (opts.shfmt) {
      const ms: number[] = [];
      for (let i = -1; i < opts.runs; i++) {
        const t = runOnce('shfmt', ['-l', '.'], corpus.dir, [0, 1]);
        if (i >= 0) ms.push(t.ms);
      }
      shfmt = median(ms);
    }
    return {
      shape,
      files: corpus.files.length,
      mb: corpus.bytes / MB,
      cold: median(cold.map((c) => c.ms)),
      coldRss: cold[0]?.rssKiB ?? null,
      noCache,
      warm: median(warm),
      warmRss,
      shfmt,
      cacheMb: du(cache) / MB,
    };
  } finally {
    corpus.remove();
    rmSync(caches, { recursive: true, force: true });
  }
}

/** The largest live heap after a full garbage collection, from `--trace-gc`'s Mark-Compact lines
 * (`Mark-Compact 38.4 (65.3) -> 17.4 (66.1) MB`): what the run holds, without the slack V8 keeps. */
function peakLiveHeapMb(cli: string, cwd: string): number | null {
  const r = spawnSync(
    process.execPath,
    ['--trace-gc', cli, '--dry-run', '--quiet', '--no-cache', '--jobs', '1', '--format', 'summary', '.'],
    { cwd, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const sizes = [...r.stdout.matchAll(/Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/g)].map((m) => Number(m[1]));
  return sizes.length > 0 ? Math.max(...sizes) : null;
}

/** Peak RSS and peak live heap of a run without the cache over corpus-gen corpora of `sizes`
 * files. The text formats print each file as it is done and keep little of it, so the live heap
 * should barely grow with the files; peak RSS also follows the largest file and V8's slack. */
function memoryByFiles(
  cli: string,
  sizes: readonly number[],
  seed: number,
): { files: number; mb: number; largestKb: number; ms: number; rssKiB: number | null; liveMb: number | null }[] {
  return sizes.map((files) => {
    const corpus = generateCorpus({ files, seed });
    try {
      const t = runOnce(
        process.execPath,
        [cli, '--dry-run', '--quiet', '--no-cache', '--jobs', '1', '.'],
        corpus.dir,
        [0, 3],
        true,
      );
      const largestKb = Math.max(...corpus.files.map((f) => f.bytes)) / 1000;
      return {
        files,
        mb: corpus.bytes / MB,
        largestKb,
        ms: t.ms,
        rssKiB: t.rssKiB,
        liveMb: peakLiveHeapMb(cli, corpus.dir),
      };
    } finally {
      corpus.remove();
    }
  });
}

interface OneFileRow {
  readonly files: number;
  readonly mb: number;
  readonly path: string;
  readonly lines: number;
  /** First run with an empty cache; later runs (median); --no-cache (median); the file alone. */
  readonly cold: number;
  readonly warm: number;
  readonly noCache: number;
  readonly alone: number;
}

/** A pre-commit run: one ~900-line script of a git work tree of `files` mixed scripts, which
 * reads the tree's other scripts (how-it-works.md#work-tree), against the same file alone; a
 * string saying why not when there is no git to make the work tree. */
function oneFileInTree(cli: string, files: number, seed: number, runs: number): OneFileRow | string {
  const corpus = generateCorpus({ seed, files });
  const caches = mkdtempSync(join(tmpdir(), 'nounset-scale-cache-'));
  const outside = mkdtempSync(join(tmpdir(), 'nounset-scale-alone-'));
  try {
    // `git ls-files --others` lists untracked files: an initialised repository is enough.
    const init = spawnSync('git', ['init', '-q'], { cwd: corpus.dir, encoding: 'utf8' });
    if (init.status !== 0) return `git init failed: ${(init.stderr || init.error?.message || '').trim()}`;
    const file = corpus.files.reduce((a, b) => (Math.abs(b.lines - 923) < Math.abs(a.lines - 923) ? b : a));
    copyFileSync(join(corpus.dir, file.path), join(outside, 'alone.sh'));
    // Stamps taken within 2 s of a file's change are not kept (facts-cache.ts): let the tree settle.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
    const node = process.execPath;
    const run = (cwd: string, path: string, extra: readonly string[]): number =>
      runOnce(node, [cli, '--dry-run', '--quiet', ...extra, path], cwd, [0, 3]).ms;
    const cache = ['--cache-dir', join(caches, 'c')];
    const cold = run(corpus.dir, file.path, cache);
    const times = (cwd: string, path: string, extra: readonly string[]): number =>
      median(Array.from({ length: runs }, () => run(cwd, path, extra)));
    return {
      files: corpus.files.length,
      mb: corpus.bytes / MB,
      path: file.path,
      lines: file.lines,
      cold,
      warm: times(corpus.dir, file.path, cache),
      noCache: times(corpus.dir, file.path, ['--no-cache']),
      alone: times(outside, 'alone.sh', ['--no-cache']),
    };
  } finally {
    corpus.remove();
    rmSync(caches, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
}

const mib = (kib: number | null): string => (kib === null ? '-' : `${(kib / 1024).toFixed(0)} MiB`);
const secs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

function main(): void {
  const { values } = parseArgs({
    options: {
      shapes: { type: 'string' },
      runs: { type: 'string' },
      'cold-runs': { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      cli: { type: 'string' },
      'install-shfmt': { type: 'boolean' },
      'memory-sizes': { type: 'string' },
    },
  });
  const shapes = (values.shapes?.split(',') ?? [...ALL]) as BenchShape[];
  for (const s of shapes) if (!ALL.includes(s)) throw new Error(`--shapes: no shape ${s} (${ALL.join(', ')})`);
  const runs = values.runs ? Number(values.runs) : 5;
  const coldRuns = values['cold-runs'] ? Number(values['cold-runs']) : 1;
  const scale = values.scale ? Number(values.scale) : 1;
  const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
  const cli = values.cli ? resolve(values.cli) : join(ROOT, 'dist', 'bundle', 'main.cjs');
  const memorySizes = (values['memory-sizes'] ?? '500,1000,2000').split(',').filter(Boolean).map(Number);
  if (values['install-shfmt']) installShfmt();
  const version = shfmtVersion();
  process.stdout.write(
    `node ${process.version}, cli ${cli}, ${version === null ? 'shfmt not installed (Debian package shfmt; --install-shfmt): no ratios' : `shfmt ${version}`}\n`,
  );
  const rows = shapes.map((shape) => benchShape(shape, { cli, runs, coldRuns, scale, seed, shfmt: version !== null }));
  const head = `${'shape'.padEnd(11)} ${'files'.padStart(5)} ${'MB'.padStart(5)} ${'cold'.padStart(8)} ${'no cache'.padStart(8)} ${'warm'.padStart(7)} ${'shfmt -l'.padStart(8)} ${'warm/shfmt'.padStart(10)} ${'cold/shfmt'.padStart(10)} ${'RSS cold'.padStart(8)} ${'RSS warm'.padStart(8)} ${'cache'.padStart(7)}`;
  const out = ['', head];
  for (const r of rows) {
    const ratio = (ms: number): string => (r.shfmt === null ? '-' : `${(ms / r.shfmt).toFixed(2)}x`);
    out.push(
      `${r.shape.padEnd(11)} ${String(r.files).padStart(5)} ${r.mb.toFixed(2).padStart(5)} ${secs(r.cold).padStart(8)} ${secs(r.noCache).padStart(8)} ${secs(r.warm).padStart(7)} ${(r.shfmt === null ? '-' : secs(r.shfmt)).padStart(8)} ${ratio(r.warm).padStart(10)} ${ratio(r.cold).padStart(10)} ${mib(r.coldRss).padStart(8)} ${mib(r.warmRss).padStart(8)} ${`${r.cacheMb.toFixed(1)} MB`.padStart(7)}`,
    );
  }
  out.push(
    '',
    `cold: empty result cache, ${coldRuns} run(s); warm: the same files again, median of ${runs}; no cache: --no-cache, one run; shfmt -l: median of ${runs}; all --dry-run --quiet, fresh processes, seed ${seed}, scale ${scale}`,
  );
  if (shapes.includes('mixed')) {
    const t = oneFileInTree(cli, Math.round(2000 * scale), seed, runs);
    if (typeof t === 'string') out.push('', `one file in a git work tree: not measured (${t})`);
    else
      out.push(
        '',
        `one file in a git work tree (a pre-commit run): ${t.path}, ${t.lines} lines, in a tree of ${t.files} mixed scripts (${t.mb.toFixed(2)} MB)`,
        `${'first run'.padStart(9)} ${'next runs'.padStart(9)} ${'no cache'.padStart(8)} ${'alone'.padStart(6)}`,
        `${secs(t.cold).padStart(9)} ${secs(t.warm).padStart(9)} ${secs(t.noCache).padStart(8)} ${secs(t.alone).padStart(6)}`,
        `(first run: empty cache; next runs and no cache: median of ${runs}; alone: the same file outside any work tree, --no-cache)`,
      );
  }
  if (memorySizes.length > 0) {
    out.push(
      '',
      'memory against the number of files (corpus-gen.ts, --dry-run --no-cache --jobs 1):',
      `${'files'.padStart(6)} ${'MB'.padStart(6)} ${'largest'.padStart(8)} ${'time'.padStart(8)} ${'peak RSS'.padStart(9)} ${'live heap'.padStart(9)}`,
    );
    for (const m of memoryByFiles(cli, memorySizes, seed)) {
      const live = m.liveMb === null ? '-' : `${m.liveMb.toFixed(0)} MB`;
      out.push(
        `${String(m.files).padStart(6)} ${m.mb.toFixed(2).padStart(6)} ${`${m.largestKb.toFixed(0)} KB`.padStart(8)} ${secs(m.ms).padStart(8)} ${mib(m.rssKiB).padStart(9)} ${live.padStart(9)}`,
      );
    }
    out.push(
      "(live heap: the largest heap left after a full garbage collection, from --trace-gc; the files' bytes, held once for the run, are outside it)",
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
