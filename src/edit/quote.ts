// Writing a configured default value into `${NAME:-value}` so that it expands to exactly that
// value in every quoting context (checked against bash and dash by test/edit/quote.test.ts).

import type { Quoting } from '../analyze/index.js';
import { isPlainValue } from '../analyze/index.js';

/** Characters whose meaning inside `${X:-…}` differs between bash and dash, or between double
 * quotes, here-documents and bare words: a value holding one is refused up front. */
const UNQUOTABLE = /['"}\\\n\r]/;

/** True when `value` can be written as a default in every context. */
export function isQuotableDefault(value: string): boolean {
  return !UNQUOTABLE.test(value);
}

/** The text to put after `:-` so the expansion yields `value`. Assumes isQuotableDefault. */
export function quoteDefault(value: string, quoting: Quoting): string {
  if (isPlainValue(value)) return value;
  const escaped = value.replace(/[$`]/g, '\\$&');
  // In a bare word, quotes also stop field splitting and globbing of the default.
  return quoting === 'unquoted' ? `"${escaped}"` : escaped;
}
