// One script read from disk and inspected: every reference with nounset's verdict, the files it
// sources followed as a fix run follows them. Writes nothing.

import { resolve } from 'node:path';
import { inspectScript } from '../fix/index.js';
import { describeIOError, type ScriptIO } from '../io/index.js';
import type { FixOptions, InspectResult } from '../types/index.js';
import { showPath } from './find-scripts.js';
import { planRun } from './plan-run.js';
import { snapshotText } from './snapshot.js';
import { sourceReader } from './source-reader.js';

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
  try {
    if (io.stat(abs).kind !== 'file') return { path, error: 'not a regular file' };
  } catch (err) {
    return { path, error: `cannot read: ${describeIOError(err)}` };
  }
  // The options a fix run gives the file (its configuration, what the work tree's other scripts
  // say of it), its text as the run read it, and its sources followed as a fix run follows them:
  // each verdict is fixing's.
  const plan = planRun([given], { cwd: options.cwd, fix: options.fix }, io);
  const [planned] = plan.files;
  const text = snapshotText(plan.snapshot, abs)?.text;
  if (planned !== undefined && 'result' in planned) return { path, error: planned.result.error ?? 'cannot be fixed' };
  // A file named on the command line is always planned, and read.
  if (planned === undefined || text === undefined) return { path, error: 'not planned' };
  const readSource = sourceReader(io, options.cwd);
  return { path, result: inspectScript(text, { ...planned.task.fix, path, readSource, sourceRoot: '.' }) };
}
