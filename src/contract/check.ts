// A script's contract against one place that runs it: the inputs it must have and does not get
// (errors: a required input, or one without a default, which stops the script under set -u as
// it stopped kata-cleanup), and what it is given but never reads (info: likely stale).

import type { Invocation } from './invocation.js';
import { need, type ScriptContract } from './script-contract.js';

export interface CheckFinding {
  readonly severity: 'error' | 'info';
  readonly name: string;
  readonly message: string;
  /** The manifest side: the invocation, or the setting that is never read. */
  readonly file: string;
  readonly line: number;
  /** The script side: the first read, when there is one. */
  readonly scriptLine?: number;
}

export function checkInvocation(contract: ScriptContract, inv: Invocation): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const set = new Map(inv.env.map((e) => [e.name, e]));
  const unknown = inv.unknownSources.length > 0 ? `; it may come from ${inv.unknownSources.join(', ')}` : '';
  for (const input of contract.inputs) {
    if (set.has(input.name)) continue;
    const kind = need(input);
    if (kind === 'optional') continue;
    const why =
      kind === 'required'
        ? 'the script requires it (it stops when it is unset or empty)'
        : 'it has no default, so under set -u the script stops when it reads it unset';
    findings.push({
      severity: unknown ? 'info' : 'error',
      name: input.name,
      file: inv.file,
      line: inv.line,
      scriptLine: input.line,
      message: `${inv.what} does not set ${input.name}, which ${contract.path} reads at line ${input.line}: ${why}${unknown}`,
    });
  }
  const read = new Set(contract.inputs.map((i) => i.name));
  for (const e of inv.env) {
    if (read.has(e.name) || e.viaEnvFrom) continue;
    findings.push({
      severity: 'info',
      name: e.name,
      file: e.file,
      line: e.line,
      message: `${inv.what} sets ${e.name}, which ${contract.path} never reads (stale?)`,
    });
  }
  return findings;
}
