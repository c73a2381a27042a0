// A pull request's review: the fixes on its changed lines and the contract findings, as text,
// rdjson, SARIF or GitHub's review request. Pure: review/ renders, github-api/ posts.

export { type ChangedFile, parseChangedLines } from './changed-lines.js';
export {
  type ChangedManifest,
  type CheckedPlace,
  type ContractReview,
  NO_CONTRACTS,
  reviewContracts,
} from './contract-review.js';
export { type FileReview, reviewFile } from './review-file.js';
export { renderRdjson, renderSarif } from './review-formats.js';
export { markerOf, type ReviewRequest, renderGithubReview, SUMMARY_MARKER } from './review-request.js';
export { renderReviewText } from './review-text.js';
