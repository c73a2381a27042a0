// Command-line options → the library's FixOptions. Part of the CLI: it only reshapes what yargs parsed.

import { UsageError } from '../errors.js';
import { dialectOption } from '../parse/index.js';
import type { FixOptions, FixStyle } from '../types/index.js';

export interface FixArgs {
  readonly style?: string;
  readonly dialect?: string;
  readonly default?: readonly string[];
  readonly require?: readonly string[];
  readonly ignoreVar?: readonly string[];
  readonly sourcedUnknown?: string;
  readonly guardDestructive?: boolean;
  readonly keepLineNumbers?: boolean;
  readonly bashVersion?: string;
  readonly includeGenerated?: boolean;
}

/** `NAME=value` pairs; the library checks that NAME is a variable name and value can be written. */
function parseDefaults(pairs: readonly string[]): Record<string, string> {
  const out = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--default wants NAME=value, got ${JSON.stringify(pair)}`);
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (out.has(name) && out.get(name) !== value)
      throw new UsageError(`--default ${name} given twice with different values`);
    out.set(name, value);
  }
  return Object.fromEntries(out);
}

/** Throws UsageError on a malformed `--default`. */
export function toFixOptions(args: FixArgs): Omit<FixOptions, 'path'> {
  const dialect = dialectOption(args.dialect);
  return {
    // Left out when not given, so a configuration file's style applies.
    ...(args.style ? { style: args.style as FixStyle } : {}),
    ...(dialect ? { dialect } : {}),
    defaults: parseDefaults(args.default ?? []),
    required: [...(args.require ?? [])],
    ignore: [...(args.ignoreVar ?? [])],
    ...(args.sourcedUnknown ? { sourcedUnknown: args.sourcedUnknown as 'inline' | 'leave' | 'input' } : {}),
    ...(args.guardDestructive ? { guardDestructive: true } : {}),
    ...(args.keepLineNumbers ? { keepLineNumbers: true } : {}),
    ...(args.bashVersion ? { bashVersion: args.bashVersion as '3.2' | '4.0' | '4.4' | '5' } : {}),
    ...(args.includeGenerated ? { includeGenerated: true } : {}),
  };
}
