// Compares nounset's reading of a script with mvdan-sh's, fact by fact, into readable disagreements.
import { lineColumnAt, offsetAt } from './byte-offsets.js';
import type { ArithVarFact, Facts, ParamFact, Reading, StmtFact, SubstFact } from './facts.js';

export type ReadingError = Extract<Reading, { ok: false }>['error'];

interface Located {
  /** UTF-16 offset the disagreement is about: a fact's start, or an error's position. */
  readonly offset: number;
  /** 1-based line and UTF-16 column of `offset`. */
  readonly line: number;
  readonly column: number;
  /** About 30 characters either side of `offset`, `‸` marking it, control characters escaped. */
  readonly snippet: string;
  toString(): string;
}

/** What differs. For facts, `null` means "read nothing here"; for `error-vs-ok`, "parsed fine". */
export type DisagreementBody =
  | { readonly kind: 'param'; readonly ours: ParamFact | null; readonly theirs: ParamFact | null }
  | { readonly kind: 'subst'; readonly ours: SubstFact | null; readonly theirs: SubstFact | null }
  | { readonly kind: 'stmt'; readonly ours: StmtFact | null; readonly theirs: StmtFact | null }
  | { readonly kind: 'arithVar'; readonly ours: ArithVarFact | null; readonly theirs: ArithVarFact | null }
  | { readonly kind: 'error-vs-ok'; readonly ours: ReadingError | null; readonly theirs: ReadingError | null };

/** One difference between the readings, located in the source. `String(d)` is one readable line. */
export type Disagreement = Located & DisagreementBody;

export type DisagreementKind = Disagreement['kind'];

type FactKind = Exclude<DisagreementKind, 'error-vs-ok'>;
type Fact = ParamFact | SubstFact | StmtFact | ArithVarFact;

const FACT_LISTS: readonly (readonly [FactKind, keyof Facts])[] = [
  ['param', 'params'],
  ['subst', 'substs'],
  ['stmt', 'stmts'],
  ['arithVar', 'arithVars'],
];

/** Everything on which the two readings differ, ordered by offset. Two errors always agree. */
export function compareReadings(text: string, ours: Reading, theirs: Reading): Disagreement[] {
  if (!ours.ok && !theirs.ok) return [];
  if (!ours.ok || !theirs.ok) {
    const error = ours.ok ? (theirs as { error: ReadingError }).error : ours.error;
    const offset = offsetAt(text, error.line, error.column);
    return [
      located(text, offset, {
        kind: 'error-vs-ok',
        ours: ours.ok ? null : ours.error,
        theirs: theirs.ok ? null : theirs.error,
      }),
    ];
  }
  const found: Disagreement[] = [];
  for (const [kind, list] of FACT_LISTS) {
    for (const [mine, other] of pairDifferences(ours.facts[list], theirs.facts[list])) {
      const offset = (mine ?? other)?.start ?? 0;
      found.push(located(text, offset, { kind, ours: mine, theirs: other } as DisagreementBody));
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** An assertion message: the file, the count, and at most `limit` disagreements, one a line. */
export function formatDisagreements(file: string, ds: readonly Disagreement[], limit = 20): string {
  const lines = [`${file}: ${ds.length} disagreement(s) between nounset and mvdan-sh`];
  for (const d of ds.slice(0, limit)) lines.push(`  ${String(d)}`);
  if (ds.length > limit) lines.push(`  ... and ${ds.length - limit} more`);
  return lines.join('\n');
}

function located(text: string, offset: number, body: DisagreementBody): Disagreement {
  const { line, column } = lineColumnAt(text, offset);
  const snippet = `${escapeText(text.slice(Math.max(0, offset - 30), offset))}‸${escapeText(text.slice(offset, offset + 30))}`;
  const message = `${body.kind} at ${line}:${column} "${snippet}": nounset read ${describe(text, body.kind, body.ours)}; mvdan read ${describe(text, body.kind, body.theirs)}`;
  return { ...body, offset, line, column, snippet, toString: () => message };
}

// Facts present on one side only, paired by start offset where both sides have one there.
function pairDifferences<F extends Fact>(ours: readonly F[], theirs: readonly F[]): [F | null, F | null][] {
  const theirKeys = new Set(theirs.map(factKey));
  const ourKeys = new Set(ours.map(factKey));
  const onlyOurs = ours.filter((fact) => !theirKeys.has(factKey(fact)));
  const onlyTheirs = theirs.filter((fact) => !ourKeys.has(factKey(fact)));
  const pairs: [F | null, F | null][] = [];
  for (const mine of onlyOurs) {
    const index = onlyTheirs.findIndex((other) => other.start === mine.start);
    pairs.push([mine, index < 0 ? null : (onlyTheirs.splice(index, 1)[0] ?? null)]);
  }
  for (const other of onlyTheirs) pairs.push([null, other]);
  return pairs;
}

function factKey(fact: Fact): string {
  return JSON.stringify([
    fact.start,
    fact.end,
    'name' in fact ? fact.name : '',
    'op' in fact ? fact.op : '',
    'kind' in fact ? fact.kind : '',
  ]);
}

function describe(text: string, kind: DisagreementKind, value: Fact | ReadingError | null): string {
  if (value === null) return kind === 'error-vs-ok' ? 'no error' : 'nothing';
  if ('message' in value) return `an error at ${value.line}:${value.column}: ${value.message}`;
  const source = `"${escapeText(truncate(text.slice(value.start, value.end), 40))}"`;
  const range = `[${value.start},${value.end})`;
  if ('op' in value) return `${source} ${range} name=${value.name} op='${value.op}'`;
  if ('kind' in value) return `${value.kind} ${source} ${range}`;
  if ('name' in value) return `${value.name} ${range}`;
  return `${source} ${range}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function escapeText(text: string): string {
  return text.replace(/[\n\r\t\\]/g, (c) => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' })[c] ?? c);
}
