// Which functions of the program a command may run: its literal name, or for a computed name
// (`"$cmd"`, `"$@"`, `"cmd_$1"`) every function it can name, from what the variable is assigned,
// what the callers pass, or the pattern of the word.

import { firstFieldPattern, namePattern, wordText } from '../builtins.js';
import { commandVariable } from '../collect.js';
import { listInWords } from '../in-words.js';
import type { Call } from '../model.js';
import { type FlowContext, type Frame, note } from './context.js';
import { isPositional } from './reads.js';

/** The functions the call `e` may run; a computed one is noted. */
export function calleesOf(ctx: FlowContext, e: Call, frame: Frame): readonly string[] {
  const funcs = ctx.program.funcs;
  if (e.name !== null) {
    if (!funcs.has(e.name)) return NO_CALLEES;
    // One array per name, the one a computed call that may run only that function gets too: the
    // kills found for a list (walk-call.ts calleeKills) are kept by the array.
    let one = ctx.calleeLists.get(e.name);
    if (one === undefined) ctx.calleeLists.set(e.name, (one = [e.name]));
    return one;
  }
  const pattern = e.pattern;
  if (!pattern) return NO_CALLEES;
  const via = e.via;
  const forwards = via !== null && (isPositional(via.name) || via.name === '@' || via.name === '*');
  // What a computed call may run follows from the program alone (and, for `"$@"`, the function it
  // is in): found once per call, not on every walk that passes it.
  const key = forwards ? (frame.fn?.name ?? '') : '';
  let known = ctx.computedCallees.get(e);
  let out = known?.get(key);
  if (out === undefined) {
    let named: readonly string[] | null = null;
    if (forwards) named = frame.fn ? forwarded(ctx, frame.fn.name) : null;
    else if (via) {
      const split = via.split === true;
      const k = `${via.name}\0${via.fallback ?? ''}\0${split}`;
      named = ctx.runnable.get(k) ?? null;
      if (!ctx.runnable.has(k)) ctx.runnable.set(k, (named = runnableBy(ctx, via.name, via.fallback, split)));
    }
    const list =
      named === null
        ? [...patternCallees(ctx, pattern)]
        : named.filter((n) => funcs.has(n) && !(funcs.get(n) ?? []).every((d) => d.region.flag));
    // `$RUN f`: with RUN empty, or unset under `${RUN:-}` (as nounset may write it), f runs.
    if (e.next) for (const c of calleesOf(ctx, e.next, frame)) if (!list.includes(c)) list.push(c);
    const listKey = list.join('\0');
    out = ctx.calleeLists.get(listKey);
    if (out === undefined) ctx.calleeLists.set(listKey, (out = list));
    if (!known) ctx.computedCallees.set(e, (known = new Map()));
    known.set(key, out);
  } else if (e.next) {
    // The next word's callees are in the list found before; its own note is told on every walk
    // that tells notes, as this call's is, whichever walk met the call first.
    calleesOf(ctx, e.next, frame);
  }
  if (out.length > 0)
    note(ctx, frame, 'computed-call', e.start, () => ({
      end: e.end,
      message: `a computed command name may run ${out.length === funcs.size ? 'any function' : listInWords(out)}: ${out.length === 1 ? 'it is' : 'they are'} checked as called from here too`,
    }));
  return out;
}

const NO_CALLEES: readonly string[] = [];

/** The functions whose names match `pattern`, found once per program: every call with that
 * pattern may run the same functions (3,000 dispatchers `d() { "cmd_$1"; }` filtered the functions
 * each); a bats test is a function nothing can call by name. */
export function patternCallees(ctx: FlowContext, pattern: RegExp): readonly string[] {
  let byPattern = MATCHING.get(ctx.program);
  if (byPattern === undefined) MATCHING.set(ctx.program, (byPattern = new Map()));
  const key = `${pattern.flags}\0${pattern.source}`;
  let names = byPattern.get(key);
  if (names === undefined) {
    const funcs = ctx.program.funcs;
    names = [...funcs.keys()].filter((n) => pattern.test(n) && !(funcs.get(n) ?? []).every((d) => d.region.flag));
    byPattern.set(key, names);
  }
  return names;
}

const MATCHING = new WeakMap<object, Map<string, readonly string[]>>();

/** Functions a `"$@"` (or `$1`) run inside `fn` may be: the literal arguments its callers pass;
 * null when a caller passes a computed one, or nothing calls fn. */
function forwarded(ctx: FlowContext, fn: string): string[] | null {
  const calls = ctx.program.callsOf(fn);
  if (calls.length === 0 || calls.some((c) => c.dynArgs)) return null;
  return [...new Set(calls.flatMap((c) => c.litArgs))];
}

/** Functions `"$X"` may run: what X is assigned, as a pattern when computed; null when X is
 * also set by read, for, an array... A variable the file never assigns comes from outside and is
 * taken to name a command, not one of its functions. `split`: `$X` unquoted runs the first field
 * of the value (`RUN="f -v"` runs f); an empty one runs the next word (collect.ts). */
function runnableBy(ctx: FlowContext, name: string, fallback: string | null, split: boolean): string[] | null {
  const funcs = ctx.program.funcs;
  const field = (text: string): string => (split ? (text.trim().split(/[ \t\n]+/)[0] ?? '') : text);
  const out = new Set<string>();
  if (fallback !== null && funcs.has(field(fallback))) out.add(field(fallback));
  for (const { value } of ctx.program.writesNamed(name)) {
    if (!value) return null;
    // `X=${X:-make}`: the default is one more value.
    const self = commandVariable(value);
    const text = self && self.name === name ? self.fallback : wordText(value);
    if (text !== null) {
      if (funcs.has(field(text))) out.add(field(text));
    } else for (const n of patternCallees(ctx, split ? firstFieldPattern(value) : namePattern(value))) out.add(n);
  }
  return [...out];
}
