// `nounset contract` output: each script's contract as a Markdown table a person pastes into
// docs, or JSON; and the findings of --check, one line each.

import type { CheckFinding } from '../contract/index.js';
import { type ContractInput, need, type ScriptContract } from '../contract/index.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The default column: the value in code, a computed one marked so. */
function shownDefault(i: ContractInput): string {
  if (i.default === undefined) return '–';
  return `${fenced(cell(i.default))}${i.computed ? ' (computed)' : ''}`;
}

/** Inline code that the value's own backticks cannot close. */
function fenced(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const tick = '`'.repeat(longest + 1);
  return longest > 0 ? `${tick} ${s} ${tick}` : `${tick}${s}${tick}`;
}

export function renderContractMarkdown(contracts: readonly ScriptContract[]): string {
  return contracts
    .map((c) => {
      const head = `### \`${c.path}\`\n\n`;
      if (c.inputs.length === 0) return `${head}Reads no variable from its environment.\n`;
      const rows = c.inputs.map(
        (i) => `| \`${i.name}\` | ${i.line} | ${shownDefault(i)} | ${need(i)} | ${i.setTested ? 'yes' : 'no'} |`,
      );
      const must = c.inputs.filter((i) => need(i) !== 'optional').map((i) => `\`${i.name}\``);
      const note =
        must.length > 0
          ? `\nWhatever runs it must set ${must.join(', ')}: without a value the script stops under set -u.\n`
          : '\nEvery input has a default or is tested for set-ness.\n';
      return `${head}| variable | first read (line) | default | must be set | tested for set |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n${note}`;
    })
    .join('\n');
}

/** An input as JSON shows it: its fields and `need` (which says what `mayStop` would). */
function shownInput(i: ContractInput): object {
  const { mayStop: _, ...rest } = i;
  return { ...rest, need: need(i) };
}

export function renderContractJson(
  contracts: readonly ScriptContract[],
  findings?: readonly { what: string; file: string; line: number; script: string; findings: readonly CheckFinding[] }[],
): string {
  const doc = {
    version: 1,
    scripts: contracts.map((c) => ({ path: c.path, inputs: c.inputs.map((i) => shownInput(i)) })),
    ...(findings ? { checks: findings } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function renderCheckFindings(items: readonly { script: string; findings: readonly CheckFinding[] }[]): string {
  let out = '';
  for (const { script, findings } of items) {
    for (const f of findings)
      out += `${f.file}:${f.line}: ${f.severity}: ${f.message}${f.scriptLine !== undefined ? ` [${script}:${f.scriptLine}]` : ''}\n`;
  }
  return out;
}
