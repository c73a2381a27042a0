// The env-init block: one line per environment input, sorted, between marker comments, so a
// re-run finds it and updates it in place. Lines already in the block are kept as written.

import { BLOCK_BEGIN, BLOCK_END, type ExistingBlock } from '../analyze/index.js';
import { quoteDefault } from './quote.js';

export const BLOCK_BEGIN_LINE = `${BLOCK_BEGIN}: environment inputs of this script (edit the defaults here)`;
export const BLOCK_END_LINE = BLOCK_END;

export interface BlockContent {
  /** Sorted, de-duplicated names. */
  readonly names: readonly string[];
  readonly defaults: Readonly<Record<string, string>>;
  readonly required: ReadonlySet<string>;
  readonly existing: ExistingBlock | null;
  readonly eol: string;
}

/** `NAME="${NAME:-}"`, `NAME="${NAME:-value}"`, or `: "${NAME:?NAME is not set}"` when required. */
export function blockLine(name: string, opts: { default?: string | undefined; required: boolean }): string {
  if (opts.required) return `: "\${${name}:?${name} is not set}"`;
  return `${name}="\${${name}:-${quoteDefault(opts.default ?? '', 'double')}}"`;
}

/** The whole block, each line ended by `eol`. An existing block keeps every line as written;
 * a new name goes in before the first entry that sorts after it. */
export function renderBlock(c: BlockContent): string {
  const line = (name: string): string => blockLine(name, { default: c.defaults[name], required: c.required.has(name) });
  if (!c.existing) return [BLOCK_BEGIN_LINE, ...c.names.map(line), BLOCK_END_LINE].map((l) => l + c.eol).join('');
  const known = new Set(c.existing.entries.map((e) => e.name));
  const added = c.names.filter((n) => !known.has(n));
  const out: string[] = [c.existing.header];
  for (const l of c.existing.lines) {
    const entry = c.existing.entries.find((e) => e.line === l);
    while (entry && added.length > 0 && (added[0] as string) < entry.name) out.push(line(added.shift() as string));
    out.push(l);
  }
  out.push(...added.map(line), c.existing.footer);
  return out.map((l) => l + c.eol).join('');
}
