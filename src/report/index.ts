// Renderings of results for a person or a tool: diffs, summaries, JSON, workflow commands,
// contracts, explanations. They return strings and print nothing.

export { colorDiff, wantColor } from './color-diff.js';
export { renderCheckFindings, renderContractJson, renderContractMarkdown } from './contract.js';
export { renderDiagnosticCounts } from './diagnostic-counts.js';
export { renderDiagnostic, renderFileDiagnostics } from './diagnostics.js';
export { unifiedDiff } from './diff.js';
export { diffFromEdits } from './edit-diff.js';
export {
  DIAGNOSTIC_MEANINGS,
  DOCS_BASE_URL,
  EDIT_KINDS,
  EXPLANATIONS,
  editKindPage,
  renderExplanation,
} from './explain.js';
export { renderInspectText } from './inspect-text.js';
export { groupByLines, outermost } from './line-groups.js';
export { renderParseSummary, summarizeParse } from './parse-summary.js';
export { renderRunJson } from './run-json.js';
export { renderChangedFile, renderRunSummary } from './run-summary.js';
export { ANNOTATIONS_PER_LEVEL, renderGithub } from './workflow-commands.js';
