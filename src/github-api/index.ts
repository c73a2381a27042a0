// The only code that talks to GitHub's API: posting a review.

export { type PostTarget, postReview } from './post-review.js';
