// `nounset contract`: the environment contract of each script found under the paths and, with
// check files, each place those files run a script, checked against its contract.

import { resolve } from 'node:path';
import type { Invocation } from '../contract/index.js';
import { type CheckFinding, checkInvocation, type ScriptContract, scriptContract } from '../contract/index.js';
import type { ScriptIO } from '../io/index.js';
import type { FixOptions } from '../types/index.js';
import { planRun } from './plan-run.js';
import { readInvocations, scriptMatcher } from './read-manifests.js';
import { snapshotText } from './snapshot.js';
import { snapshotSources } from './source-reader.js';

export interface ContractOptions {
  readonly cwd: string;
  readonly fix: Omit<FixOptions, 'path'>;
  /** Deployment files to check the scripts against. */
  readonly check?: readonly string[];
  /** CONTAINER_PATH → REPO_PATH: where a path in the files is found in the repository. */
  readonly map?: Readonly<Record<string, string>>;
  /** The arguments the listed contracts are for; checks use the arguments each place passes. */
  readonly entry?: readonly string[];
}

export interface CheckedInvocation {
  readonly invocation: Invocation;
  readonly contract: ScriptContract;
  readonly findings: readonly CheckFinding[];
}

export interface ContractRun {
  readonly contracts: readonly ScriptContract[];
  readonly checked: readonly CheckedInvocation[];
  /** Scripts that could not be read or analysed, with why. */
  readonly problems: readonly { readonly path: string; readonly error: string }[];
}

export function runContract(paths: readonly string[], options: ContractOptions, io: ScriptIO): ContractRun {
  const contracts: ScriptContract[] = [];
  const sources = new Map<string, { text: string; fix: Omit<FixOptions, 'path'> }>();
  const problems: { path: string; error: string }[] = [];
  const plan = planRun(paths, { cwd: options.cwd, fix: options.fix }, io);
  const readSource = snapshotSources(plan.snapshot, io, options.cwd).read;
  for (const planned of plan.files) {
    if (!('task' in planned)) {
      problems.push({ path: planned.result.path, error: planned.result.error ?? 'could not be processed' });
      continue;
    }
    const { path, fix } = planned.task;
    const text = snapshotText(plan.snapshot, resolve(options.cwd, path))?.text;
    if (text === undefined) continue;
    sources.set(path, { text, fix });
    contracts.push(scriptContract(path, text, { ...fix, readSource, sourceRoot: '.' }, options.entry));
  }
  /** A script's contract for the arguments a place passes it. */
  const forArgs = (c: ScriptContract, args: readonly string[]): ScriptContract => {
    const src = sources.get(c.path);
    return src ? scriptContract(c.path, src.text, { ...src.fix, readSource, sourceRoot: '.' }, args) : c;
  };
  const checked: CheckedInvocation[] = [];
  const files = options.check ?? [];
  if (files.length > 0) {
    const find = scriptMatcher(
      contracts.map((c) => c.path),
      options.map ?? {},
    );
    const byPath = new Map(contracts.map((c) => [c.path, c]));
    const invocations = readInvocations(files, options.cwd, (word) => find(word) !== undefined, io);
    for (const invocation of invocations) {
      // The place's own arguments decide what runs: `kata-deploy.sh reset` needs what reset reads.
      const contract = forArgs(byPath.get(find(invocation.script) as string) as ScriptContract, invocation.args);
      checked.push({ invocation, contract, findings: checkInvocation(contract, invocation) });
    }
  }
  return { contracts, checked, problems };
}
