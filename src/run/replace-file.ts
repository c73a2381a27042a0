// Writing a changed script: a temp file beside it, then a rename, so a reader never sees half a
// script and a failed write leaves the original alone. Mode and owner are kept; no temp file is
// left; a file that changed on disk while nounset worked on it is not overwritten.

import { basename, dirname, join } from 'node:path';
import { describeIOError, encodeScript, readScriptText, type ScriptIO, type TextEncoding } from '../io/index.js';

/** Names tried for the temp file; hidden, so a walk never picks one up. */
const MAX_TEMP_TRIES = 20;

function errorCode(err: unknown): string | undefined {
  return err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
}

export interface Replacement {
  readonly path: string;
  readonly text: string;
  /** How `text` becomes bytes (default `utf8`): as the file was read. */
  readonly encoding?: TextEncoding;
  readonly mode: number;
  readonly owner?: { readonly uid: number; readonly gid: number };
  /** What the file held when it was read: if it holds something else now (an editor saved it, a
   * checkout ran), it is left alone. */
  readonly expect?: string;
}

/** Replaces the regular file `path` with `text`, keeping mode and owner; returns an error message or null. */
export function replaceFile(io: ScriptIO, options: Replacement): string | null {
  const { path, text, mode, owner, expect } = options;
  const content = encodeScript(text, options.encoding ?? 'utf8');
  for (let i = 0; i < MAX_TEMP_TRIES; i++) {
    const temp = join(dirname(path), `.${basename(path)}.nounset-tmp${i === 0 ? '' : `-${i}`}`);
    try {
      io.createFile(temp, content, mode, owner);
    } catch (err) {
      if (errorCode(err) === 'EEXIST') continue;
      // A failed write may still have created the file.
      return `cannot write: ${describeIOError(err)}${removeTemp(io, temp)}`;
    }
    // As late as possible: between this check and the rename, nothing of nounset's runs.
    const moved = expect === undefined ? null : changedSinceRead(io, path, expect);
    if (moved !== null) return `${moved}; left as it is${removeTemp(io, temp)}`;
    try {
      io.rename(temp, path);
      return null;
    } catch (err) {
      return `cannot write: ${describeIOError(err)}${removeTemp(io, temp)}`;
    }
  }
  return `cannot write: ${MAX_TEMP_TRIES} temp files named .${basename(path)}.nounset-tmp* already exist; remove them`;
}

function changedSinceRead(io: ScriptIO, path: string, expect: string): string | null {
  try {
    return readScriptText(io, path).text === expect ? null : 'changed on disk while nounset was working on it';
  } catch (err) {
    return `cannot read it again before replacing it: ${describeIOError(err)}`;
  }
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
