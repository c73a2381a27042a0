// `--format github`: GitHub Actions workflow commands, one per edit and per diagnostic, so they
// show as annotations on the pull request's files. Returns a string; prints nothing.

import type { RunResult } from '../types/index.js';

// Workflow-command escaping: the message escapes %, CR and LF; properties also `:` and `,`.
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(
  level: 'error' | 'warning' | 'notice',
  props: { file: string; line?: number; col?: number; title: string },
  message: string,
): string {
  const parts = [`file=${escapeProperty(props.file)}`];
  if (props.line !== undefined) parts.push(`line=${props.line}`);
  if (props.col !== undefined) parts.push(`col=${props.col}`);
  parts.push(`title=${escapeProperty(props.title)}`);
  return `::${level} ${parts.join(',')}::${escapeData(message)}\n`;
}

type Level = 'error' | 'warning' | 'notice';

interface Annotation {
  readonly level: Level;
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
  readonly title: string;
  readonly message: string;
}

function annotations(run: RunResult): Annotation[] {
  const out: Annotation[] = [];
  for (const f of run.files) {
    if (f.status === 'error')
      out.push({
        level: 'error',
        file: f.path,
        title: 'nounset: file-error',
        message: f.error ?? 'could not be processed',
      });
    for (const e of f.status === 'changed' ? (f.result?.edits ?? []) : []) {
      const what = e.kind === 'env-init-block' ? 'insert the env-init block' : `${e.before} → ${e.after}`;
      out.push({
        level: 'warning',
        file: f.path,
        line: e.line,
        col: e.column,
        title: `nounset: ${e.kind}`,
        message: `${what}: ${e.reason}`,
      });
    }
    for (const d of f.result?.diagnostics ?? []) {
      out.push({
        level: d.severity === 'info' ? 'notice' : d.severity,
        file: f.path,
        line: d.line,
        col: d.column,
        title: `nounset: ${d.code}`,
        message: d.message,
      });
    }
  }
  return out;
}

/** GitHub shows this many annotations of each level per step; the rest would be dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

/** One `::warning` per edit (what it changes and why), and one command per diagnostic at its level.
 * With `limit`, at most that many per level; the rest come back as a Markdown table for the job's
 * step summary ($GITHUB_STEP_SUMMARY), so nothing is lost. */
export function renderGithub(run: RunResult, options: { limit?: number } = {}): { commands: string; overflow: string } {
  let commands = '';
  const rest: Annotation[] = [];
  const count: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const a of annotations(run)) {
    if (options.limit !== undefined && count[a.level] >= options.limit) {
      rest.push(a);
      continue;
    }
    count[a.level]++;
    commands += command(
      a.level,
      {
        file: a.file,
        ...(a.line !== undefined ? { line: a.line } : {}),
        ...(a.col !== undefined ? { col: a.col } : {}),
        title: a.title,
      },
      a.message,
    );
  }
  if (rest.length === 0) return { commands, overflow: '' };
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const rows = rest.map(
    (a) =>
      `| ${a.level} | \`${cell(a.file)}${a.line !== undefined ? `:${a.line}:${a.col ?? 1}` : ''}\` | ${cell(a.title.replace(/^nounset: /, ''))} | ${cell(a.message)} |`,
  );
  const overflow = `### nounset: ${rest.length} more finding(s)\n\nGitHub shows ${options.limit} annotations of each level per step; these did not fit.\n\n| level | where | kind | what and why |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`;
  return { commands, overflow };
}
