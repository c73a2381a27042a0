// `npm run check:real [-- DIR]`: nounset over real scripts fetched by scripts/fetch-real-corpus.sh
// (never committed). For each script the shell accepts (`bash -n`, or `dash -n` for sh): both
// styles must fix it without an `unsafe-edit`, give output the shell accepts, and be a fixed
// point; and a script the shell accepts must not be skipped as a parse error. Prints counts, the
// edit kinds, the time, and every problem; exits 1 on any.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type FixResult, fixScript } from '../src/index.js';
import { filesUnder } from './measure.js';

/** bash with extglob on, as bash-completion runs its completions (`shopt -s extglob`). */
function accepts(shell: string, text: string): boolean {
  const args = shell === 'bash' ? ['-O', 'extglob', '-n'] : ['-n'];
  return spawnSync(shell, args, { input: text, encoding: 'latin1', timeout: 20_000 }).status === 0;
}

const root = process.argv[2] ?? '.real-corpus/scripts';
const files = filesUnder(root);
const problems: string[] = [];
const kinds = new Map<string, number>();
let fixed = 0;
let parseErrors = 0;
let rejected = 0;
let ms = 0;
let bytes = 0;
for (const file of files) {
  const path = relative(root, file);
  const buf = readFileSync(file);
  const text = buf.toString('latin1') === buf.toString('utf8') ? buf.toString('utf8') : buf.toString('latin1');
  bytes += buf.length;
  // Generated files too: a run skips them by default, but their fix must be as safe.
  const first = fixScript(text, { path, includeGenerated: true });
  const shell = first.dialect === 'posix' ? 'dash' : 'bash';
  if (!accepts(shell, text)) {
    rejected++;
    continue;
  }
  for (const style of ['block', 'inline'] as const) {
    const t0 = performance.now();
    const r: FixResult = fixScript(text, { path, style, includeGenerated: true });
    ms += performance.now() - t0;
    for (const d of r.diagnostics) {
      if (d.code === 'parse-error') {
        parseErrors++;
        problems.push(`${path}:${d.line}:${d.column}: ${shell} -n accepts it, nounset does not: ${d.message}`);
      } else if (d.code === 'unsafe-edit') problems.push(`${path} (${style}): ${d.message}`);
    }
    if (!r.changed) continue;
    if (style === 'block') fixed++;
    for (const e of r.edits) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    if (!accepts(shell, r.output)) problems.push(`${path} (${style}): ${shell} -n rejects the output`);
    const again = fixScript(r.output, { path, style, includeGenerated: true });
    if (again.output !== r.output)
      problems.push(
        `${path} (${style}): not a fixed point: ${again.edits.map((e) => `${e.line}:${e.column} ${e.before} -> ${e.after}`).join('; ')}`,
      );
  }
}
process.stdout.write(
  `real corpus ${root}: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB; ${rejected} rejected by the shell itself; ${fixed} changed (block style)\n`,
);
process.stdout.write(
  `edits: ${[...kinds]
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}\n`,
);
process.stdout.write(
  `fixScript time, both styles: ${(ms / 1000).toFixed(1)} s (${((2 * bytes) / 1e6 / (ms / 1000)).toFixed(2)} MB/s)\n`,
);
// The contract nounset assumes of bash-completion's _init_completion (src/analyze/guards.ts): once
// it returns 0, its caller's cur, prev, words and cword are set, and split with -s; it returns 1
// when there is no word before the cursor. Run against the real library the corpus unpacked.
const completionLibrary = join(
  root,
  '..',
  'unpacked',
  'bash-completion',
  'usr',
  'share',
  'bash-completion',
  'bash_completion',
);
if (existsSync(completionLibrary)) {
  const probe = `. "$1"
set -u
f() { local cur prev words cword split; _init_completion -s || { echo failed; return; }; : "\${#words[@]}"; echo "\${cur+cur} \${prev+prev} \${words+words} \${cword+cword} \${split+split}"; }
g() { local cur prev words cword; _init_completion || { echo failed; return; }; : "\${#words[@]}"; echo "\${cur+cur} \${prev+prev} \${words+words} \${cword+cword}"; }
COMP_WORDS=(ls -l --color=a); COMP_CWORD=2; COMP_LINE='ls -l --color=a'; COMP_POINT=15; f
COMP_WORDS=(cmd ''); COMP_CWORD=1; COMP_LINE='cmd '; COMP_POINT=4; g
COMP_WORDS=(cmd); COMP_CWORD=0; COMP_LINE='cmd'; COMP_POINT=3; g
`;
  const r = spawnSync('bash', ['-c', probe, '_', completionLibrary], { encoding: 'utf8', timeout: 20_000 });
  const want = 'cur prev words cword split\ncur prev words cword\nfailed\n';
  if (r.stdout !== want)
    problems.push(
      `_init_completion does not keep the contract nounset assumes: ${JSON.stringify(r.stdout)} ${r.stderr}`,
    );
  else process.stdout.write('_init_completion contract (real bash-completion library): holds\n');
}
process.stdout.write(`problems: ${problems.length} (parse errors on files the shell accepts: ${parseErrors})\n`);
for (const p of problems.slice(0, 50)) process.stdout.write(`  ${p}\n`);
process.exitCode = problems.length === 0 ? 0 : 1;
