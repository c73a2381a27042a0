// A readable summary of what the parser found in one script: every parameter expansion with its
// position, plus counts. Returns a string; prints nothing.

import type { File, ParamExp } from '../parse/index.js';
import { forEachNode, lineColumnAt, lineStarts } from '../parse/index.js';

export interface ParseSummary {
  readonly statements: number;
  readonly expansions: readonly {
    readonly line: number;
    readonly column: number;
    readonly text: string;
    readonly name: string;
  }[];
  readonly substitutions: number;
}

/** Counts statements and substitutions and lists parameter expansions in source order. */
export function summarizeParse(text: string, file: File): ParseSummary {
  const starts = lineStarts(text);
  let statements = 0;
  let substitutions = 0;
  const params: ParamExp[] = [];
  forEachNode(file, (node) => {
    if (node.type === 'Stmt') statements++;
    else if (node.type === 'CmdSubst' || node.type === 'ArithmExp' || node.type === 'ProcSubst') substitutions++;
    else if (node.type === 'ParamExp') params.push(node);
  });
  params.sort((a, b) => a.start - b.start);
  const expansions = params.map((pe) => ({
    ...lineColumnAt(starts, pe.start),
    text: text.slice(pe.start, pe.end),
    name: pe.param.value,
  }));
  return { statements, expansions, substitutions };
}

/** `path: dialect, N statements, ...` then one `line:col  name  text` row per expansion. */
export function renderParseSummary(path: string, dialect: string, s: ParseSummary): string {
  const rows = s.expansions.map((e) => {
    const at = `${e.line}:${e.column}`.padEnd(8);
    const shown = e.text.length > 60 ? `${e.text.slice(0, 57)}...` : e.text;
    return `  ${at} ${e.name.padEnd(24)} ${shown.replace(/\n/g, '\\n')}`;
  });
  const head = `${path}: ${dialect}, ${s.statements} statements, ${s.expansions.length} parameter expansions, ${s.substitutions} substitutions`;
  return `${[head, ...rows].join('\n')}\n`;
}
