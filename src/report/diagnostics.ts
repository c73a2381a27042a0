// Diagnostics as `path:line:col: severity: message [code]`, the form compilers and editors read.
// Returns strings; prints nothing.

import type { Diagnostic, FileResult, Severity } from '../types/index.js';
import { isShown } from './diagnostic-counts.js';

/** One line (with its newline) per diagnostic; `skipped` marks the one that made nounset leave the file alone. */
export function renderDiagnostic(path: string, d: Diagnostic, options: { skipped?: boolean } = {}): string {
  const message = d.message.replace(/\r?\n/g, ' ');
  return `${path}:${d.line}:${d.column}: ${d.severity}: ${options.skipped ? 'skipped: ' : ''}${message} [${d.code}]\n`;
}

/** A file's diagnostics in position order, those of `level` and above (default: all), or
 * `path: error: why` for a file that failed. */
export function renderFileDiagnostics(
  file: FileResult,
  skipCause?: Diagnostic,
  options: { level?: Severity } = {},
): string {
  let out = '';
  const level = options.level ?? 'info';
  for (const d of file.result?.diagnostics ?? []) {
    if (isShown(d.severity, level)) out += renderDiagnostic(file.path, d, { skipped: d === skipCause });
  }
  if (file.status === 'error') out += `${file.path}: error: ${file.error ?? 'failed'}\n`;
  return out;
}
