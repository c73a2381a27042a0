// Writing a changed script: a temp file beside it, then a rename, so a reader never sees half a
// script and a failed write leaves the original alone. The mode is kept; no temp file is left.

import { basename, dirname, join } from 'node:path';
import { describeIOError, type ScriptIO } from './io.js';

/** Names tried for the temp file; hidden, so a walk never picks one up. */
const MAX_TEMP_TRIES = 20;

function errorCode(err: unknown): string | undefined {
  return err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
}

/** Replaces the regular file `path` with `text`, keeping `mode`; returns an error message or null. */
export function replaceFile(io: ScriptIO, options: { path: string; text: string; mode: number }): string | null {
  const { path, text, mode } = options;
  for (let i = 0; i < MAX_TEMP_TRIES; i++) {
    const temp = join(dirname(path), `.${basename(path)}.nounset-tmp${i === 0 ? '' : `-${i}`}`);
    try {
      io.createFile(temp, text, mode);
    } catch (err) {
      if (errorCode(err) === 'EEXIST') continue;
      // A failed write may still have created the file.
      return `cannot write: ${describeIOError(err)}${removeTemp(io, temp)}`;
    }
    try {
      io.rename(temp, path);
      return null;
    } catch (err) {
      return `cannot write: ${describeIOError(err)}${removeTemp(io, temp)}`;
    }
  }
  return `cannot write: ${MAX_TEMP_TRIES} temp files named .${basename(path)}.nounset-tmp* already exist; remove them`;
}

/** '' once the temp file is gone (or was never made), else what to tell the user about it. */
function removeTemp(io: ScriptIO, temp: string): string {
  try {
    io.unlink(temp);
    return '';
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return '';
    return `; the temp file ${temp} could not be removed: ${describeIOError(err)}`;
  }
}
