// `declare -A` names, learned by the walk that builds the model rather than by a walk of their
// own. A declaration counts wherever it stands, so the learner notes each name it said "no" for
// too early: then the caller walks once more with the full set (rare: declarations come first).

import type { DeclClause, Node } from '../parse/index.js';
import { forEachNode } from '../parse/index.js';
import { wordText } from './builtins.js';

/** The set of associative names as the walk sees it. */
export interface AssocNames {
  /** NAME was declared with `-A` (by any declaration in the file, in a complete set). */
  has(name: string): boolean;
  /** Learns from a declaration the walk has reached. */
  declare(cmd: DeclClause): void;
  /** Learns from a subtree the walk does not enter (it may still hold declarations). */
  skip(node: Node): void;
}

/** A learner: starts empty, grows as the walk goes. */
export interface AssocLearner extends AssocNames {
  /** Every declaration reached or skipped so far. */
  readonly names: ReadonlySet<string>;
  /** True when `has` said no for a name that was declared associative later in the walk. */
  answeredTooEarly(): boolean;
}

export function learnAssocNames(): AssocLearner {
  const names = new Set<string>();
  const missed = new Set<string>();
  return {
    names,
    has(name) {
      if (names.has(name)) return true;
      missed.add(name);
      return false;
    },
    declare: (cmd) => addAssocNames(cmd, names),
    skip: (node) =>
      forEachNode(node, (n) => {
        if (n.type === 'DeclClause') addAssocNames(n, names);
      }),
    answeredTooEarly() {
      for (const name of missed) if (names.has(name)) return true;
      return false;
    },
  };
}

/** A complete set, from a learner that finished a walk: answers only. */
export function knownAssocNames(names: ReadonlySet<string>): AssocNames {
  return { has: (name) => names.has(name), declare: () => {}, skip: () => {} };
}

/** A declaration with a `-A` option (alone or among others: `-rA`, `-Ag`) makes every name it
 * lists associative; the parser reads every subscript as arithmetic. `export -A` and `readonly -A`
 * make only a name given a `(…)` value associative (bash 5.2: `export -A b` leaves b a plain
 * variable, and a later `b=([k]=v)` makes it an indexed array). */
function addAssocNames(cmd: DeclClause, names: Set<string>): void {
  const assoc = cmd.args.some((a) => a.naked && !a.name && /^-[A-Za-z]*A/.test(wordText(a.value ?? undefined) ?? ''));
  if (!assoc) return;
  const onlyValued = cmd.variant.value === 'export' || cmd.variant.value === 'readonly';
  for (const a of cmd.args) if (a.name && (!onlyValued || a.array !== null)) names.add(a.name.value);
}
