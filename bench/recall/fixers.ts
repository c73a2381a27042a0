// The three fixers the benchmark compares, each turning a case's scripts into fixed scripts:
// nounset (the library, default options but a case's bashVersion), the blind sed baseline, and the
// human fix.

import { posix } from 'node:path';
import { type FixOptions, fixScript, inspectScript, type ReferenceReport } from '../../src/index.js';
import { blindSed } from './blind-sed.js';
import type { LoadedCase } from './case-spec.js';

export type FixerName = 'nounset' | 'sed' | 'human';
export const FIXERS: readonly FixerName[] = ['nounset', 'sed', 'human'];

export interface FixerOutput {
  /** Every script of the case, fixed (or as it was). */
  readonly scripts: ReadonlyMap<string, string>;
  /** Problems the fixer reported (nounset's error diagnostics), by file. */
  readonly notes: readonly string[];
}

/** nounset reads a sourced file only when it is one of the case's own scripts. */
function sourceReader(c: LoadedCase): (path: string) => string | null {
  return (path: string) => {
    if (posix.isAbsolute(path)) return null;
    const rel = posix.normalize(path).replace(/^\.\//, '');
    return c.scripts.get(rel) ?? null;
  };
}

/** Default options, plus the oldest bash a case's project supports (`bashVersion`), as its
 * maintainers would write it in `.nounsetrc.json`: nounset cannot see it in the script. */
function nounsetOptions(c: LoadedCase, path: string): FixOptions {
  const v = c.spec.bashVersion;
  const bashVersion = v === null ? undefined : v.startsWith('3') ? '3.2' : '4.0';
  return { path, readSource: sourceReader(c), ...(bashVersion ? { bashVersion } : {}) };
}

function runNounset(c: LoadedCase): FixerOutput {
  const scripts = new Map<string, string>();
  const notes: string[] = [];
  for (const [path, text] of c.scripts) {
    const r = fixScript(text, nounsetOptions(c, path));
    scripts.set(path, r.output);
    for (const d of r.diagnostics) if (d.severity === 'error') notes.push(`${path}:${d.line}: ${d.code}: ${d.message}`);
  }
  return { scripts, notes };
}

/** Runs one fixer on a case; null for `human` when the case has no human fix. */
export function applyFixer(fixer: FixerName, c: LoadedCase): FixerOutput | null {
  if (fixer === 'nounset') return runNounset(c);
  if (fixer === 'sed') return { scripts: new Map([...c.scripts].map(([p, t]) => [p, blindSed(t)])), notes: [] };
  return c.human === null ? null : { scripts: c.human, notes: [] };
}

/** nounset's warnings with a suggestion about `name` in the case's scripts (a read in code a script
 * prints or runs through eval, which nounset does not edit), as `file:line: code, the suggestion`. */
export function suggestionWarnings(c: LoadedCase, name: string): string[] {
  const out: string[] = [];
  // `!ref` (the indirect read) is reported under the name it goes through.
  const bare = name.replace(/^!/, '');
  for (const [path, text] of c.scripts)
    for (const d of fixScript(text, nounsetOptions(c, path)).diagnostics)
      if (d.suggestion && d.message.startsWith(`${bare}:`))
        out.push(`${path}:${d.line}: ${d.code}, \`${d.suggestion.after}\` instead of \`${d.suggestion.before}\``);
  return out;
}

/** nounset's verdicts on the reads of `name` on the line bash names in one of the case's scripts.
 * bash names the last line of a command that spans several, so when that line has no read of
 * the name, the nearest line above it that has one (up to 10 lines) is taken. */
export function nounsetReasons(c: LoadedCase, file: string, line: number, name: string): ReferenceReport[] {
  const text = c.scripts.get(file);
  if (text === undefined) return [];
  const bare = name.replace(/^!/, '');
  const all = inspectScript(text, nounsetOptions(c, file)).references.filter((r) => r.name === bare);
  for (let l = line; l >= Math.max(1, line - 10); l--) {
    const refs = all.filter((r) => r.line === l);
    if (refs.length === 0) continue;
    // `!ref` is the indirect read `${!ref}`, not the other reads of ref on that line.
    const indirect = refs.filter((r) => r.form === 'indirect');
    return name.startsWith('!') && indirect.length > 0 ? indirect : refs;
  }
  return [];
}
