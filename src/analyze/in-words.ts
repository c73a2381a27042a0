// Lists in reasons and diagnostics: a reviewer reads the first few items, then a count. A function
// called from 1,816 lines, or an `eval` before 300 reads, would otherwise give every reason or
// warning a paragraph of names.

/** Items shown before "and N more". */
const SHOWN = 5;

/** `a, b, c`; past six items `a, b, c, d, e and 12 more`. `lastAnd`: `a, b and c` for a short list. */
export function listInWords(items: readonly string[], lastAnd = false): string {
  if (items.length > SHOWN + 1) return `${items.slice(0, SHOWN).join(', ')} and ${items.length - SHOWN} more`;
  if (lastAnd && items.length > 1) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return items.join(', ');
}
