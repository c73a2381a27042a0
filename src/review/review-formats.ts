// A pull request review as reviewdog's rdjson and as SARIF 2.1.0: one diagnostic / result per
// edit nounset suggests (with the replacement), and one per diagnostic on the changed lines.
// Pure: returns documents, prints nothing.

import type { Diagnostic, EditReport } from '../result.js';
import { DIAGNOSTIC_MEANINGS, EXPLANATIONS } from '../report/explain.js';
import { docsUrl, README_URL } from './docs-url.js';
import { Fingerprints, lineText } from './fingerprint.js';
import { Positions } from './positions.js';
import type { FileReview } from './review-file.js';

/** An edit in a review: suggested with its replacement, or (nested in another) only reported. */
interface Finding {
  readonly edit: EditReport;
  /** False for an edit nested in another: the outer one's replacement already makes it. */
  readonly replaces: boolean;
}

function findings(file: FileReview): Finding[] {
  const out: Finding[] = [];
  if (file.block) out.push({ edit: file.block.edit, replaces: true });
  for (const s of file.suggestions) {
    for (const e of s.edits) out.push({ edit: e, replaces: !s.edits.some((o) => o !== e && o.start <= e.start && e.end <= o.end && o.end - o.start > e.end - e.start) });
  }
  return out.sort((a, b) => a.edit.start - b.edit.start || b.edit.end - a.edit.end);
}

/** What an edit does, in one line: the rewrite and why. */
export function describeEdit(e: EditReport): string {
  const what = e.kind === 'env-init-block' ? 'insert the env-init block' : `\`${e.before}\` → \`${e.after}\``;
  return `${what}: ${e.reason}`;
}

const RDJSON_SEVERITY: Record<Diagnostic['severity'], string> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/** reviewdog's Diagnostic Result (rdjson). */
export function renderRdjson(files: readonly FileReview[]): object {
  const diagnostics: object[] = [];
  for (const file of files) {
    const pos = new Positions(file.text);
    const range = (start: number, end: number): object => {
      const a = pos.at(start);
      const b = pos.at(end);
      return { start: { line: a.line, column: a.byteColumn }, end: { line: b.line, column: b.byteColumn } };
    };
    for (const { edit, replaces } of findings(file)) {
      diagnostics.push({
        message: describeEdit(edit),
        location: { path: file.path, range: range(edit.start, edit.end) },
        severity: 'WARNING',
        code: { value: edit.kind, url: docsUrl(edit.kind) },
        ...(replaces ? { suggestions: [{ range: range(edit.start, edit.end), text: edit.after }] } : {}),
      });
    }
    for (const d of file.diagnostics) {
      diagnostics.push({
        message: d.message,
        location: { path: file.path, range: { start: { line: d.line, column: byteColumn(file.text, pos, d) } } },
        severity: RDJSON_SEVERITY[d.severity],
        code: { value: d.code, url: docsUrl(d.code) },
      });
    }
  }
  return { source: { name: 'nounset', url: README_URL }, diagnostics };
}

function byteColumn(text: string, pos: Positions, d: Diagnostic): number {
  const from = pos.starts[d.line - 1] ?? text.length;
  return Buffer.byteLength(text.slice(from, from + d.column - 1)) + 1;
}

const SARIF_LEVEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, as GitHub code scanning takes it (github/codeql-action/upload-sarif). */
export function renderSarif(files: readonly FileReview[], tool: { version: string }): object {
  const rules = new Map<string, object>();
  const rule = (id: string, text: string): string => {
    if (!rules.has(id)) rules.set(id, { id, name: id, shortDescription: { text: id }, fullDescription: { text }, help: { text, markdown: `${text}\n\n[More](${docsUrl(id)})` }, helpUri: docsUrl(id) });
    return id;
  };
  const results: object[] = [];
  for (const file of files) {
    const pos = new Positions(file.text);
    const prints = new Fingerprints();
    const region = (start: number, end: number): object => {
      const a = pos.at(start);
      const b = pos.at(end);
      return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
    };
    const artifactLocation = { uri: file.path };
    for (const { edit, replaces } of findings(file)) {
      const ruleId = rule(edit.kind, EXPLANATIONS[edit.kind]);
      results.push({
        ruleId,
        level: 'warning',
        message: { text: describeEdit(edit) },
        locations: [{ physicalLocation: { artifactLocation, region: region(edit.start, edit.end) } }],
        partialFingerprints: { 'nounset/v1': prints.next([file.path, edit.kind, edit.variable ?? '', lineText(file.text, pos.starts, edit.line)]) },
        ...(replaces
          ? { fixes: [{ description: { text: edit.kind === 'env-init-block' ? 'insert the env-init block' : `rewrite ${edit.before} as ${edit.after}` }, artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region(edit.start, edit.end), insertedContent: { text: edit.after } }] }] }] }
          : {}),
      });
    }
    for (const d of file.diagnostics) {
      const ruleId = rule(d.code, DIAGNOSTIC_MEANINGS[d.code] ?? d.code);
      results.push({
        ruleId,
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region: { startLine: d.line, startColumn: d.column } } }],
        partialFingerprints: { 'nounset/v1': prints.next([file.path, d.code, lineText(file.text, pos.starts, d.line)]) },
      });
    }
  }
  const sortedRules = [...rules.values()].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'nounset', version: tool.version, informationUri: README_URL, rules: sortedRules } }, columnKind: 'utf16CodeUnits', results }],
  };
}
