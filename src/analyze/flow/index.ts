// The flow analysis' front door: analyzeFlow (analyze-flow.ts, which says how the parts fit), the
// types it takes and gives, and the memo it shares between analyses.

export { analyzeFlow } from './analyze-flow.js';
export { digestOf } from './digest.js';
export type { FlowPos } from './positions.js';
export { forgetSharedAnalyses, sharedLibrarySets } from './shared-libraries.js';
export { keptWalkReplays } from './source-cache.js';
export type { FlowInput, FlowNote, FlowResult, LoadedFile, ReadStatus, SourceOutcome } from './types.js';
