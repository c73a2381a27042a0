// A script's environment contract: the variables it reads from its environment, where each is
// first read, its default if it has one, whether it is required, and whether the script tests it
// for set-ness. What a manifest that runs the script must (or need not) set.

import { analyseScript, inspectAnalysis, type ScriptAnalysis } from '../fix/index.js';
import type { File } from '../parse/index.js';
import { parse } from '../parse/index.js';
import type { FixOptions, InputVariable, ReferenceReport } from '../types/index.js';
import { isReachable, reachableWith } from './entry.js';

export interface ContractInput {
  readonly name: string;
  /** 1-based line of the first read. */
  readonly line: number;
  /** The default the script gives it (`${X:-v}`, `X="${X:-"v"}"`, `${X:=v}`, the env-init block,
   * configuration), quotes removed; for a computed one, its source text. */
  readonly default?: string;
  /** The default is an expansion (`${X:-$HOME}`, `${X:-$(hostname)}`) worked out at run time. */
  readonly computed?: boolean;
  /** The script stops when it is unset or empty (`${X:?}`, a destructive use, configuration). */
  readonly required: boolean;
  /** The script tests whether it is set, so an unset value is a case it handles. */
  readonly setTested: boolean;
  /** A read of it may stop the script under set -u when it is unset: one nounset fix rewrites or
   * covers with the env-init block (or cannot fix). A default read elsewhere does not help it. */
  readonly mayStop: boolean;
}

export interface ScriptContract {
  /** As given, relative to the working directory, with `/`. */
  readonly path: string;
  /** The arguments the contract is for (--entry, or what a manifest passes); absent: any. */
  readonly entry?: readonly string[];
  readonly inputs: readonly ContractInput[];
}

/** What a manifest must set for this input: `required` (stops without a value), `needed` (a read
 * of it may stop the script under set -u when it is unset: the reads `nounset fix` rewrites or
 * covers with the env-init block), or `optional`. */
export function need(input: ContractInput): 'required' | 'needed' | 'optional' {
  if (input.required) return 'required';
  return input.mayStop ? 'needed' : 'optional';
}

/** Reads the analysis finds unsafe (fix rewrites them or declares them) or cannot fix (review):
 * they stop the script when the variable is unset, so the contract counts them as needing a value. */
export function stops(r: ReferenceReport): boolean {
  return r.verdict === 'unsafe' || r.verdict === 'review';
}

function toInput(
  i: InputVariable,
  first: ReferenceReport | undefined,
  stopping: ReferenceReport | undefined,
): ContractInput {
  return {
    name: i.name,
    line: stopping?.line ?? first?.line ?? i.line,
    ...(i.default !== undefined ? { default: i.default } : {}),
    ...(i.computed ? { computed: true } : {}),
    required: i.required === true,
    setTested: i.setTested === true,
    mayStop: stopping !== undefined,
  };
}

/** The contract of the script at `path`; with `entry`, only the reads that can run when the
 * script is started with those arguments (entry.ts). Reads the script through the same analysis
 * as `nounset fix`: an input is needed exactly when fix would make one of its reads safe. */
export function scriptContract(
  path: string,
  text: string,
  options: Omit<FixOptions, 'path'> = {},
  entry?: readonly string[],
): ScriptContract {
  return contractWithReads(path, text, options, entry).contract;
}

/** The contract, and the reads it counts (reachable with `entry`), each with nounset's verdict. */
export function contractWithReads(
  path: string,
  text: string,
  options: Omit<FixOptions, 'path'> = {},
  entry?: readonly string[],
): { contract: ScriptContract; reads: readonly ReferenceReport[] } {
  const analysis = analyseScript(text, { ...options, path });
  const result = inspectAnalysis(text, analysis);
  const reach = entry === undefined ? null : reachableWith(syntaxTree(analysis, text, path), entry);
  const reads = reach === null ? result.references : result.references.filter((r) => isReachable(reach, r.start));
  const byName = new Map<string, ReferenceReport[]>();
  for (const r of reads) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const inputs: ContractInput[] = [];
  for (const i of result.inputs) {
    const mine = byName.get(i.name) ?? [];
    // With an entry, an input none of whose reads can run is no input of that entry.
    if (reach !== null && mine.length === 0) continue;
    // Reads after the env-init block are safe once it declares the name (the analysis leaves the
    // block's own assignments out, so it still calls them unsafe: the reads the block covers).
    const covered = i.defaultFrom === 'env-init-block';
    inputs.push(toInput(i, mine[0], covered ? undefined : mine.find(stops)));
  }
  return { contract: { path, ...(entry !== undefined ? { entry } : {}), inputs }, reads };
}

/** The tree the analysis parsed. A script it left alone has none: one that does not parse throws
 * its ParseError, and one written for another shell is parsed here as bash, as it was before the
 * analysis was shared. */
function syntaxTree(analysis: ScriptAnalysis, text: string, path: string): File {
  if (analysis.kind === 'ok') return analysis.file;
  if (analysis.error) throw analysis.error;
  return parse(text, { dialect: analysis.dialect, path });
}
