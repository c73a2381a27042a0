// Checks a parsed config against the language schemas/nounsetrc.schema.json describes (a test
// runs both on one table of cases). Hand-written so that ajv stays a devDependency.

import { ConfigError } from '../errors.js';
import { closestKey } from './closest-key.js';
import type { NounsetConfig } from './types.js';

/** Where a value sits: the file, and the key path inside it (`overrides[1].style`). */
interface At {
  readonly path: string;
  readonly key: string;
}

/** Checks a value and returns it normalized; `undefined` leaves the key out of the result. */
type Check = (value: unknown, at: At) => unknown;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_RULE = 'letters, digits and _, not starting with a digit';

function fail(at: At, reason: string): never {
  throw new ConfigError({ path: at.path, key: at.key, reason });
}

function child(at: At, key: string | number): At {
  if (typeof key === 'number') return { path: at.path, key: `${at.key}[${key}]` };
  // A key that is not an identifier (a bad variable name, say) is quoted, so the path stays unambiguous.
  const part = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return { path: at.path, key: at.key ? `${at.key}${part}` : part.replace(/^\./, '') };
}

/** The value as a message shows it: primitives as JSON (long strings cut), else their kind. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 37)}..."` : json;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkString(value: unknown, at: At): string {
  if (typeof value !== 'string') fail(at, `must be a string, not ${shown(value)}`);
  return value;
}

function oneOf(choices: readonly string[]): Check {
  return (value, at) => {
    if (typeof value !== 'string' || !choices.includes(value)) {
      fail(at, `must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}, not ${shown(value)}`);
    }
    return value;
  };
}

function checkBoolean(value: unknown, at: At): boolean {
  if (typeof value !== 'boolean') fail(at, `must be true or false, got ${shown(value)}`);
  return value;
}

function checkName(value: unknown, at: At): string {
  const name = checkString(value, at);
  if (!NAME.test(name)) fail(at, `${JSON.stringify(name)} is not a valid variable name (${NAME_RULE})`);
  return name;
}

function checkNames(value: unknown, at: At): string[] {
  if (!Array.isArray(value)) fail(at, `must be an array of variable names, not ${shown(value)}`);
  return value.map((v, i) => checkName(v, child(at, i)));
}

function checkGlob(value: unknown, at: At): string {
  const glob = checkString(value, at);
  if (glob === '') fail(at, 'must not be an empty string');
  return glob;
}

function checkGlobArray(value: unknown, at: At): string[] {
  if (!Array.isArray(value)) fail(at, `must be an array of globs, not ${shown(value)}`);
  return value.map((v, i) => checkGlob(v, child(at, i)));
}

/** A glob or an array of globs, always returned as an array. */
function globOrGlobs(opts: { allowEmpty: boolean }): Check {
  return (value, at) => {
    if (typeof value === 'string') return [checkGlob(value, at)];
    if (!Array.isArray(value)) fail(at, `must be a glob or an array of globs, not ${shown(value)}`);
    if (value.length === 0 && !opts.allowEmpty) fail(at, 'must not be an empty array');
    return checkGlobArray(value, at);
  };
}

function checkDefaults(value: unknown, at: At): Record<string, string> {
  if (!isPlainObject(value)) fail(at, `must be an object mapping variable names to strings, not ${shown(value)}`);
  // fromEntries, not assignment: a variable may be called __proto__.
  return Object.fromEntries(
    Object.entries(value).map(([name, v]) => {
      const here = child(at, name);
      if (!NAME.test(name)) fail(here, `not a valid variable name (${NAME_RULE})`);
      const text = checkString(v, here);
      if (text.includes('\0')) fail(here, 'must not contain a NUL character');
      // A line break would split the env-init line the default is written into.
      if (/[\n\r]/.test(text)) fail(here, 'must not contain a line break');
      return [name, text];
    }),
  );
}

const SETTINGS: Readonly<Record<string, Check>> = {
  style: oneOf(['block', 'inline']),
  dialect: oneOf(['auto', 'bash', 'sh', 'posix']),
  defaults: checkDefaults,
  required: checkNames,
  ignoreVars: checkNames,
  sourcedUnknown: oneOf(['inline', 'leave', 'input']),
  guardDestructive: checkBoolean,
  keepLineNumbers: checkBoolean,
  bashVersion: oneOf(['3.2', '4.0', '4.4', '5']),
  includeGenerated: checkBoolean,
};

const OVERRIDE: Readonly<Record<string, Check>> = {
  files: globOrGlobs({ allowEmpty: false }),
  excludeFiles: globOrGlobs({ allowEmpty: true }),
  ...SETTINGS,
};

function checkMap(value: unknown, at: At): Record<string, string> {
  if (!isPlainObject(value))
    fail(at, `must be an object mapping container paths to repository paths, not ${shown(value)}`);
  return Object.fromEntries(
    Object.entries(value).map(([from, to]) => {
      const here = child(at, from);
      if (from === '') fail(here, 'a container path must not be empty');
      const repoPath = checkString(to, here);
      if (repoPath === '') fail(here, 'must not be an empty string');
      return [from, repoPath];
    }),
  );
}

const CONTRACT: Readonly<Record<string, Check>> = {
  map: checkMap,
  manifests: checkGlobArray,
};

function checkContract(value: unknown, at: At): Record<string, unknown> {
  if (!isPlainObject(value)) fail(at, `must be an object, not ${shown(value)}`);
  return checkObject(value, at, CONTRACT);
}

const TOP_LEVEL: Readonly<Record<string, Check>> = {
  // Only for editors, which read it to find the schema.
  $schema: (value, at) => void checkString(value, at),
  ...SETTINGS,
  exclude: checkGlobArray,
  overrides: checkOverrides,
  contract: checkContract,
};

/** The keys a config accepts at the top level and in an override (the schema test compares). */
export const TOP_LEVEL_KEYS: readonly string[] = Object.keys(TOP_LEVEL);
export const OVERRIDE_KEYS: readonly string[] = Object.keys(OVERRIDE);
export const CONTRACT_KEYS: readonly string[] = Object.keys(CONTRACT);

/** Checks each key in file order, so the first problem in the file is the one reported. */
function checkObject(
  value: Record<string, unknown>,
  at: At,
  checks: Readonly<Record<string, Check>>,
): Record<string, unknown> {
  const known = Object.keys(checks);
  const out: [string, unknown][] = [];
  for (const [key, v] of Object.entries(value)) {
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
    if (!check) {
      const near = closestKey(key, known);
      fail(
        child(at, key),
        near ? `unknown key; did you mean ${JSON.stringify(near)}?` : `unknown key (known keys: ${known.join(', ')})`,
      );
    }
    const result = check(v, child(at, key));
    if (result !== undefined) out.push([key, result]);
  }
  return Object.fromEntries(out);
}

function checkOverrides(value: unknown, at: At): unknown[] {
  if (!Array.isArray(value)) fail(at, `must be an array of objects, not ${shown(value)}`);
  return value.map((item, i) => {
    const here = child(at, i);
    if (!isPlainObject(item)) fail(here, `must be an object, not ${shown(item)}`);
    const checked = checkObject(item, here, OVERRIDE);
    if (!Object.hasOwn(checked, 'files'))
      fail(child(here, 'files'), 'missing: an override needs the globs of the files it applies to');
    return checked;
  });
}

/** Validates `value` as found at `key` in `path` ('' for a whole file); throws ConfigError. */
export function validateConfigAt(value: unknown, at: At): NounsetConfig {
  if (!isPlainObject(value)) fail(at, `must be an object, not ${shown(value)}`);
  // The checks above give each key exactly the type NounsetConfig declares for it.
  return checkObject(value, at, TOP_LEVEL) as NounsetConfig;
}

/** A parsed `.nounsetrc.json` → the config it describes, normalized (`files: "x"` → `["x"]`,
 * `$schema` dropped); throws ConfigError naming `path` and the key at fault; never reads files. */
export function validateConfig(value: unknown, path: string): NounsetConfig {
  return validateConfigAt(value, { path, key: '' });
}
