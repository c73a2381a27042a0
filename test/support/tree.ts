// Trees of files on disk for CLI tests: write one, read one back byte for byte.

import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Writes `files` (relative path → text or bytes) under `root`. */
export function writeTree(root: string, files: Readonly<Record<string, string | Buffer>>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

/** The files under `root`, relative path → bytes as latin1 text, in path order; `.git` left out. */
export function readTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.git') continue;
      const abs = join(dir, name);
      if (lstatSync(abs).isDirectory()) walk(abs);
      else out.set(relative(root, abs), readFileSync(abs, 'latin1'));
    }
  };
  walk(root);
  return out;
}
