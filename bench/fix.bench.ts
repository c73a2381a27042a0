// How fast fixScript is next to parsing alone: the realistic corpus (many small files, as a
// repository run sees them) and one dense generated file. Reports medians; gates nothing.

import { fixScript, parse } from '../src/index.js';
import { corpus } from '../test/support/corpus.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(runs: number, fn: () => void): number {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const files = corpus('realistic');
const bytes = files.reduce((n, f) => n + f.text.length, 0);
const rate = (b: number, ms: number): string => `${(b / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
const parseMs = time(15, () => {
  for (const f of files) parse(f.text, { dialect: f.dialect });
});
const fixMs = time(15, () => {
  for (const f of files) fixScript(f.text, { dialect: f.dialect });
});
console.log(`realistic corpus, ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB`);
console.log(`  parse      ${rate(bytes, parseMs)}  (${parseMs.toFixed(1)} ms)`);
console.log(
  `  fixScript  ${rate(bytes, fixMs)}  (${fixMs.toFixed(1)} ms, ${(fixMs / parseMs).toFixed(1)}x parse; ${(fixMs / files.length).toFixed(2)} ms per file)`,
);

let dense = '#!/bin/bash\nset -u\n';
for (let i = 0; i < 8000; i++) dense += `echo "$1 $V${i % 500} \${#W${i % 300}}" $(( x${i % 50} + 1 ))\n`;
for (const style of ['block', 'inline'] as const) {
  let edits = 0;
  const ms = time(5, () => {
    edits = fixScript(dense, { style }).edits.length;
  });
  console.log(
    `dense file ${(dense.length / 1e6).toFixed(2)} MB, ${style}: ${rate(dense.length, ms)} (${ms.toFixed(0)} ms, ${edits} edits)`,
  );
}
