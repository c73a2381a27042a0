// The pure engine: one script's text in, its fix, inspection or analysis out. Never touches the
// file system, console, clock or environment; run/ feeds it, contract/ and review/ read it.

export { analyseScript, type ScriptAnalysis } from './analyse-script.js';
export { fixAnalysis, fixScript } from './fix-script.js';
export { inspectAnalysis, inspectScript } from './inspect-script.js';
