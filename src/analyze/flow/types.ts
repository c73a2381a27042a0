// What the flow analysis takes and gives: the script's model and how to load what it sources in,
// each read's status and the notes out.

import type { NounsetState, Read, Region, SetTest, Source, Write } from '../model.js';
import type { FlowPos, SetOrigin } from './positions.js';

export type ReadStatus = (
  | { readonly kind: 'set'; readonly origin: SetOrigin }
  /** `emptyArray`: the array is assigned, but maybe with no element 0. `killed`: some path to the
   * read unsets the variable (`unset`, `local`, a function that does), so a default at the top of
   * the script does not reach it. */
  | { readonly kind: 'unset'; readonly why: string; readonly emptyArray?: true; readonly killed?: true }
  /** `source`: the file not followed (or eval) that may have set it. */
  | { readonly kind: 'unknown'; readonly source: FlowPos }
) & {
  /** Whether `set -u` is on where the read runs, on every walk that reached it. */
  readonly nounset?: NounsetState;
};

/** A sourced file, loaded and modelled. */
export interface LoadedFile {
  readonly path: string;
  readonly text: string;
  readonly model: Region;
  readonly lineOf: (offset: number) => number;
}

export type SourceOutcome =
  | { readonly kind: 'file'; readonly file: LoadedFile }
  | { readonly kind: 'unresolved'; readonly reason: string };

export interface FlowInput {
  readonly model: Region;
  /** The path of the script, for sourced files' cycles. */
  readonly path: string;
  readonly lineOf: (offset: number) => number;
  /** Names the shell sets before the script starts. */
  readonly initiallySet: (name: string) => boolean;
  /** Whether `set -u` is on when the script starts (`unknown` for a library whose callers are not
   * known). */
  readonly nounsetAtStart?: NounsetState;
  /** Writes the walk leaves out (the env-init block's own lines). */
  readonly ignoreWrite: (w: Write) => boolean;
  /** Resolves and loads the file a `source` names; `from` is the file holding it. */
  readonly loadSource: (source: Source, from: string) => SourceOutcome;
  /** A Bats file: `setup` runs before each test. */
  readonly bats: boolean;
  /** What decides the state a walk starts from (the dialect, what the shell sets, whether set -u
   * is on): library summaries are shared between analyses with the same key; none without one. */
  readonly stateKey?: string;
  /** Other files may source this one and call its functions with any arguments. */
  readonly library?: boolean;
}

export interface FlowNote {
  readonly start: number;
  readonly end: number;
  readonly code:
    | 'source-followed'
    | 'source-not-followed'
    | 'function-not-called'
    | 'computed-call'
    | 'opaque-assignment';
  readonly message: string;
  /** For source-not-followed and opaque-assignment: the names read after it that it may set. */
  readonly names?: string[];
  /** For opaque-assignment: the command, in words (`eval`, `export "$name"=…`), for reasons. */
  readonly what?: string;
}

export interface FlowResult {
  readonly status: Map<Read, ReadStatus>;
  readonly notes: FlowNote[];
  /** "line N" (or "line N of lib.sh") for a position a ReadStatus holds. */
  readonly lineAt: (pos: FlowPos) => string;
  /** Names a sourced file tests for set or unset (`${X+x}`, `[[ -v X ]]`): the env-init block's
   * empty default would change what it does. */
  readonly setTestedInSources: ReadonlySet<string>;
  /** Names that an `export NAME` without a value, or an append to an array, in the script's own
   * code may find unset: the block would pass them on, empty, to the commands the script runs,
   * or give the array an empty element 0. */
  readonly testedWhereUnset: ReadonlyMap<string, SetTest>;
}
