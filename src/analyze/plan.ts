// Which references may be unset (the flow analysis, flow.ts, says which paths reach each read
// unassigned), and how each is to be made safe.

import type { Dialect, File, Word } from '../parse/ast.js';
import { lineColumnAt, lineStarts, type ShellVariant } from '../parse/index.js';
import type { FixStyle, InputVariable, Verdict } from '../result.js';
import { isBatsVariable } from './bats.js';
import { findBlockSite, type BlockSite, type ExistingBlock } from './block-site.js';
import { collectEvents } from './collect.js';
import { analyzeFlow, testedAt, type FlowNote, type ReadStatus } from './flow.js';
import type { Event, Read, Region, SetTest, Source, Unset, Write } from './model.js';
import { sourceLoader } from './source-files.js';
import { isAlwaysSet, isBlockUnsafe, isPlainValue, isPositional, isShellManaged, isVariableName } from './shell-vars.js';

export interface PlanOptions {
  readonly dialect: Dialect;
  /** The script runs under ksh or is a Bats file (detectDialect's `variant`); default neither. */
  readonly variant?: ShellVariant | null;
  readonly style: FixStyle;
  readonly defaults: Readonly<Record<string, string>>;
  readonly required: readonly string[];
  readonly ignore: readonly string[];
  /** The script's path, to resolve the files it sources. */
  readonly path?: string;
  /** Reads a sourced file; without it, sourced files are not followed. */
  readonly readSource?: ((path: string) => string | null) | undefined;
  /** Where relative source paths are also looked for (FixOptions.sourceRoot). */
  readonly sourceRoot?: string | undefined;
  /** Variables a file nounset could not follow may set: `leave` them alone (default) or treat
   * them as `input`s, rewritten where they are read. */
  readonly sourcedUnknown?: 'leave' | 'input';
}

/** How one reference is made safe:
 * - `none`: it is safe; `block`: the env-init block sets the variable before it runs;
 * - `default`: rewrite to `${X:-}` (`${X:-value}`, `${X:-0}` in arithmetic);
 * - `require`: rewrite to `${X:?X is not set}` (destructive use, required input);
 * - `review`: it may be unset and no rewrite fits the form: a diagnostic, no edit. */
export type Fix = 'none' | 'block' | 'default' | 'require' | 'review';

export interface PlannedRead {
  readonly read: Read;
  readonly verdict: Verdict;
  readonly fix: Fix;
  readonly reason: string;
  /** Inside a function body (it runs when the function is called). */
  readonly inFunction: boolean;
  /** For an `unknown` verdict: the offset of the source (or eval) that may have set it. */
  readonly unknownAt?: number;
}

export interface Plan {
  /** The source the plan is about, and where its lines start. */
  readonly text: string;
  readonly lineStarts: readonly number[];
  readonly file: File;
  readonly model: Region;
  readonly reads: readonly PlannedRead[];
  readonly inputs: readonly InputVariable[];
  readonly site: BlockSite;
  /** Names the block declares, sorted: `required` ones get a `:?` check line. */
  readonly blockNames: readonly string[];
  readonly sources: readonly Source[];
  readonly options: PlanOptions;
  /** What the flow analysis has to say: sourced files followed or not, functions not called ... */
  readonly notes: readonly FlowNote[];
}

interface Facts {
  readonly reads: { read: Read; inFunction: boolean }[];
  /** Every assignment of each name, in program order. */
  readonly writes: Map<string, Write[]>;
  /** The same, by offset (the flow analysis says which assignment reaches a read). */
  readonly writeAt: Map<number, Write>;
  readonly setTests: Map<string, SetTest>;
  readonly sources: Source[];
  /** `unset NAME` anywhere: NAME may be unset after it, whatever assigns it. */
  readonly unsets: Map<string, Unset>;
  /** Names declared without a value by `local`/`declare`/`typeset`: function variables, not inputs. */
  readonly declared: Set<string>;
}

function gatherFacts(model: Region, blockSpan: { start: number; end: number } | null): Facts {
  const facts: Facts = { reads: [], writes: new Map(), writeAt: new Map(), setTests: new Map(), sources: [], declared: new Set(), unsets: new Map() };
  // Every event in program order (as forEachEvent visits them) with whether it lies in a function
  // body: two parallel stacks, no map from region to flag.
  const events: Event[] = [];
  const inFunction: boolean[] = [];
  const pushEvents = (r: Region, fn: boolean): void => {
    for (let i = r.events.length - 1; i >= 0; i--) {
      events.push(r.events[i] as Event);
      inFunction.push(fn);
    }
  };
  pushEvents(model, false);
  while (events.length > 0) {
    const e = events.pop() as Event;
    const fn = inFunction.pop() as boolean;
    if (e.kind === 'region') {
      pushEvents(e, fn || e.shape === 'function');
    } else if (e.kind === 'read') {
      facts.reads.push({ read: e, inFunction: fn });
    }
    else if (e.kind === 'write') {
      const inBlock = blockSpan !== null && e.start >= blockSpan.start && e.end <= blockSpan.end;
      // `x++` reads x before it writes it: that alone does not make x set.
      if (!facts.writeAt.has(e.start)) facts.writeAt.set(e.start, e);
      if (!inBlock && e.how !== 'arithmetic-update') {
        const list = facts.writes.get(e.name);
        if (list) list.push(e);
        else facts.writes.set(e.name, [e]);
      }
    } else if (e.kind === 'set-test') {
      if (!facts.setTests.has(e.name)) facts.setTests.set(e.name, e);
    } else if (e.kind === 'source') facts.sources.push(e);
    else if (e.kind === 'unset') {
      if (!facts.unsets.has(e.name)) facts.unsets.set(e.name, e);
    } else if (e.kind === 'declare' && !e.valued && !/^(export|readonly)\b/.test(e.flags)) facts.declared.add(e.name);
  }
  return facts;
}

/** Analyses a parsed script. `text` is the source `file` was parsed from. */
export function planFixes(text: string, file: File, options: PlanOptions): Plan {
  const variant = options.variant ?? null;
  const model = collectEvents(file, text, { bats: variant === 'bats' });
  const site = findBlockSite(text, file);
  const block = site.kind === 'existing' ? site.block : null;
  const facts = gatherFacts(model, block);
  const destructiveVia = destructiveFlows(facts);
  const starts = lineStarts(text);
  const lineOf = (offset: number): number => lineColumnAt(starts, offset).line;
  const ignore = new Set(options.ignore);
  const required = new Set(options.required);
  // A read before the block (in a leading `set` line) is not covered by it.
  const coverFrom = site.kind === 'existing' ? site.block.end : site.kind === 'new' ? site.at : Infinity;

  const alwaysSet = (name: string): boolean => isAlwaysSet(name, options.dialect, variant);
  const path = options.path ?? '<stdin>';
  const flow = analyzeFlow({
    model,
    path,
    lineOf,
    initiallySet: alwaysSet,
    ignoreWrite: (w) => block !== null && w.start >= block.start && w.end <= block.end,
    loadSource: sourceLoader({ mainPath: path, readSource: options.readSource ?? null, sourceRoot: options.sourceRoot ?? null, bats: variant === 'bats', main: { file, text } }),
    bats: variant === 'bats',
  });
  const unknownAsInput = options.sourcedUnknown === 'input';
  const statusOf = (read: Read): ReadStatus => flow.status.get(read) ?? UNREACHED;
  // Upward-exposed reads: some path from the start reaches them unassigned.
  const uncovered = new Set<string>();
  for (const { read } of facts.reads) {
    const st = statusOf(read);
    if (st.kind === 'unset' || (st.kind === 'unknown' && unknownAsInput)) uncovered.add(read.name);
  }
  const managed = (name: string): boolean => isShellManaged(name) || (variant === 'bats' && isBatsVariable(name));
  // Asked for every read: once per name.
  const inputNames = new Map<string, boolean>();
  const isInputName = (name: string): boolean => {
    let is = inputNames.get(name);
    if (is === undefined) {
      is = isVariableName(name) && uncovered.has(name) && !facts.declared.has(name) && !alwaysSet(name) && !managed(name) && !ignore.has(name);
      inputNames.set(name, is);
    }
    return is;
  };
  // A file nounset could not follow (or an `eval`) may give a variable its own default
  // (`${X-default}`): a variable first read after one is left to it, and rewritten where it is read.
  const firstOpaque = Math.min(...flow.notes.filter((n) => n.code === 'source-not-followed' || n.code === 'opaque-assignment').map((n) => n.end));
  const firstRead = new Map<string, number>();
  for (const { read } of facts.reads) if (!firstRead.has(read.name) || (firstRead.get(read.name) ?? 0) > read.start) firstRead.set(read.name, read.start);
  const blockable = (name: string): boolean =>
    options.style === 'block' &&
    site.kind !== 'malformed' &&
    isInputName(name) &&
    !facts.setTests.has(name) &&
    !facts.unsets.has(name) &&
    !isBlockUnsafe(name) &&
    (firstRead.get(name) ?? 0) < firstOpaque;

  const suppressed = suppressions(file, lineOf);
  const reads: PlannedRead[] = facts.reads.map(({ read, inFunction }) => {
    const name = read.name;
    if (ignore.has(name)) return safeRead(read, inFunction, 'ignored by configuration');
    const off = suppressed.size === 0 ? undefined : suppressed.get(lineOf(read.start));
    if (off && (off.names.length === 0 || off.names.includes(name))) return safeRead(read, inFunction, `left alone: \`# nounset disable-next-line\` on line ${off.line}`);
    if (read.braceExpanded) return { read, verdict: 'review', fix: 'review', reason: `bash expands the braces in this word before it reads $${name}, so it reads a longer name (\`$A{1,2}\` reads $A1 and $A2); check it by hand`, inFunction };
    if (read.form === 'guarded') return safeRead(read, inFunction, `\`\${${name}${read.op ?? ''}…}\` already handles an unset ${name}`);
    if (read.insideOwnGuard) return safeRead(read, inFunction, `inside \`\${${name}:+…}\`, which is expanded only when ${name} is set`);
    if (read.form === 'special' && name !== '!') return safeRead(read, inFunction, `\`$${name}\` is always set`);
    if (read.form === 'list') {
      // mksh (and pdksh, oksh) stop on `"${a[@]}"` of an unset array: in ksh only an assigned one passes.
      if (variant === 'ksh' && statusOf(read).kind !== 'set') return { read, verdict: 'review', fix: 'review', reason: `${name} is not assigned on every path to here, and mksh stops a -u script on a list expansion of an unset array; check it by hand`, inFunction };
      return safeRead(read, inFunction, read.node.type === 'ParamExp' && read.node.excl ? 'lists names; never aborts' : 'a whole-array expansion is empty when unset (bash ≥ 4.4)');
    }
    if (name === 'FUNCNAME' && inFunction && variant !== 'ksh' && !facts.unsets.has(name)) return safeRead(read, inFunction, 'bash sets FUNCNAME while a function runs');
    const st = statusOf(read);
    if (st.kind === 'set') {
      if (read.form === 'indirect') return { read, verdict: 'review', fix: 'review', reason: `reads the variable that ${name} names, which may be unset`, inFunction };
      if (isPositional(name)) return safeRead(read, inFunction, `every path to line ${lineOf(read.start)} passes at least ${name} argument${name === '1' ? '' : 's'}`);
      if (st.at === -1) return safeRead(read, inFunction, `${variant === 'ksh' ? 'ksh' : options.dialect === 'bash' ? 'bash' : 'sh'} always sets ${name}`);
      if (st.at < -1) return safeRead(read, inFunction, `the test on ${flow.lineAt(testedAt(st.at))} shows ${name} is set on every path to line ${lineOf(read.start)}`);
      const how = facts.writeAt.get(st.at)?.how;
      const what = how === undefined || how === 'assignment' || how === 'declaration' ? 'assigned' : `set by ${how}`;
      return safeRead(read, inFunction, `${what} on every path to line ${lineOf(read.start)} (${flow.lineAt(st.at)})`);
    }
    // The env-init block covers a name read before the file was sourced, whatever it does.
    if (st.kind === 'unknown' && !unknownAsInput && !(blockable(name) && read.start >= coverFrom)) {
      return { read, verdict: 'unknown', fix: 'none', reason: `${name} may be set by what runs on ${flow.lineAt(st.source)}, which nounset cannot see into; left alone (\`--sourced-unknown input\` rewrites it)`, inFunction, unknownAt: st.source };
    }
    return planUnsafe(read, inFunction, st);
  });

  /** Why a read may find its variable unset, in words. */
  function whyUnsafe(read: Read, st: ReadStatus): string {
    const name = read.name;
    if (st.kind === 'unknown') return `${name} may be set by what runs on ${flow.lineAt(st.source)}, which nounset cannot see into, and is treated as an input`;
    const why = st.kind === 'unset' ? st.why : '';
    if (name === '!') return '$! is unset until a job runs in the background';
    if (name === 'OPTARG' && !facts.unsets.has(name)) return 'getopts leaves OPTARG unset for an option that takes no argument (and before the first option)';
    if (isShellManaged(name) && !facts.unsets.has(name)) return `${name} is set by the shell only after some commands; ${why}`;
    if (variant === 'bats' && isBatsVariable(name)) return `bats sets ${name}, but some BATS_ variables only while a test runs`;
    return why;
  }

  function planUnsafe(read: Read, inFunction: boolean, st: ReadStatus): PlannedRead {
    const name = read.name;
    const what = whyUnsafe(read, st);
    const canRewrite = isRewritable(read);
    const unsafe = (fix: Fix, how: string): PlannedRead => ({ read, verdict: fix === 'review' ? 'review' : 'unsafe', fix, reason: `${what}; ${how}`, inFunction });
    // `$X` inside $(( )) is text substituted before the arithmetic is read: the block's empty
    // default would leave `2 *  ` there, a syntax error. `${X:-0}` instead.
    const dollarInArith = read.node.type === 'ParamExp' && read.arith !== null && canRewrite;
    const inBlock = blockable(name) && read.start >= coverFrom && !dollarInArith;
    const via = destructiveVia.get(read);
    if (read.destructive || via) {
      const where = read.destructive ? `in a path argument of ${read.destructive}` : `assigned to ${via?.name ?? ''}, which is a path argument of ${via?.command ?? ''}`;
      if (canRewrite) return unsafe('require', `${where}, an empty value would act on the wrong path: stop instead`);
      return unsafe('review', `${where}, in a form nounset cannot guard; check it by hand`);
    }
    if (required.has(name)) {
      if (inBlock) return unsafe('block', 'required: the env-init block stops the script when it is unset');
      if (canRewrite) return unsafe('require', 'required by configuration: stop when it is unset');
    }
    if (inBlock) return unsafe('block', 'the env-init block gives it a default at the top of the script');
    if (!canRewrite) {
      const why = facts.setTests.has(name)
        ? `the script tests whether ${name} is set, so it cannot go in the env-init block`
        : options.style === 'block' && !isInputName(name)
          ? 'this form takes no inline default and the env-init block cannot cover it'
          : 'this form takes no inline default';
      return unsafe('review', `${why}; check it by hand`);
    }
    const value = options.defaults[name];
    if (read.inBackquote && value !== undefined && !isPlainValue(value)) {
      return unsafe('review', 'inside backquotes a configured default with quotes, blanks, `$` or `` ` `` cannot be written so it stays the same; check it by hand');
    }
    if (facts.setTests.has(name) && isInputName(name)) return unsafe('default', `the script tests whether ${name} is set, so it is defaulted here rather than in the env-init block`);
    return unsafe('default', read.arith ? 'arithmetic takes an unset name as 0' : 'defaulted to empty where it is read');
  }

  const blockNames = new Set<string>(block?.entries.map((e) => e.name) ?? []);
  for (const r of reads) if (r.fix === 'block') blockNames.add(r.read.name);
  for (const name of [...Object.keys(options.defaults), ...options.required]) {
    if (blockable(name) && firstRead.has(name)) blockNames.add(name);
  }
  return {
    text,
    lineStarts: starts,
    file,
    model,
    reads,
    inputs: listInputs(facts, isInputName, { block, options, lineOf }),
    site,
    blockNames: [...blockNames].sort(),
    sources: facts.sources,
    options,
    notes: flow.notes,
  };
}

/** A read no path reaches (it follows an exit, or sits in a function called only from such a place):
 * rewritten all the same, in case nounset is wrong about that. */
const UNREACHED: ReadStatus = { kind: 'unset', why: 'nounset finds no path that reaches this read (it follows an `exit` or `return`), and treats it as reachable' };

/** A read that is safe, and why (a function, not a closure per read). */
function safeRead(read: Read, inFunction: boolean, reason: string): PlannedRead {
  return { read, verdict: 'safe', fix: 'none', reason, inFunction };
}

/** `# nounset disable-next-line [NAME…]` comments: the line after each, and the names it leaves
 * alone (all when none are given). */
function suppressions(file: File, lineOf: (o: number) => number): Map<number, { line: number; names: string[] }> {
  const out = new Map<number, { line: number; names: string[] }>();
  for (const c of file.comments) {
    const m = /^\s*nounset\s+disable-next-line\b(.*)$/.exec(c.text);
    if (!m) continue;
    const line = lineOf(c.start);
    out.set(line + 1, { line, names: (m[1] ?? '').trim().split(/[\s,]+/).filter((n) => n !== '') });
  }
  return out;
}

/** True when a `# nounset disable-file` comment asks nounset to leave the whole file alone. */
export function isFileDisabled(file: File): boolean {
  return file.comments.some((c) => /^\s*nounset\s+disable-file\b/.test(c.text));
}

/** Reads whose value flows, through assignments, into a path argument of a destructive command:
 * in `local dir="$1"; rm -rf "$dir/"`, `$1` defaulted to empty would make it `rm -rf /`, where
 * set -u used to stop the script. Any assignment counts, wherever it is: a taint that may not
 * flow only adds protection. */
function destructiveFlows(facts: Facts): Map<Read, { name: string; command: string }> {
  const tainted = new Map<string, string>();
  for (const { read } of facts.reads) if (read.destructive && !tainted.has(read.name)) tainted.set(read.name, read.destructive);
  const byStart = facts.reads.map((r) => r.read).sort((a, b) => a.start - b.start);
  const readsIn = (w: Write): Read[] => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((byStart[mid] as Read).start < w.start) lo = mid + 1;
      else hi = mid;
    }
    const out: Read[] = [];
    for (let i = lo; i < byStart.length && (byStart[i] as Read).start < w.end; i++) out.push(byStart[i] as Read);
    return out;
  };
  const flows = new Map<Read, { name: string; command: string }>();
  // Follow assignments backwards until nothing new is tainted.
  const work = [...tainted.keys()];
  for (let name = work.pop(); name !== undefined; name = work.pop()) {
    const command = tainted.get(name) ?? '';
    for (const w of facts.writes.get(name) ?? []) {
      if (w.how !== 'assignment' && w.how !== 'declaration') continue;
      for (const r of readsIn(w)) {
        if (r.name === name || flows.has(r)) continue;
        flows.set(r, { name, command });
        if (!tainted.has(r.name)) {
          tainted.set(r.name, command);
          work.push(r.name);
        }
      }
    }
  }
  return flows;
}

/** Whether a rewrite in place fits the reference's form and position. */
function isRewritable(read: Read): boolean {
  if (read.literal) return false;
  if (read.node.type === 'ArithmVar') {
    // Where arithmetic is part of a shell word, `(` would end the word, so only a name that is the
    // whole expression is rewritten (in [[ ]], nounset's parser also stops reading an operand with
    // a `$` in it as arithmetic).
    return !read.arith?.lvalue && (!read.arith?.inWord || read.arith.whole);
  }
  return read.form === 'plain' || read.form === 'indexed' || read.form === 'positional' || read.form === 'special';
}

function listInputs(
  facts: Facts,
  isInputName: (name: string) => boolean,
  ctx: { block: ExistingBlock | null; options: PlanOptions; lineOf: (o: number) => number },
): InputVariable[] {
  // One pass: the first read, a literal `${X:-word}` default, and whether a read requires it.
  const seen = new Map<string, { first: Read; guarded: string | null; required: boolean }>();
  for (const { read } of facts.reads) {
    if (!isInputName(read.name)) continue;
    const info = seen.get(read.name) ?? { first: read, guarded: null, required: false };
    seen.set(read.name, info);
    if (info.guarded === null && (read.op === ':-' || read.op === '-') && read.node.type === 'ParamExp') info.guarded = literalWord(read.node.exp?.word ?? null);
    if (read.op === '?' || read.op === ':?') info.required = true;
  }
  const entries = new Map(ctx.block?.entries.map((e) => [e.name, e]) ?? []);
  const out: InputVariable[] = [];
  for (const [name, info] of seen) {
    const entry = entries.get(name);
    const def = ctx.options.defaults[name] ?? entry?.default ?? info.guarded ?? undefined;
    const required = ctx.options.required.includes(name) || entry?.required === true || info.required;
    // Optional fields set one by one (in this order), not spread in: spreads copy slowly.
    const input: { -readonly [K in keyof InputVariable]: InputVariable[K] } = { name, line: ctx.lineOf(info.first.start) };
    if (def !== undefined && def !== null) input.default = def;
    if (required) input.required = true;
    if (facts.setTests.has(name)) input.setTested = true;
    out.push(input);
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function literalWord(word: Word | null): string | null {
  if (!word) return '';
  return word.parts.every((p) => p.type === 'Lit') ? word.parts.map((p) => (p.type === 'Lit' ? p.value : '')).join('') : null;
}
