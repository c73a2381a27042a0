// Configuration files: finding, validating and applying `.nounsetrc.json` / package.json "nounset".

export { ConfigError } from '../errors.js';
/** Finds the nearest config upward from a file through the `io` given, cached per directory; never writes. */
export { ConfigLoader, RC_NAME } from './find-config.js';
/** A file's settings (top level + matching overrides), and whether `exclude` drops it; pure, never reads files. */
export { isExcludedByConfig, resolveFileConfig } from './resolve-config.js';
export type * from './types.js';
/** A parsed config → the normalized NounsetConfig; throws ConfigError; never reads files. */
export { validateConfig } from './validate-config.js';
