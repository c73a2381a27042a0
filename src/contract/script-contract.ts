// A script's environment contract: the variables it reads from its environment, where each is
// first read, its default if it has one, whether it is required, and whether the script tests it
// for set-ness. What a manifest that runs the script must (or need not) set.

import type { FixOptions, InputVariable } from '../result.js';
import { parse } from '../parse/index.js';
import { inspectScript } from '../run/fix-script.js';
import { isReachable, reachableWith } from './entry.js';

export interface ContractInput {
  readonly name: string;
  /** 1-based line of the first read. */
  readonly line: number;
  /** The default the script gives it (`${X:-v}`, `X="${X:-v}"`, the env-init block, configuration). */
  readonly default?: string;
  /** The script stops when it is unset or empty (`${X:?}`, a destructive use, configuration). */
  readonly required: boolean;
  /** The script tests whether it is set, so an unset value is a case it handles. */
  readonly setTested: boolean;
}

export interface ScriptContract {
  /** As given, relative to the working directory, with `/`. */
  readonly path: string;
  /** The arguments the contract is for (--entry, or what a manifest passes); absent: any. */
  readonly entry?: readonly string[];
  readonly inputs: readonly ContractInput[];
}

/** What a manifest must set for this input: `required` (stops without a value), `needed` (no
 * default: under set -u an unset value stops the script), or `optional`. */
export function need(input: ContractInput): 'required' | 'needed' | 'optional' {
  if (input.required) return 'required';
  if (input.default === undefined && !input.setTested) return 'needed';
  return 'optional';
}

function toInput(i: InputVariable): ContractInput {
  return { name: i.name, line: i.line, ...(i.default !== undefined ? { default: i.default } : {}), required: i.required === true, setTested: i.setTested === true };
}

/** The contract of the script at `path`; with `entry`, only the reads that can run when the
 * script is started with those arguments (entry.ts). */
export function scriptContract(path: string, text: string, options: Omit<FixOptions, 'path'> = {}, entry?: readonly string[]): ScriptContract {
  const result = inspectScript(text, { ...options, path });
  if (entry === undefined) return { path, inputs: result.inputs.map(toInput) };
  const reach = reachableWith(parse(text, { dialect: result.dialect, path }), entry);
  const inputs: ContractInput[] = [];
  for (const i of result.inputs) {
    const first = result.references.find((r) => r.name === i.name && isReachable(reach, r.start));
    if (first) inputs.push({ ...toInput(i), line: first.line });
  }
  return { path, entry, inputs };
}
