// The env-init block: one line per environment input, sorted, between marker comments, so a
// re-run finds it and updates it in place. Lines already in the block are kept as written.

import { BLOCK_BEGIN, BLOCK_END, type ExistingBlock } from '../analyze/block-site.js';
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

/** The whole block, each line ended by `eol`. */
export function renderBlock(c: BlockContent): string {
  const kept = new Map(c.existing?.entries.map((e) => [e.name, e.line]) ?? []);
  const lines = [c.existing?.header ?? BLOCK_BEGIN_LINE];
  for (const name of c.names) {
    lines.push(kept.get(name) ?? blockLine(name, { default: c.defaults[name], required: c.required.has(name) }));
  }
  lines.push(...(c.existing?.other ?? []), BLOCK_END_LINE);
  return lines.map((l) => l + c.eol).join('');
}

