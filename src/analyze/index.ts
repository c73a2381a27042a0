// The analysis' front door: a parsed script in, its plan out (which reads may be unset, how each
// is made safe, the inputs, the block site), and the few shell facts the layers above ask of it.
// Read-only: it never edits.

export { showsMacos } from './bash-target.js';
export { BLOCK_BEGIN, BLOCK_END, type ExistingBlock } from './block-site.js';
export { wordText } from './builtins.js';
export { type CodeQuoting, type DeferredCode, emptyCode, pushLiteral, pushValue } from './deferred-code.js';
export { probeAt } from './eval-probes.js';
export { listInWords } from './in-words.js';
export type { Quoting } from './model.js';
export {
  isFileDisabled,
  listGuard,
  type Plan,
  type PlannedRead,
  type PlanOptions,
  planFixes,
  readsLineNumbers,
  transformPrefix,
  wrapperOperator,
} from './plan.js';
export { isPlainValue, isVariableName } from './shell-vars.js';
export { sharedTree } from './sourced/index.js';
