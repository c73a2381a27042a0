// How the command line lets the analysis read sourced files: through the run's IO, only inside the
// directory nounset runs in (a file elsewhere — `/etc/os-release` — differs from machine to
// machine, and output must not), and never failing: a file that cannot be read is not followed.
// In a run, a file of the run is read from its snapshot (snapshot.ts), as it was before the run.

import { isAbsolute, relative, resolve } from 'node:path';
import { readScriptText, type ScriptIO } from '../io/index.js';
import { crypto } from '../lazy-builtin.js';
import { type Snapshot, snapshotText } from './snapshot.js';

/** Inside `cwd`, the absolute path; else null. */
function insideRoot(cwd: string, path: string): string | null {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : abs;
}

function readFromDisk(io: ScriptIO, abs: string): string | null {
  try {
    const stat = io.lstat(abs);
    return stat.kind === 'file' ? readScriptText(io, abs).text : null;
  } catch {
    // Not followed; the analysis says so in a diagnostic.
    return null;
  }
}

export function sourceReader(io: ScriptIO, cwd: string): (path: string) => string | null {
  return (path) => {
    const abs = insideRoot(cwd, path);
    return abs === null ? null : readFromDisk(io, abs);
  };
}

/** What a sourced path reads as: the text, or null (not followed). */
export interface SourceFiles {
  /** `readSource` for fixScript. */
  readonly read: (path: string) => string | null;
  /** A digest of what `read(path)` returns, null included: equal digests, equal reads. */
  readonly digest: (path: string) => string;
}

/** The digest of a read that found nothing. */
export const ABSENT = 'absent';

export function digestText(text: string): string {
  return crypto().createHash('sha256').update(text).digest('base64url');
}

/** One thread's reader of sourced files for a run: each path is read once (a library that hundreds
 * of scripts source, once), from the snapshot for a file of the run, else from disk; files outside
 * the run are never written by it, so either way a read gives what the file held before the run. */
export function snapshotSources(snapshot: Snapshot, io: ScriptIO, cwd: string): SourceFiles {
  const seen = new Map<string, { text: string | null; digest?: string }>();
  const lookup = (path: string): { text: string | null; digest?: string } => {
    const abs = insideRoot(cwd, path) ?? '';
    let got = seen.get(abs);
    if (!got) {
      got = {
        text:
          abs === ''
            ? null
            : snapshot.files.has(abs)
              ? (snapshotText(snapshot, abs)?.text ?? null)
              : readFromDisk(io, abs),
      };
      seen.set(abs, got);
    }
    return got;
  };
  return {
    read: (path) => lookup(path).text,
    digest(path) {
      const got = lookup(path);
      got.digest ??= got.text === null ? ABSENT : digestText(got.text);
      return got.digest;
    },
  };
}
