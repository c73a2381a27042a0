// The closing line of a run, e.g. `nounset: 3 scripts, 1 changed, 2 unchanged, 0 skipped,
// 0 errors, 9 edits in 0.12 s`, and the list of changed files. Returns strings; prints nothing.

import type { FileStatus, RunResult } from '../run-result.js';

export interface RunCounts {
  readonly scripts: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly errors: number;
  /** Edits in the files that changed. */
  readonly edits: number;
}

/** Counts files by status and edits in changed files. */
export function countRun(run: RunResult): RunCounts {
  const by = (status: FileStatus): number => run.files.filter((f) => f.status === status).length;
  const edits = run.files.reduce((n, f) => n + (f.status === 'changed' ? (f.result?.edits.length ?? 0) : 0), 0);
  return { scripts: run.files.length, changed: by('changed'), unchanged: by('unchanged'), skipped: by('skipped'), errors: by('error'), edits };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line ending in a newline; a dry run says `would change` where a run that wrote says
 * `changed`. `seconds` is left out when not given (tests and other callers want a fixed text). */
export function renderRunSummary(run: RunResult, more: { seconds?: number; notRun?: number; threads?: number } = {}): string {
  const c = countRun(run);
  const changed = run.wrote ? `${c.changed} changed` : `${c.changed} would change`;
  const notRun = more.notRun ? `, ${more.notRun} not run` : '';
  const threads = more.threads ? ` on ${more.threads} threads` : '';
  const time = more.seconds === undefined ? '' : ` in ${more.seconds.toFixed(2)} s${threads}`;
  return `nounset: ${plural(c.scripts, 'script')}, ${changed}, ${c.unchanged} unchanged, ${c.skipped} skipped, ${plural(c.errors, 'error')}${notRun}, ${plural(c.edits, 'edit')}${time}\n`;
}

/** `path: N edits` for each changed file, in path order: what a run that writes tells stdout. */
export function renderChangedFiles(run: RunResult): string {
  return run.files
    .filter((f) => f.status === 'changed')
    .map((f) => `${f.path}: ${run.wrote ? '' : 'would be '}changed, ${plural(f.result?.edits.length ?? 0, 'edit')}\n`)
    .join('');
}
