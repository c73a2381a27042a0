// `nounset fix --defaults-from FILE…`: the values the files that run a script give its inputs
// become the defaults of its env-init block, so a path run without them (a cleanup job) gets what
// the deploy path was given instead of empty strings. Never a Secret's value; a value known only
// at run time (valueFrom, an expression) gives no default; values that differ between places are
// reported, not guessed.

import { isQuotableDefault } from '../edit/index.js';
import type { InputVariable } from '../types/index.js';
import type { EnvSetting, Invocation } from './invocation.js';

export interface ManifestDefaults {
  readonly defaults: Readonly<Record<string, string>>;
  /** Why a setting gave no default, one line each: `NAME: …`. */
  readonly notes: readonly string[];
}

const at = (e: EnvSetting): string => `${e.file}:${e.line}`;

/** The defaults for one script from the places that run it. With `inputs` (the script's inputs
 * as `nounset contract` lists them, read without configured defaults), only inputs are taken,
 * and one the script already defaults itself (`X="${X:-"false"}"`) keeps its own default. */
export function manifestDefaults(
  invocations: readonly Invocation[],
  inputs?: readonly InputVariable[],
): ManifestDefaults {
  const byInput = inputs ? new Map(inputs.map((i) => [i.name, i])) : null;
  const byName = new Map<string, EnvSetting[]>();
  for (const inv of invocations) {
    for (const e of inv.env) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  }
  // Keyed by variable names, which may be `__proto__` or `constructor`.
  const defaults: Record<string, string> = Object.create(null);
  const notes: string[] = [];
  for (const [name, settings] of [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // A name no shell variable can have (`MY-VAR`) is never one of the script's inputs.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const input = byInput?.get(name);
    // A setting the script never reads is no default of it (`contract --check` calls it stale).
    if (byInput && !input) continue;
    if (input?.default !== undefined && input.defaultFrom !== 'configuration') {
      const where =
        input.defaultFrom === 'env-init-block' ? 'its env-init block gives it' : 'the script gives it its own default,';
      notes.push(
        `${name}: ${where} ${JSON.stringify(input.default)}${input.computed ? ' (computed)' : ''}; the files' value is not taken (edit the default there)`,
      );
      continue;
    }
    const secret = settings.find((s) => s.secret);
    if (secret) {
      notes.push(`${name}: set from a Secret (${at(secret)}); its value is never copied into a script`);
      continue;
    }
    const literal = settings.filter((s) => s.value !== undefined);
    if (literal.length < settings.length) {
      const other = settings.find((s) => s.value === undefined) as EnvSetting;
      notes.push(
        `${name}: its value is known only at run time (${other.from ?? 'not literal'}, ${at(other)}); no default taken`,
      );
      continue;
    }
    const values = [...new Set(literal.map((s) => s.value as string))];
    if (values.length > 1) {
      notes.push(
        `${name}: the files give different values (${literal.map((s) => `${JSON.stringify(s.value)} at ${at(s)}`).join(', ')}); no default taken`,
      );
      continue;
    }
    const value = values[0] as string;
    if (!isQuotableDefault(value)) {
      notes.push(
        `${name}: ${JSON.stringify(value)} (${at(literal[0] as EnvSetting)}) holds a quote, '}', a backslash or a line break, which a default cannot hold the same way everywhere; no default taken`,
      );
      continue;
    }
    defaults[name] = value;
  }
  return { defaults, notes };
}
