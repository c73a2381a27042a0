// What a run over many files returns. Types only: run/ builds these, report/ and cli/ read them.

import type { FixResult } from './script.js';

/** `skipped`: left alone because it does not parse or is written for another shell (see `result`);
 * `error`: could not be read, written or fixed (see `error`). */
export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

export interface FileResult {
  /** Relative to the working directory, with `/`. */
  readonly path: string;
  readonly status: FileStatus;
  /** What fixScript said; absent when the file could not be read. */
  readonly result?: FixResult;
  /** Why the file failed, for `error`. */
  readonly error?: string;
  /** The unified diff of a changed file (path relative, `a/` `b/` headers). */
  readonly diff?: string;
  /** The number of edits of a changed file: `result.edits.length`, which a result from the cache
   * gives without reading its edits. */
  readonly editCount?: number;
  /** `latin1` for a file whose bytes are not UTF-8: nounset read it one byte per character, and
   * its `diff` and `result` texts hold those bytes as the characters U+0000 to U+00FF (write
   * them with the `latin1` encoding to get the bytes back). Absent for UTF-8. */
  readonly encoding?: 'latin1';
}

export interface RunResult {
  /** Whether changed files were written (`false` for a dry run). */
  readonly wrote: boolean;
  /** Sorted by path (byte order). */
  readonly files: readonly FileResult[];
}
