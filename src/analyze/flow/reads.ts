// What a recording walk notes at each read: its status in the state the walk reached it with (the
// worst of all visits), and why an unset one may be unset, told only once the walks are done.

import { arrayKey, type NounsetState, type Read, readsArray } from '../model.js';
import { isDigits } from '../shell-vars.js';
import { type FlowContext, type Frame, nounsetIn, type RawStatus, statusIn } from './context.js';
import { originOf, SET_BY_SHELL } from './positions.js';
import type { State } from './state.js';
import type { ReadStatus } from './types.js';

/** $0 … $9, ${10}: all digits ($0 included, unlike shell-vars' isPositional). */
export const isPositional: (name: string) => boolean = isDigits;

/** Records a read the walk reached with state `s` (a recording walk only). */
export function recordRead(ctx: FlowContext, frame: Frame, read: Read, s: State): void {
  const reads = frame.reads;
  if (reads === null) return;
  const old = reads.get(read);
  const u = nounsetIn(ctx, s);
  const nounset = old === undefined || old.nounset === u ? u : 'unknown';
  // A read visited more than once (a loop body) keeps its worst verdict: nothing is worse than unset.
  if (old !== undefined && old.kind === 'unset') {
    old.nounset = nounset;
    return;
  }
  const st = readStatus(ctx, frame, read, s);
  if (!old || rank(st) < rank(old)) {
    st.nounset = nounset;
    reads.set(read, st);
  } else old.nounset = nounset;
}

/** A read's status as the walk finds it; an unset one tells why only when asked at the end
 * (building the words on every visit of every read cost more than the rest of the walk). */
function readStatus(ctx: FlowContext, frame: Frame, read: Read, s: State): RawStatus {
  const { ops, program } = ctx;
  const lineOf = ctx.input.lineOf;
  const name = read.name;
  const from = frame.from;
  if (isPositional(name)) {
    const n = Number(name);
    if (name === '0' || n <= s.argc) return { kind: 'set', at: SET_BY_SHELL };
    const argc = s.argc;
    return {
      kind: 'unset',
      why: () =>
        argc === 0
          ? `no argument $${name} is guaranteed on the path ${from.text} to line ${lineOf(read.start)}`
          : `only ${argc} argument${argc === 1 ? ' is' : 's are'} guaranteed on the path ${from.text} to line ${lineOf(read.start)}, not $${name}`,
    };
  }
  // `"$@"` and `$*`: bash before 4.1 stops on them when there is no argument (plan.ts asks only then).
  if (name === '@' || name === '*') {
    if (s.argc > 0) return { kind: 'set', at: SET_BY_SHELL };
    return {
      kind: 'unset',
      why: () => `no argument is guaranteed on the path ${from.text} to line ${lineOf(read.start)}`,
    };
  }
  // `${#a[@]}`, `${#a[i]}` need the array; every other read, its element 0 (see arrayKey).
  const array = arrayKey(name);
  const key = read.element ?? (readsArray(read) ? array : name);
  const st = statusIn(ctx, s, key);
  const i = program.table.id(key);
  if (st === 2) return { kind: 'set', at: ops.setAtOf(s, i) };
  if (st === 1) return { kind: 'unknown', source: ops.unknownSourceOf(s, i) };
  if (key === name && statusIn(ctx, s, array) === 2) {
    const at = ops.setAtOf(s, program.table.id(array));
    // In arithmetic a missing element of an array that is there reads as 0, even under set -u.
    if (read.node.type === 'ArithmVar') return { kind: 'set', at };
    return {
      kind: 'unset',
      emptyArray: true,
      why: () => {
        const origin = originOf(at);
        return `${name} is an array${origin.kind === 'assignment' ? ` assigned on ${program.lineAt(origin.at)}` : ''} that may have no element 0 (\`a=($(cmd))\`, \`read -a\`, \`mapfile\` give none when there is nothing to read), and \`$${name}\` and \`\${${name}[0]}\` stop on it under set -u; it is read on line ${lineOf(read.start)}`;
      },
    };
  }
  // The story of why the name is unset, told in words only if the read stays unset (most reads
  // are visited again, and found set on another path or pass).
  const story = ops.slotAt(s, i);
  const element = read.element;
  const why = element?.endsWith('[?]')
    ? () =>
        `the key of this element of ${name} is computed, so nounset cannot tell whether ${name} has it (bash stops on a missing key under set -u); it is read on line ${lineOf(read.start)}`
    : () => {
        const w = ops.wordsOf(story, i);
        if (w) return `${w}; it is read on line ${lineOf(read.start)}`;
        if (element !== null)
          return `${element} is read on line ${lineOf(read.start)} with no assignment of that key on the path ${from.text} (bash stops on a missing key under set -u)`;
        const writes = program.writesOf.get(name) ?? [];
        const later = writes.find((o) => o > read.end);
        const earlier = writes.filter((o) => o < read.start).pop();
        const tail =
          earlier !== undefined
            ? ` (its assignment on line ${lineOf(earlier)} does not reach here: it is in a subshell, a pipeline, a function not called first, or on another path)`
            : later !== undefined
              ? ` (it is assigned on line ${lineOf(later)}, after this read)`
              : '';
        return `${name} is read on line ${lineOf(read.start)} with no assignment on the path ${from.text}${tail}`;
      };
  return ops.isKilled(s, i) ? { kind: 'unset', why, killed: true } : { kind: 'unset', why };
}

const rank = (s: RawStatus): number => (s.kind === 'unset' ? 0 : s.kind === 'unknown' ? 1 : 2);

/** The statuses the last recording walks found, their reasons told. */
export function finishStatuses(ctx: FlowContext): Map<Read, ReadStatus> {
  const status = new Map<Read, ReadStatus>();
  for (const map of ctx.recorded.values()) {
    for (const [read, st] of map) {
      status.set(read, finished(st));
    }
  }
  return status;
}

/** A read's final status, built in one object. */
function finished(st: RawStatus): ReadStatus {
  const nounset = st.nounset;
  if (st.kind === 'set')
    return nounset === undefined
      ? { kind: 'set', origin: originOf(st.at) }
      : { kind: 'set', origin: originOf(st.at), nounset };
  if (st.kind === 'unknown')
    return nounset === undefined
      ? { kind: 'unknown', source: st.source }
      : { kind: 'unknown', source: st.source, nounset };
  const out: { kind: 'unset'; why: string; emptyArray?: true; killed?: true; nounset?: NounsetState } = {
    kind: 'unset',
    why: st.why(),
  };
  if (st.emptyArray) out.emptyArray = true;
  if (st.killed) out.killed = true;
  if (nounset !== undefined) out.nounset = nounset;
  return out;
}
