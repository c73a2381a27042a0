// The only code that talks to GitHub's API: posting a review.

export { postReview, type PostTarget } from './post-review.js';
