// One script read from disk and inspected: every reference with nounset's verdict. Writes nothing.

import { resolve } from 'node:path';
import { inspectScript } from '../fix/index.js';
import { describeIOError, readScriptText, type ScriptIO } from '../io/index.js';
import type { FixOptions, InspectResult } from '../types/index.js';
import { showPath } from './find-scripts.js';

export type InspectOutcome =
  | { readonly path: string; readonly result: InspectResult }
  | { readonly path: string; readonly error: string };

/** Reads `path` (relative to `cwd`) and inspects it; throws UsageError on bad options. */
export function inspectPath(
  given: string,
  options: { cwd: string; fix: Omit<FixOptions, 'path'> },
  io: ScriptIO,
): InspectOutcome {
  const abs = resolve(options.cwd, given);
  const path = showPath(options.cwd, abs);
  let text: string;
  try {
    if (io.stat(abs).kind !== 'file') return { path, error: 'not a regular file' };
    text = readScriptText(io, abs).text;
  } catch (err) {
    return { path, error: `cannot read: ${describeIOError(err)}` };
  }
  return { path, result: inspectScript(text, { ...options.fix, path }) };
}
