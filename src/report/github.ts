// `--format github`: GitHub Actions workflow commands, one per edit and per diagnostic, so they
// show as annotations on the pull request's files. Returns a string; prints nothing.

import type { RunResult } from '../run-result.js';

// Workflow-command escaping: the message escapes %, CR and LF; properties also `:` and `,`.
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(level: 'error' | 'warning' | 'notice', props: { file: string; line?: number; col?: number; title: string }, message: string): string {
  const parts = [`file=${escapeProperty(props.file)}`];
  if (props.line !== undefined) parts.push(`line=${props.line}`);
  if (props.col !== undefined) parts.push(`col=${props.col}`);
  parts.push(`title=${escapeProperty(props.title)}`);
  return `::${level} ${parts.join(',')}::${escapeData(message)}\n`;
}

/** One `::warning` per edit (what it changes and why), and one command per diagnostic at its level. */
export function renderGithub(run: RunResult): string {
  let out = '';
  for (const f of run.files) {
    if (f.status === 'error') out += command('error', { file: f.path, title: 'nounset: file-error' }, f.error ?? 'could not be processed');
    for (const e of f.status === 'changed' ? (f.result?.edits ?? []) : []) {
      const what = e.kind === 'env-init-block' ? 'insert the env-init block' : `${e.before} → ${e.after}`;
      out += command('warning', { file: f.path, line: e.line, col: e.column, title: `nounset: ${e.kind}` }, `${what}: ${e.reason}`);
    }
    for (const d of f.result?.diagnostics ?? []) {
      const level = d.severity === 'info' ? 'notice' : d.severity;
      out += command(level, { file: f.path, line: d.line, col: d.column, title: `nounset: ${d.code}` }, d.message);
    }
  }
  return out;
}
