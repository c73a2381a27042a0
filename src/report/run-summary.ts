// The closing line of a run, e.g. `nounset: 3 scripts, 1 changed, 2 unchanged, 0 skipped,
// 0 errors, 9 edits in 0.12 s`, and a changed file's line. Returns strings; prints nothing.

import type { FileResult, FileStatus, RunResult } from '../types/index.js';

export interface RunCounts {
  readonly scripts: number;
  readonly changed: number;
  readonly unchanged: number;
  /** Left alone on purpose: written for another shell, or `# nounset disable-file`. */
  readonly skipped: number;
  /** Failed (exit 3): not read, written or fixed, or left alone because it does not parse or could
   * not be fixed safely. */
  readonly errors: number;
  /** Edits in the files that changed. */
  readonly edits: number;
}

/** A file that makes the run fail (exit 3): it could not be read, written or fixed, or it was left
 * alone because of an error (it does not parse, or could not be fixed safely). */
function isFailed(f: FileResult): boolean {
  return f.status === 'error' || (f.result?.diagnostics.some((d) => d.severity === 'error') ?? false);
}

/** Counts files by status and edits in changed files. A file skipped because of an error counts
 * as an error, not as skipped, so `skipped` holds only files left alone on purpose (another
 * shell, `# nounset disable-file`) and `errors` is nonzero exactly when the run exits 3. */
export function countRun(run: RunResult): RunCounts {
  let errors = 0;
  const ok: FileResult[] = [];
  for (const f of run.files) {
    if (isFailed(f)) errors++;
    else ok.push(f);
  }
  const by = (status: FileStatus): number => ok.filter((f) => f.status === status).length;
  const edits = run.files.reduce((n, f) => n + (f.status === 'changed' ? editCount(f) : 0), 0);
  return {
    scripts: run.files.length,
    changed: by('changed'),
    unchanged: by('unchanged'),
    skipped: by('skipped'),
    errors,
    edits,
  };
}

/** A file's edits, counted without reading them when the run says how many there are. */
const editCount = (f: FileResult): number => f.editCount ?? f.result?.edits.length ?? 0;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line ending in a newline; a dry run says `would change` where a run that wrote says
 * `changed`. `seconds` is left out when not given (tests and other callers want a fixed text). */
export function renderRunSummary(
  run: RunResult,
  more: { seconds?: number; notRun?: number; threads?: number } = {},
): string {
  const c = countRun(run);
  const changed = run.wrote ? `${c.changed} changed` : `${c.changed} would change`;
  const notRun = more.notRun ? `, ${more.notRun} not run` : '';
  const threads = more.threads ? ` on ${more.threads} threads` : '';
  const time = more.seconds === undefined ? '' : ` in ${more.seconds.toFixed(2)} s${threads}`;
  return `nounset: ${plural(c.scripts, 'script')}, ${changed}, ${c.unchanged} unchanged, ${c.skipped} skipped, ${plural(c.errors, 'error')}${notRun}, ${plural(c.edits, 'edit')}${time}\n`;
}

/** `path: changed, N edits` for a changed file, else ''. */
export function renderChangedFile(f: FileResult, wrote: boolean): string {
  return f.status === 'changed'
    ? `${f.path}: ${wrote ? '' : 'would be '}changed, ${plural(editCount(f), 'edit')}\n`
    : '';
}
