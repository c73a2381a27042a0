// npm run bench:parse — nounset's parser against mvdan-sh in the same run: median MB/s over the
// realistic corpus and over generated 1 MB and 10 MB scripts, growth from 1 to 10 MB, and cold
// start. Each parser runs in its own child process so that neither's heap slows the other.
// It reports and does not gate: this machine is shared and noisy.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../src/parse/index.js';
import { median } from './measure.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const MB = 1e6;

interface Input {
  readonly name: string;
  /** Parsed one at a time, as a repository run would. */
  readonly scripts: readonly { readonly text: string; readonly dialect: 'bash' | 'posix' }[];
}

function listScripts(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const full = join(dir, e);
    if (statSync(full).isDirectory()) out.push(...listScripts(full));
    else if (/\.(sh|bash)$/.test(e)) out.push(full);
  }
  return out;
}

function realistic(): Input['scripts'] {
  return listScripts(join(ROOT, 'test', 'corpus', 'realistic')).map((f) => ({
    text: readFileSync(f, 'utf8'),
    dialect: f.includes('/posix/') ? ('posix' as const) : ('bash' as const),
  }));
}

/** One large bash script: the realistic bash scripts and construct cases, repeated to `size`
 * UTF-8 bytes. Deterministic. */
function generated(size: number): Input['scripts'] {
  const dirs = [join(ROOT, 'test', 'corpus', 'realistic'), join(ROOT, 'test', 'corpus', 'constructs')];
  const parts = dirs
    .flatMap((d) => listScripts(d))
    .filter((f) => !f.includes('/posix/'))
    .map((f) => readFileSync(f, 'utf8'))
    .map((t) => (t.endsWith('\n') ? t : `${t}\n`));
  const chunks: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < size; i++) {
    const t = parts[i % parts.length] as string;
    chunks.push(t);
    bytes += Buffer.byteLength(t);
  }
  return [{ text: chunks.join(''), dialect: 'bash' }];
}

function inputs(): Input[] {
  return [
    { name: 'realistic corpus', scripts: realistic() },
    { name: 'generated 1 MB', scripts: generated(1 * MB) },
    { name: 'generated 10 MB', scripts: generated(10 * MB) },
  ];
}

type Parser = 'nounset' | 'mvdan-sh';

function makeParse(parser: Parser): (text: string, dialect: 'bash' | 'posix') => void {
  if (parser === 'nounset') return (text, dialect) => void parse(text, { dialect });
  const syntax = (createRequire(import.meta.url)('mvdan-sh') as { syntax: MvdanSyntax }).syntax;
  return (text, dialect) => {
    const p = syntax.NewParser(
      syntax.KeepComments(true),
      syntax.Variant(dialect === 'bash' ? syntax.LangBash : syntax.LangPOSIX),
    );
    p.Parse(text, 'bench');
  };
}

interface MvdanSyntax {
  NewParser(...opts: unknown[]): { Parse(text: string, name: string): unknown };
  KeepComments(on: boolean): unknown;
  Variant(lang: unknown): unknown;
  readonly LangBash: unknown;
  readonly LangPOSIX: unknown;
}

/** In a worker: MB/s of every run of `parser` on input `index`, after warm-up. */
function measure(parser: Parser, index: number): number[] {
  const input = inputs()[index] as Input;
  const run = makeParse(parser);
  const bytes = input.scripts.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  const once = (): number => {
    const t0 = performance.now();
    for (const s of input.scripts) run(s.text, s.dialect);
    return performance.now() - t0;
  };
  // Warm up the JIT on the small corpus first, then on this input.
  const warm = inputs()[0] as Input;
  for (let i = 0; i < (parser === 'nounset' ? 30 : 3); i++) for (const s of warm.scripts) run(s.text, s.dialect);
  const first = once();
  // At least 5 runs, and about 3 s of them; fewer for mvdan-sh's 10 MB, which takes long.
  const runs = Math.max(parser === 'mvdan-sh' && bytes > 5 * MB ? 3 : 5, Math.min(30, Math.ceil(3000 / first)));
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) rates.push(bytes / MB / (once() / 1000));
  return rates;
}

/** In a worker: the heap objects (nodes, arrays, strings) in the tree of the 1 MB input, and how
 * many small objects this machine's V8 can allocate per second when they all stay alive, as a
 * parse tree does. Their ratio bounds the throughput of any parser returning such a tree. */
function retentionCeiling(): { objectsPerMB: number; retainedPerSecond: number } {
  const input = (inputs()[1] as Input).scripts[0] as Input['scripts'][number];
  const tree = parse(input.text, { dialect: input.dialect });
  let objects = 0;
  const seen = new Set<unknown>();
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    objects++;
    for (const [key, child] of Object.entries(v)) {
      // Literal text is a string made per node; `type`, `op` and the like are shared constants.
      if (typeof child === 'string') objects += key === 'value' || key === 'text' ? 1 : 0;
      else stack.push(child);
    }
  }
  const objectsPerMB = objects / (Buffer.byteLength(input.text) / MB);
  // The same number of small objects, each kept alive through a list, as a tree keeps its nodes.
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const keep: { a: number; b: number; c: unknown }[] = [];
    let prev: unknown = null;
    for (let i = 0; i < objects; i++) {
      prev = { a: i, b: i + 1, c: prev };
      if ((i & 7) === 0) keep.push(prev as { a: number; b: number; c: unknown });
    }
    rates.push(objects / ((performance.now() - t0) / 1000));
    if (keep.length < 0) throw new Error('unreachable');
  }
  return { objectsPerMB, retainedPerSecond: median(rates) };
}

/** In a worker: ms to import the parser and parse the bundled example, cold. */
function coldStart(parser: Parser): number {
  const text = readFileSync(join(ROOT, 'examples', 'kata-deploy.sh'), 'utf8');
  const t0 = performance.now();
  makeParse(parser)(text, 'bash');
  return performance.now() - t0;
}

function worker(args: string[]): void {
  const [mode, parser, index] = args as [string, Parser, string];
  const result =
    mode === 'cold' ? coldStart(parser) : mode === 'ceiling' ? retentionCeiling() : measure(parser, Number(index));
  process.stdout.write(JSON.stringify(result));
}

function inWorker<T>(args: string[]): T {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--worker', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`bench worker ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

function main(): void {
  const all = inputs();
  const rows: string[] = [];
  const rates: Record<string, { nounset: number; mvdan: number }> = {};
  rows.push(
    `${'input'.padEnd(20)} ${'size'.padStart(9)} ${'nounset MB/s'.padStart(13)} ${'mvdan-sh MB/s'.padStart(14)} ${'ratio'.padStart(7)}`,
  );
  all.forEach((input, i) => {
    const bytes = input.scripts.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
    const ours = median(inWorker<number[]>(['rate', 'nounset', String(i)]));
    const theirs = median(inWorker<number[]>(['rate', 'mvdan-sh', String(i)]));
    rates[input.name] = { nounset: ours, mvdan: theirs };
    const size = `${(bytes / MB).toFixed(2)} MB`;
    rows.push(
      `${input.name.padEnd(20)} ${size.padStart(9)} ${ours.toFixed(1).padStart(13)} ${theirs.toFixed(2).padStart(14)} ${`${(ours / theirs).toFixed(1)}x`.padStart(7)}`,
    );
  });
  const growth = (rates['generated 10 MB']?.nounset ?? 0) / (rates['generated 1 MB']?.nounset ?? 1);
  const coldOurs = median([0, 1, 2].map(() => inWorker<number>(['cold', 'nounset'])));
  const coldTheirs = median([0, 1, 2].map(() => inWorker<number>(['cold', 'mvdan-sh'])));
  rows.push('');
  rows.push(`throughput at 10 MB / at 1 MB (nounset): ${growth.toFixed(2)}  (1.00 is linear)`);
  rows.push(
    `cold start, import + first parse of examples/kata-deploy.sh (median of 3): nounset ${coldOurs.toFixed(0)} ms, mvdan-sh ${coldTheirs.toFixed(0)} ms`,
  );
  const ceiling = inWorker<{ objectsPerMB: number; retainedPerSecond: number }>(['ceiling', 'nounset']);
  rows.push(
    `one large file: its tree holds ${(ceiling.objectsPerMB / 1e3).toFixed(0)}k heap objects per MB; V8 here keeps ${(ceiling.retainedPerSecond / 1e6).toFixed(1)}M surviving small objects/s, so ~${(ceiling.retainedPerSecond / ceiling.objectsPerMB).toFixed(1)} MB/s is the ceiling for building such a tree`,
  );
  const slowest = Math.min(...Object.values(rates).map((r) => r.nounset));
  const worstRatio = Math.min(...Object.values(rates).map((r) => r.nounset / r.mvdan));
  const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
  rows.push('');
  rows.push(`target >= 20 MB/s on every input: ${verdict(slowest >= 20)} (slowest ${slowest.toFixed(1)} MB/s)`);
  rows.push(`target >= 10x mvdan-sh on every input: ${verdict(worstRatio >= 10)} (lowest ${worstRatio.toFixed(1)}x)`);
  rows.push(
    `target linear growth (10 MB rate within 25% of 1 MB rate): ${verdict(growth >= 0.75)} (${growth.toFixed(2)})`,
  );
  process.stdout.write(`${rows.join('\n')}\n`);
}

if (process.argv[2] === '--worker') worker(process.argv.slice(3));
else main();
