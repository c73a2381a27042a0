// `npm run bench:recall`: how many of the names real "unbound variable" fixes made safe nounset
// makes safe too, next to a blind sed and the human fix. Cases live in bench/recall/cases/; see
// bench/recall/README.md. Usage: node dist/bench/recall.bench.js [--json FILE] [--case ID]…

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCases } from './recall/case-spec.js';
import { renderJson, renderText, summarize } from './recall/render.js';
import { findTool } from './recall/sandbox.js';
import { type CaseResult, type Shells, scoreCase } from './recall/score.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CASES = join(ROOT, 'bench', 'recall', 'cases');

function parseArgs(argv: readonly string[]): { json: string | null; only: string[] } {
  let json: string | null = null;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    if ((a === '--json' || a === '--case') && next !== undefined) {
      if (a === '--json') json = next;
      else only.push(next);
      i++;
    } else {
      process.stderr.write(`usage: recall.bench.js [--json FILE] [--case ID]...\nunknown argument: ${a ?? ''}\n`);
      process.exit(2);
    }
  }
  return { json, only };
}

const TOOLS = [
  'bash',
  'basename',
  'cat',
  'cut',
  'dirname',
  'env',
  'grep',
  'head',
  'ls',
  'mkdir',
  'mktemp',
  'printf',
  'readlink',
  'sed',
  'setpriv',
  'sort',
  'tail',
  'tr',
  'uname',
  'wc',
  'awk',
  'find',
  'dash',
];

function shells(): Shells {
  const bash = findTool('bash');
  const dash = findTool('dash');
  if (bash === null || dash === null) {
    process.stderr.write('recall bench: needs bash and dash on PATH\n');
    process.exit(2);
  }
  const tools = new Map<string, string>();
  for (const t of TOOLS) {
    const p = findTool(t);
    if (p !== null) tools.set(t, p);
  }
  return { bash, dash, tools };
}

function bashVersion(bash: string): string {
  const r = spawnSync(bash, ['-c', 'printf %s "$BASH_VERSION"'], { encoding: 'utf8' });
  return `bash ${r.stdout.trim()}, dash`;
}

const { json, only } = parseArgs(process.argv.slice(2));
const started = performance.now();
const sh = shells();
const results: CaseResult[] = [];
for (const loaded of loadCases(CASES)) {
  const id = loaded.kind === 'ok' ? loaded.case.spec.id : loaded.id;
  if (only.length > 0 && !only.includes(id)) continue;
  if (loaded.kind === 'error') {
    results.push({
      id,
      project: '?',
      source: '?',
      class: '?',
      shell: 'bash',
      bashVersion: null,
      hasHuman: false,
      errors: [`case.json: ${loaded.message}`],
      names: [],
      fixers: {},
    });
    continue;
  }
  try {
    results.push(scoreCase(loaded.case, sh));
  } catch (err) {
    const s = loaded.case.spec;
    const message = err instanceof Error ? err.message : String(err);
    results.push({
      id,
      project: s.project,
      source: s.source,
      class: s.class,
      shell: s.shell,
      bashVersion: s.bashVersion,
      hasHuman: loaded.case.human !== null,
      errors: [`could not run: ${message}`],
      names: [],
      fixers: {},
    });
  }
}
const summary = summarize(results, bashVersion(sh.bash));
process.stdout.write(renderText(summary));
if (json !== null) writeFileSync(json, renderJson(summary));
process.stderr.write(
  `recall bench: ${results.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
if (results.some((c) => c.errors.length > 0)) process.exitCode = 1;
