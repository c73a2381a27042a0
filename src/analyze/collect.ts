// Syntax tree → model: every read and write of a parameter in program order, inside regions
// for functions, branches, loops, `&&`/`||` and subshells.

import { ParseError } from '../errors.js';
import type {
  ArithmExpr,
  ArrayElem,
  Assign,
  BinaryCmd,
  CallExpr,
  DeclClause,
  File,
  ForClause,
  Redirect,
  Stmt,
  Subscript,
  Word,
  WordPart,
} from '../parse/index.js';
import {
  forEachNode,
  parse,
  parseAt,
  parseTrapHandler,
  positionOf,
  quotedTrapHandler,
  unescapeDoubleQuoted,
  unescapeUnquoted,
} from '../parse/index.js';
import { batsEvents, batsRunTarget } from './bats.js';
import {
  argumentCount,
  builtinEvents,
  commandName,
  destructiveCommand,
  firstFieldPattern,
  loneVariable,
  nameOf,
  namePattern,
  readsMaybeClosedDescriptor,
  runsInShell,
  wordText,
} from './builtins.js';
import { type AssocNames, knownAssocNames, learnAssocNames } from './collect-assoc.js';
import {
  copyCtx,
  isInert,
  isZeroSubscript,
  loneParam,
  type MutableCtx,
  newRegion,
  sub,
  TRANSFORM_OPS,
  type WordCtx,
  walkArith,
  walkParts,
  walkSubscript,
  walkTest,
  walkWord,
  withPlace,
} from './collect-words.js';
import { conditionProofs, type ElementProof, loopProof } from './element-proofs.js';
import { anyElement, elementName, isEmptyDefault, isListSubscript, listedKeys } from './elements.js';
import { type EvalProbeSite, type EvalProbes, evalProbes } from './eval-probes.js';
import { addedFacts, type ConditionFacts, conditionFacts, stmtSideFacts } from './guards.js';
import {
  arrayKey,
  type Call,
  type Event,
  type Fact,
  forEachEvent,
  laterCall,
  type Probe,
  type Region,
  trapHandlerName,
  type UnsetComputed,
} from './model.js';
import { FileFunctions } from './proof-scope.js';
import { isDigits, isVariableName } from './shell-vars.js';

/** Builds the model of a parsed script; `bats` for a Bats test file (see bats.ts). `probes: false`
 * for code nounset parses from the script's own strings (an `eval`'s): no probe of the `eval`s in it
 * (eval-probes.ts). */
export function collectEvents(file: File, text: string, opts: { bats?: boolean; probes?: boolean } = {}): Region {
  // A library many scripts source is also fixed as a file of the run: its tree (shared by the
  // source loader) is modelled once. The model is read-only, as the tree is.
  const bats = opts.bats ?? false;
  const known = MODELS.get(file);
  if (known !== undefined && known.bats === bats && known.text === text) return known.model;
  const model = modelFile(file, text, bats, opts.probes !== false);
  MODELS.set(file, { bats, text, model });
  return model;
}

const MODELS = new WeakMap<File, { readonly bats: boolean; readonly text: string; readonly model: Region }>();

function modelFile(file: File, text: string, bats: boolean, withProbes: boolean): Region {
  const probes = withProbes ? evalProbes(file, text) : null;
  // `declare -A` names are learned on the way; a subscript read before its declaration was
  // reached means one more walk, with every name known (see collect-assoc.ts).
  const learner = learnAssocNames();
  const root = walkFile(file, text, bats, learner, probes);
  return learner.answeredTooEarly() ? walkFile(file, text, bats, knownAssocNames(learner.names), probes) : root;
}

function walkFile(file: File, text: string, bats: boolean, assoc: AssocNames, probes: EvalProbes | null): Region {
  const root: Region =
    probes === null ? newRegion('script', file) : { ...newRegion('script', file), probeText: probes.text };
  const top: WordCtx = {
    text,
    region: root,
    quoting: 'unquoted',
    place: 'argument',
    destructive: null,
    arith: null,
    inWord: false,
    assoc,
    literal: false,
    setNames: new Set(),
    stmts: (stmts, r, from, backquoted) => {
      const c = copyCtx(top);
      c.region = r;
      c.inBackquote = backquoted;
      c.dqCode = from.dqCode;
      // In the code of an `eval` (a probe), offsets are in the text that holds that code.
      c.text = from.text;
      c.evalProbes = from.evalProbes;
      walkStmts(stmts, c);
    },
    bash: file.dialect === 'bash',
    bats,
    inBackquote: false,
    dqCode: false,
    braceWord: false,
    lastpipe:
      file.dialect === 'bash' && text.includes('lastpipe') && /\bshopt\s+-s\s+([\w-]+\s+)*lastpipe\b/.test(text),
    aliases:
      file.dialect === 'bash' &&
      text.includes('expand_aliases') &&
      /\bshopt\s+-s\s+([\w-]+\s+)*expand_aliases\b/.test(text)
        ? fileAliases(file)
        : null,
    integers: /\b(?:declare|local|typeset|export|readonly)\s+(?:-\w+\s+)*-\w*i/.test(text) ? fileIntegers(file) : null,
    pipestatus: file.dialect === 'bash' && text.includes('PIPESTATUS'),
    elementProofs: [],
    functions: new FileFunctions(file.stmts, text),
    evalProbes: probes,
    globsStay: !(
      (text.includes('nullglob') || text.includes('failglob')) &&
      /\bshopt\s+-s\s+([\w-]+\s+)*(nullglob|failglob)\b/.test(text)
    ),
  };
  walkStmts(file.stmts, top);
  return root;
}

function walkStmts(stmts: readonly Stmt[], ctx: WordCtx): void {
  if (!ctx.pipestatus) {
    for (const s of stmts) walkStmt(s, ctx);
    return;
  }
  for (const s of stmts) {
    walkStmt(s, ctx);
    // A foreground command that completed leaves its exit statuses in PIPESTATUS (a function
    // definition runs nothing; bash sets PIPESTATUS only once a first command has run).
    if (!s.background && s.cmd !== null && s.cmd.type !== 'FuncDecl')
      ctx.region.events.push({ kind: 'write', name: 'PIPESTATUS', start: s.end, end: s.end, how: 'pipeline' });
  }
}

/** The elements a loop shows are there, for its body's reads (element-proofs.ts). */
function withProof(loop: WordCtx, cmd: ForClause): void {
  const proof = loopProof(cmd, loop.text, (n) => loop.assoc.has(n), loop.functions);
  if (proof !== null) withProofs(loop, [proof]);
}

function withProofs(ctx: WordCtx, proofs: readonly ElementProof[]): void {
  if (proofs.length > 0) (ctx as MutableCtx).elementProofs = [...ctx.elementProofs, ...proofs];
}

function walkStmt(stmt: Stmt, outer: WordCtx): void {
  if (!stmt.background) return walkCommand(stmt, outer);
  walkCommand(stmt, sub(outer, 'subshell', stmt));
  // `$!` is set once a job has gone to the background.
  outer.region.events.push({ kind: 'write', name: '!', start: stmt.start, end: stmt.end, how: 'background' });
}

function walkCommand(stmt: Stmt, outer: WordCtx): void {
  const cmd = stmt.cmd;
  // Redirections are expanded before the command runs; here-document bodies after their line.
  for (const r of stmt.redirs) walkRedirect(r, outer);
  if (!cmd) return;
  // A compound command whose redirection fails does not run at all (`while read -r line; do …;
  // done < "$file"` with no such file): what it does may not happen. What a simple command
  // does when it runs is seen to by mayNotRun.
  const ctx =
    cmd.type !== 'CallExpr' && cmd.type !== 'FuncDecl' && stmt.redirs.some(mayFail)
      ? sub(outer, 'optional', stmt, '<')
      : outer;
  switch (cmd.type) {
    case 'CallExpr': {
      const from = ctx.region.events.length;
      const runs = walkCall(cmd, ctx);
      // `set` alone prints every variable set: one the block sets would be among them. Not a
      // snapshot written to a file (`set > "$before"; . "$conf"; set > "$after"`, compared with
      // another, as dehydrated finds what a config file sets): the block's names are in both.
      if (
        cmd.args.length === 1 &&
        wordText(cmd.args[0]) === 'set' &&
        !stmt.redirs.some((r) => r.op === '>' || r.op === '>>' || r.op === '>|')
      )
        ctx.region.events.push({ kind: 'set-test', name: '*', start: cmd.start, end: cmd.end, how: '`set`' });
      // `read -a NAME <<< word` (or a here-document) always has a line to read: NAME is assigned.
      if (stmt.redirs.some((r) => r.op === '<<<' || r.op === '<<' || r.op === '<<-')) {
        const events = ctx.region.events;
        for (let i = from; i < events.length; i++) {
          const e = events[i] as Event;
          if (e.kind === 'write' && e.how === 'read array') events[i] = { ...e, how: 'array' };
        }
      }
      if (mayNotComplete(stmt)) mayNotRun(stmt, runs, ctx);
      return;
    }
    case 'BinaryCmd':
      return walkBinary(cmd, ctx);
    case 'IfClause': {
      // An elif is one more branch inside the else arm of the one before (a loop: elif chains
      // can be long).
      let c = cmd;
      let cur = ctx;
      for (;;) {
        walkStmts(c.cond, cur);
        const branch = sub(cur, 'branch', c);
        const facts = factsOf(c.cond);
        const then = sub(branch, 'arm', c);
        then.region.facts = facts.whenTrue;
        if (c.cond.length === 1) withProofs(then, conditionProofs(c.cond[0] as Stmt, c.then, ctx.text, ctx.functions));
        walkStmts(c.then, then);
        const other = sub(branch, 'arm', c.else ?? { start: c.end, end: c.end });
        other.region.facts = facts.whenFalse;
        if (!c.else) return;
        if (c.else.kind === 'else') return walkStmts(c.else.then, other);
        c = c.else;
        cur = other;
      }
    }
    case 'WhileClause': {
      const from = ctx.region.events.length;
      walkStmts(cmd.cond, ctx);
      const loop = sub(ctx, 'loop', cmd);
      loop.region.again = ctx.region.events.slice(from, -1);
      const facts = factsOf(cmd.cond);
      loop.region.facts = cmd.until ? facts.whenFalse : facts.whenTrue;
      loop.region.skipFacts = cmd.until ? facts.whenTrue : facts.whenFalse;
      loop.region.flag = isConstantCondition(cmd.cond, !cmd.until);
      // `while getopts 'ab:' opt; do case $opt in b) … $OPTARG`: in an arm for options that take
      // an argument, getopts has set OPTARG.
      const outer = getoptsLoop;
      getoptsLoop = cmd.until ? null : getoptsOf(cmd.cond);
      walkStmts(cmd.body, loop);
      getoptsLoop = outer;
      return;
    }
    case 'ForClause': {
      if (cmd.loop.type === 'WordIter') {
        const list = withPlace(ctx, 'for-list');
        for (const w of cmd.loop.items ?? []) walkWord(w, list);
        // `for k in "${!map[@]}"`: the keys are listed once, before the first pass; each pass names
        // one of them, still there unless the loop unset an element since (elements.ts).
        const keysOf = cmd.select ? null : keysListed(cmd.loop.items ?? [], ctx);
        if (keysOf !== null)
          ctx.region.events.push({
            kind: 'write',
            name: listedKeys(keysOf),
            start: cmd.start,
            end: cmd.start,
            how: 'for',
          });
        const loop = sub(ctx, 'loop', cmd);
        // A literal word in the list: the body runs at least once.
        if (!cmd.select && (cmd.loop.items ?? []).some((w) => argumentCount([w], ctx.globsStay).fixed > 0))
          loop.region.skipFacts = IMPOSSIBLE;
        const n = cmd.loop.name;
        // `for x in a b` assigns x before the body; an empty list (or no "$@") leaves it unset.
        const items = cmd.loop.items ?? [];
        loop.region.events.push(
          items.length > 0 && !cmd.select
            ? { kind: 'write', name: n.value, start: n.start, end: n.end, how: 'for', words: items }
            : { kind: 'write', name: n.value, start: n.start, end: n.end, how: 'for' },
        );
        if (cmd.select)
          loop.region.events.push({ kind: 'write', name: 'REPLY', start: n.start, end: n.end, how: 'for' });
        if (keysOf !== null)
          loop.region.events.push({
            kind: 'write',
            name: `${keysOf}[$${n.value}]`,
            start: n.start,
            end: n.end,
            how: 'for',
            listed: keysOf,
          });
        withProof(loop, cmd);
        walkStmts(cmd.body, loop);
      } else {
        const arith = withPlace(ctx, 'arithmetic');
        if (cmd.loop.init) walkArith(cmd.loop.init, arith);
        const from = ctx.region.events.length;
        if (cmd.loop.cond) walkArith(cmd.loop.cond, arith);
        const loop = sub(ctx, 'loop', cmd);
        loop.region.again = ctx.region.events.slice(from, -1);
        withProof(loop, cmd);
        walkStmts(cmd.body, loop);
        // `continue` runs the third expression too: a region of its own at the end of the loop,
        // which the walk runs where the body ends and where `continue` left it (walk.ts).
        if (cmd.loop.post) walkArith(cmd.loop.post, withPlace(sub(loop, 'post', cmd.loop.post), 'arithmetic'));
      }
      return;
    }
    case 'CaseClause': {
      walkWord(cmd.word, withPlace(ctx, 'case-word'));
      const branch = sub(ctx, 'branch', cmd);
      const subject = caseSubject(cmd.word);
      for (const item of cmd.items) {
        // The terminator: `;&` falls into the next arm, `;;&` goes on testing the next patterns.
        const arm = sub(branch, 'arm', item, item.op === ';&' || item.op === ';;&' ? item.op : null);
        arm.region.flag = item.op === ';&';
        // `case $X in start)`: a pattern that cannot match an empty word shows X is set.
        if (subject !== null && item.patterns.every(needsAChar)) {
          // `case "${1-}" in node)`: an arm that matched a non-empty word shows $1 was passed.
          const facts: Fact[] = [
            isDigits(subject) ? { kind: 'argc', min: Number(subject) } : { kind: 'set', name: subject },
          ];
          if (
            getoptsLoop &&
            subject === getoptsLoop.name &&
            item.patterns.every((p) => takesArgument(getoptsLoop as Getopts, p))
          )
            facts.push({ kind: 'set', name: 'OPTARG' });
          arm.region.facts = facts;
        }
        const pattern = withPlace(arm, 'case-pattern');
        for (const p of item.patterns) walkWord(p, pattern);
        walkStmts(item.stmts, arm);
      }
      // No pattern may match, unless one is a plain `*`.
      const catchAll = cmd.items.some((item) => item.patterns.some(isCatchAll));
      branch.region.flag = catchAll;
      if (!catchAll) sub(branch, 'arm', { start: cmd.end, end: cmd.end });
      return;
    }
    case 'Block':
      return walkStmts(cmd.stmts, ctx);
    case 'Subshell':
      return walkStmts(cmd.stmts, sub(ctx, 'subshell', cmd));
    case 'FuncDecl':
      return walkStmt(cmd.body, sub(ctx, 'function', cmd, cmd.name.value));
    case 'TestDecl': {
      // bats runs each test's body as a function; the description is expanded where it stands.
      walkWord(cmd.description, ctx);
      const test = sub(ctx, 'function', cmd, wordText(cmd.description) ?? '@test');
      test.region.flag = true;
      return walkStmt(cmd.body, test);
    }
    case 'ArithmCmd':
      if (cmd.expr) walkArith(cmd.expr, withPlace(ctx, 'arithmetic'));
      return;
    case 'TestClause':
      return walkTest(cmd.expr, ctx);
    case 'DeclClause':
      return walkDecl(cmd, ctx);
    case 'LetClause':
      for (const e of cmd.exprs) {
        const c = copyCtx(ctx);
        c.place = 'arithmetic';
        c.literal = quotedLetArg(ctx.text, e.start);
        c.inWord = true;
        walkArith(e, c);
      }
      return;
    case 'TimeClause':
      if (cmd.stmt) walkStmt(cmd.stmt, ctx);
      return;
    case 'CoprocClause': {
      const name = cmd.name ? nameOf(cmd.name) : 'COPROC';
      if (cmd.name) ctx.assoc.skip(cmd.name);
      walkStmt(cmd.stmt, sub(ctx, 'subshell', cmd.stmt));
      if (name) {
        const span = { start: cmd.start, end: cmd.end };
        // The coprocess runs in the background: `$!` is set. Its descriptors (NAME) and process id
        // (NAME_PID) are set until bash reaps it, which may be before any later read: then bash
        // unsets them, which the env-init block cannot undo.
        ctx.region.events.push(
          { kind: 'write', name: '!', ...span, how: 'background' },
          { kind: 'write', name, ...span, how: 'coproc' },
          { kind: 'write', name: `${name}_PID`, ...span, how: 'coproc' },
        );
        // The region holds only unsets, each with its own reason (Unset.coproc): its name shows in
        // no reason.
        const reaped = sub(ctx, 'optional', span, 'coproc');
        for (const n of [name, arrayKey(name), `${name}_PID`])
          reaped.region.events.push({ kind: 'unset', name: n, ...span, coproc: true });
      }
      return;
    }
  }
}

/** `a && b || c` and `a | b | c` nest to the left as deep as they are long: walk them in a loop. */
function walkBinary(cmd: BinaryCmd, ctx: WordCtx): void {
  const isPipe = cmd.op === '|' || cmd.op === '|&';
  const chain: BinaryCmd[] = [cmd];
  let left: Stmt = cmd.x;
  while (
    left.cmd?.type === 'BinaryCmd' &&
    (left.cmd.op === '|' || left.cmd.op === '|&') === isPipe &&
    left.redirs.length === 0
  ) {
    chain.push(left.cmd);
    left = left.cmd.x;
  }
  // bash runs every element of a pipeline in a subshell (unless `shopt -s lastpipe`).
  const lastInShell = isPipe && ctx.lastpipe;
  walkStmt(left, isPipe ? sub(ctx, 'subshell', left) : ctx);
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i] as BinaryCmd;
    const y = link.y;
    if (isPipe) {
      // With `shopt -s lastpipe` (and no job control, as in scripts) the last element runs in the shell.
      walkStmt(y, i === 0 && lastInShell ? ctx : sub(ctx, 'subshell', y));
      continue;
    }
    const c = sub(ctx, 'optional', y, link.op);
    const and = link.op === '&&';
    // `a && b` runs b when a passed and skips it when a failed; `a || b` the other way round.
    const added = addedFacts(link.x, link.op);
    if (added) {
      // `p && y && c`: c starts where y ran, where p's facts hold already; the walk applies what y
      // adds (Region.added). The left side's own facts, every test before it, are not built.
      c.region.added = and ? added.whenTrue : added.whenFalse;
      c.region.skipFacts = stmtSideFacts(link.x, !and);
    } else {
      const facts = factsOf([link.x]);
      c.region.facts = and ? facts.whenTrue : facts.whenFalse;
      c.region.skipFacts = and ? facts.whenFalse : facts.whenTrue;
    }
    // In `a && b && c` c runs only where b ran; in `a && b || c` it is skipped only there.
    const x = link.x;
    c.region.flag =
      x.cmd?.type === 'BinaryCmd' && (x.cmd.op === '&&' || x.cmd.op === '||') && x.redirs.length === 0 && !x.negated;
    if (link.op === '&&') withProofs(c, conditionProofs(x, [y], ctx.text, ctx.functions));
    walkStmt(y, c);
  }
}

/** Targets no redirection fails to open. */
const NEVER_FAILS = new Set(['/dev/null', '/dev/stdin', '/dev/stdout', '/dev/stderr', '/dev/tty', '0', '1', '2', '-']);

/** A redirection that may fail: a file that may be missing or not writable (`read -r pid <
 * "$pidfile"`), a descriptor that may not be open (`<&3`). */
function mayFail(r: Redirect): boolean {
  if (r.op === '<<' || r.op === '<<-' || r.op === '<<<') return false;
  // `< <(cmd)`: bash opens the pipe it made.
  if (r.word.parts.length === 1 && r.word.parts[0]?.type === 'ProcSubst') return false;
  const target = wordText(r.word);
  return target === null || !NEVER_FAILS.has(target);
}

/** A simple command that may not run (a redirection may fail), or a builtin that may run and
 * assign nothing (`read -u 3` with descriptor 3 closed). */
function mayNotComplete(stmt: Stmt): boolean {
  if (stmt.redirs.some(mayFail)) return true;
  const cmd = stmt.cmd;
  if (cmd?.type !== 'CallExpr') return false;
  const named = commandName(cmd.args);
  return named !== null && readsMaybeClosedDescriptor(cmd.args.slice(named.index));
}

/** What a builtin assigns when it runs (not what expanding its words does: `${X:=v}`, `$((i++))`). */
const BUILTIN_WRITES: ReadonlySet<string> = new Set(['read', 'read array', 'mapfile', 'printf -v', 'getopts']);

/** The names a builtin command assigns when it runs (BUILTIN_WRITES), as facts; null for none. */
function assignedWhenRun(stmt: Stmt): ConditionFacts['whenTrue'] | null {
  const cmd = stmt.cmd;
  if (cmd?.type !== 'CallExpr' || cmd.args.length === 0) return null;
  const name = wordText(cmd.args[0]);
  if (name === null) return null;
  const out: { kind: 'set'; name: string }[] = [];
  for (const e of builtinEvents(name, cmd.args, 0))
    if (e.kind === 'write' && BUILTIN_WRITES.has(e.how)) out.push({ kind: 'set', name: e.name });
  return out.length > 0 ? out : null;
}

/** When a redirection fails, bash runs no command (its words were expanded already): `read -r pid
 * < "$pidfile"` with no such file leaves pid unset, `setup > "$log"` runs no function, and `exit 1
 * > "$log"` does not exit. What running the command does, its events from `from` on, goes in a
 * region that may not run. */
function mayNotRun(stmt: Stmt, from: number, ctx: WordCtx): void {
  const events = ctx.region.events;
  if (from >= events.length) return;
  const ran = events.splice(from);
  sub(ctx, 'optional', stmt, '<').region.events.push(...ran);
}

function walkRedirect(r: Redirect, ctx: WordCtx): void {
  if (r.fdVar) {
    const write: Event = {
      kind: 'write',
      name: r.fdVar.value,
      start: r.fdVar.start,
      end: r.fdVar.end,
      how: 'fd-variable',
    };
    // `exec {fd}< "$file"` with no such file assigns nothing: fd stays unset.
    (mayFail(r) ? sub(ctx, 'optional', r, '<') : ctx).region.events.push(write);
  }
  if (r.op === '<<' || r.op === '<<-') {
    // The delimiter is never expanded; a quoted one makes the body literal.
    ctx.assoc.skip(r.word);
    if (r.body && !r.body.quoted) {
      const c = copyCtx(ctx);
      c.quoting = 'heredoc';
      c.place = 'heredoc';
      walkParts(r.body.parts, c);
    } else if (r.body) ctx.assoc.skip(r.body);
    return;
  }
  walkWord(r.word, withPlace(ctx, 'redirection'));
}

function walkAssign(a: Assign, ctx: WordCtx, how: 'assignment' | 'declaration', writes: boolean): void {
  const name = a.name?.value ?? null;
  const elems = a.array?.elems ?? [];
  // `a[i]=v` and `([i]=v)`: the subscript is part of the assignment word.
  let subscript: WordCtx | null = null;
  if (name && (a.index || elems.some((el) => el.index))) {
    const c = copyCtx(ctx);
    c.place = 'subscript';
    c.inWord = true;
    subscript = c;
  }
  const value = a.value || elems.length > 0 ? withPlace(ctx, 'assignment') : ctx;
  if (a.index) subscriptOf(a.index, name, subscript, ctx);
  walkWord(a.value, value);
  if (name && a.value && !a.index && ctx.integers?.has(name)) integerValue(a.value, ctx);
  for (const el of elems) {
    if (el.index) subscriptOf(el.index, name, subscript, ctx);
    walkWord(el.value, value);
  }
  // `a+=x` reads nothing under set -u: bash appends to an unset variable without complaint.
  if (!writes || !name || a.naked) return;
  if (ctx.assoc.has(name)) elementWrites(a, name, ctx);
  // `a+=(w)` and `a[5]=w` keep what a holds: where a may be unset as the script starts, the
  // block's `a=""` would give it an empty element 0, one more word in `"${a[@]}"`.
  else if ((a.append && a.array) || (a.index && !isZeroSubscript(a.index, ctx.text)))
    ctx.region.events.push({
      kind: 'set-test',
      name,
      start: a.start,
      end: a.end,
      how: `\`${ctx.text.slice(a.start, a.end)}\``,
      whereUnset: 'append',
    });
  if (a.array || a.index) {
    ctx.region.events.push({
      kind: 'write',
      name: arrayKey(name),
      start: a.start,
      end: a.end,
      how: 'array',
      value: null,
    });
    // Element 0 (see arrayKey): `(w …)` and `+=(w …)` give it when some word before any `[k]=` is
    // certain to give a word (the words fill the array from index 0; appended to an empty array,
    // one becomes element 0), `a[0]=v` and `([0]=v …)` give it; `a[1]=v`, `a[$i]=v` and `([1]=v
    // w)` may not (bash stops on `$a` after `a[1]=x`).
    // An append goes past the last element: to index 0 only in an array with no element, which a
    // script that may leave holes (`a[5]=x`, `unset 'a[0]'`, `([2]=x)`) may not have.
    const appendsPastHole = a.append && a.array !== null && mayHaveHoles(name, ctx.text);
    if (a.index ? !isZeroSubscript(a.index, ctx.text) : appendsPastHole || !givesElementZero(elems, ctx)) {
      // `a=(…)` replaces the whole array: element 0 is gone unless the words give it again.
      // Not `a=("${a[@]#./}")`: one word per element of a, so element 0 if a had it.
      if (a.array && !a.append && !mapsOwnElements(elems, name))
        ctx.region.events.push({ kind: 'unset', name, start: a.start, end: a.end, element0: 'replaced' });
      return;
    }
  }
  ctx.region.events.push({
    kind: 'write',
    name,
    start: a.start,
    end: a.end,
    how,
    // `X=` assigns the empty word: `"$X"` then runs no function.
    value: a.array || a.index ? null : (a.value ?? (a.naked ? null : emptyWordAt(a.end))),
  });
}

function emptyWordAt(at: number): Word {
  return { type: 'Word', start: at, end: at, parts: [] };
}

/** mayHaveHoles' answers for the text last asked about. */
let holes: { text: string; byName: Map<string, boolean> } = { text: '', byName: new Map() };

/** Whether the script may leave an indexed array without element 0 while it has others: an
 * element assigned by an index that may not be 0, a list with an index, an element unset. Asked
 * of the text, by name, only for an append; answered once per text and name (a loop of appends
 * to one array would otherwise compile and run the pattern over the whole text each time). */
function mayHaveHoles(name: string, text: string): boolean {
  if (holes.text !== text) holes = { text, byName: new Map() };
  let known = holes.byName.get(name);
  if (known === undefined) {
    const n = name.replace(/[^A-Za-z0-9_]/g, '');
    known = new RegExp(
      `(?<![\\w$])${n}\\[(?!0\\])[^\\]\\n]*\\]\\+?=|(?<![\\w$])${n}\\+?=\\(\\s*\\[|unset\\b[^\\n;|&]*${n}\\[`,
    ).test(text);
    holes.byName.set(name, known);
  }
  return known;
}

/** Whether the elements of `(…)` certainly give element 0: one at `[0]=`, or a word certain to
 * give a word before any `[k]=` (after one, the words go on from k + 1). */
function givesElementZero(elems: readonly ArrayElem[], ctx: WordCtx): boolean {
  for (const el of elems) {
    if (el.index) {
      if (isZeroSubscript(el.index, ctx.text)) return true;
      return elems.some((e) => e.index !== null && isZeroSubscript(e.index, ctx.text));
    }
    if (el.value !== null && argumentCount([el.value], ctx.globsStay).fixed > 0) return true;
  }
  return false;
}

/** `("${name[@]}" …)`, `("${name[@]#pre}" …)`, `("${name[@]/a/b}" …)`: the first word gives one
 * word per element of name (no slice), so element 0 when name has elements. */
function mapsOwnElements(elems: readonly ArrayElem[], name: string): boolean {
  const first = elems[0];
  const word = first && first.index === null ? first.value : null;
  const dq = word?.parts.length === 1 ? word.parts[0] : undefined;
  const p = dq?.type === 'DblQuoted' && dq.parts.length === 1 ? dq.parts[0] : undefined;
  return (
    p?.type === 'ParamExp' &&
    p.param.value === name &&
    !p.excl &&
    !p.length &&
    p.slice === null &&
    p.index !== null &&
    isListSubscript(p.index) &&
    (p.exp === null || TRANSFORM_OPS.has(p.exp.op))
  );
}

/** The associative array whose keys a `for` list is, alone (`"${!map[@]}"`), or null. */
function keysListed(items: readonly Word[], ctx: WordCtx): string | null {
  if (items.length !== 1) return null;
  let [part, ...rest] = (items[0] as Word).parts;
  if (part?.type === 'DblQuoted' && rest.length === 0) [part, ...rest] = part.parts;
  if (part?.type !== 'ParamExp' || rest.length > 0 || !part.excl || !part.index || !isListSubscript(part.index))
    return null;
  const name = part.param.value;
  return !part.exp && !part.slice && !part.repl && ctx.assoc.has(name) ? name : null;
}

/** The elements an assignment to the associative array `name` gives (elements.ts): `m[k]=v` one,
 * `m=([k]=v …)` those it lists and no other (the array is emptied first). */
function elementWrites(a: Assign, name: string, ctx: WordCtx): void {
  const span = { start: a.start, end: a.end };
  if (a.array && !a.append) ctx.region.events.push({ kind: 'unset', name: anyElement(name), ...span });
  const subs = a.index ? [a.index] : (a.array?.elems ?? []).map((el) => el.index);
  for (const s of subs) {
    const element = s ? elementName(name, s) : null;
    if (element !== null && element !== anyElement(name))
      ctx.region.events.push({ kind: 'write', name: element, ...span, how: 'array' });
  }
}

/** Walks the subscript of an assignment to `name`; without a name, only looks for declarations. */
function subscriptOf(index: Subscript, name: string | null, subscript: WordCtx | null, ctx: WordCtx): void {
  if (name && subscript) walkSubscript(index, name, subscript);
  else ctx.assoc.skip(index);
}

/** Returns the index of the first event of running the command, past those of expanding its words. */
function walkCall(cmd: CallExpr, ctx: WordCtx): number {
  // `X=1 cmd` sets X for cmd only; the shell's own X is unchanged.
  const assignsStay = cmd.args.length === 0;
  for (const a of cmd.assigns) walkAssign(a, ctx, 'assignment', assignsStay);
  // bats' `run cmd…` runs cmd in a subshell: cmd's own assignments do not reach the test.
  // The command as a shell that ignores a CRLF line's `\r` runs it (`shift\r`, `unset X\r`).
  const view = withoutLineEndCR(cmd.args) ?? cmd.args;
  const runs = ctx.bats ? batsRunTarget(view) : -1;
  const target = runs === -1 ? commandName(view) : commandName(view.slice(runs));
  const named = target && runs !== -1 ? { name: target.name, index: target.index + runs } : target;
  const destructive = named ? destructiveCommand(named.name, view, named.index + 1) : null;
  // `[ -z "$X" ]` tests X: a destructive use after it is the script's own business (plan).
  const place = named && runs === -1 && (named.name === '[' || named.name === 'test') ? 'test-argument' : 'argument';
  // A statement's own context is already the argument one, as a rule, and a command name is
  // nearly always plain text: no copies then.
  let argCtx = ctx;
  if (ctx.place !== place || ctx.destructive !== null) {
    const c = copyCtx(ctx);
    c.place = place;
    c.destructive = null;
    argCtx = c;
  }
  let nameCtx: WordCtx | null = null;
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as Word;
    if (!named || i > named.index) {
      if (destructive === null || isInert(w)) walkWord(w, argCtx);
      else {
        // Only a word with an expansion holds a read: only such a word is a destructive argument.
        const c = copyCtx(argCtx);
        c.destructive = { command: destructive, word: w };
        walkWord(w, c);
      }
    } else if (!isInert(w)) {
      if (nameCtx === null) {
        const c = copyCtx(ctx);
        c.place = 'command-name';
        c.destructive = null;
        nameCtx = c;
      }
      walkWord(w, nameCtx);
    }
  }
  const ran = ctx.region.events.length;
  // `sudo read x`, `env printf -v x …` run in another process: nothing of the shell's changes.
  const inShell = named !== null && runsInShell(view, named.index);
  if (named && inShell && runs === -1 && !(named.name === 'trap' && named.index === 0 && trapCode(view, ctx)))
    for (const e of builtinEvents(named.name, view, named.index, ctx.globsStay)) ctx.region.events.push(e);
  // `command eval 'unset x'` and `builtin eval …` run the code as `eval` does (`command f` runs no
  // function f: it is pushed as a call of `command`, which nothing defines).
  if (named && inShell && named.index > 0 && named.name === 'eval' && runs === -1) {
    const code = args.slice(named.index);
    pushCall(code, view === args ? code : view.slice(named.index), ctx);
  } else if (runs === -1 && args.length > 0) pushCall(args, view, ctx);
  if (ctx.bats) for (const e of batsEvents(cmd.args)) ctx.region.events.push(e);
  return ran;
}

/** `trap 'CODE' SIGNAL…` (or `trap "CODE" …` whose `$` are all escaped) where CODE reads a
 * parameter: bash parses CODE when the trap fires, at any later point (`trap 'rm -rf "$tmp"' EXIT`
 * after a function's `local tmp` has gone). CODE, parsed where its characters are, is the body of
 * a function the trap calls, so each read in it gets the verdict of a read in a trap handler, and
 * an edit lands inside the quotes (the output check parses the string again: verify-output.ts).
 * Returns false, for builtinEvents' reading of the command, for any other handler, or one that
 * does not parse. */
function trapCode(args: readonly Word[], ctx: WordCtx): boolean {
  const part = quotedTrapHandler(args);
  if (part === null) return false;
  const source = ctx.text.slice(part.start + 1, part.end - 1);
  // Code that reads nothing and unsets nothing: its calls are builtinEvents' (trapHandlers).
  // Arithmetic reads bare names (`(( sig++ ))`).
  if (!/[$`]|\bunset\b|\(\(|\blet\b/.test(source)) return false;
  let code: File | null;
  try {
    code = parseTrapHandler(part, ctx.text, { dialect: ctx.bash ? 'bash' : 'posix' });
  } catch (err) {
    if (err instanceof ParseError) return false;
    throw err;
  }
  if (code === null) return false;
  const name = trapHandlerName(positionOf(ctx.text, part.start).line);
  const body = sub(ctx, 'function', part, name);
  if (part.type === 'DblQuoted') (body as MutableCtx).dqCode = true;
  walkStmts(code.stmts, body);
  // The handler word is the string alone.
  ctx.region.events.push(laterCall(name, part.start, part.end));
  return true;
}

/** `args` as a shell that ignores `\r` reads a CRLF line: the last word without its final `\r` (a
 * word that was only `\r` is gone); null when the last word does not end in one. CRLF scripts are
 * meant for such shells (docs/how-it-works.md), and bash on Linux fails on their `then\r`; where it
 * runs one, this reading only errs towards more unset names: `shift\r`, `unset X\r` and `local x\r`
 * take effect, `$X\r` counts as an argument that may vanish. */
function withoutLineEndCR(args: readonly Word[]): Word[] | null {
  const last = args[args.length - 1];
  const part = last?.parts[last.parts.length - 1];
  if (last === undefined || part?.type !== 'Lit' || !part.value.endsWith('\r')) return null;
  const value = part.value.slice(0, -1);
  const parts = last.parts.slice(0, -1);
  if (value !== '') parts.push({ ...part, value, end: part.end - 1 });
  const rest = args.slice(0, -1);
  return parts.length === 0 ? rest : [...rest, { ...last, parts, end: last.end - 1 }];
}

/** A command that may be a function of the script (or `exec CMD`, which does not come back).
 * `view`: `args` as a shell that ignores a CRLF line's `\r` reads them (withoutLineEndCR). */
function pushCall(args: readonly Word[], view: readonly Word[], ctx: WordCtx): void {
  const first = args[0] as Word;
  const end = (args[args.length - 1] as Word).end;
  const name = wordText(first);
  if (name === 'exec' && args.length > 1) {
    ctx.region.events.push({ kind: 'jump', how: 'exit', levels: 1, start: first.start, end });
    return;
  }
  if (name === 'eval' && wordText(args[1]) === 'set') {
    // `eval set -- "$(getopt …)"`: only the positional parameters change, to a count not known.
    ctx.region.events.push({ kind: 'args', how: 'set', count: 0, splat: false, start: first.start, end });
    return;
  }
  if (name === 'eval' && args.length > 1) {
    // Its code's reads, where it runs (eval-probes.ts); then what it does.
    const probes = ctx.evalProbes;
    const site = probes?.sites.get(first);
    const probe = probes && site ? probeOf(site, probes.text, ctx, first.start, end) : null;
    if (probe !== null) ctx.region.events.push(probe);
    // `eval 'x=1; f a'`: a literal string is code nounset can read (its writes, unsets, calls and
    // exits; not its reads, which no edit could reach inside the quotes).
    const literal = evalEvents(args.slice(1), ctx);
    if (literal) for (const e of literal) ctx.region.events.push(e);
    else {
      ctx.region.events.push(
        evalAssignsOnly(args.slice(1))
          ? { kind: 'opaque', what: '`eval`', start: first.start, end, assignOnly: true }
          : { kind: 'opaque', what: '`eval`', start: first.start, end },
      );
      for (const e of evalUnsets(args.slice(1), ctx)) ctx.region.events.push(e);
      // `h="unset Y"; eval "$h"`: the code is the variable's values, and
      // what it unsets is unset after what it may assign.
      const held = args.length === 2 ? loneVariable(args[1] as Word) : null;
      if (held !== null && isVariableName(held)) ctx.region.events.push(codeUnset(held, 'eval', [], first.start, end));
    }
    return;
  }
  // `shopt -s expand_aliases; alias drop='unset A'`, then `drop`: bash runs the alias's value
  // with the words after it.
  const aliased = name === null ? undefined : ctx.aliases?.get(name);
  if (aliased !== undefined) {
    const rest = args.length > 1 ? ctx.text.slice((args[1] as Word).start, end) : '';
    for (const value of aliased)
      for (const e of unsetsInCode(`${value} ${rest}`, first.start, ctx)) ctx.region.events.push(e);
  }
  const made = callOf(args, view, ctx);
  if (made === null) return;
  const events = made.crlf ? sub(ctx, 'optional', made.call, '\r').region.events : ctx.region.events;
  events.push(made.call);
  // `h="unset Y"; $h`: unquoted, the value is split and its first field may be a builtin;
  // `h=unset; "$h" Y` runs it too.
  const via = made.call.via;
  if (via && via.fallback === null && isVariableName(via.name)) {
    const words: string[] = [];
    for (const w of args.slice(1)) {
      const t = wordText(w);
      if (t !== null) words.push(t);
    }
    events.push(codeUnset(via.name, via.split ? 'split' : 'word', words, first.start, end));
  }
}

/** What an `unset` in the code the variable `via` holds may remove, where that code runs
 * (UnsetComputed.code; unset-names.ts reads the variable's values). Its pattern fits no name. */
function codeUnset(
  via: string,
  code: NonNullable<UnsetComputed['code']>,
  args: readonly string[],
  start: number,
  end: number,
): UnsetComputed {
  return { kind: 'unset-computed', via, pattern: NO_NAME, code, args, start, end };
}

const NO_NAME = /(?!)/;

/** The names a file declares integer anywhere: `declare -i N`, `local -ri N=0`, `typeset -i`. */
function fileIntegers(file: File): Set<string> | null {
  const out = new Set<string>();
  forEachNode(file, (node) => {
    if (node.type !== 'DeclClause') return;
    const flags = node.args.filter((a) => a.naked && a.name === null).map((a) => (a.value ? wordText(a.value) : null));
    if (!flags.some((f) => f !== null && /^-\w*i/.test(f))) return;
    for (const a of node.args) if (a.name !== null && !a.array) out.add(a.name.value);
  });
  return out.size > 0 ? out : null;
}

/** `declare -i N; N=count+1`: bash evaluates a literal value assigned to an integer name as
 * arithmetic, reading the bare names in it. They are read where the assignment is, as in a quoted
 * `let` argument: no rewrite inside the literal text, a warning where one may be unset. */
function integerValue(word: Word, ctx: WordCtx): void {
  const part = word.parts.length === 1 ? word.parts[0] : undefined;
  // The literal text and where it starts in the script: a plain word, or one in quotes.
  let start = -1;
  if (part?.type === 'Lit') start = part.start;
  else if (part?.type === 'SglQuoted') start = part.start + 1;
  else if (part?.type === 'DblQuoted' && part.parts.length === 1 && part.parts[0]?.type === 'Lit')
    start = part.parts[0].start;
  const code = wordText(word);
  if (start < 0 || code === null || !/[A-Za-z_]/.test(code) || ctx.text.slice(start, start + code.length) !== code)
    return;
  let expr: ArithmExpr | null = null;
  try {
    const cmd = parseAt(`((${code}))`, start - 2, { dialect: 'bash' }).stmts[0]?.cmd;
    if (cmd?.type === 'ArithmCmd' && cmd.end === start + code.length + 2) expr = cmd.expr;
  } catch (err) {
    // Text bash would reject when it runs: an error there, not a read.
    if (err instanceof ParseError) return;
    throw err;
  }
  if (expr === null) return;
  const c = copyCtx(ctx);
  c.place = 'arithmetic';
  c.literal = true;
  c.inWord = true;
  walkArith(expr, c);
}

/** The literal `alias NAME=VALUE` definitions of a file, wherever they are: each value a name is
 * given (bash expands an alias on the lines read after its definition, so any may be in force). */
function fileAliases(file: File): Map<string, string[]> {
  const out = new Map<string, string[]>();
  forEachNode(file, (node) => {
    if (node.type !== 'CallExpr' || wordText(node.args[0]) !== 'alias') return;
    for (const w of node.args.slice(1)) {
      const m = /^([^=\s/$`'"]+)=(.*)$/s.exec(wordText(w) ?? '');
      if (m === null) continue;
      const list = out.get(m[1] as string);
      if (list) list.push(m[2] as string);
      else out.set(m[1] as string, [m[2] as string]);
    }
  });
  return out;
}

/** The call `args` make where the command may be a function of the script (its name, or a
 * computed one); null when it surely is none. `crlf`: a CRLF line's call that only a shell that
 * ignores the `\r` makes. `view`: `args` as such a shell reads them (withoutLineEndCR), or `args`. */
function callOf(args: readonly Word[], view: readonly Word[], ctx: WordCtx): { call: Call; crlf: boolean } | null {
  const first = args[0] as Word;
  const end = (args[args.length - 1] as Word).end;
  const name = wordText(first);
  // A CRLF line keeps its `\r` in its last word: `f\r` alone on a line runs f where the shell
  // ignores `\r` (where a CRLF script is meant to run: docs/how-it-works.md) and no command at all
  // in bash on Linux. Both are followed: a call of f that may not happen.
  const bare = view !== args && args.length === 1 && view.length === 1 ? wordText(view[0]) : null;
  const crlf = bare !== null && isFunctionName(bare);
  if (name !== null && !crlf && !isFunctionName(name)) return null;
  // Arguments as a shell that ignores `\r` passes them: `f a $X\r` passes one or two.
  const passed = view.slice(1);
  const { fixed, splat } = argumentCount(passed, ctx.globsStay);
  // Each name once (a Set: `unset` with 32,000 names looked through the list for each).
  const named = new Set<string>();
  let dynArgs = false;
  for (let i = 0; i < passed.length; i++) {
    const t = wordText(passed[i]);
    if (t === null) dynArgs = true;
    else if (isFunctionName(t)) named.add(t);
  }
  const litArgs = [...named];
  // Unquoted, a computed name is split: the command is its first field.
  const split = name === null && !isQuotedWord(first);
  const via = name === null ? commandVariable(first) : null;
  const call: Call = {
    kind: 'call',
    name: crlf ? bare : name,
    pattern: name === null ? (split ? firstFieldPattern(first) : namePattern(first)) : null,
    via: via && split ? { ...via, split } : via,
    litArgs,
    dynArgs,
    fixedArgs: fixed,
    splat,
    trap: false,
    start: first.start,
    end,
  };
  // `$RUN f` with RUN empty runs f: an unquoted expansion alone gives no word when it is empty, and
  // the next word is the command (callees.ts adds what it may run).
  if (name === null && args.length > 1 && mayGiveNoWord(first)) {
    const rest = args.slice(1);
    const next = callOf(rest, view === args ? rest : view.slice(1), ctx);
    if (next !== null && !next.crlf) return { call: { ...call, next: next.call }, crlf };
  }
  return { call, crlf };
}

/** Whether a word has quotes of any kind (then it gives one word at least, and no splitting of
 * its quoted parts). */
function isQuotedWord(word: Word): boolean {
  return word.parts.some((p) => p.type === 'DblQuoted' || p.type === 'SglQuoted');
}

/** Whether a command word may expand to no word at all: only unquoted expansions. */
function mayGiveNoWord(word: Word): boolean {
  return word.parts.every((p) => p.type === 'ParamExp' || p.type === 'CmdSubst');
}

/** Whether the code of `eval WORD` is, as written, one assignment: `NAME=…`, `$name=…`,
 * `${name}=…` or `NAME[…]=…` (quotes aside), with no `;`, `&`, `|` or newline in its literal text.
 * Such code runs no function (what a value itself brings in is not followed). */
function evalAssignsOnly(words: readonly Word[]): boolean {
  // `eval x=1 f` runs f: one word only.
  if (words.length !== 1) return false;
  const parts: WordPart[] = [];
  for (const p of (words[0] as Word).parts) parts.push(...(p.type === 'DblQuoted' ? p.parts : [p]));
  let lead = '';
  for (const p of parts) {
    if (p.type === 'Lit' || p.type === 'SglQuoted') {
      if (/[;&|\n]/.test(p.value)) return false;
      lead += p.value;
    } else if (
      p.type === 'ParamExp' &&
      lead === '' &&
      (!p.exp || isEmptyDefault(p.exp)) &&
      !p.index &&
      !p.slice &&
      !p.repl
    )
      lead = 'v';
    else if (!/=/.test(lead)) return false;
  }
  return /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(lead);
}

/** The events of `eval WORD…` whose words are all literal text, placed at the first word (their
 * own offsets mean nothing in the script); null when a word is computed or the text does not
 * parse. Reads are left out (eval-code.ts has them); set-tests stay (`eval 'echo ${X+set}'` tells
 * an unset X from the block's empty one). */
function evalEvents(words: readonly Word[], ctx: WordCtx): Event[] | null {
  const texts = words.map((w) => wordText(w));
  if (texts.some((t) => t === null)) return null;
  const code = texts.join(' ');
  let file: File;
  try {
    file = parse(code, { dialect: ctx.bash ? 'bash' : 'posix' });
  } catch (err) {
    if (err instanceof ParseError) return null;
    throw err;
  }
  const at = (words[0] as Word).start;
  const place = (e: Event): Event | null => {
    if (e.kind === 'read') return null;
    if (e.kind === 'region')
      return {
        ...e,
        start: at,
        end: at,
        events: e.events.map(place).filter((x): x is Event => x !== null),
        again: null,
      };
    if (e.kind === 'write') return { ...e, start: at, end: at, value: null };
    return { ...e, start: at, end: at } as Event;
  };
  return collectEvents(file, code, { bats: ctx.bats, probes: false })
    .events.map(place)
    .filter((x): x is Event => x !== null);
}

/** The probe of an `eval`'s code (model.ts Probe): its events, at its offsets in `text` (the script's
 * text and the codes after it). Null for code that defines a function or sources a file, whose
 * effects reach past the `eval` (a copy of the state there cannot show them). */
function probeOf(site: EvalProbeSite, text: string, ctx: WordCtx, start: number, end: number): Probe | null {
  const c = copyCtx(ctx);
  c.text = text;
  c.region = newRegion('script', site.tree);
  c.quoting = 'unquoted';
  c.place = 'argument';
  c.destructive = null;
  c.arith = null;
  c.inWord = false;
  c.literal = false;
  c.setNames = new Set();
  c.inBackquote = false;
  c.dqCode = false;
  c.braceWord = false;
  c.evalProbes = null;
  walkStmts(site.tree.stmts, c);
  let reaches = false;
  forEachEvent(c.region, (e) => {
    if (e.kind === 'source' || (e.kind === 'region' && e.shape === 'function')) reaches = true;
  });
  if (reaches) return null;
  return { kind: 'probe', start, end, base: site.base, code: site.code, region: c.region };
}

/** The unsets of code `eval` builds when the script runs: `eval "unset $name"`, `eval unset
 * "$name"`, `eval "unset \${p}_dir"`, `eval "[ -n \"\$$v\" ] && unset $v"`. Read as code, the
 * string's expansions stay expansions (evalCode): `unset $name` is an unset of what name holds,
 * which the flow analysis finds from name's values (unset-names.ts). Each may happen or not: an
 * unset in an `if` or after `&&` counts, one in a subshell or a function's body does not. */
function evalUnsets(words: readonly Word[], ctx: WordCtx): Event[] {
  const code = evalCode(words, ctx.text);
  return code === null ? [] : unsetsInCode(code, (words[0] as Word).start, ctx);
}

/** The unsets of `code` (as `unset` and `unset-computed` events at `at`), bash parses and runs it
 * there: an `eval`'s, an alias's. Code that does not parse unsets nothing bash would run. */
function unsetsInCode(code: string, at: number, ctx: WordCtx): Event[] {
  if (!/\bunset\b/.test(code)) return [];
  let file: File;
  try {
    file = parse(code, { dialect: ctx.bash ? 'bash' : 'posix' });
  } catch (err) {
    if (err instanceof ParseError) return [];
    throw err;
  }
  const out: Event[] = [];
  const take = (events: readonly Event[]): void => {
    for (const e of events) {
      if (e.kind === 'region' && e.shape !== 'subshell' && e.shape !== 'function') take(e.events);
      else if (e.kind === 'unset' || e.kind === 'unset-computed') out.push({ ...e, start: at, end: at });
    }
  };
  take(collectEvents(file, code, { bats: ctx.bats, probes: false }).events);
  return out;
}

/** The code `eval WORDS` runs, with each expansion of the words kept as that expansion: bash
 * removes one level of quotes and escapes, expands, joins the words with spaces and parses the
 * result, and an expansion `$name` kept in the code stands for what it gives. One that would land
 * inside the code's own single quotes (`eval "unset '$name'"`) is put between double quotes
 * there (`'"$name"'`), so the code still reads it as a value. Null for a `$'…'` string. */
function evalCode(words: readonly Word[], text: string): string | null {
  let code = '';
  // The code's own quoting where `code` ends: in single quotes, in double quotes, or neither.
  let quote: "'" | '"' | null = null;
  const literal = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const c = s[i] as string;
      if (quote === "'") {
        if (c === "'") quote = null;
      } else if (c === '\\') i++;
      else if (c === quote) quote = null;
      else if (quote === null && (c === "'" || c === '"')) quote = c;
    }
    code += s;
  };
  const expansion = (s: string): void => {
    code += quote === "'" ? `'"${s}"'` : s;
  };
  const add = (parts: readonly WordPart[], quoted: boolean): boolean => {
    for (const p of parts) {
      if (p.type === 'Lit') literal(quoted ? unescapeDoubleQuoted(p.value) : unescapeUnquoted(p.value));
      else if (p.type === 'SglQuoted') {
        if (p.dollar) return false;
        literal(p.value);
      } else if (p.type === 'DblQuoted') {
        if (!add(p.parts, true)) return false;
      } else expansion(text.slice(p.start, p.end));
    }
    return true;
  };
  for (const [k, w] of words.entries()) {
    if (k > 0) literal(' ');
    if (!add(w.parts, false)) return null;
  }
  return code;
}

/** `local x\r` on a CRLF line, as a shell that ignores `\r` reads it (withoutLineEndCR): the
 * declaration of x with no value. Null for any other argument. */
function declaredBeforeCR(a: Assign): Assign | null {
  const word = a.naked && !a.name && a.value?.parts.length === 1 ? withoutLineEndCR([a.value])?.[0] : undefined;
  const only = word?.parts[0];
  if (only?.type !== 'Lit' || word?.parts.length !== 1 || !isVariableName(only.value)) return null;
  return { ...a, name: only, value: null };
}

/** The variable a command word is, alone: `$cmd`, `"$cmd"`, `${cmd}`, `"$@"`, `$1`,
 * `${cmd:-make}` (with its literal default). */
export function commandVariable(word: Word): { name: string; fallback: string | null } | null {
  const p = loneParam(word);
  if (!p || p.excl || p.length || p.index || p.slice || p.repl) return null;
  if (!p.exp) return { name: p.param.value, fallback: null };
  if (p.exp.op !== ':-' && p.exp.op !== '-') return null;
  const fallback = p.exp.word ? wordText(p.exp.word) : '';
  return fallback === null ? null : { name: p.param.value, fallback };
}

/** Names bash accepts for a function and a script is likely to use. */
function isFunctionName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_:.@+-]*$/.test(name);
}

function walkDecl(cmd: DeclClause, ctx: WordCtx): void {
  ctx.assoc.declare(cmd);
  const variant = cmd.variant.value;
  const flags = cmd.args
    .filter((a) => a.naked && !a.name)
    .map((a) => wordText(a.value ?? undefined) ?? '')
    .filter((t) => t.startsWith('-'))
    .join('');
  const functions = /[fF]/.test(flags);
  // `declare -p` with no name, or `declare` and `typeset` alone, print every variable set: one
  // the block sets would be among them.
  if (
    (/p/.test(flags) || cmd.args.length === 0) &&
    !functions &&
    (variant === 'declare' || variant === 'typeset') &&
    cmd.args.every((a) => a.naked && !a.name)
  )
    ctx.region.events.push({
      kind: 'set-test',
      name: '*',
      start: cmd.start,
      end: cmd.end,
      how: `\`${variant}${flags ? ` ${flags}` : ''}\``,
    });
  const option = withPlace(ctx, 'argument');
  for (const arg of cmd.args) {
    const a = arg === cmd.args[cmd.args.length - 1] ? (declaredBeforeCR(arg) ?? arg) : arg;
    if (a.naked && !a.name) {
      walkWord(a.value, option);
      // `export "$name"=value`: assigns a variable whose name is computed.
      if (
        !functions &&
        a.value &&
        wordText(a.value) === null &&
        a.value.parts.some((p) => p.type === 'Lit' && p.value.includes('='))
      ) {
        ctx.region.events.push({
          kind: 'opaque',
          what: `\`${variant}\` with a computed name`,
          start: a.start,
          end: a.end,
        });
      }
      continue;
    }
    if (functions || !a.name) {
      ctx.assoc.skip(a);
      // `export -f f`: a child bash may run f later, with any arguments.
      if (functions && variant === 'export' && a.name)
        ctx.region.events.push(laterCall(a.name.value, a.start, a.end, 0, 'export'));
      continue;
    }
    const name = a.name.value;
    ctx.region.events.push({
      kind: 'declare',
      name,
      start: a.start,
      end: a.end,
      flags: `${variant} ${flags}`.trim(),
      valued: !a.naked,
      emptyArray: !a.naked && !a.append && a.array !== null && a.array.elems.length === 0,
    });
    if (a.naked) {
      // `declare -p NAME` fails when NAME is unset: a test of set-ness.
      if (/p/.test(flags) && (variant === 'declare' || variant === 'typeset')) {
        ctx.region.events.push({ kind: 'set-test', name, start: a.start, end: a.end, how: `${variant} -p` });
      } else if (variant === 'export' || (/x/.test(flags) && (variant === 'declare' || variant === 'typeset'))) {
        // `export NAME` passes NAME on only when it is set (see SetTest.whereUnset).
        ctx.region.events.push({
          kind: 'set-test',
          name,
          start: a.start,
          end: a.end,
          how: `\`${variant} ${name}\``,
          whereUnset: 'export',
        });
      }
    }
    walkAssign(a, ctx, 'declaration', true);
  }
}

/** True when the text just before `pos` (blanks skipped) is a quote: a `let 'x = y'` argument,
 * which the shell passes to let unexpanded, or a `let "x = y"` one, which the parser reads as
 * arithmetic only while it holds no `$`; a rewrite in either would not mean the same. */
function quotedLetArg(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return text[i] === "'" || text[i] === '"';
}

/** `while true`, `while :`, `until false`: the loop is left only by `break` (or exit). */
function isConstantCondition(cond: readonly Stmt[], want: boolean): boolean {
  const last = cond[cond.length - 1];
  if (cond.length !== 1 || !last || last.negated || last.cmd?.type !== 'CallExpr' || last.cmd.args.length !== 1)
    return false;
  const t = wordText(last.cmd.args[0]);
  return want ? t === 'true' || t === ':' : t === 'false';
}

function isCatchAll(w: Word): boolean {
  const only = w.parts.length === 1 ? w.parts[0] : undefined;
  return only?.type === 'Lit' && only.value === '*';
}

const IMPOSSIBLE: readonly Fact[] = [{ kind: 'impossible' }];

/** conditionFacts, and what guards.ts leaves to this file: `true` / `:` never fail and `false`
 * never passes; `declare -p NAME` passes only when NAME is set. */
function factsOf(stmts: readonly Stmt[]): ConditionFacts {
  const last = stmts[stmts.length - 1];
  const cmd = last?.cmd;
  // `while read -r line <&3`, `if read -r pid < "$f"`: a builtin that succeeded ran, and assigned
  // what it assigns, though a failing redirection may keep it from running (mayNotRun).
  const ran = last && !last.negated && mayNotComplete(last) ? assignedWhenRun(last) : null;
  if (ran !== null) {
    const rest = conditionFacts(stmts);
    return { whenTrue: [...rest.whenTrue, ...ran], whenFalse: rest.whenFalse };
  }
  // A redirection that may fail makes the command fail (mayFail says which may).
  if (!last || last.redirs.some(mayFail)) return conditionFacts(stmts);
  let out: ConditionFacts | null = null;
  if (cmd?.type === 'CallExpr' && cmd.assigns.length === 0 && cmd.args.length === 1) {
    const name = wordText(cmd.args[0]);
    if (name === 'true' || name === ':') out = { whenTrue: [], whenFalse: IMPOSSIBLE };
    else if (name === 'false') out = { whenTrue: IMPOSSIBLE, whenFalse: [] };
  } else if (cmd?.type === 'DeclClause' && (cmd.variant.value === 'declare' || cmd.variant.value === 'typeset')) {
    // `declare -p X Y` fails when any of them is unset.
    const words = cmd.args.map((a) =>
      a.naked && !a.name ? wordText(a.value ?? undefined) : a.naked && a.name ? a.name.value : null,
    );
    const names = words.filter((w) => w !== '-p');
    if (words[0] === '-p' && names.length > 0 && names.every((n) => n !== null && isVariableName(n))) {
      out = { whenTrue: names.map((n) => ({ kind: 'set', name: n as string })), whenFalse: [] };
    }
  }
  if (!out) return conditionFacts(stmts);
  return last.negated ? { whenTrue: out.whenFalse, whenFalse: out.whenTrue } : out;
}

/** The variable a case word is, when it is only `$X`, `${X}`, `${X:-}` or `${X-}` (quoted or not). */
function caseSubject(word: Word): string | null {
  const v = commandVariable(word);
  return v !== null &&
    (isVariableName(v.name) || (isDigits(v.name) && v.name !== '0')) &&
    (v.fallback === null || v.fallback === '')
    ? v.name
    : null;
}

/** A case pattern that no empty word matches: it has a character besides `*` (a literal, `?`, a
 * bracket), with no extended glob and nothing expanded. */
function needsAChar(pattern: Word): boolean {
  let need = false;
  for (const p of pattern.parts) {
    if (p.type === 'Lit') {
      for (let k = 0; !need && k < p.value.length; k++) if (p.value.charCodeAt(k) !== 42 /* * */) need = true;
    } else if (p.type === 'SglQuoted' && !p.dollar) need ||= p.value !== '';
    else if (p.type === 'DblQuoted' && p.parts.every((q) => q.type === 'Lit'))
      need ||= p.parts.some((q) => q.type === 'Lit' && q.value !== '');
    else return false;
  }
  return need;
}

interface Getopts {
  readonly optstring: string;
  readonly name: string;
}

/** The `getopts OPTSTRING NAME` loop whose body is being walked (module state: the walk is
 * synchronous, and each loop restores the one around it). */
let getoptsLoop: Getopts | null = null;

/** `getopts 'ab:' opt` as the whole condition, with a literal option string. */
function getoptsOf(cond: readonly Stmt[]): Getopts | null {
  const last = cond.length === 1 ? cond[0] : undefined;
  if (
    !last ||
    last.negated ||
    last.cmd?.type !== 'CallExpr' ||
    last.cmd.args.length !== 3 ||
    wordText(last.cmd.args[0]) !== 'getopts'
  )
    return null;
  const optstring = wordText(last.cmd.args[1]);
  const name = nameOf(last.cmd.args[2]);
  return optstring !== null && name !== null ? { optstring, name } : null;
}

/** A case pattern for which getopts sets OPTARG: one option letter taking an argument (`b` in
 * `ab:`), or in silent mode (`:ab:`) a missing argument `:` or an unknown option `\?`, where
 * OPTARG holds the option letter. */
function takesArgument(g: Getopts, pattern: Word): boolean {
  const t = wordText(pattern);
  if (t === null || t.length !== 1) return false;
  if (t === ':' || t === '?') {
    // An unquoted `?` is a glob for any one character, options without an argument included.
    const only = pattern.parts.length === 1 ? pattern.parts[0] : undefined;
    const literal = t === ':' || (only?.type === 'Lit' ? only.value === '\\?' : only !== undefined);
    return g.optstring.startsWith(':') && literal;
  }
  const at = g.optstring.indexOf(t);
  return at !== -1 && g.optstring[at + 1] === ':';
}
