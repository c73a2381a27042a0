// A pull request review as reviewdog's rdjson and as SARIF 2.1.0: one diagnostic / result per
// edit nounset suggests (with the replacement), one per read on a changed line that the env-init
// block makes safe (located at the read, the block as its fix), one per diagnostic on the changed
// lines (its suggestion as the fix, when it has one), and one per contract finding (located in the
// manifest, the read as a related location). Pure: returns documents, prints nothing.

import { DIAGNOSTIC_MEANINGS, EXPLANATIONS } from '../report/index.js';
import type { Diagnostic, EditReport } from '../types/index.js';
import { type ContractReview, NO_CONTRACTS } from './contract-review.js';
import { docsUrl, README_URL } from './docs-url.js';
import { Fingerprints, lineText } from './fingerprint.js';
import { Positions } from './positions.js';
import type { FileReview } from './review-file.js';

/** An edit in a review: suggested with its replacement, or (nested in another) only reported.
 * A read the env-init block makes safe is reported where it is, with the block edit as its fix. */
interface Finding {
  readonly edit: EditReport;
  /** False for an edit nested in another: the outer one's replacement already makes it. */
  readonly replaces: boolean;
  /** Where the finding is, when not at the edit: the read. */
  readonly at?: {
    readonly start: number;
    readonly end: number;
    readonly line: number;
    readonly message: string;
    readonly variable: string;
  };
}

function findings(file: FileReview): Finding[] {
  const out: Finding[] = [];
  const b = file.block;
  if (b) {
    const where = b.isNew ? `above line ${b.firstLine}` : `at lines ${b.firstLine}-${b.lastLine}`;
    for (const r of file.reads)
      out.push({
        edit: b.edit,
        replaces: true,
        at: {
          start: r.start,
          end: r.end,
          line: r.line,
          variable: r.name,
          message: `\`$${r.name}\` may be unset here: ${r.reason}; the fix is the env-init block ${where}`,
        },
      });
    // With no read on a changed line, the block stands for itself, where it goes.
    if (file.reads.length === 0) out.push({ edit: b.edit, replaces: true });
  }
  for (const s of file.suggestions) {
    for (const e of s.edits)
      out.push({
        edit: e,
        replaces: !s.edits.some(
          (o) => o !== e && o.start <= e.start && e.end <= o.end && o.end - o.start > e.end - e.start,
        ),
      });
  }
  const startOf = (f: Finding): number => f.at?.start ?? f.edit.start;
  return out.sort((a, b) => startOf(a) - startOf(b) || b.edit.end - a.edit.end);
}

const MISSING_INPUT = 'missing-input';
const MISSING_INPUT_TEXT =
  'A place that runs the script (a container, a compose service, a workflow step, a Dockerfile) does not set an input the script reads with no default on the way to what that place runs: under set -u the script stops there. Set it in the manifest, or give it a default in the script.';

/** What an edit does, in one line: the rewrite and why. */
export function describeEdit(e: EditReport): string {
  const what = e.kind === 'env-init-block' ? 'insert the env-init block' : `\`${e.before}\` → \`${e.after}\``;
  return `${what}: ${e.reason}`;
}

const RDJSON_SEVERITY: Record<Diagnostic['severity'], string> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/** reviewdog's Diagnostic Result (rdjson). */
export function renderRdjson(files: readonly FileReview[], contracts: ContractReview = NO_CONTRACTS): object {
  const diagnostics: object[] = [];
  for (const file of files) {
    const pos = new Positions(file.text);
    const range = (start: number, end: number): object => {
      const a = pos.at(start);
      const b = pos.at(end);
      return { start: { line: a.line, column: a.byteColumn }, end: { line: b.line, column: b.byteColumn } };
    };
    for (const { edit, replaces, at } of findings(file)) {
      diagnostics.push({
        message: at?.message ?? describeEdit(edit),
        location: { path: file.path, range: at ? range(at.start, at.end) : range(edit.start, edit.end) },
        severity: 'WARNING',
        code: { value: edit.kind, url: docsUrl(edit.kind) },
        ...(replaces ? { suggestions: [{ range: range(edit.start, edit.end), text: edit.after }] } : {}),
      });
    }
    for (const d of file.diagnostics) {
      const s = d.suggestion;
      diagnostics.push({
        message: d.message,
        location: {
          path: file.path,
          range: s ? range(s.start, s.end) : { start: { line: d.line, column: byteColumn(file.text, pos, d) } },
        },
        severity: RDJSON_SEVERITY[d.severity],
        code: { value: d.code, url: docsUrl(d.code) },
        ...(s ? { suggestions: [{ range: range(s.start, s.end), text: s.after }] } : {}),
      });
    }
  }
  for (const f of contracts.findings) {
    diagnostics.push({
      message: f.message,
      location: { path: f.location.path, range: { start: { line: f.location.line } } },
      severity: 'ERROR',
      code: { value: MISSING_INPUT, url: docsUrl(MISSING_INPUT) },
      related_locations: [
        {
          message: `the read of ${f.name} that stops the script`,
          location: { path: f.place.script, range: { start: { line: f.read.line } } },
        },
      ],
    });
  }
  return { source: { name: 'nounset', url: README_URL }, diagnostics };
}

function byteColumn(text: string, pos: Positions, d: Diagnostic): number {
  const from = pos.starts[d.line - 1] ?? text.length;
  return Buffer.byteLength(text.slice(from, from + d.column - 1)) + 1;
}

const SARIF_LEVEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note' };

/** A SARIF fix: one region of one file replaced. */
function replacement(artifactLocation: object, deletedRegion: object, text: string, description: string): object {
  return {
    description: { text: description },
    artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion, insertedContent: { text } }] }],
  };
}

/** SARIF 2.1.0, as GitHub code scanning takes it (github/codeql-action/upload-sarif). */
export function renderSarif(
  files: readonly FileReview[],
  tool: { version: string },
  contracts: ContractReview = NO_CONTRACTS,
): object {
  const rules = new Map<string, object>();
  const rule = (id: string, text: string): string => {
    if (!rules.has(id))
      rules.set(id, {
        id,
        name: id,
        shortDescription: { text: id },
        fullDescription: { text },
        help: { text, markdown: `${text}\n\n[More](${docsUrl(id)})` },
        helpUri: docsUrl(id),
      });
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
    for (const { edit, replaces, at } of findings(file)) {
      const ruleId = rule(edit.kind, EXPLANATIONS[edit.kind]);
      results.push({
        ruleId,
        level: 'warning',
        message: { text: at?.message ?? describeEdit(edit) },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: at ? region(at.start, at.end) : region(edit.start, edit.end),
            },
          },
        ],
        partialFingerprints: {
          'nounset/v1': prints.next([
            file.path,
            edit.kind,
            at?.variable ?? edit.variable ?? '',
            lineText(file.text, pos.starts, at?.line ?? edit.line),
          ]),
        },
        ...(replaces
          ? {
              fixes: [
                replacement(
                  artifactLocation,
                  region(edit.start, edit.end),
                  edit.after,
                  edit.kind === 'env-init-block'
                    ? 'insert the env-init block'
                    : `rewrite ${edit.before} as ${edit.after}`,
                ),
              ],
            }
          : {}),
      });
    }
    for (const d of file.diagnostics) {
      const ruleId = rule(d.code, DIAGNOSTIC_MEANINGS[d.code] ?? d.code);
      const s = d.suggestion;
      results.push({
        ruleId,
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: s ? region(s.start, s.end) : { startLine: d.line, startColumn: d.column },
            },
          },
        ],
        partialFingerprints: {
          'nounset/v1': prints.next([file.path, d.code, lineText(file.text, pos.starts, d.line)]),
        },
        ...(s
          ? {
              fixes: [
                replacement(
                  artifactLocation,
                  region(s.start, s.end),
                  s.after,
                  `print ${s.after} instead of ${s.before}`,
                ),
              ],
            }
          : {}),
      });
    }
  }
  const contractPrints = new Fingerprints();
  for (const f of contracts.findings) {
    results.push({
      ruleId: rule(MISSING_INPUT, MISSING_INPUT_TEXT),
      level: 'error',
      message: { text: f.message },
      locations: [
        { physicalLocation: { artifactLocation: { uri: f.location.path }, region: { startLine: f.location.line } } },
      ],
      relatedLocations: [
        {
          id: 1,
          message: { text: `the read of ${f.name} that stops the script` },
          physicalLocation: { artifactLocation: { uri: f.place.script }, region: { startLine: f.read.line } },
        },
      ],
      partialFingerprints: { 'nounset/v1': contractPrints.next([f.place.file, MISSING_INPUT, f.place.what, f.name]) },
    });
  }
  const sortedRules = [...rules.values()].sort((a, b) =>
    (a as { id: string }).id < (b as { id: string }).id ? -1 : 1,
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'nounset', version: tool.version, informationUri: README_URL, rules: sortedRules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
