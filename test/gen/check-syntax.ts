// Batch syntax check of generated programs with real shells: a few shell processes (xargs -P)
// run `sh -n` over every file, far cheaper than a process per program from node.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SyntaxCheck {
  /** Shells whose `-n` must accept every program, e.g. `['dash', 'bash']`. */
  readonly shells: readonly string[];
  readonly programs: readonly string[];
  /** A scratch directory; the files go in a fresh subdirectory, removed afterwards. */
  readonly dir: string;
}

const LOOP = 'sh=$1; shift; for f; do "$sh" -n "$f" >/dev/null 2>&1 || printf "%s\\n" "$f"; done';

/** The rejected programs, each followed by the shell's complaint; empty if all pass. */
export function rejectedBy(check: SyntaxCheck): string[] {
  const batch = mkdtempSync(join(check.dir, 'batch-'));
  try {
    const files = check.programs.map((text, k) => {
      const file = join(batch, `p${String(k).padStart(5, '0')}.sh`);
      writeFileSync(file, text);
      return file;
    });
    const rejected: string[] = [];
    for (const shell of check.shells) {
      const run = spawnSync('xargs', ['-0', '-n', '50', '-P', '4', shell, '-c', LOOP, shell, shell], {
        input: files.join('\0'),
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      if (run.error !== undefined || run.status !== 0) {
        throw new Error(`cannot run ${shell} through xargs: ${run.error?.message ?? run.stderr}`);
      }
      for (const file of run.stdout.split('\n').filter((line) => line !== '')) {
        const why = spawnSync(shell, ['-n', file], { encoding: 'utf8' }).stderr.trim();
        const text = check.programs[files.indexOf(file)] ?? '';
        rejected.push(`${JSON.stringify(text)}\n  ${shell} -n: ${why}`);
      }
    }
    return rejected;
  } finally {
    rmSync(batch, { recursive: true, force: true });
  }
}
