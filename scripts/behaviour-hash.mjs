#!/usr/bin/env node
// One hash of what nounset does, for refactors that must change nothing: fixScript (both styles:
// output, edits, inputs, diagnostics) and inspectScript over fixtures/, test/flow-corpus,
// test/flow/cases, test/corpus, a generated bench corpus and examples/; then every CLI format
// (fix --format diff|json|github|summary, inspect --format json, contract --format json) over
// examples/ and test/flow-corpus, and fix --format json over the scale shapes (sourced libraries).
//
//   npm run build && node scripts/behaviour-hash.mjs [--out FILE]
//
// Prints one sha256; with --out, writes the per-item hashes too (diff two of them to find what
// changed). Needs a build (dist/); the bench corpora are generated into temp dirs and removed.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(join(ROOT, 'dist', p)).href;
const { fixScript, inspectScript } = await import(dist('src/index.js'));
const { generateCorpus } = await import(dist('bench/corpus-gen.js'));
const { generateShape, SHAPES } = await import(dist('bench/scale-gen.js'));
const { fixtureCases, transformDirs } = await import(dist('test/support/fixtures.js'));
const CLI = join(ROOT, 'dist', 'bundle', 'main.cjs');

const items = [];
const sha = (s) => createHash('sha256').update(s).digest('hex');
const record = (key, value) => items.push(`${key} ${sha(typeof value === 'string' ? value : JSON.stringify(value))}`);
/** A run's output with its wall time taken out (the closing line's `in 0.02 s`, json's durationMs). */
const untimed = (s) => s.replace(/ in \d+\.\d\d s/g, ' in T s').replace(/"durationMs": \d+/g, '"durationMs": T');

/** Every regular file under dir, relative to base with `/`, in byte order. */
function walk(dir, base = ROOT) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full, base));
    else out.push(relative(base, full).split('\\').join('/'));
  }
  return out;
}

/** Outcome of one library call: its result, or the error it threw (a thrown error is behaviour too). */
function attempt(fn) {
  try {
    return fn();
  } catch (err) {
    return { threw: String(err?.name), message: String(err?.message) };
  }
}

function library(key, text, options) {
  record(
    `${key} block`,
    attempt(() => fixScript(text, { ...options, style: 'block' })),
  );
  record(
    `${key} inline`,
    attempt(() => fixScript(text, { ...options, style: 'inline' })),
  );
  record(
    `${key} inspect`,
    attempt(() => inspectScript(text, options)),
  );
}

/** Files of a tree, read with their paths relative to the tree's base and sources read from it. */
function libraryOverTree(label, dir, base) {
  const readSource = (p) => {
    const abs = resolve(base, p);
    return existsSync(abs) && statSync(abs).isFile() ? readFileSync(abs, 'utf8') : null;
  };
  for (const rel of walk(dir, base)) {
    const text = readFileSync(join(base, rel), 'latin1');
    if (text.includes('\0')) continue;
    library(`${label}:${rel}`, readFileSync(join(base, rel), 'utf8'), { path: rel, readSource, sourceRoot: '.' });
  }
}

/** Every fixture case, with the options the fixture tests fix it with (its `.sourced/` files too). */
function fixtures() {
  for (const transform of transformDirs()) {
    for (const c of fixtureCases(transform).cases) library(`fixtures/${transform}/${c.name}`, c.input, c.options);
  }
}

function cli(key, args) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  record(`cli ${key}`, { status: r.status, stdout: untimed(r.stdout), stderr: untimed(r.stderr) });
}

function cliOverTree(dir) {
  for (const format of ['diff', 'json', 'github', 'summary']) {
    cli(`${dir} fix ${format}`, ['--dry-run', '--no-cache', '--format', format, dir]);
    cli(`${dir} fix ${format} inline`, ['--dry-run', '--no-cache', '--style', 'inline', '--format', format, dir]);
  }
  cli(`${dir} contract json`, ['contract', '--format', 'json', dir]);
  for (const rel of walk(join(ROOT, dir))) {
    if (rel.endsWith('.md') || rel.endsWith('Makefile')) continue;
    cli(`${rel} inspect json`, ['inspect', '--format', 'json', rel]);
  }
}

const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : null;
fixtures();
for (const dir of ['test/flow-corpus', 'test/flow/cases', 'test/corpus', 'examples'])
  libraryOverTree(dir, join(ROOT, dir), ROOT);
const bench = generateCorpus({ files: 600 });
try {
  libraryOverTree('bench', bench.dir, bench.dir);
} finally {
  bench.remove();
}
for (const dir of ['examples', 'test/flow-corpus']) cliOverTree(dir);
for (const shape of SHAPES) {
  const c = generateShape(shape, { scale: 0.25 });
  try {
    const run = spawnSync(process.execPath, [CLI, '--dry-run', '--no-cache', '--jobs', '1', '--format', 'json', '.'], {
      cwd: c.dir,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    record(`scale ${shape}`, { status: run.status, stdout: untimed(run.stdout), stderr: untimed(run.stderr) });
  } finally {
    rmSync(c.dir, { recursive: true, force: true });
  }
}
if (out) writeFileSync(out, `${items.join('\n')}\n`);
console.log(`${sha(items.join('\n'))}  (${items.length} items)`);
