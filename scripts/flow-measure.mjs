#!/usr/bin/env node
// Measures nounset on the flow corpus (test/flow-corpus): per script, the edits fixScript makes
// (by kind), the references inspectScript calls unsafe or review, the inputs and the diagnostics;
// then totals. It also checks that each output is idempotent (fixing it again changes nothing)
// and that `bash -n` (`dash -n` for the POSIX dialect) accepts it.
//
//   node scripts/flow-measure.mjs [--dist DIR] [--json] [CORPUS_DIR]
//
// DIR (default ./dist) is a build of nounset: its src/index.js is imported, so two builds can be
// compared (`--dist /tmp/dist-before`; its bare imports resolve from this project's node_modules
// when there is none above it). Script paths are given to the library relative to the
// working directory, and readSource reads them from there, so sourced libraries resolve.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A build copied outside the project (`/tmp/dist-before`) has no node_modules above it: its bare
 * imports (`yaml`, `diff`, ...) that fail to resolve are retried from this project's root. */
const FALLBACK_HOOKS = `
let fallback;
export function initialize(data) { fallback = data.fallback; }
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    const bare = !/^(?:[./]|[a-z][a-z0-9+.-]*:)/i.test(specifier);
    if (!bare || err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
    return next(specifier, { ...context, parentURL: fallback });
  }
}
`;
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = 'usage: node scripts/flow-measure.mjs [--dist DIR] [--json] [CORPUS_DIR]';

function parseArgs(argv) {
  const opts = { dist: 'dist', json: false, corpus: 'test/flow-corpus' };
  let corpusSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--dist') {
      if (i + 1 >= argv.length) throw new Error('--dist needs a directory');
      opts.dist = argv[++i];
    } else if (a.startsWith('--dist=')) opts.dist = a.slice('--dist='.length);
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else if (corpusSeen) throw new Error(`one corpus directory only (got ${opts.corpus} and ${a})`);
    else {
      opts.corpus = a;
      corpusSeen = true;
    }
  }
  return opts;
}

const SCRIPT_EXTENSIONS = ['.sh', '.bash', '.bats', '.ksh'];
const SHEBANG = /^#!\s*\S*?(?:\/|\/env\s+(?:-S\s+)?)(?:sh|bash|dash|ash|ksh|ksh93|mksh|pdksh|oksh|bats)(?:\s|$)/;

function isScript(abs) {
  if (SCRIPT_EXTENSIONS.some((e) => abs.endsWith(e))) return true;
  let head;
  try {
    head = readFileSync(abs, 'utf8').slice(0, 256);
  } catch {
    return false;
  }
  return SHEBANG.test(head.split('\n', 1)[0]);
}

/** Every script under dir, as paths relative to the working directory with `/`, in byte order. */
function walk(dir) {
  const out = [];
  const visit = (d) => {
    for (const name of readdirSync(d)) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const abs = join(d, name);
      const st = statSync(abs);
      if (st.isDirectory()) visit(abs);
      else if (st.isFile() && isScript(abs)) out.push(relative(process.cwd(), abs).split(sep).join('/'));
    }
  };
  visit(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const readSource = (p) => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
};

/** Bats files are not bash: as bats-preprocess does, `@test "name" {` becomes a function header. */
function batsToBash(text) {
  let n = 0;
  return text.replace(
    /^([ \t]*)@test[ \t]+(.*?)[ \t]*\{[ \t]*$/gm,
    (_m, indent) => `${indent}bats_test_function_${++n}() {`,
  );
}

function syntaxCheck(text, dialect, isBats) {
  const shell = dialect === 'posix' ? 'dash' : 'bash';
  const r = spawnSync(shell, ['-n'], { input: isBats ? batsToBash(text) : text, encoding: 'utf8' });
  if (r.error) return { ok: false, message: `${shell}: ${r.error.message}` };
  return r.status === 0
    ? { ok: true }
    : { ok: false, message: `${shell} -n: ${(r.stderr || '').trim().split('\n')[0]}` };
}

function countBy(items, key) {
  const out = {};
  for (const it of items) out[it[key]] = (out[it[key]] ?? 0) + 1;
  return out;
}

function measure(lib, path, text) {
  const options = { path, readSource };
  const row = {
    path,
    dialect: null,
    edits: 0,
    kinds: {},
    unsafe: 0,
    review: 0,
    inputs: 0,
    diagnostics: 0,
    diagnosticCodes: {},
    idempotent: true,
    syntax: true,
    problems: [],
  };
  let fixed;
  try {
    fixed = lib.fixScript(text, options);
  } catch (err) {
    row.problems.push(`fixScript threw: ${err?.message ?? err}`);
    row.idempotent = false;
    row.syntax = false;
    return row;
  }
  row.dialect = fixed.dialect;
  row.edits = fixed.edits.length;
  row.kinds = countBy(fixed.edits, 'kind');
  row.inputs = fixed.inputs.length;
  row.diagnostics = fixed.diagnostics.length;
  row.diagnosticCodes = countBy(fixed.diagnostics, 'code');
  if (fixed.diagnostics.some((d) => d.code === 'parse-error'))
    row.problems.push('parse-error: the library left the file alone');

  try {
    const inspected = lib.inspectScript(text, options);
    const verdicts = countBy(inspected.references, 'verdict');
    row.unsafe = verdicts.unsafe ?? 0;
    row.review = verdicts.review ?? 0;
  } catch (err) {
    row.problems.push(`inspectScript threw: ${err?.message ?? err}`);
  }

  try {
    const again = lib.fixScript(fixed.output, options);
    if (again.changed || again.output !== fixed.output) {
      row.idempotent = false;
      row.problems.push(`not idempotent: a second run makes ${again.edits.length} edit(s)`);
    }
  } catch (err) {
    row.idempotent = false;
    row.problems.push(`second fixScript threw: ${err?.message ?? err}`);
  }

  const guess = typeof lib.detectDialect === 'function' ? lib.detectDialect(text, path) : null;
  const isBats = guess?.variant === 'bats' || path.endsWith('.bats');
  const check = syntaxCheck(fixed.output, fixed.dialect, isBats);
  if (!check.ok) {
    row.syntax = false;
    row.problems.push(check.message);
  }
  return row;
}

function pad(s, n, right = false) {
  s = String(s);
  return right ? s.padStart(n) : s.padEnd(n);
}

function printTable(report) {
  const kinds = report.kinds;
  const short = {
    'default-empty': 'empty',
    'default-value': 'value',
    'default-zero': 'zero',
    'require-nonempty': 'req',
    'env-init-block': 'block',
  };
  const kindCols = kinds.map((k) => short[k] ?? k);
  const width = Math.max(6, ...report.scripts.map((r) => r.path.length));
  const numCols = ['edits', ...kindCols, 'unsafe', 'review', 'inputs', 'diags'];
  const header = `${pad('script', width)}  ${numCols.map((c) => pad(c, Math.max(5, c.length), true)).join(' ')}  checks`;
  console.log(`nounset build: ${report.dist}`);
  console.log(`corpus: ${report.corpus} (${report.scripts.length} scripts)`);
  console.log('');
  console.log(header);
  console.log('-'.repeat(header.length));
  const line = (name, r, checks) => {
    const vals = [r.edits, ...kinds.map((k) => r.kinds[k] ?? 0), r.unsafe, r.review, r.inputs, r.diagnostics];
    return `${pad(name, width)}  ${vals.map((v, i) => pad(v, Math.max(5, numCols[i].length), true)).join(' ')}  ${checks}`;
  };
  for (const r of report.scripts) {
    const checks = r.problems.length === 0 ? 'ok' : r.problems.join('; ');
    console.log(line(r.path, r, checks));
  }
  console.log('-'.repeat(header.length));
  console.log(line('TOTAL', report.totals, ''));
  console.log('');
  console.log(`kinds: ${kinds.map((k) => `${short[k] ?? k} = ${k}`).join(', ') || '(no edits)'}`);
  const codes = Object.entries(report.totals.diagnosticCodes).sort(([a], [b]) => (a < b ? -1 : 1));
  console.log(`diagnostics by code: ${codes.map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
  console.log(`scripts changed: ${report.totals.changed} of ${report.scripts.length}`);
  console.log(
    `check failures: idempotence ${report.failures.idempotence}, syntax (bash -n / dash -n) ${report.failures.syntax}, other ${report.failures.other}`,
  );
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`flow-measure: ${err.message}\n${USAGE}`);
    process.exit(2);
  }
  const distDir = resolve(opts.dist);
  const entry = join(distDir, 'src', 'index.js');
  register(`data:text/javascript,${encodeURIComponent(FALLBACK_HOOKS)}`, {
    data: { fallback: pathToFileURL(join(PROJECT_ROOT, 'package.json')).href },
  });
  let lib;
  try {
    lib = await import(pathToFileURL(entry).href);
  } catch (err) {
    console.error(`flow-measure: cannot import ${entry}: ${err.message}`);
    if (err?.code === 'ERR_MODULE_NOT_FOUND')
      console.error(
        `(bare imports are also looked up from ${PROJECT_ROOT}/node_modules; run npm ci there, or symlink a node_modules beside the build)`,
      );
    process.exit(2);
  }
  const corpusDir = resolve(opts.corpus);
  const scripts = walk(corpusDir);
  if (scripts.length === 0) {
    console.error(`flow-measure: no scripts under ${corpusDir}`);
    process.exit(2);
  }

  const rows = scripts.map((p) => measure(lib, p, readFileSync(p, 'utf8')));
  const kindSet = new Set();
  for (const r of rows) for (const k of Object.keys(r.kinds)) kindSet.add(k);
  const order = ['env-init-block', 'default-empty', 'default-value', 'default-zero', 'require-nonempty'];
  const kinds = [...kindSet].sort(
    (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || (a < b ? -1 : 1),
  );

  const totals = {
    edits: 0,
    kinds: {},
    unsafe: 0,
    review: 0,
    inputs: 0,
    diagnostics: 0,
    diagnosticCodes: {},
    changed: 0,
  };
  for (const r of rows) {
    totals.edits += r.edits;
    totals.unsafe += r.unsafe;
    totals.review += r.review;
    totals.inputs += r.inputs;
    totals.diagnostics += r.diagnostics;
    if (r.edits > 0) totals.changed++;
    for (const [k, n] of Object.entries(r.kinds)) totals.kinds[k] = (totals.kinds[k] ?? 0) + n;
    for (const [k, n] of Object.entries(r.diagnosticCodes))
      totals.diagnosticCodes[k] = (totals.diagnosticCodes[k] ?? 0) + n;
  }
  const failures = {
    idempotence: rows.filter((r) => !r.idempotent).length,
    syntax: rows.filter((r) => !r.syntax).length,
    other: rows.filter((r) => r.idempotent && r.syntax && r.problems.length > 0).length,
  };
  const report = {
    dist: distDir,
    corpus: relative(process.cwd(), corpusDir) || '.',
    kinds,
    scripts: rows,
    totals,
    failures,
  };

  if (opts.json) console.log(JSON.stringify(report, null, 2));
  else printTable(report);
  process.exitCode = failures.idempotence + failures.syntax + failures.other > 0 ? 1 : 0;
}

await main();
