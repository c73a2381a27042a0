// How the command line lets the analysis read sourced files: through the run's IO, only inside the
// directory nounset runs in (a file elsewhere — `/etc/os-release` — differs from machine to
// machine, and output must not), and never failing: a file that cannot be read is not followed.

import { isAbsolute, relative, resolve } from 'node:path';
import { readScriptText, type ScriptIO } from './io.js';

export function sourceReader(io: ScriptIO, cwd: string): (path: string) => string | null {
  return (path) => {
    const abs = resolve(cwd, path);
    const rel = relative(cwd, abs);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
    try {
      const stat = io.lstat(abs);
      return stat.kind === 'file' ? readScriptText(io, abs).text : null;
    } catch {
      // Not followed; the analysis says so in a diagnostic.
      return null;
    }
  };
}
