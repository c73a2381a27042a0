// `nounset contract`: the environment contract of each script found under the paths and, with
// check files, each place those files run a script, checked against its contract.

import { basename, relative, resolve } from 'node:path';
import { checkInvocation, type CheckFinding } from '../contract/check.js';
import { composeInvocations } from '../contract/compose.js';
import { dockerfileInvocations } from '../contract/dockerfile.js';
import type { Invocation } from '../contract/invocation.js';
import { k8sInvocations } from '../contract/k8s.js';
import { scriptContract, type ScriptContract } from '../contract/script-contract.js';
import { workflowInvocations } from '../contract/workflow.js';
import { child, readYaml, type YamlFile } from '../contract/yaml-doc.js';
import { UsageError } from '../errors.js';
import type { FixOptions } from '../result.js';
import { describeIOError, type ScriptIO } from './io.js';
import { planRun } from './plan-run.js';

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

/** The script of `contracts` a word in a command names: through --map, else by path or basename. */
function scriptMatcher(contracts: readonly ScriptContract[], map: Readonly<Record<string, string>>): (word: string) => ScriptContract | undefined {
  return (word) => {
    for (const [from, to] of Object.entries(map)) {
      if (word === from || word.startsWith(`${from.replace(/\/$/, '')}/`)) {
        const repoPath = `${to.replace(/\/$/, '')}${word.slice(from.replace(/\/$/, '').length)}`.replace(/^\.\//, '');
        const hit = contracts.find((c) => c.path === repoPath || c.path === to);
        if (hit) return hit;
      }
    }
    const plain = word.replace(/^\.\//, '');
    return contracts.find((c) => c.path === plain) ?? contracts.find((c) => basename(c.path) === basename(plain));
  };
}

function readText(io: ScriptIO, cwd: string, file: string): string {
  try {
    return io.readFile(resolve(cwd, file));
  } catch (err) {
    throw new UsageError(`${file}: cannot read: ${describeIOError(err)}`);
  }
}

export function runContract(paths: readonly string[], options: ContractOptions, io: ScriptIO): ContractRun {
  const contracts: ScriptContract[] = [];
  const sources = new Map<string, { text: string; fix: Omit<FixOptions, 'path'> }>();
  const problems: { path: string; error: string }[] = [];
  for (const planned of planRun(paths, { cwd: options.cwd, fix: options.fix }, io)) {
    if (!('task' in planned)) {
      problems.push({ path: planned.result.path, error: planned.result.error ?? 'could not be processed' });
      continue;
    }
    const { path, fix } = planned.task;
    try {
      const text = io.readFile(resolve(options.cwd, path));
      sources.set(path, { text, fix });
      contracts.push(scriptContract(path, text, fix, options.entry));
    } catch (err) {
      problems.push({ path, error: describeIOError(err) });
    }
  }
  /** A script's contract for the arguments a place passes it. */
  const forArgs = (c: ScriptContract, args: readonly string[]): ScriptContract => {
    const src = sources.get(c.path);
    return src ? scriptContract(c.path, src.text, src.fix, args) : c;
  };
  const checked: CheckedInvocation[] = [];
  const files = options.check ?? [];
  if (files.length > 0) {
    const find = scriptMatcher(contracts, options.map ?? {});
    const matches = (word: string): boolean => find(word) !== undefined;
    const yamls: YamlFile[] = [];
    const invocations: Invocation[] = [];
    for (const file of files) {
      const text = readText(io, options.cwd, file);
      const shown = relative(options.cwd, resolve(options.cwd, file)) || file;
      if (/(^|\/)(Dockerfile|Containerfile)[^/]*$|\.dockerfile$/i.test(file)) invocations.push(...dockerfileInvocations(shown, text, matches));
      else yamls.push(readYaml(shown, text));
    }
    const isCompose = (f: YamlFile): boolean => f.docs.some((d) => child(d, 'services') !== undefined);
    const isWorkflow = (f: YamlFile): boolean => f.docs.some((d) => child(d, 'jobs') !== undefined);
    const readEnvFile = (composeFile: string, envFile: string): { file: string; text: string } | null => {
      const abs = resolve(options.cwd, composeFile, '..', envFile);
      try {
        return { file: relative(options.cwd, abs), text: io.readFile(abs) };
      } catch {
        // A missing env_file leaves its variables unknown; the check says so.
        return null;
      }
    };
    invocations.push(...k8sInvocations(yamls.filter((f) => !isCompose(f) && !isWorkflow(f)), matches));
    invocations.push(...composeInvocations(yamls.filter(isCompose), matches, readEnvFile));
    invocations.push(...workflowInvocations(yamls.filter(isWorkflow), matches));
    for (const invocation of invocations) {
      // The place's own arguments decide what runs: `kata-deploy.sh reset` needs what reset reads.
      const contract = forArgs(find(invocation.script) as ScriptContract, invocation.args);
      checked.push({ invocation, contract, findings: checkInvocation(contract, invocation) });
    }
  }
  return { contracts, checked, problems };
}
