// The options a caller gives fixScript, checked and filled in with their defaults: what the plan
// (analyze/) takes. A bad option is a UsageError that names it, before any parsing.

import type { PlanOptions } from '../analyze/index.js';
import { isVariableName } from '../analyze/index.js';
import { isQuotableDefault } from '../edit/index.js';
import { UsageError } from '../errors.js';
import type { FixOptions } from '../types/index.js';

/** Checks options a user typed; throws UsageError naming the bad one. */
export function planOptions(options: FixOptions): Omit<PlanOptions, 'dialect' | 'variant'> {
  const names = [...Object.keys(options.defaults ?? {}), ...(options.required ?? []), ...(options.ignore ?? [])];
  for (const n of names) if (!isVariableName(n)) throw new UsageError(`not a variable name: ${JSON.stringify(n)}`);
  for (const [n, v] of Object.entries(options.defaults ?? {})) {
    if (!isQuotableDefault(v))
      throw new UsageError(
        `default for ${n}: quotes, '}', backslashes and line breaks cannot be written the same way in every context; got ${JSON.stringify(v)}`,
      );
  }
  if (options.style !== undefined && options.style !== 'block' && options.style !== 'inline')
    throw new UsageError(`unknown style: ${String(options.style)}`);
  if (options.bashVersion !== undefined && !['3.2', '4.0', '4.4', '5'].includes(options.bashVersion))
    throw new UsageError(`unknown bashVersion: ${String(options.bashVersion)} (3.2, 4.0, 4.4 or 5)`);
  if (options.sourcedUnknown !== undefined && !['inline', 'leave', 'input'].includes(options.sourcedUnknown))
    throw new UsageError(`unknown sourcedUnknown: ${String(options.sourcedUnknown)} (inline, leave or input)`);
  return {
    style: options.style ?? 'block',
    // Looked up by the script's variable names: `$constructor` must not find Object's.
    defaults: Object.assign(Object.create(null) as Record<string, string>, options.defaults),
    required: [...(options.required ?? [])],
    ignore: [...(options.ignore ?? [])],
    path: options.path ?? '<stdin>',
    readSource: options.readSource,
    sourceRoot: options.sourceRoot,
    sourcedUnknown: options.sourcedUnknown ?? 'inline',
    guardDestructive: options.guardDestructive === true,
    keepLineNumbers: options.keepLineNumbers === true,
    ...(options.nounsetAtStart ? { nounsetAtStart: options.nounsetAtStart } : {}),
    ...(options.library !== undefined ? { library: options.library } : {}),
    ...(options.bashVersion !== undefined ? { bashVersion: options.bashVersion } : {}),
    ...(options.macosRun === true ? { macosRun: true } : {}),
    ...(options.lineReporters && options.lineReporters.length > 0 ? { lineReporters: options.lineReporters } : {}),
  };
}
