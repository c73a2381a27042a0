// A lower bound for any nounset run over a corpus, run by cli.bench.ts as a fresh process: start
// Node, load the parser, and parse every file twice, as every fix does (the script, then the fixed
// text for the output check), with nothing else. Prints the files parsed.
//
//   node dist/bench/parse-floor.js DIR --list FILE   (FILE: one path per line, relative to DIR)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectDialect, parse } from '../src/parse/index.js';

const [dir, flag, listFile] = process.argv.slice(2);
if (dir === undefined || flag !== '--list' || listFile === undefined)
  throw new Error('usage: parse-floor.js DIR --list FILE');
const files = readFileSync(listFile, 'utf8')
  .split('\n')
  .filter((l) => l !== '');
let parsed = 0;
for (const path of files) {
  const text = readFileSync(join(dir, path), 'utf8');
  const dialect = detectDialect(text, path).dialect ?? 'bash';
  for (let k = 0; k < 2; k++) parse(text, { dialect, path });
  parsed++;
}
process.stdout.write(`${parsed}\n`);
