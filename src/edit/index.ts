// Edits: the Edit type and its order and conflict checks, applying them, the env-init block, and
// how a default is quoted in each context.

export { applyEdits } from './apply.js';
export {
  type Change,
  type Edit,
  type Finding,
  nestEdits,
  outermostEdits,
  renderSpan,
  sortEdits,
  type Transform,
} from './edit.js';
export { renderBlock } from './env-block.js';
export { isQuotableDefault, quoteDefault } from './quote.js';
