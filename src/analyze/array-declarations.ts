// `local -a X` or `declare -A X` without a value leaves X unset, and bash 5.2 stops on a later
// `${#X[@]}` under set -u; `local -a X=()` gives 0. No rewrite of `${#X[@]}` keeps it the same,
// so the declaration is rewritten instead (declare-empty), where that is sure to change nothing
// else: in a function (`local` makes a new, unset variable; `=()` only makes it an empty array),
// or at the top level before anything in the file reads or assigns X. The declaration must run
// on every path to the read: it stands directly in the function body (or the top level), and
// nothing unsets X between.

import type { Declare, Event, Read, Region } from './model.js';

export interface EmptyArrayDeclaration {
  readonly decl: Declare;
  /** The `${#X[@]}` reads the edit makes safe. */
  readonly reads: readonly Read[];
}

const ARRAY_FLAG = /(?:^|\s)-[A-Za-z]*[aA]/;

/** `unsafe`: the `${#X[@]}` / `${#X[i]}` reads that may stop; `keep`: names whose declarations
 * stay as they are (the script tests whether X is set, and `=()` would change what such a test
 * says; or the env-init block gives X a value, which `export -a X=()` would empty). */
export function emptyArrayDeclarations(
  model: Region,
  unsafe: ReadonlySet<Read>,
  keep: (name: string) => boolean,
): EmptyArrayDeclaration[] {
  if (unsafe.size === 0) return [];
  const out: EmptyArrayDeclaration[] = [];
  const scopes: Region[] = [model];
  for (let scope = scopes.pop(); scope; scope = scopes.pop()) {
    // Every event of the scope in program order (nested functions are scopes of their own).
    const events: Event[] = [];
    const stack: Event[] = [...scope.events].reverse();
    for (let e = stack.pop(); e; e = stack.pop()) {
      if (e.kind === 'region') {
        if (e.shape === 'function') scopes.push(e);
        else for (let i = e.events.length - 1; i >= 0; i--) stack.push(e.events[i] as Event);
        continue;
      }
      events.push(e);
    }
    const direct = new Set(scope.events);
    for (const e of events) {
      if (e.kind !== 'declare' || e.valued || !direct.has(e) || !ARRAY_FLAG.test(e.flags) || keep(e.name)) continue;
      const name = e.name;
      const topLevel = scope.shape === 'script';
      if (
        topLevel &&
        events.some(
          (x) =>
            x.start < e.start &&
            (x.kind === 'read' || x.kind === 'write') &&
            (x.name === name || x.name === `${name}[@]`),
        )
      )
        continue;
      const reads: Read[] = [];
      for (const x of events) {
        if (x.start <= e.start) continue;
        // An unset, or another declaration, between: the rest is another story.
        if ((x.kind === 'unset' && x.name === name) || (x.kind === 'declare' && x.name === name)) break;
        if (x.kind === 'read' && x.name === name && unsafe.has(x)) reads.push(x);
      }
      if (reads.length > 0) out.push({ decl: e, reads });
    }
  }
  return out;
}
