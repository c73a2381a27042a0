// Which references may be unset (the flow analysis, flow/, says which paths reach each read
// unassigned), and how each is to be made safe.

import type { Dialect, File, Word, WordPart } from '../parse/index.js';
import { lineColumnAt, lineStarts, literalValue, type ShellVariant, unescapeDoubleQuoted } from '../parse/index.js';
import type { FixStyle, InputVariable, Verdict } from '../types/index.js';
import { emptyArrayDeclarations } from './array-declarations.js';
import { inferBashVersion, MACOS_COMMANDS, mentionsMacosCommand } from './bash-target.js';
import { isBatsVariable } from './bats.js';
import { type BlockSite, type ExistingBlock, findBlockSite } from './block-site.js';
import { collectEvents } from './collect.js';
import { TRANSFORM_OPS } from './collect-words.js';
import { destructiveUses } from './destructive.js';
import { elementParts } from './elements.js';
import { atOperator, givesTextForEmpty, listTellsUnset } from './empty-transforms.js';
import { probeAt } from './eval-probes.js';
import { analyzeFlow, digestOf, type FlowNote, type FlowPos, type FlowResult, type ReadStatus } from './flow/index.js';
import {
  type Event,
  forEachEvent,
  isNamerefDeclaration,
  isTrapHandler,
  type NounsetState,
  type Probe,
  type Quoting,
  type Read,
  type Region,
  readsArray,
  type SetTest,
  type Source,
  type Unset,
  type Write,
} from './model.js';
import { looksLikeLibrary, nounsetAtStart } from './nounset-start.js';
import {
  BASH_SINCE,
  BASH_UNSET_IN_FUNCTIONS,
  BASH_UNSET_WHEN_PIPED,
  isAlwaysSet,
  isBlockUnsafe,
  isPlainValue,
  isPositional,
  isShellManaged,
  isVariableName,
} from './shell-vars.js';
import { arithHasEffects, wordHasEffects } from './side-effects.js';
import { sourceLoader } from './sourced/index.js';

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
  /** Reads of variables a file nounset could not follow may set: defaulted `inline` where they
   * are read (default), left alone (`leave`), or also taken as `input`s. */
  readonly sourcedUnknown?: 'inline' | 'leave' | 'input';
  /** Guard every reference that reaches a destructive path argument with `${X:?…}`, as nounset
   * did before it knew where a script handles an empty value itself (`--guard-destructive`). */
  readonly guardDestructive?: boolean;
  /** Move no line: block style falls back to inline (see readsLineNumbers). */
  readonly keepLineNumbers?: boolean;
  /** The oldest bash the script must run under (FixOptions.bashVersion). */
  readonly bashVersion?: '3.2' | '4.0' | '4.4' | '5';
  /** A script of the run beside or above this one, or one it sources or that sources it, shows
   * macOS (FixOptions.macosRun). */
  readonly macosRun?: boolean;
  /** Other files source this one: its functions may be called with any arguments (FixOptions). */
  readonly library?: boolean;
  /** Functions defined elsewhere that print their caller's line numbers (FixOptions). */
  readonly lineReporters?: readonly string[];
  /** Whether `set -u` is on when the script starts; default from its shebang (nounset-start.ts).
   * The run passes what the files that source a library say. */
  readonly nounsetAtStart?: NounsetState;
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
  /** A warning to show at the read beside its edit: an empty value reaches a destructive path. */
  readonly warning?: { readonly code: 'destructive-path'; readonly message: string };
  /** The default to write instead of empty, as shell text (`$0` for BASH_SOURCE); a default
   * the configuration gives wins. */
  readonly fallback?: string;
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
  /** Why block style fell back to inline, or null: to move no line (configuration, bats, line
   * numbers), or because the file is a library, whose block would run in the shell that sources it. */
  readonly inlineBecause: 'configuration' | 'bats' | 'line numbers' | 'library' | null;
  /** `local -a X` declarations that get `=()`, and the lines of the `${#X[@]}` reads that need it. */
  readonly arrayDeclarations: readonly {
    readonly start: number;
    readonly end: number;
    readonly name: string;
    readonly reads: readonly number[];
  }[];
  /** Whether `set -u` is on where a read runs; undefined where no walk reached it. */
  readonly nounsetOf: (read: Read) => NounsetState | undefined;
  /** Where each trap handler whose code the model reads starts, sorted: the only quoted strings
   * an edit may be inside (verify-output.ts). */
  readonly trapHandlerStarts: readonly number[];
  /** The reads of the code `eval`s run (eval-probes.ts), each planned as if written there, inline;
   * `text` is the script's text followed by that code, which their offsets are in. Null without. */
  readonly probes: {
    readonly text: string;
    readonly sites: readonly Probe[];
    readonly reads: readonly PlannedRead[];
  } | null;
}

interface Facts {
  /** `inHandler`: in a trap's quoted handler, which runs at a later point bash picks. */
  readonly reads: { read: Read; inFunction: boolean; inHandler: boolean }[];
  /** Every assignment, by offset (the flow analysis says which assignment reaches a read). */
  readonly writeAt: Map<number, Write>;
  readonly setTests: Map<string, SetTest>;
  readonly sources: Source[];
  /** `unset NAME` anywhere: NAME may be unset after it, whatever assigns it. */
  readonly unsets: Map<string, Unset>;
  /** Names declared without a value (or with an empty array) by `local`/`declare`/`typeset`:
   * function variables, not inputs. The `=()` that nounset writes on such a declaration so
   * keeps its name out of the env-init block on the next run, as on this one. */
  readonly declared: Set<string>;
  /** Names declared namerefs (`declare -n r=X`, `local -n ref=$1`): reading one reads the variable
   * it names, which its own assignment does not set. */
  readonly namerefs: Set<string>;
  /** Where each trap handler the model reads as code starts (collect.ts trapCode). */
  readonly handlerStarts: number[];
  /** The code `eval`s run (eval-probes.ts), and its reads: none of the facts above. */
  readonly probes: Probe[];
  readonly probeReads: { read: Read; inFunction: boolean }[];
}

function gatherFacts(model: Region): Facts {
  const facts: Facts = {
    reads: [],
    writeAt: new Map(),
    setTests: new Map(),
    sources: [],
    declared: new Set(),
    namerefs: new Set(),
    unsets: new Map(),
    handlerStarts: [],
    probes: [],
    probeReads: [],
  };
  // Every event in program order (as forEachEvent visits them) with whether it lies in a function
  // body: two parallel stacks, no map from region to flag.
  const events: Event[] = [];
  const inFunction: boolean[] = [];
  const inHandler: boolean[] = [];
  const pushEvents = (r: Region, fn: boolean, handler: boolean): void => {
    for (let i = r.events.length - 1; i >= 0; i--) {
      events.push(r.events[i] as Event);
      inFunction.push(fn);
      inHandler.push(handler);
    }
  };
  pushEvents(model, false, false);
  while (events.length > 0) {
    const e = events.pop() as Event;
    const fn = inFunction.pop() as boolean;
    const handler = inHandler.pop() as boolean;
    if (e.kind === 'region') {
      if (isTrapHandler(e)) facts.handlerStarts.push(e.start);
      pushEvents(e, fn || e.shape === 'function', handler || isTrapHandler(e));
    } else if (e.kind === 'read') {
      facts.reads.push({ read: e, inFunction: fn, inHandler: handler });
    } else if (e.kind === 'write') {
      if (!facts.writeAt.has(e.start)) facts.writeAt.set(e.start, e);
    } else if (e.kind === 'set-test') {
      // An `export NAME` or an append tests set-ness only where NAME may be unset there: the
      // flow analysis says (FlowResult.testedWhereUnset).
      if (e.whereUnset) continue;
      if (!facts.setTests.has(e.name)) facts.setTests.set(e.name, e);
    } else if (e.kind === 'source') facts.sources.push(e);
    else if (e.kind === 'probe') {
      facts.probes.push(e);
      forEachEvent(e.region, (x) => {
        if (x.kind === 'read') facts.probeReads.push({ read: x, inFunction: fn });
      });
    } else if (e.kind === 'unset') {
      // Element 0 of an array that an assignment or `unset 'a[i]'` may remove: the flow analysis
      // follows it to each read; the name stays an input before it (fixture
      // element-unset-stays-in-block).
      if (e.element0 === undefined && !facts.unsets.has(e.name)) facts.unsets.set(e.name, e);
    } else if (e.kind === 'declare') {
      if ((!e.valued || e.emptyArray) && !/^(export|readonly)\b/.test(e.flags)) facts.declared.add(e.name);
      if (isNamerefDeclaration(e.flags)) facts.namerefs.add(e.name);
    }
  }
  // A test of a nameref tests the variable it names, which may be any (`*`).
  for (const n of facts.namerefs) {
    const test = facts.setTests.get(n);
    if (test !== undefined && !facts.setTests.has('*')) facts.setTests.set('*', { ...test, name: '*' });
  }
  return facts;
}

/** Analyses a parsed script. `text` is the source `file` was parsed from. */
export function planFixes(text: string, file: File, options: PlanOptions): Plan {
  const variant = options.variant ?? null;
  const model = collectEvents(file, text, { bats: variant === 'bats' });
  const site = findBlockSite(text, file);
  const block = site.kind === 'existing' ? site.block : null;
  const facts = gatherFacts(model);
  const destructive = destructiveUses(
    model,
    text,
    facts.reads.some((r) => r.read.destructive !== null),
  );
  const starts = lineStarts(text);
  const textLine = (offset: number): number => lineColumnAt(starts, offset).line;
  // Past the script's text, the code of an `eval` (eval-probes.ts): it stands on the eval's line.
  const probes = [...facts.probes].sort((a, b) => a.base - b.base);
  const lineOf =
    probes.length === 0
      ? textLine
      : (offset: number): number => textLine(offset < text.length ? offset : probeAt(probes, offset).start);
  // The text the offsets of reads are in: the script's, and the code of its `eval`s after it.
  const src = model.probeText ?? text;
  const probeReadSet = new Set(facts.probeReads.map((r) => r.read));
  const ignore = new Set(options.ignore);
  const required = new Set(options.required);
  // A read before the block (in a leading `set` line) is not covered by it.
  const coverFrom = site.kind === 'existing' ? site.block.end : site.kind === 'new' ? site.at : Infinity;

  const alwaysSet = (name: string): boolean => isAlwaysSet(name, options.dialect, variant);
  const library = options.library ?? looksLikeLibrary(model, variant === 'bats');
  const path = options.path ?? '<stdin>';
  const loadSource = sourceLoader({
    mainPath: path,
    readSource: options.readSource ?? null,
    sourceRoot: options.sourceRoot ?? null,
    bats: variant === 'bats',
    main: { file, text },
  });
  // A script (or a file it sources) that shows line numbers keeps every line where it is, and so
  // does one that calls a function another file of the run defines that shows them (found once
  // the flow has followed the sources: below).
  let linesRead = readsLineNumbers(text);
  const followed: Region[] = [model];
  let allFollowed = true;
  const atStart = options.nounsetAtStart ?? nounsetAtStart(text);
  const flow = analyzeFlow({
    model,
    path,
    lineOf,
    initiallySet: alwaysSet,
    ignoreWrite: (w) => block !== null && w.start >= block.start && w.end <= block.end,
    loadSource: (source, from) => {
      const outcome = loadSource(source, from);
      if (outcome.kind !== 'file') allFollowed = false;
      else {
        followed.push(outcome.file.model);
        if (!linesRead) linesRead = showsLines(outcome.file);
      }
      return outcome;
    },
    bats: variant === 'bats',
    nounsetAtStart: atStart,
    stateKey: `${options.dialect}|${variant ?? ''}|${atStart}`,
    library,
  });
  if (!linesRead && options.lineReporters !== undefined && options.lineReporters.length > 0)
    linesRead = callsReporter(followed, options.lineReporters, allFollowed);
  const unknownAsInput = options.sourcedUnknown === 'input';
  // Who tests whether a name is set (`${X+x}`, `[[ -v X ]]`), or null: the env-init block's empty
  // default would change what that test does.
  const ownListings = listings(facts.setTests.keys());
  const sourcedListings = listings(flow.setTestedInSources);
  const listedUnset = listedWhereUnset(facts, flow);
  const setTestedBy = (name: string): string | null =>
    isSetTested(name, facts.setTests, ownListings) || flow.testedWhereUnset.get(name)?.whereUnset === 'export'
      ? 'the script'
      : isSetTested(name, flow.setTestedInSources, sourcedListings)
        ? 'a file it sources'
        : null;
  // Why the block's empty default would change what the script does with the name (a test of
  // set-ness, a list that gives no word while it is unset, an append that keeps its value), for
  // the reasons; null where it would not. Asked for every read of a name: found once per name.
  const whyNotInBlockOf = new Map<string, string | null>();
  const whyNotInBlock = (name: string): string | null => {
    let why = whyNotInBlockOf.get(name);
    if (why === undefined) whyNotInBlockOf.set(name, (why = blockChanges(name)));
    return why;
  };
  const outOfBlock = (name: string): boolean => whyNotInBlock(name) !== null;
  const blockChanges = (name: string): string | null => {
    const list = facts.setTests.has(name) ? undefined : listedUnset.get(name);
    if (list !== undefined && list.node.type === 'ParamExp') {
      const what = list.node.excl
        ? 'no key while it is unset, and `0` for an empty'
        : list.node.length
          ? '0 while it is unset, and 1 for an empty'
          : givesTextForEmpty(list.node)
            ? 'nothing while it is unset, and text for an empty'
            : 'no word while it is unset, and one empty word for an empty';
      return `\`${text.slice(list.start, list.end)}\` on line ${lineOf(list.start)} gives ${what} ${name}`;
    }
    const test = facts.setTests.has(name) ? undefined : flow.testedWhereUnset.get(name);
    if (test !== undefined)
      return test.whereUnset === 'export'
        ? `${test.how} on line ${lineOf(test.start)} passes ${name} on only while it is set`
        : `${test.how} on line ${lineOf(test.start)} keeps what ${name} holds, and the block's empty value would become its element 0`;
    const tester = setTestedBy(name);
    return tester === null ? null : `${tester} tests whether ${name} is set`;
  };
  // The oldest bash the script must run under (--bash-version, or what the script says).
  // Then: one that runs macOS's own commands, or another script of the run that shows macOS.
  const target =
    options.bashVersion ??
    inferBashVersion(text) ??
    (runsMacosCommands(model, text) || options.macosRun === true ? '3.2' : null) ??
    '4.4';
  // A POSIX script too, under 3.2: macOS's /bin/sh is bash 3.2, which stops on "$@" with no argument.
  const oldBash = variant !== 'ksh' && (target === '3.2' || (options.dialect === 'bash' && target === '4.0'));
  // Names bash sets, but not everywhere (shell-vars.ts, asked of bash by its test): in a bash older
  // than the release that added them, at the top level of a script read from stdin or a `-c`
  // string (not a library's, which runs where a file sources it, nor a Bats file's), or while a
  // function runs.
  const unsetWhere = (name: string, inOwnFunction: boolean): string | null => {
    if (options.dialect !== 'bash' || variant === 'ksh') return null;
    const since = BASH_SINCE[name];
    if (since !== undefined && Number(since) > Number(target))
      return `${name} is new in bash ${since}, and the oldest bash this script must run under is ${target} (--bash-version), which leaves it unset`;
    if (!inOwnFunction && variant !== 'bats' && !library && BASH_UNSET_WHEN_PIPED.includes(name))
      return `bash sets ${name} only where it runs a file: at the top level of a script it reads from stdin or gets with \`bash -c\` (\`curl … | bash\`) ${name} is unset`;
    if (inOwnFunction && BASH_UNSET_IN_FUNCTIONS.includes(name))
      return `bash may leave ${name} unset while a function runs (it is there once the script has run a \`source\`)`;
    return null;
  };
  // Why block style falls back to inline, or null. A library's block would run in the shell that
  // sources it: an input it declares would be set there too (a `${X-…}`, `[[ -v X ]]` or
  // `"${X[@]}"` of the caller's would see it, and a completion file would leave it in the user's
  // shell), so a library's inputs are defaulted where they are read.
  const inlineBecause: Plan['inlineBecause'] =
    options.style !== 'block'
      ? null
      : options.keepLineNumbers === true
        ? 'configuration'
        : variant === 'bats' || isBatsHelper(path, text)
          ? 'bats'
          : linesRead
            ? 'line numbers'
            : library
              ? 'library'
              : null;
  const style: FixStyle = inlineBecause !== null ? 'inline' : options.style;
  const statusOf = (read: Read): ReadStatus => flow.status.get(read) ?? UNREACHED;
  // Upward-exposed reads: some path from the start reaches them unassigned.
  const uncovered = new Set<string>();
  // Names some path unsets before a read: a default at the top does not reach that read.
  const killed = new Set<string>();
  // Names the file assigns somewhere.
  let assigned: Set<string> | null = null;
  for (const { read, inHandler } of facts.reads) {
    const st = statusOf(read);
    // An element the script unsets (`b=()`, then `${b[k]}`) is none of the block's business: the
    // block gives element 0 only, and an element is no input (below).
    if (st.kind === 'unset' && st.killed && read.element === null) killed.add(read.name);
    // An array that may be empty is assigned here, not read from the environment.
    // An element is no input either: the block cannot give it. Nor is a name the script assigns
    // that only a trap's quoted handler reads unset: the handler runs when bash exits early
    // (`trap 'rm -rf "$work"' EXIT` before `work=…`), and it is defaulted there, as people do.
    if (
      read.element !== null ||
      !((st.kind === 'unset' && !st.emptyArray) || (st.kind === 'unknown' && unknownAsInput))
    )
      continue;
    if (inHandler) {
      assigned ??= new Set([...facts.writeAt.values()].map((w) => w.name));
      if (assigned.has(read.name)) continue;
    }
    uncovered.add(read.name);
  }
  const managed = (name: string): boolean => isShellManaged(name) || (variant === 'bats' && isBatsVariable(name));
  // Asked for every read: once per name.
  const inputNames = new Map<string, boolean>();
  const isInputName = (name: string): boolean => {
    let is = inputNames.get(name);
    if (is === undefined) {
      is =
        isVariableName(name) &&
        uncovered.has(name) &&
        !facts.declared.has(name) &&
        !alwaysSet(name) &&
        !managed(name) &&
        !ignore.has(name);
      inputNames.set(name, is);
    }
    return is;
  };
  // A file nounset could not follow (or an `eval`) may give a variable its own default
  // (`${X-default}`): a variable first read after one is left to it, and rewritten where it is read.
  const opaque = flow.notes.filter((n) => n.code === 'source-not-followed' || n.code === 'opaque-assignment');
  const firstOpaque = Math.min(...opaque.map((n) => n.end));
  // The first such note at each position, for reasons (opaqueSource).
  const opaqueAt = new Map<number, FlowNote>();
  for (const n of opaque) if (!opaqueAt.has(n.start)) opaqueAt.set(n.start, n);
  const firstRead = new Map<string, number>();
  for (const { read } of facts.reads)
    if (!firstRead.has(read.name) || (firstRead.get(read.name) ?? 0) > read.start) firstRead.set(read.name, read.start);
  const blockable = (name: string): boolean =>
    style === 'block' &&
    site.kind !== 'malformed' &&
    isInputName(name) &&
    !outOfBlock(name) &&
    !facts.unsets.has(name) &&
    !killed.has(name) &&
    !isBlockUnsafe(name) &&
    (firstRead.get(name) ?? 0) < firstOpaque;

  const suppressed = suppressions(file, lineOf);
  /** Why each read planned as unsafe may find its variable unset: the first part of its reason. */
  const whyUnset = new Map<Read, string>();
  const planRead = ({ read, inFunction, inHandler }: Facts['reads'][number]): PlannedRead => {
    const name = read.name;
    if (ignore.has(name)) return safeRead(read, inFunction, 'ignored by configuration');
    const off = suppressed.size === 0 ? undefined : suppressed.get(lineOf(read.start));
    if (off && (off.names.length === 0 || off.names.includes(name)))
      return safeRead(read, inFunction, `left alone: \`# nounset disable-next-line\` on line ${off.line}`);
    if (read.braceExpanded)
      return {
        read,
        verdict: 'review',
        fix: 'review',
        reason: `bash expands the braces in this word before it reads $${name}, so it reads a longer name (\`$A{1,2}\` reads $A1 and $A2); check it by hand`,
        inFunction,
      };
    if (read.form === 'guarded')
      return safeRead(read, inFunction, `\`\${${name}${read.op ?? ''}…}\` already handles an unset ${name}`);
    if (read.insideOwnGuard)
      return safeRead(read, inFunction, `inside \`\${${name}:+…}\`, which is expanded only when ${name} is set`);
    // bash before 4.4 stops on `"${a[@]}"` of an empty array (and before 4.1 on `"$@"` with no
    // argument): such a list needs an element (element 0 stands for it) or an argument.
    const emptyList = read.form === 'list' || name === '@' || name === '*';
    // (Both targets below 4.4, 3.2 and 4.0, are also below 4.1.)
    if (oldBash && emptyList && read.node.type === 'ParamExp' && !read.node.excl) {
      const st = statusOf(read);
      if (st.kind === 'set')
        return safeRead(
          read,
          inFunction,
          name === '@' || name === '*'
            ? `every path to line ${lineOf(read.start)} passes an argument`
            : `${name} has an element 0 on every path to line ${lineOf(read.start)}, so it is not empty`,
        );
      const why = `${st.kind === 'unset' ? st.why : `${name} may be set by ${opaqueSource(st.source)}`}; bash ${target} stops on ${name === '@' || name === '*' ? `\`$${name}\` with no argument` : `\`\${${name}[@]}\` of an empty array`} under set -u (fixed in bash ${name === '@' || name === '*' ? '4.1' : '4.4'})`;
      // `$"$@"`, a locale string: the guard cannot go around it without that `$` before its `${`.
      if (
        !(isPlainList(read.node) || isElementList(read, src)) ||
        (src[read.node.start - 1] === '"' && src[read.node.start - 2] === '$')
      )
        return {
          read,
          verdict: 'review',
          fix: 'review',
          reason: `${why}; this form cannot be guarded in place; check it by hand`,
          inFunction,
        };
      return {
        read,
        verdict: 'unsafe',
        fix: 'default',
        reason: `${why}; guarded so that an empty one gives nothing, as bash ≥ 4.4 does`,
        inFunction,
      };
    }
    if (read.form === 'special' && name !== '!') return safeRead(read, inFunction, `\`$${name}\` is always set`);
    // `${!#}`: the parameter whose number `$#` is, the last argument, or `$0` when there is none.
    if (read.form === 'indirect' && name === '#' && read.op === null)
      return safeRead(read, inFunction, '`${!#}` is the last argument, or `$0` when there is none');
    if (read.form === 'list') {
      // mksh (and pdksh, oksh) stop on `"${a[@]}"` of an unset array: in ksh only an assigned one passes.
      if (variant === 'ksh' && statusOf(read).kind !== 'set')
        return {
          read,
          verdict: 'review',
          fix: 'review',
          reason: `${name} is not assigned on every path to here, and mksh stops a -u script on a list expansion of an unset array; check it by hand`,
          inFunction,
        };
      return safeRead(
        read,
        inFunction,
        read.node.type === 'ParamExp' && read.node.excl
          ? 'lists names; never aborts'
          : 'a whole-array expansion is empty when unset (bash ≥ 4.4)',
      );
    }
    // Its element 0, the function's own name: `${FUNCNAME[2]}` needs callers that deep, and
    // `${FUNCNAME[1]}` is unset in a function run from the top level of `bash -c` or a prompt.
    if (name === 'FUNCNAME' && inFunction && variant !== 'ksh' && !facts.unsets.has(name) && !read.pastZero)
      return safeRead(read, inFunction, 'bash sets FUNCNAME while a function runs');
    const st = statusOf(read);
    // An element assigned at a key the environment gives: empty, bash assigns none (`bad array
    // subscript`, which ends only that line) and the read stops, as after the block's empty default.
    const emptyKey = st.kind === 'set' && read.element !== null ? inputInKey(read.element) : null;
    if (emptyKey !== null)
      return planUnsafe(read, inFunction, {
        kind: 'unset',
        why: `${read.element} is assigned before, but its key reads ${emptyKey}, an environment input that may be empty, and bash assigns no element at an empty key (\`bad array subscript\`); it is read on line ${lineOf(read.start)}`,
      });
    // `${a[2]}`, `${a[$i]}`: only element 0 of an indexed array is followed (element-proofs.ts).
    if (st.kind === 'unset' && st.emptyArray && read.zeroProven)
      return safeRead(read, inFunction, `a test of the length of ${name} that passed shows it has element 0`);
    if (st.kind === 'set' && read.pastZero)
      return unsetAfterAll(
        read,
        inFunction,
        st,
        `${name} is an array, but nothing shows it has the element \`${src.slice(read.start, read.end)}\` reads (bash stops on an index past the end, or an element unset)`,
      );
    // A nameref's own assignment names a variable; a read of it reads that one (`${!r}` gives the name).
    if (st.kind === 'set' && facts.namerefs.has(name) && read.form !== 'indirect')
      return unsetAfterAll(
        read,
        inFunction,
        st,
        `${name} is a nameref: a read of it reads the variable it names, which nothing here shows is set`,
      );
    if (st.kind === 'set') {
      if (read.form === 'indirect') {
        // `${!ref:-}` changes nothing while the variable ref names is set.
        const n = read.node;
        const bare = n.type === 'ParamExp' && !n.exp && !n.slice && !n.repl && !n.index && !n.length;
        if (bare && !read.literal && !read.inBackquote)
          return {
            read,
            verdict: 'unsafe',
            fix: 'default',
            reason: `reads the variable that ${name} names, which may be unset; defaulted where it is read, which changes nothing while that variable is set`,
            inFunction,
          };
        return {
          read,
          verdict: 'review',
          fix: 'review',
          reason: `reads the variable that ${name} names, which may be unset`,
          inFunction,
        };
      }
      if (isPositional(name))
        return safeRead(
          read,
          inFunction,
          `every path to line ${lineOf(read.start)} passes at least ${name} argument${name === '1' ? '' : 's'}`,
        );
      const origin = st.origin;
      const notHere = origin.kind === 'shell' ? unsetWhere(name, inFunction && !inHandler) : null;
      // $0 is what BASH_SOURCE holds where bash runs the script from a file.
      if (notHere !== null) return unsetAfterAll(read, inFunction, st, notHere, name === 'BASH_SOURCE' ? '$0' : null);
      if (origin.kind === 'shell')
        return safeRead(
          read,
          inFunction,
          `${variant === 'ksh' ? 'ksh' : options.dialect === 'bash' ? 'bash' : 'sh'} always sets ${name}`,
        );
      if (origin.kind === 'test')
        return safeRead(
          read,
          inFunction,
          `the test on ${flow.lineAt(origin.at)} shows ${name} is set on every path to line ${lineOf(read.start)}`,
        );
      const how = facts.writeAt.get(origin.at)?.how;
      if (how === undefined && name.startsWith('COMP_'))
        return safeRead(
          read,
          inFunction,
          `bash sets ${name} while it runs the completion function registered on ${flow.lineAt(origin.at)}`,
        );
      const what = how === undefined || how === 'assignment' || how === 'declaration' ? 'assigned' : `set by ${how}`;
      return safeRead(
        read,
        inFunction,
        `${what} on every path to line ${lineOf(read.start)} (${flow.lineAt(origin.at)})`,
      );
    }
    // The env-init block covers a name read before the file was sourced, whatever it does (not
    // one in an `eval`'s code, which is planned as if no block were written).
    if (
      st.kind === 'unknown' &&
      !unknownAsInput &&
      !(blockable(name) && read.start >= coverFrom && !probeReadSet.has(read))
    ) {
      if (options.sourcedUnknown === 'leave')
        return {
          read,
          verdict: 'unknown',
          fix: 'none',
          reason: `${name} may be set by ${opaqueSource(st.source)}, which nounset cannot see into; left alone (--sourced-unknown leave)`,
          inFunction,
          unknownAt: st.source,
        };
      // `${X:-}` changes nothing while X is set: where nounset cannot know, the safe rewrite is right.
      return { ...planUnsafe(read, inFunction, st, true), unknownAt: st.source };
    }
    return planUnsafe(read, inFunction, st);
  };
  const planned = facts.reads.map(planRead);
  const probeReads = facts.probeReads.map(({ read, inFunction }) => planRead({ read, inFunction, inHandler: false }));

  /** The first environment input the key of `element` reads, or null. */
  function inputInKey(element: string): string | null {
    for (const k of elementParts(element)?.keyReads ?? []) if (isInputName(k)) return k;
    return null;
  }

  /** What ran at `pos` that nounset could not see into, for a reason. */
  function opaqueSource(pos: FlowPos): string {
    const n = opaqueAt.get(pos);
    const what = n ? (n.what ?? `\`${text.slice(n.start, n.end)}\``) : 'what runs';
    return `${what} on ${flow.lineAt(pos)}`;
  }

  /** Why a read may find its variable unset, in words. */
  function whyUnsafe(read: Read, st: ReadStatus): string {
    const name = read.name;
    if (st.kind === 'unknown') return `${name} may be set by ${opaqueSource(st.source)}, which nounset cannot see into`;
    const why = st.kind === 'unset' ? st.why : '';
    if (name === '!') return '$! is unset until a job runs in the background';
    if (name === 'OPTARG' && !facts.unsets.has(name))
      return 'getopts leaves OPTARG unset for an option that takes no argument (and before the first option)';
    if (isShellManaged(name) && !facts.unsets.has(name))
      return `${name} is set by the shell only after some commands; ${why}`;
    if (variant === 'bats' && isBatsVariable(name))
      return `bats sets ${name}, but some BATS_ variables only while a test runs`;
    return why;
  }

  /** A read the flow analysis finds set that may still stop, `why`: defaulted where it is. */
  function unsetAfterAll(
    read: Read,
    inFunction: boolean,
    st: ReadStatus,
    why: string,
    fallback: string | null = null,
  ): PlannedRead {
    const nounset = st.nounset ? { nounset: st.nounset } : {};
    const unset: ReadStatus = { kind: 'unset', why: `${why}; it is read on line ${lineOf(read.start)}`, ...nounset };
    return planUnsafe(read, inFunction, unset, true, fallback);
  }

  /** `inlineOnly`: never the env-init block (a file nounset cannot see into may test or default
   * the variable itself). `fallback`: a default to write instead of empty (PlannedRead.fallback). */
  function planUnsafe(
    read: Read,
    inFunction: boolean,
    st: ReadStatus,
    inlineOnly = false,
    fallback: string | null = null,
  ): PlannedRead {
    const name = read.name;
    const what = whyUnsafe(read, st);
    whyUnset.set(read, what);
    const canRewrite = isRewritable(read, src, options.dialect === 'bash');
    // `${X#pat}` and the like take no `:-` or `:?`; they can only be wrapped (default-transform).
    const canGuard = canRewrite && read.form !== 'transform';
    const nounset = st.nounset;
    let warning: PlannedRead['warning'];
    const unsafe = (fix: Fix, how: string): PlannedRead => {
      const p: { -readonly [K in keyof PlannedRead]: PlannedRead[K] } = {
        read,
        verdict: fix === 'review' ? 'review' : 'unsafe',
        fix,
        reason: `${what}; ${how}`,
        inFunction,
      };
      if (warning) p.warning = warning;
      if (fallback !== null && fix === 'default' && options.defaults[name] === undefined) p.fallback = fallback;
      return p;
    };
    // `$X` inside $(( )) is text substituted before the arithmetic is read: the block's empty
    // default would leave `2 *  ` there, a syntax error. Where set -u is on, `${X:-0}` instead;
    // elsewhere the original read an unset X as empty too (the same syntax error), so anything but
    // empty would change what it does.
    const dollarInArith = read.node.type === 'ParamExp' && read.arith !== null && canRewrite && nounset === 'on';
    // The block cannot give an array assigned later its element 0, nor give any array an element
    // other than 0 (`${a[i]}`).
    const otherElement = read.element !== null || (read.form === 'indexed' && !isElementZero(read.node));
    // Nor make a name an array: `${#a[@]}` and `${#a[i]}` stop after its `a=""` (bash 5.2).
    const needsArray = readsArray(read);
    const inBlock =
      !inlineOnly &&
      !probeReadSet.has(read) &&
      blockable(name) &&
      read.start >= coverFrom &&
      !dollarInArith &&
      !otherElement &&
      !needsArray &&
      !(st.kind === 'unset' && st.emptyArray);
    const use = destructive.get(read);
    if (use) {
      const where =
        use.via === null
          ? `it is in \`${use.word}\`, a path argument of ${use.command} on line ${lineOf(use.at)}`
          : `it is assigned to ${use.via}, which reaches \`${use.word}\`, a path argument of ${use.command} on line ${lineOf(use.at)}`;
      const other = use.emptied !== null ? `\`${use.emptied}\`` : 'another path';
      const guard = `\${${name}:?${isPositional(name) ? `argument ${name}` : name} is not set}`;
      if (options.guardDestructive) {
        if (canGuard)
          return unsafe(
            'require',
            `${where}: an empty value would act on the wrong path, so stop instead (--guard-destructive)`,
          );
        return unsafe('review', `${where}, in a form nounset cannot guard; check it by hand`);
      }
      // A new stop is allowed only here: an empty value would act on another path, nothing in
      // the scope tests or replaces it, and set -u may be on (where it is off, only a no-op).
      if (use.dangerous && use.handled === null && nounset !== 'off') {
        if (canGuard)
          return unsafe(
            'require',
            `${where}: empty, it would act on ${other}, and nothing in the script tests the value first, so stop instead, on unset and on empty`,
          );
        return unsafe('review', `${where}, in a form nounset cannot guard; check it by hand`);
      }
      if (use.dangerous) {
        const why =
          use.handled !== null
            ? `the script ${use.handled.how} on line ${lineOf(use.handled.at)} and handles an empty value itself, so nounset adds no stop`
            : 'set -u is never on here, so nounset writes only what changes nothing';
        warning = {
          code: 'destructive-path',
          message: `${name}: ${where}: empty, it would act on ${other}; ${why}; if nothing stops the script first, \`${guard}\` would`,
        };
      }
    }
    if (required.has(name)) {
      if (inBlock) return unsafe('block', 'required: the env-init block stops the script when it is unset');
      if (canGuard) return unsafe('require', 'required by configuration: stop when it is unset');
    }
    if (inBlock) return unsafe('block', 'the env-init block gives it a default at the top of the script');
    if (!canRewrite) {
      const notInBlock = whyNotInBlock(name);
      const why = needsArray
        ? `this form needs ${name} to be an array (bash 5.2 stops on it for a plain variable, even after an empty default), which no default gives`
        : notInBlock !== null
          ? `${notInBlock}, so it cannot go in the env-init block`
          : style === 'block' && !isInputName(name)
            ? 'this form takes no inline default and the env-init block cannot cover it'
            : 'this form takes no inline default';
      return unsafe('review', `${why}; check it by hand`);
    }
    const value = options.defaults[name];
    if (read.inBackquote && value !== undefined && !isPlainValue(value)) {
      return unsafe(
        'review',
        'inside backquotes a configured default with quotes, blanks, `$` or `` ` `` cannot be written so it stays the same; check it by hand',
      );
    }
    const notInBlock = whyNotInBlock(name);
    if (notInBlock !== null && isInputName(name))
      return unsafe('default', `${notInBlock}, so it is defaulted here rather than in the env-init block`);
    const zero = read.arith !== null && (read.node.type === 'ArithmVar' || nounset === 'on');
    if (st.kind === 'unknown')
      return unsafe(
        'default',
        `defaulted where it is read, which changes nothing while it is set (never in the env-init block: the file may test or default ${name} itself)`,
      );
    if (fallback !== null && value === undefined)
      return unsafe(
        'default',
        `defaulted to \`${fallback}\` where it is read, which is what ${name} holds where bash runs the script from a file`,
      );
    if (value !== undefined)
      return unsafe('default', `defaulted where it is read to \`${value}\`, its configured default`);
    return unsafe('default', zero ? 'arithmetic takes an unset name as 0' : 'defaulted to empty where it is read');
  }

  // `${#X[@]}` after `local -a X`: the declaration gets `=()` (array-declarations.ts).
  const lengthReads = new Set(planned.filter((p) => p.fix === 'review' && readsArray(p.read)).map((p) => p.read));
  // The names the block declares (configured defaults and required names join them below). One
  // the block gives a value keeps its declaration: `=()` would empty it, and the next run would
  // find the reads of its element 0 unsafe.
  const blockNames = new Set<string>(block?.entries.map((e) => e.name) ?? []);
  for (const p of planned) if (p.fix === 'block') blockNames.add(p.read.name);
  const arrayDecls = emptyArrayDeclarations(
    model,
    lengthReads,
    (name) => setTestedBy(name) !== null || blockNames.has(name),
  );
  const fixedBy = new Map<Read, number>();
  for (const d of arrayDecls) for (const r of d.reads) fixedBy.set(r, d.decl.start);
  const reads =
    fixedBy.size === 0
      ? planned
      : planned.map((p) => {
          const at = fixedBy.get(p.read);
          if (at === undefined) return p;
          return {
            ...p,
            fix: 'none' as const,
            verdict: 'unsafe' as const,
            reason: `${whyUnset.get(p.read) ?? p.reason}; the declaration on line ${lineOf(at)} gets \`=()\`, which makes ${p.read.name} an empty array, so \`\${#${p.read.name}[@]}\` gives 0 there`,
          };
        });

  for (const name of [...Object.keys(options.defaults), ...options.required]) {
    if (blockable(name) && firstRead.has(name)) blockNames.add(name);
  }
  return {
    text,
    lineStarts: starts,
    file,
    model,
    reads,
    inputs: listInputs(facts, isInputName, (name) => isSetTested(name, facts.setTests, ownListings), {
      block,
      options,
      lineOf,
      text,
    }),
    site,
    blockNames: [...blockNames].sort(),
    sources: facts.sources,
    options: style === options.style ? options : { ...options, style },
    inlineBecause,
    notes: flow.notes,
    nounsetOf: (read) => flow.status.get(read)?.nounset,
    trapHandlerStarts: facts.handlerStarts.sort((a, b) => a - b),
    probes: probes.length === 0 ? null : { text: src, sites: probes, reads: probeReads },
    arrayDeclarations: arrayDecls.map((d) => ({
      start: d.decl.start,
      end: d.decl.end,
      name: d.decl.name,
      reads: d.reads.map((r) => lineOf(r.start)),
    })),
  };
}

/** readsLineNumbers of a sourced file, asked once per model (a library many scripts source). */
const SHOWS_LINES = new WeakMap<Region, boolean>();
function showsLines(file: { readonly text: string; readonly model: Region }): boolean {
  let shows = SHOWS_LINES.get(file.model);
  if (shows === undefined) SHOWS_LINES.set(file.model, (shows = readsLineNumbers(file.text)));
  return shows;
}

/** Whether a script shows line numbers: it reads LINENO or BASH_LINENO (in any string: `PS4`,
 * a trap), or runs `caller`. Moving its lines would change what it prints. */
export function readsLineNumbers(text: string): boolean {
  if (text.includes('LINENO')) return true;
  if (!text.includes('caller')) return false;
  // `caller` as a command word, outside comments.
  for (const line of text.split('\n')) {
    const code = line.replace(/(^|\s)#.*$/, '');
    if (/(?:^|[\s;&|(`{'"])caller(?=$|[\s;&|)`}'"])/.test(code)) return true;
  }
  return false;
}

/** Whether the script or a file it sources (`models`) calls one of `reporters`, functions another
 * file of the run defines that show their caller's line numbers. Once every source was followed,
 * a name the script or those files define is theirs (a `die` of its own library, not another
 * project's `die` in the same tree); else only the calling file's own definition counts. */
function callsReporter(models: readonly Region[], reporters: readonly string[], allFollowed: boolean): boolean {
  const definedHere = new Set(allFollowed ? models.flatMap((m) => digestOf(m).functions.map((f) => f.name)) : []);
  const names = new Set(reporters.filter((n) => !definedHere.has(n)));
  return names.size > 0 && models.some((m) => callsAny(m, names));
}

/** Whether a model calls one of `names` (a function found elsewhere) without defining it. */
function callsAny(model: Region, names: ReadonlySet<string>): boolean {
  // The flow analysis keeps each model's calls and functions (digestOf): no walk of its own.
  const d = digestOf(model);
  const calls = d.callsByName();
  for (const n of names) if (calls.has(n) && !d.functions.some((f) => f.name === n)) return true;
  return false;
}

/** A bats helper: a `.bash` file in a test directory, or one that uses bats' own variables. Bats
 * reports failures by line. */
function isBatsHelper(path: string, text: string): boolean {
  return (
    /(?:^|\/)(?:test|tests|spec)\/(?:.*\/)?[^/]+\.bash$|test_helper[^/]*$/.test(path) || /\bBATS_[A-Z_]+/.test(text)
  );
}

/** A read no path reaches (it follows an exit, or sits in a function called only from such a place):
 * rewritten all the same, in case nounset is wrong about that. */
const UNREACHED: ReadStatus = {
  kind: 'unset',
  why: 'nounset finds no path that reaches this read (it follows an `exit` or `return`), and treats it as reachable',
};

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
    out.set(line + 1, {
      line,
      names: (m[1] ?? '')
        .trim()
        .split(/[\s,]+/)
        .filter((n) => n !== ''),
    });
  }
  return out;
}

/** True when a `# nounset disable-file` comment asks nounset to leave the whole file alone. */
export function isFileDisabled(file: File): boolean {
  return file.comments.some((c) => /^\s*nounset\s+disable-file\b/.test(c.text));
}

/** A wrapper takes the transforms (TRANSFORM_OPS, replacements and slices): `${X:+${X#pat}}`
 * (default-transform) expands to what the original did without set -u, for those whose result on
 * an empty value is empty. `:+`, not `+`: `+` tells set from unset, which would keep X out of the
 * env-init block on the next run. Those that give text for an empty X (`${X/#/pre}`, `${X@Q}`:
 * empty-transforms.ts) keep X out of the block already, and take `${X+…}` (wrapperOperator). Not
 * a negative or computed slice length (an error on an empty value).
 * `${X@a}` is left: it gives the attributes of a declared X that is unset. */
const AT_WRAPPABLE: ReadonlySet<string> = new Set(['Q', 'A', 'K', 'k', 'U', 'u', 'L', 'E', 'P']);

/** The wrapper's operator: `+` for a transform that gives text for an empty X (`${X+${X@Q}}`),
 * `:+` for the others, which give nothing for it. */
export function wrapperOperator(read: Read): '+' | ':+' {
  return read.node.type === 'ParamExp' && givesTextForEmpty(read.node) ? '+' : ':+';
}

/** For a transform that can be wrapped, the text the wrapper repeats: the name and a plain
 * subscript (`COMPREPLY[i]`, evaluated twice, so it must have no side effect); else null. */
export function transformPrefix(read: Read, text: string): string | null {
  const p = read.node;
  if (p.type !== 'ParamExp' || p.excl || p.length || read.inBackquote) return null;
  if (
    p.exp
      ? !TRANSFORM_OPS.has(p.exp.op) || (p.exp.op === '@' && !AT_WRAPPABLE.has(atOperator(p.exp.word)))
      : p.slice === null && p.repl === null
  )
    return null;
  // The wrapper expands the pattern or the offset only when X is set (and not empty): one that
  // assigns or runs a command (`${X#$((i++))}`) would do so less often.
  if (
    wordHasEffects(p.exp?.word ?? null) ||
    (p.slice !== null && arithHasEffects(p.slice.offset)) ||
    (p.repl !== null && (wordHasEffects(p.repl.orig) || wordHasEffects(p.repl.with)))
  )
    return null;
  if (
    p.slice &&
    p.slice.length !== null &&
    !/^[0-9]+$/.test(text.slice(p.slice.length.start, p.slice.length.end).trim())
  )
    return null;
  const end = p.index ? p.index.end : p.param.end;
  const prefix = text.slice(p.param.start, end);
  return /^[A-Za-z_][A-Za-z0-9_]*(?:\[[A-Za-z0-9_]+\])?$|^[0-9]+$/.test(prefix) ? prefix : null;
}

/** `${a[@]}`, `${a[*]}`, `$@`, `$*` with nothing more (no slice, no operator): the forms the
 * old-bash guard rewrites. */
function isPlainList(node: Read['node']): boolean {
  return (
    node.type === 'ParamExp' && !node.excl && !node.length && !node.slice && !node.repl && !node.exp && !node.names
  );
}

/** Where the old-bash guard `${a[@]+"…"}` goes around a list read: `"${a[@]…}"` or `"${@…}"`, the
 * whole of its double-quoted word part, not after a backslash. The offsets of its quotes and the
 * list the guard names (`a[@]`, `@`); null for any other read. The plan (which reads it may guard)
 * and default-unset-refs.ts (which writes the guard) both ask it, so they agree. */
export function listGuard(read: Read, text: string): { open: number; close: number; list: string } | null {
  const { node, name } = read;
  if (node.type !== 'ParamExp' || read.quoting !== 'double') return null;
  if (name !== '@' && (node.index === null || text.slice(node.index.start, node.index.end) !== '[@]')) return null;
  const open = node.start - 1;
  const close = node.end;
  if (text[open] !== '"' || text[close] !== '"' || text[open - 1] === '\\') return null;
  return { open, close, list: name === '@' ? '@' : `${name}[@]` };
}

/** `"${a[@]OP}"` or `"${@OP}"` with an operator applied to each element (`#`, `%`, `/`, `^`, `,`,
 * `:offset`, `@Q` …), where the guard goes around it (listGuard): it gives no word for an empty
 * or unset array, as the form does: bash 5.2 says so of every such form but `@A`, which prints a
 * declaration (test/behaviour/old-bash-lists.test.ts). Not `[*]` or `$*`, one word even when
 * empty; and not where the guard cannot go around it, since a `:-` inside would change the
 * operator's own word (`${a[@]/x/}` → `${a[@]/x/:-}`). */
function isElementList(read: Read, src: string): boolean {
  const node = read.node;
  if (node.type !== 'ParamExp' || node.excl || node.length || node.names || listGuard(read, src) === null) return false;
  return !(node.exp?.op === '@' && atOperator(node.exp.word) === 'A');
}

/** Whether the script calls one of macOS's own commands. The text is looked at first: the map of
 * every call by name is built only for a script that mentions one. */
function runsMacosCommands(model: Region, text: string): boolean {
  return mentionsMacosCommand(text) && callsAny(model, MACOS_COMMANDS);
}

/** `${a[0]}`: the element the env-init block's `a="${a:-}"` gives. */
function isElementZero(node: Read['node']): boolean {
  const expr = node.type === 'ParamExp' ? node.index?.expr : null;
  return (
    expr?.type === 'ArithmWord' &&
    expr.word.parts.length === 1 &&
    expr.word.parts[0]?.type === 'Lit' &&
    expr.word.parts[0].value === '0'
  );
}

/** Whether a rewrite in place fits the reference's form and position. `commas`: the shell's
 * arithmetic has the `,` operator (bash's does; dash's has none). */
function isRewritable(read: Read, text: string, commas: boolean): boolean {
  if (read.literal) return false;
  if (read.form === 'transform') return transformPrefix(read, text) !== null;
  if (read.node.type === 'ArithmVar') {
    // `x += 1`, `x++`: the update is rewritten whole, `x = ${x:-0}, x += 1` (default-unset-refs),
    // where it is a whole expression (the comma then needs no parentheses, whose `)` could meet an
    // edit of the last operand's) and not in a shell word; never in sh, whose dash has no comma.
    if (read.arith?.lvalue) return commas && read.update?.whole === true && !read.arith.inWord;
    // Where arithmetic is part of a shell word, `(` would end the word, so only a name that is the
    // whole expression is rewritten (in [[ ]], nounset's parser also stops reading an operand with
    // a `$` in it as arithmetic).
    return !read.arith?.inWord || read.arith?.whole === true;
  }
  return read.form === 'plain' || read.form === 'indexed' || read.form === 'positional' || read.form === 'special';
}

/** The prefixes of the listings among SetTest names (`PREFIX*`: a listing of the names set that
 * begin with PREFIX; `*`, every name). */
function listings(tests: Iterable<string>): string[] {
  const out: string[] = [];
  for (const t of tests) if (t.endsWith('*')) out.push(t.slice(0, -1));
  return out;
}

/** Names a whole-array expansion that tells unset from empty (listTellsUnset) may find unset as
 * the script started. */
function listedWhereUnset(facts: Facts, flow: FlowResult): Map<string, Read> {
  const names = new Map<string, Read>();
  for (const { read } of facts.reads) {
    if (!listTellsUnset(read)) continue;
    const st = flow.status.get(read);
    if (st !== undefined && ((st.kind === 'unset' && !st.emptyArray) || st.kind === 'unknown') && !names.has(read.name))
      names.set(read.name, read);
  }
  return names;
}

/** Whether a test of `tested` (by name) or a listing of `prefixes` tells whether `name` is set. */
function isSetTested(name: string, tested: { has(n: string): boolean }, prefixes: readonly string[]): boolean {
  return tested.has(name) || prefixes.some((p) => name.startsWith(p));
}

/** `testedHere`: whether the script itself tests or lists the name (InputVariable.setTested). */
function listInputs(
  facts: Facts,
  isInputName: (name: string) => boolean,
  testedHere: (name: string) => boolean,
  ctx: { block: ExistingBlock | null; options: PlanOptions; lineOf: (o: number) => number; text: string },
): InputVariable[] {
  // One pass: the first read, the first `${X:-word}` / `${X:=word}` default, and whether a read requires it.
  const seen = new Map<string, { first: Read; guarded: DefaultWord | null; required: boolean }>();
  for (const { read } of facts.reads) {
    if (!isInputName(read.name)) continue;
    const info = seen.get(read.name) ?? { first: read, guarded: null, required: false };
    seen.set(read.name, info);
    if (info.guarded === null && read.node.type === 'ParamExp' && read.op !== null && DEFAULTING.has(read.op))
      info.guarded = defaultWord(read.node.exp?.word ?? null, read.quoting, ctx.text);
    if (read.op === '?' || read.op === ':?') info.required = true;
  }
  const entries = new Map(ctx.block?.entries.map((e) => [e.name, e]) ?? []);
  const out: InputVariable[] = [];
  for (const [name, info] of seen) {
    const entry = entries.get(name);
    // An entry already in the block is kept as written, so its default is the one that runs.
    const declared = entry?.default ?? undefined;
    const given = declared ?? ctx.options.defaults[name];
    const def = given ?? info.guarded?.value;
    const required = ctx.options.required.includes(name) || entry?.required === true || info.required;
    // Optional fields set one by one (in this order), not spread in: spreads copy slowly.
    const input: { -readonly [K in keyof InputVariable]: InputVariable[K] } = {
      name,
      line: ctx.lineOf(info.first.start),
    };
    if (def !== undefined && def !== null) input.default = def;
    if (given === undefined && info.guarded?.computed) input.computed = true;
    if (def !== undefined && def !== null)
      input.defaultFrom = declared !== undefined ? 'env-init-block' : given !== undefined ? 'configuration' : 'script';
    if (required) input.required = true;
    if (testedHere(name)) input.setTested = true;
    out.push(input);
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The operators whose word an unset variable gets: `${X:-w}`, `${X-w}`, `${X:=w}`, `${X=w}`. */
const DEFAULTING: ReadonlySet<string> = new Set([':-', '-', ':=', '=']);

/** A default as the shell yields it: quote removal done the way the read's context does it
 * (`${X:-"a b"}` is `a b`; inside double quotes or a here-document `'a b'` keeps its quotes and
 * `\ ` its backslash), or, for a word that expands (`$Y`, `$(cmd)`), its source text. */
interface DefaultWord {
  readonly value: string;
  readonly computed: boolean;
}

function defaultWord(word: Word | null, quoting: Quoting, text: string): DefaultWord {
  if (!word) return { value: '', computed: false };
  const value = quoting === 'unquoted' ? literalValue(word) : quotedLiteral(word.parts);
  return value === null ? { value: text.slice(word.start, word.end), computed: true } : { value, computed: false };
}

/** Inside double quotes (and here-documents) only `\$ \` \" \\` and a backslash-newline are escapes. */
function quotedLiteral(parts: readonly WordPart[]): string | null {
  let out = '';
  for (const p of parts) {
    if (p.type === 'Lit') out += unescapeDoubleQuoted(p.value);
    else if (p.type === 'DblQuoted' && !p.dollar) {
      const inner = quotedLiteral(p.parts);
      if (inner === null) return null;
      out += inner;
    } else return null;
  }
  return out;
}
