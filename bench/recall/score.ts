// Scores the fixers on one case: checks the triggers on the original, runs them on every fixed
// version, and judges each name made safe or missed (statically for bash < 4.4 bugs).

import { structuredPatch } from 'diff';
import { isOldBash, type LoadedCase, type Trigger } from './case-spec.js';
import { applyFixer, FIXERS, type FixerName, nounsetReasons, suggestionWarnings } from './fixers.js';
import { findUnguarded } from './old-bash.js';
import { type Abort, isAbortOn, type RunOutcome, runInSandbox, syntaxError } from './sandbox.js';

export type Verdict = 'safe' | 'missed' | 'n/a';

export interface Shells {
  readonly bash: string;
  readonly dash: string;
  readonly tools: ReadonlyMap<string, string>;
}

export interface NameResult {
  readonly name: string;
  readonly class: string;
  /** Judged by reading the text (bash < 4.4), not by running it. */
  readonly static: boolean;
  /** Where the original aborts (or, statically, its first unguarded expansion). */
  readonly file: string;
  readonly line: number;
  readonly verdicts: Readonly<Record<FixerName, Verdict>>;
  /** Safe, but the fixed run still stopped on another unbound name (before or after this read). */
  readonly stoppedOnOther: Readonly<Record<FixerName, boolean>>;
  /** nounset's verdict and reason on the read, one string per reference on that line. */
  readonly nounsetSays: readonly string[];
}

export interface FixerCaseStats {
  readonly changedLines: number;
  readonly syntaxErrors: readonly string[];
  readonly notes: readonly string[];
}

export interface CaseResult {
  readonly id: string;
  readonly project: string;
  readonly source: string;
  readonly class: string;
  readonly shell: 'bash' | 'sh';
  readonly bashVersion: string | null;
  readonly hasHuman: boolean;
  /** Non-empty when the case could not be scored: a broken trigger, a script that does not parse. */
  readonly errors: readonly string[];
  readonly names: readonly NameResult[];
  readonly fixers: Readonly<Partial<Record<FixerName, FixerCaseStats>>>;
}

function changedLines(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): number {
  let n = 0;
  for (const [path, text] of before) {
    const fixed = after.get(path) ?? text;
    if (fixed === text) continue;
    for (const h of structuredPatch(path, path, text, fixed, '', '', { context: 0 }).hunks) {
      n += h.lines.filter((l) => l.startsWith('+') || l.startsWith('-')).length;
    }
  }
  return n;
}

function shellOf(c: LoadedCase, shells: Shells): string {
  return c.spec.shell === 'sh' ? shells.dash : shells.bash;
}

function run(
  c: LoadedCase,
  scripts: ReadonlyMap<string, string>,
  trigger: Trigger,
  shells: Shells,
  label: string,
): RunOutcome {
  const r = runInSandbox({ spec: c.spec, scripts, trigger, shellPath: shellOf(c, shells), toolPaths: shells.tools });
  // RECALL_DEBUG=1 shows what each run printed on stderr, to write or repair a trigger.
  if (process.env.RECALL_DEBUG)
    process.stderr.write(`--- ${c.spec.id} ${label} (exit ${String(r.status)}):\n${r.stderr}`);
  return r;
}

function firstLines(s: string, n: number): string {
  const lines = s.trim().split('\n');
  return lines.slice(0, n).join(' | ') + (lines.length > n ? ' | …' : '');
}

function describeReasons(c: LoadedCase, file: string, line: number, name: string): string[] {
  if (!c.scripts.has(file)) {
    const warned = suggestionWarnings(c, name);
    return [
      `the read is not in one of the case's scripts (${file || 'the driver'} line ${line}): text the scripts generate or the caller runs`,
      ...(warned.length > 0 ? [`warned, not edited: ${warned.join('; ')}`] : []),
    ];
  }
  const refs = nounsetReasons(c, file, line, name);
  if (refs.length === 0) {
    // A read in code the script runs through eval is warned about where the eval is.
    const warned = suggestionWarnings(c, name).filter((w) => w.startsWith(`${file}:${line}:`));
    return [
      `no read of ${name} that nounset sees on ${file}:${line}`,
      ...(warned.length > 0 ? [`warned, not edited: ${warned.join('; ')}`] : []),
    ];
  }
  return refs.map(
    (r) => `${r.line === line ? '' : `line ${r.line}: `}${r.text} (${r.form}): ${r.verdict}: ${r.reason}`,
  );
}

type Where = ReadonlyMap<string, { file: string; line: number }>;

/** Where each name aborts in the original (statically: its first unguarded expansion), and
 * what is wrong with the case: a script that does not parse, a trigger that does not abort. */
function checkOriginal(c: LoadedCase, shells: Shells): { where: Where; errors: string[] } {
  const spec = c.spec;
  const errors: string[] = [];
  for (const [path, text] of c.scripts) {
    const e = syntaxError(text, shellOf(c, shells), spec.shell === 'bash');
    if (e !== null) errors.push(`${path} does not parse: ${e}`);
  }
  const where = new Map<string, { file: string; line: number }>();
  if (isOldBash(spec.bashVersion)) {
    for (const name of spec.names) {
      for (const [path, text] of c.scripts) {
        const u = findUnguarded(text, name)[0];
        if (u && !where.has(name)) where.set(name, { file: path, line: u.line });
      }
      if (!where.has(name)) errors.push(`${name}: the original has no unguarded expansion of it`);
    }
    return { where, errors };
  }
  spec.runs.forEach((t, i) => {
    const r = run(c, c.scripts, t, shells, `original run ${i + 1}`);
    const hit = r.aborts.find((a) => isAbortOn(a.subject, t.aborts));
    if (!hit)
      errors.push(
        `run ${i + 1} does not abort on ${t.aborts} (exit ${String(r.status)}${r.timedOut ? ', timed out' : ''}): ${firstLines(r.stderr, 3) || 'no stderr'}`,
      );
    else if (!where.has(t.aborts)) where.set(t.aborts, { file: hit.file, line: hit.line });
  });
  return { where, errors };
}

/** Is `name` made safe in a fixed version: no run that triggered it stops on it any more? */
function judge(
  c: LoadedCase,
  fixed: ReadonlyMap<string, string>,
  fixer: FixerName,
  name: string,
  shells: Shells,
): { verdict: Verdict; stoppedOnOther: boolean } {
  if (isOldBash(c.spec.bashVersion)) {
    const left = [...fixed.values()].some((t) => findUnguarded(t, name).length > 0);
    return { verdict: left ? 'missed' : 'safe', stoppedOnOther: false };
  }
  let safe = true;
  let other = false;
  for (const t of c.spec.runs.filter((r) => r.aborts === name)) {
    const aborts: readonly Abort[] = run(c, fixed, t, shells, `${fixer} ${name}`).aborts;
    if (aborts.some((a) => isAbortOn(a.subject, name))) safe = false;
    else if (aborts.length > 0) other = true;
  }
  return { verdict: safe ? 'safe' : 'missed', stoppedOnOther: safe && other };
}

function fixerStats(
  c: LoadedCase,
  fixed: ReadonlyMap<string, string>,
  notes: readonly string[],
  shells: Shells,
): FixerCaseStats {
  const syntaxErrors: string[] = [];
  for (const [path, text] of fixed) {
    if (text === c.scripts.get(path)) continue;
    const e = syntaxError(text, shellOf(c, shells), c.spec.shell === 'bash');
    if (e !== null) syntaxErrors.push(`${path}: ${e}`);
  }
  return { changedLines: changedLines(c.scripts, fixed), syntaxErrors, notes };
}

/** Checks and scores one case. */
export function scoreCase(c: LoadedCase, shells: Shells): CaseResult {
  const spec = c.spec;
  const base = {
    id: spec.id,
    project: spec.project,
    source: spec.source,
    class: spec.class,
    shell: spec.shell,
    bashVersion: spec.bashVersion,
    hasHuman: c.human !== null,
  };
  const { where, errors } = checkOriginal(c, shells);
  if (errors.length > 0) return { ...base, errors, names: [], fixers: {} };

  const verdicts = new Map(
    spec.names.map((n) => [n, { nounset: 'n/a', sed: 'n/a', human: 'n/a' } as Record<FixerName, Verdict>]),
  );
  const stopped = new Map(
    spec.names.map((n) => [n, { nounset: false, sed: false, human: false } as Record<FixerName, boolean>]),
  );
  const fixers: Partial<Record<FixerName, FixerCaseStats>> = {};
  for (const fixer of FIXERS) {
    const out = applyFixer(fixer, c);
    if (out === null) continue;
    fixers[fixer] = fixerStats(c, out.scripts, out.notes, shells);
    for (const name of spec.names) {
      const j = judge(c, out.scripts, fixer, name, shells);
      const v = verdicts.get(name);
      const s = stopped.get(name);
      if (v) v[fixer] = j.verdict;
      if (s) s[fixer] = j.stoppedOnOther;
    }
  }
  const names: NameResult[] = spec.names.map((name) => {
    const w = where.get(name) ?? { file: '', line: 0 };
    const v = verdicts.get(name) ?? { nounset: 'n/a', sed: 'n/a', human: 'n/a' };
    return {
      name,
      class: spec.classOf[name] ?? spec.class,
      static: isOldBash(spec.bashVersion),
      file: w.file,
      line: w.line,
      verdicts: v,
      stoppedOnOther: stopped.get(name) ?? { nounset: false, sed: false, human: false },
      nounsetSays: v.nounset === 'missed' ? describeReasons(c, w.file, w.line, name) : [],
    };
  });
  return { ...base, errors: [], names, fixers };
}
