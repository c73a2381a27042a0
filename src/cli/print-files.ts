// The text formats print each file as soon as it and the files before it are done: its
// diagnostics on stderr, its diff (--format diff) or its `changed` line (--format summary) on
// stdout. The run then keeps only what the closing table and line need of the file, so a run's
// memory does not grow with the texts of its files. The bytes printed are those of printing the
// whole run at the end.

import { colorDiff, renderChangedFile, renderFileDiagnostics } from '../report/index.js';
import { findSkipCause } from '../run/index.js';
import type { FileResult, FixResult, Severity } from '../types/index.js';

export interface PrintOptions {
  readonly format: 'diff' | 'summary';
  /** Diagnostics of this severity and above go to stderr. */
  readonly level: Severity;
  readonly color: boolean;
  /** --quiet: no `changed` lines. */
  readonly quiet: boolean;
  /** Whether the run writes (`changed`) or not (`would be changed`). */
  readonly wrote: boolean;
  readonly stdout: (bytes: Buffer | string) => void;
  readonly stderr: (text: string) => void;
}

/** A file's diff as the bytes `git apply` needs: UTF-8, or the file's own bytes for one that is not
 * UTF-8 (its diff holds them one per character). */
export function diffBytes(file: FileResult, color: boolean): Buffer {
  const diff = color && file.diff ? colorDiff(file.diff) : (file.diff ?? '');
  return Buffer.from(diff, file.encoding ?? 'utf8');
}

/** What the closing lines need of a printed file: its status, error, edit count and diagnostics.
 * Its text, output, diff, edits and inputs are dropped. */
function printed(file: FileResult): FileResult {
  const { diff: _diff, result, ...rest } = file;
  if (!result) return rest;
  const kept: FixResult = {
    output: '',
    changed: result.changed,
    dialect: result.dialect,
    edits: [],
    inputs: [],
    diagnostics: result.diagnostics,
  };
  return { ...rest, result: kept };
}

/** run.onFile for the text formats. */
export function filePrinter(options: PrintOptions): (file: FileResult) => FileResult {
  return (file) => {
    const diagnostics = renderFileDiagnostics(file, file.result && findSkipCause(file.result), {
      level: options.level,
    });
    if (diagnostics) options.stderr(diagnostics);
    if (options.format === 'diff') {
      if (file.diff) options.stdout(diffBytes(file, options.color));
    } else if (!options.quiet) {
      const line = renderChangedFile(file, options.wrote);
      if (line) options.stdout(line);
    }
    return printed(file);
  };
}
