// Unified diffs with `a/` and `b/` headers, as git writes them, so `git apply` takes them.

import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** The unified diff from `before` to `after` for `path` (use `/`, relative); '' when equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, '', '', { headerOptions: FILE_HEADERS_ONLY });
}
