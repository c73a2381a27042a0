// A pull request's review: the fixes on its changed lines and the contract findings, as text,
// rdjson, SARIF or GitHub's review request. Pure: review/ renders, github-api/ posts.

export { parseChangedLines, type ChangedFile } from './changed-lines.js';
export {
  NO_CONTRACTS,
  reviewContracts,
  type ChangedManifest,
  type CheckedPlace,
  type ContractReview,
} from './contract-review.js';
export { reviewFile, type FileReview } from './review-file.js';
export { renderRdjson, renderSarif } from './review-formats.js';
export { markerOf, renderGithubReview, SUMMARY_MARKER, type ReviewRequest } from './review-request.js';
export { renderReviewText } from './review-text.js';
