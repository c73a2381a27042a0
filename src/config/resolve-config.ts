// What a config says about one file: its top-level `exclude`, and its settings with the matching
// overrides applied in order.

import { isAbsolute, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ConfigOverride, ConfigSettings, LoadedConfig, ResolvedFileConfig } from './types.js';

/** The file's path relative to the config's directory with `/` separators, or null when the file
 * is outside it (the `ignore` package refuses `../` paths, and no glob there could mean it). */
function pathInConfigDir(loaded: LoadedConfig, absFile: string): string | null {
  const rel = relative(loaded.dir, absFile);
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return null;
  return rel.split(sep).join('/');
}

/** Each glob list compiled once: a fresh matcher costs ~15 times a match, and a run resolves
 * thousands of files. Keyed by the config's own arrays, it changes no answer and goes with them. */
const compiled = new WeakMap<readonly string[], Ignore>();

/** Gitignore semantics, as --exclude has them (find-scripts.ts): `*.sh` matches at any depth,
 * `scripts/**` under scripts/, and a later `!pattern` takes a file back. */
function matchesGlobs(globs: readonly string[], rel: string): boolean {
  let ig = compiled.get(globs);
  if (!ig) {
    ig = ignore().add([...globs]);
    compiled.set(globs, ig);
  }
  return ig.ignores(rel);
}

function appliesTo(override: ConfigOverride, rel: string): boolean {
  return matchesGlobs(override.files, rel) && !(override.excludeFiles && matchesGlobs(override.excludeFiles, rel));
}

function sorted(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

/** The settings for `absFile`: the top level, then each override that matches it in array order;
 * a later style or dialect wins, defaults merge by name (later wins), required and ignoreVars
 * add up. A file outside the config's directory gets the top level only. Pure. */
export function resolveFileConfig(loaded: LoadedConfig, absFile: string): ResolvedFileConfig {
  const rel = pathInConfigDir(loaded, absFile);
  const overrides = rel === null ? [] : (loaded.config.overrides ?? []).filter((o) => appliesTo(o, rel));
  const layers: ConfigSettings[] = [loaded.config, ...overrides];
  const out: ResolvedFileConfig = { defaults: {}, required: [], ignoreVars: [] };
  const defaults = new Map<string, string>();
  for (const layer of layers) {
    if (layer.style !== undefined) out.style = layer.style;
    if (layer.dialect !== undefined) out.dialect = layer.dialect;
    if (layer.sourcedUnknown !== undefined) out.sourcedUnknown = layer.sourcedUnknown;
    if (layer.guardDestructive !== undefined) out.guardDestructive = layer.guardDestructive;
    if (layer.keepLineNumbers !== undefined) out.keepLineNumbers = layer.keepLineNumbers;
    if (layer.bashVersion !== undefined) out.bashVersion = layer.bashVersion;
    if (layer.includeGenerated !== undefined) out.includeGenerated = layer.includeGenerated;
    for (const [name, value] of Object.entries(layer.defaults ?? {})) defaults.set(name, value);
  }
  // Sorted, so the same config gives byte-identical output whatever order the layers came in.
  out.defaults = Object.fromEntries([...defaults].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  out.required = sorted(layers.flatMap((l) => l.required ?? []));
  out.ignoreVars = sorted(layers.flatMap((l) => l.ignoreVars ?? []));
  return out;
}

/** True when the config's top-level `exclude` globs match `absFile`; never for a file outside the
 * config's directory. Pure. */
export function isExcludedByConfig(loaded: LoadedConfig, absFile: string): boolean {
  const exclude = loaded.config.exclude ?? [];
  const rel = pathInConfigDir(loaded, absFile);
  return exclude.length > 0 && rel !== null && matchesGlobs(exclude, rel);
}
