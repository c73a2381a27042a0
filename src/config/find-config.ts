// Finding the config that applies to a file: the nearest `.nounsetrc.json` or package.json with a
// `nounset` key, upward from the file's directory. The nearest wins whole; levels never merge (as
// in prettier), so a config reads the same wherever it is used from.

import { dirname, isAbsolute, join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { ScriptIO } from '../io/index.js';
import { parseJson, readIfPresent } from './read-config-file.js';
import { isExcludedByConfig } from './resolve-config.js';
import type { LoadedConfig } from './types.js';
import { validateConfig, validateConfigAt } from './validate-config.js';

export const RC_NAME = '.nounsetrc.json';

/** The config defined in `dir` itself, or null; throws ConfigError on a bad one. */
function configIn(io: ScriptIO, dir: string): LoadedConfig | null {
  const rcPath = join(dir, RC_NAME);
  const rcText = readIfPresent(io, rcPath);
  if (rcText !== null) {
    return { path: rcPath, dir, config: validateConfig(parseJson(rcText, rcPath), rcPath) };
  }
  const pkgPath = join(dir, 'package.json');
  const pkgText = readIfPresent(io, pkgPath);
  if (pkgText === null) return null;
  const pkg = parseJson(pkgText, pkgPath);
  // A package.json without the key is someone else's business: the search goes on upward.
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg) || !Object.hasOwn(pkg, 'nounset')) return null;
  const value = (pkg as Record<string, unknown>).nounset;
  return { path: pkgPath, dir, config: validateConfigAt(value, { path: pkgPath, key: 'nounset' }) };
}

/** Finds configs through the `io` given, remembering each directory's answer: a run asks for
 * thousands of files, mostly in a few directories. */
export class ConfigLoader {
  readonly #io: ScriptIO;
  /** Directory → the config that applies there (null: none up to the root), or the error its own file raised. */
  readonly #byDir = new Map<string, LoadedConfig | null | ConfigError>();

  constructor(io: ScriptIO) {
    this.#io = io;
  }

  /** The config for an absolute file path, or null when there is none up to the root; throws
   * ConfigError on a bad config file (the same error again for every file under it). */
  configFor(absFile: string): LoadedConfig | null {
    if (!isAbsolute(absFile)) throw new TypeError(`configFor wants an absolute path, got ${JSON.stringify(absFile)}`);
    return this.#forDir(dirname(absFile));
  }

  /** Whether the config for an absolute file path leaves it out of runs (its `exclude`). */
  excludes(absFile: string): boolean {
    const loaded = this.configFor(absFile);
    return loaded !== null && isExcludedByConfig(loaded, absFile);
  }

  #forDir(start: string): LoadedConfig | null {
    const visited: string[] = [];
    let found: LoadedConfig | null | ConfigError = null;
    for (let dir = start; ; dir = dirname(dir)) {
      const known = this.#byDir.get(dir);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(dir);
      try {
        found = configIn(this.#io, dir);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        found = err;
      }
      if (found !== null || dirname(dir) === dir) break;
    }
    for (const dir of visited) this.#byDir.set(dir, found);
    if (found instanceof ConfigError) throw found;
    return found;
  }
}
