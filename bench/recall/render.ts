// The benchmark's report: a text table for people and the same numbers as JSON. Returns strings;
// sorted by case id and name so two runs on the same tree print the same bytes.

import { FIXERS, type FixerName } from './fixers.js';
import type { CaseResult, NameResult } from './score.js';

export interface Tally {
  readonly names: number;
  readonly safe: number;
  readonly stoppedOnOther: number;
  readonly changedLines: number;
  readonly syntaxFailures: number;
}

export interface Summary {
  readonly shells: string;
  readonly cases: number;
  readonly scoredCases: number;
  readonly names: number;
  readonly staticNames: number;
  readonly totals: Readonly<Record<FixerName, Tally>>;
  readonly byClass: Readonly<Record<string, Readonly<Record<FixerName, { names: number; safe: number }>>>>;
  readonly results: readonly CaseResult[];
}

function scored(results: readonly CaseResult[]): { c: CaseResult; n: NameResult }[] {
  return results.flatMap((c) => c.names.map((n) => ({ c, n })));
}

/** Adds up the per-case results. */
export function summarize(results: readonly CaseResult[], shells: string): Summary {
  const all = scored(results);
  const totals = {} as Record<FixerName, Tally>;
  for (const f of FIXERS) {
    const counted = all.filter(({ n }) => n.verdicts[f] !== 'n/a');
    totals[f] = {
      names: counted.length,
      safe: counted.filter(({ n }) => n.verdicts[f] === 'safe').length,
      stoppedOnOther: counted.filter(({ n }) => n.stoppedOnOther[f]).length,
      changedLines: results.reduce((s, c) => s + (c.fixers[f]?.changedLines ?? 0), 0),
      syntaxFailures: results.reduce((s, c) => s + (c.fixers[f]?.syntaxErrors.length ?? 0), 0),
    };
  }
  const byClass: Record<string, Record<FixerName, { names: number; safe: number }>> = {};
  for (const { n } of all) {
    const row = (byClass[n.class] ??= {
      nounset: { names: 0, safe: 0 },
      sed: { names: 0, safe: 0 },
      human: { names: 0, safe: 0 },
    });
    for (const f of FIXERS) {
      if (n.verdicts[f] === 'n/a') continue;
      row[f].names++;
      if (n.verdicts[f] === 'safe') row[f].safe++;
    }
  }
  const sortedByClass = Object.fromEntries(Object.entries(byClass).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    shells,
    cases: results.length,
    scoredCases: results.filter((c) => c.errors.length === 0).length,
    names: all.length,
    staticNames: all.filter(({ n }) => n.static).length,
    totals,
    byClass: sortedByClass,
    results,
  };
}

const pct = (safe: number, names: number): string => (names === 0 ? '  -  ' : `${((100 * safe) / names).toFixed(1)}%`);

function pad(s: string, n: number): string {
  return s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length);
}

function missedBy(s: Summary, f: FixerName): { c: CaseResult; n: NameResult }[] {
  return scored(s.results).filter(({ n }) => n.verdicts[f] === 'missed');
}

/** The report people read. */
export function renderText(s: Summary): string {
  const out: string[] = [];
  const projects = new Set(s.results.map((c) => c.project)).size;
  out.push(`nounset recall benchmark: ${s.cases} cases from ${projects} projects, ${s.names} names`);
  out.push(`shells: ${s.shells}; each run sandboxed (empty environment, PATH of listed tools and stubs, 2 s CPU)`);
  if (s.staticNames > 0)
    out.push(
      `${s.staticNames} names are bugs of bash < 4.4 (empty "\${a[@]}"), judged statically: safe when no unguarded expansion is left`,
    );
  out.push('');
  out.push(
    `${pad('fixer', 10)}${pad('made safe', 12)}${pad('recall', 9)}${pad('changed lines', 15)}outputs failing -n`,
  );
  for (const f of FIXERS) {
    const t = s.totals[f];
    const note = f === 'human' ? `   (the ${t.names} names of the cases with a human fix)` : '';
    out.push(
      `${pad(f, 10)}${pad(`${t.safe} / ${t.names}`, 12)}${pad(pct(t.safe, t.names), 9)}${pad(String(t.changedLines), 15)}${t.syntaxFailures}${note}`,
    );
  }
  out.push('');
  out.push(`${pad('by class', 16)}${pad('nounset', 16)}${pad('sed', 16)}human`);
  for (const [cls, row] of Object.entries(s.byClass)) {
    const cell = (f: FixerName): string =>
      `${row[f].safe}/${row[f].names} ${row[f].names === 0 ? '' : pct(row[f].safe, row[f].names)}`;
    out.push(`${pad(cls, 16)}${pad(cell('nounset'), 16)}${pad(cell('sed'), 16)}${cell('human')}`);
  }
  out.push('');
  out.push(
    `counted safe while the fixed run still stopped on another unbound name: ${FIXERS.map((f) => `${f} ${s.totals[f].stoppedOnOther}`).join(', ')}`,
  );
  const errs = s.results.filter((c) => c.errors.length > 0);
  out.push(`case errors (not counted): ${errs.length === 0 ? 'none' : errs.length}`);
  for (const c of errs) for (const e of c.errors) out.push(`  ${c.id}: ${e}`);
  const syntax = s.results.flatMap((c) =>
    FIXERS.flatMap((f) => (c.fixers[f]?.syntaxErrors ?? []).map((e) => `  ${f} ${c.id}: ${e}`)),
  );
  if (syntax.length > 0) out.push('outputs failing -n:', ...syntax);
  const notes = s.results.flatMap((c) => (c.fixers.nounset?.notes ?? []).map((e) => `  ${c.id}: ${e}`));
  if (notes.length > 0) out.push('nounset errors:', ...notes);

  out.push('');
  const missed = missedBy(s, 'nounset');
  out.push(`missed by nounset (${missed.length}), with nounset's verdict on the read where bash stops:`);
  const classes = [...new Set(missed.map(({ n }) => n.class))].sort();
  for (const cls of classes) {
    const rows = missed.filter(({ n }) => n.class === cls);
    out.push(`  ${cls} (${rows.length})`);
    for (const { c, n } of rows) {
      out.push(`    ${c.id}  ${n.name}  ${n.file}:${n.line}${n.static ? ' (static)' : ''}`);
      for (const r of n.nounsetSays) out.push(`      ${r}`);
    }
  }
  for (const f of ['sed', 'human'] as const) {
    const m = missedBy(s, f);
    out.push('');
    out.push(`missed by ${f} (${m.length}): ${m.map(({ c, n }) => `${c.id} ${n.name}`).join(', ') || 'none'}`);
  }
  out.push('');
  out.push('per case (+ made safe, - missed, . no human fix):');
  for (const c of s.results) {
    if (c.errors.length > 0) continue;
    const mark = (v: string): string => (v === 'safe' ? '+' : v === 'missed' ? '-' : '.');
    const names = c.names.map((n) => `${n.name} ${FIXERS.map((f) => mark(n.verdicts[f])).join('')}`).join('  ');
    out.push(`  ${pad(c.id, 40)}${pad(c.class, 15)}${names}`);
  }
  return `${out.join('\n')}\n`;
}

/** The same numbers for machines. */
export function renderJson(s: Summary): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
