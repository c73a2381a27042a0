// A script given on standard input (`nounset -`, as shfmt and ShellCheck read one), fixed as a run
// fixes a file of its name: the configuration, the work tree's other scripts and the files it
// sources count as they would for that file, which is read from stdin instead of the disk and
// never written. For editors and pipes: the fixed text (or the diff) goes to stdout.

import { resolve } from 'node:path';
import { fixScript } from '../fix/index.js';
import { type EntryStat, readScriptText, type ScriptIO, type ScriptText } from '../io/index.js';
import type { FixResult } from '../types/index.js';
import { showPath } from './find-scripts.js';
import { type PlanOptions, planRun } from './plan-run.js';
import { fixDiff } from './run-file.js';
import { sourceReader } from './source-reader.js';

/** The result, and its unified diff when it changed. */
export type StdinOutcome =
  | { readonly path: string; readonly result: FixResult; readonly diff: string | undefined }
  | { readonly path: string; readonly error: string };

/** `io` with one more file, `abs`, whose text is `script` (in place of any file there). */
function withFile(io: ScriptIO, abs: string, script: ScriptText): ScriptIO {
  const stat = (): EntryStat => ({ kind: 'file', mode: 0o644, size: Buffer.byteLength(script.text) });
  const refuse = (): never => {
    throw new Error('the script read from stdin is never written');
  };
  return {
    ...io,
    readFile: (path) => (path === abs ? script.text : io.readFile(path)),
    readScript: (path) => (path === abs ? script : readScriptText(io, path)),
    readHead: (path, bytes) => (path === abs ? script.text.slice(0, bytes) : io.readHead(path, bytes)),
    stat: (path) => (path === abs ? stat() : io.stat(path)),
    lstat: (path) => (path === abs ? stat() : io.lstat(path)),
    createFile: (path, ...rest) => (path === abs ? refuse() : io.createFile(path, ...rest)),
    rename: (from, to) => (to === abs ? refuse() : io.rename(from, to)),
  };
}

/** Fixes `script`, read from stdin, as the file `name` (relative to `options.cwd`) would be
 * fixed. Throws UsageError on bad options. */
export function fixStdin(script: ScriptText, name: string, options: PlanOptions, io: ScriptIO): StdinOutcome {
  const abs = resolve(options.cwd, name);
  const path = showPath(options.cwd, abs);
  const overlay = withFile(io, abs, script);
  // As inspectPath: the options a fix run gives the file, and its sources followed as it follows them.
  const plan = planRun([name], options, overlay);
  const [planned] = plan.files;
  if (planned === undefined) return { path, error: 'not planned' };
  if ('result' in planned) return { path, error: planned.result.error ?? 'cannot be fixed' };
  const readSource = sourceReader(overlay, options.cwd);
  const result = fixScript(script.text, { ...planned.task.fix, path, readSource, sourceRoot: '.' });
  return { path, result, diff: fixDiff(path, script.text, result) };
}
