// The parser test corpus on disk: hand-written construct cases, realistic scripts, error cases.
// Lists directories at run time, sorted, so a new file is a new test with no list to update.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (tests run from dist/test/..., sources live beside dist/). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface CorpusFile {
  /** Path relative to the package root, with `/`. */
  readonly name: string;
  readonly text: string;
  readonly dialect: 'bash' | 'posix';
}

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out = out.concat(walk(full));
    else if (entry.endsWith('.sh') || entry.endsWith('.bash')) out.push(full);
  }
  return out;
}

/** Every script under `test/corpus/<sub>` (a `posix/` folder means POSIX sh). */
export function corpus(sub: string): CorpusFile[] {
  const dir = join(ROOT, 'test', 'corpus', sub);
  let files: string[];
  try {
    files = walk(dir);
  } catch (err) {
    throw new Error(`cannot read the corpus folder ${dir}: ${(err as Error).message}`);
  }
  return files.map((full) => {
    const name = relative(ROOT, full).split('\\').join('/');
    return { name, text: readFileSync(full, 'utf8'), dialect: name.includes('/posix/') ? 'posix' : 'bash' };
  });
}
