// Reads whose value reaches a path argument of a destructive command: `rm -rf "$DIR/"`, or through
// assignments, `local dir="$1"; …; rm -rf "$dir/"`. For each: whether an empty value would make the
// command act on another path (`"$DIR/"` → `/`) rather than on none (`rm -rf ""` fails), and
// whether the script itself tests, replaces or hands on the value in that scope. plan.ts guards
// with `${X:?…}` only a dangerous use the script does not handle (docs/edits/require-nonempty.md).
//
// Names are followed within their scope: `local name` in a function makes that function's own
// variable, so another function's `name` is a different one; positional parameters belong to the
// function (or the top level) that reads them. Bash's dynamic scoping (a callee writing its
// caller's local) is not followed: a link missed only means a guard not added.

import type { Word } from '../parse/index.js';
import { GUARDS, loneParam } from './collect-words.js';
import { type Event, isLocalDeclaration, type Read, type Region, type Write } from './model.js';
import { isPositional } from './shell-vars.js';

export interface DestructiveUse {
  /** The command, as `rm` or `find -delete`. */
  readonly command: string;
  /** Offset of the read in the command's path argument. */
  readonly at: number;
  /** The path argument as written (`"$D/"`), and what an empty value of the read's own variable
   * makes of it (`/`; null when it leaves no path or the value comes through a variable). */
  readonly word: string;
  readonly emptied: string | null;
  /** The variable the value reaches the argument through (`dir`), or null for the argument's own read. */
  readonly via: string | null;
  /** An empty value gives another path (`"$D/"` → `/`, `"/srv/$N"` → `/srv/`, an unquoted `$D`
   * that vanishes from `find $D -delete`), not none (`rm -rf "$D"` → `rm -rf ""`). */
  readonly dangerous: boolean;
  /** Where the script tests, replaces or hands on a variable of the way in its scope (an offset,
   * and what it does there), or null. */
  readonly handled: { readonly at: number; readonly how: string } | null;
}

/** Every destructive use of the reads in `model`; empty (and no walk) when no read is in a
 * destructive argument. */
export function destructiveUses(model: Region, text: string, anyDestructive: boolean): Map<Read, DestructiveUse> {
  const uses = new Map<Read, DestructiveUse>();
  if (!anyDestructive) return uses;

  // ---- one walk: each read's and write's function, locals, calls of the file's functions ----
  // Each read's and write's function, by index (a Map of every read cost more than the rest).
  const reads: Read[] = [];
  const readFn: (Region | null)[] = [];
  const writes: Write[] = [];
  const writeFn: (Region | null)[] = [];
  const locals = new Map<Region, Set<string>>();
  const calls: { start: number; end: number; name: string }[] = [];
  const shifts = new Map<Region | null, number>();
  const stack: { r: Region; fn: Region | null }[] = [{ r: model, fn: null }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const fn = top.fn;
    for (const e of top.r.events as Event[]) {
      switch (e.kind) {
        case 'region':
          stack.push({ r: e, fn: e.shape === 'function' ? e : fn });
          break;
        case 'read':
          reads.push(e);
          readFn.push(fn);
          break;
        case 'write':
          writes.push(e);
          writeFn.push(fn);
          break;
        case 'declare':
          if (fn && isLocalDeclaration(e.flags)) (locals.get(fn) ?? locals.set(fn, new Set()).get(fn))?.add(e.name);
          break;
        case 'call':
          if (e.name !== null) calls.push({ start: e.start, end: e.end, name: e.name });
          break;
        case 'args':
          if (!shifts.has(fn)) shifts.set(fn, e.start);
          break;
        default:
          break;
      }
    }
  }
  const fnIds = new Map<Region | null, number>([[null, 0]]);
  const scopeOf = (fn: Region | null, name: string): string => {
    const owner = isPositional(name) || (fn !== null && locals.get(fn)?.has(name)) ? fn : null;
    let id = fnIds.get(owner);
    if (id === undefined) fnIds.set(owner, (id = fnIds.size));
    return `${id}:${name}`;
  };

  // ---- where each scoped variable is tested, guarded, replaced or handed to a function that tests it ----
  const handledAt = new Map<string, { at: number; how: string }>();
  const mark = (key: string, at: number, how: string): void => {
    const old = handledAt.get(key);
    if (!old || at < old.at) handledAt.set(key, { at, how });
  };
  const tests = (r: Read): boolean =>
    r.place === 'test' || r.place === 'test-argument' || r.place === 'case-word' || (r.op !== null && GUARDS.has(r.op));
  // Functions that test their arguments (`check_plugin() { [ -z "$1" ] && die …`): a value passed
  // to one counts as tested.
  const testers = new Set<string>();
  reads.forEach((r, i) => {
    const fn = readFn[i];
    if (fn?.name && (isPositional(r.name) || r.name === '#') && tests(r)) testers.add(fn.name);
  });
  // Calls are nested or apart: a sweep over reads in offset order keeps the calls open at each
  // read on a stack, innermost on top.
  const fileCalls = calls.filter((c) => testers.has(c.name)).sort((a, b) => a.start - b.start);
  const open: { end: number; name: string }[] = [];
  let next = 0;
  // Read indexes in offset order.
  const byStart = reads.map((_, i) => i).sort((a, b) => (reads[a] as Read).start - (reads[b] as Read).start);
  for (const i of byStart) {
    const r = reads[i] as Read;
    while (next < fileCalls.length && (fileCalls[next] as { start: number }).start < r.start)
      open.push(fileCalls[next++] as { end: number; name: string });
    while (open.length > 0 && (open[open.length - 1] as { end: number }).end < r.end) open.pop();
    const fn = readFn[i] ?? null;
    // Most reads neither test nor hand on: their scope's key is not built.
    if (r.op !== null && GUARDS.has(r.op)) mark(scopeOf(fn, r.name), r.start, `reads it as \`\${${r.name}${r.op}…}\``);
    else if (tests(r)) mark(scopeOf(fn, r.name), r.start, 'tests it');
    else if (r.place === 'argument' && open.length > 0)
      mark(
        scopeOf(fn, r.name),
        r.start,
        `passes it to ${(open[open.length - 1] as { name: string }).name}, which tests its arguments,`,
      );
    // `[ $# -lt 1 ]` tests every positional parameter of the scope.
    if (r.name === '#' && (r.place === 'test' || r.place === 'test-argument' || r.place === 'arithmetic'))
      mark(scopeOf(fn, '#'), r.start, 'tests $#');
  }
  for (const [fn, at] of shifts) mark(scopeOf(fn, '#'), at, 'shifts or sets the arguments');
  const handledOf = (fn: Region | null, name: string): { at: number; how: string } | null => {
    const own = handledAt.get(scopeOf(fn, name)) ?? null;
    const args = isPositional(name) ? (handledAt.get(scopeOf(fn, '#')) ?? null) : null;
    return own && args ? (own.at < args.at ? own : args) : (own ?? args);
  };
  const writesOf = new Map<string, Write[]>();
  writes.forEach((w, i) => {
    const key = scopeOf(writeFn[i] ?? null, w.name);
    (writesOf.get(key) ?? writesOf.set(key, []).get(key))?.push(w);
  });

  // ---- from each destructive argument back through the assignments that feed it ----
  const startOf = (k: number): number => (reads[byStart[k] as number] as Read).start;
  /** The indexes of the reads inside the write's text. */
  const readsIn = (w: Write): number[] => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (startOf(mid) < w.start) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < byStart.length && startOf(k) < w.end; k++) out.push(byStart[k] as number);
    return out;
  };
  const better = (a: DestructiveUse, b: DestructiveUse | undefined): boolean => !b || rank(a) > rank(b);
  const work: { fn: Region | null; name: string; use: DestructiveUse }[] = [];
  const seen = new Set<string>();
  const visit = (fn: Region | null, name: string, use: DestructiveUse): void => {
    const key = `${scopeOf(fn, name)}\0${use.dangerous}\0${use.handled === null}`;
    if (seen.has(key)) return;
    seen.add(key);
    work.push({ fn, name, use });
  };
  reads.forEach((r, i) => {
    if (r.destructive === null) return;
    const { command, word: pathWord } = r.destructive;
    const fn = readFn[i] ?? null;
    const word = text.slice(pathWord.start, pathWord.end);
    // `find $D -delete` with an empty, unquoted $D runs `find -delete`: on the current directory.
    const alone = loneParam(pathWord) === r.node;
    const emptied = alone
      ? r.quoting === 'unquoted' && command.startsWith('find')
        ? '.'
        : null
      : emptyText(text, pathWord, r);
    const use: DestructiveUse = {
      command,
      at: r.start,
      word,
      emptied,
      via: null,
      dangerous: emptied !== null,
      handled: handledOf(fn, r.name),
    };
    if (better(use, uses.get(r))) uses.set(r, use);
    visit(fn, r.name, use);
  });
  for (let item = work.pop(); item; item = work.pop()) {
    const own = writesOf.get(scopeOf(item.fn, item.name)) ?? [];
    for (const w of own) {
      if ((w.how !== 'assignment' && w.how !== 'declaration') || !w.value) continue;
      const again = own.find((o) => o !== w);
      const lone = loneParam(w.value as Word);
      for (const i of readsIn(w)) {
        const r = reads[i] as Read;
        if (r.name === item.name) continue;
        const fn = readFn[i] ?? null;
        const handled =
          item.use.handled ??
          handledOf(fn, r.name) ??
          (again ? { at: again.start, how: `assigns ${item.name} again` } : null);
        const use: DestructiveUse = {
          command: item.use.command,
          at: item.use.at,
          word: item.use.word,
          emptied: null,
          via: item.name,
          dangerous: item.use.dangerous || lone !== r.node,
          handled,
        };
        if (better(use, uses.get(r))) uses.set(r, use);
        visit(fn, r.name, use);
      }
    }
  }
  return uses;
}

/** The path word with the read taken out and its quotes dropped: what an empty value leaves
 * (`"$PREFIX/lib"` → `/lib`), or null when nothing is left. */
function emptyText(text: string, word: Word, read: Read): string | null {
  const rest = (text.slice(word.start, read.start) + text.slice(read.end, word.end)).replace(/["']/g, '');
  return rest === '' ? null : rest;
}

/** Of two uses of one read, the one that asks most: dangerous and not handled first. */
function rank(u: DestructiveUse): number {
  return (u.dangerous ? 2 : 0) + (u.handled === null ? 1 : 0);
}
