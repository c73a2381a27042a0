// Edits written by hand for the output guard's tests (verify.test.ts, verify-local.test.ts): the
// shape the transforms give them, right or deliberately wrong.

import assert from 'node:assert/strict';
import type { Change, Edit } from '../../src/edit/edit.js';

/** An edit of `[start, end)` (a reference of X, unless `kind` says otherwise) made of `changes`. */
export function edit(start: number, end: number, changes: Change[], kind: Edit['kind'] = 'default-empty'): Edit {
  const variable = kind === 'env-init-block' ? null : 'X';
  return { start, end, changes, kind, variable, reason: 'test', transform: 'test' };
}

/** The edit the transform makes of the `nth` `$NAME` (or `${NAME}`) in `input`, with `before`
 * inserted at its start and `after` appended to its closing text. */
export function refEdit(
  input: string,
  ref: string,
  opts: { before?: string; after?: string; nth?: number } = {},
): Edit {
  let start = -1;
  for (let i = 0; i <= (opts.nth ?? 0); i++) start = input.indexOf(ref, start + 1);
  assert.ok(start >= 0, `${ref} is in the input`);
  const end = start + ref.length;
  const changes: Change[] = [];
  if (opts.before) changes.push({ start, end: start, text: opts.before });
  if (ref.startsWith('${')) changes.push({ start: end - 1, end: end - 1, text: `:-${opts.after ?? ''}` });
  else
    changes.push({ start: start + 1, end: start + 1, text: '{' }, { start: end, end, text: `:-}${opts.after ?? ''}` });
  return edit(start, end, changes);
}
