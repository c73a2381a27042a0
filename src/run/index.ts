// Runs over files: finding scripts, reading, fixing, writing them back (temp file and rename),
// the result cache, threads, `inspect`, `contract` and `pr`. File IO comes in as a ScriptIO.

export { findScripts, hasShellShebang, type FindOptions, type FoundScript } from './find-scripts.js';
export { inspectPath } from './inspect-path.js';
export { DEFAULT_CACHE_BYTES, type CacheConfig } from './result-cache.js';
export { runContract } from './run-contract.js';
export { findSkipCause, hasFailures, runPaths, type RunOptions } from './run-paths.js';
export { runPr } from './run-pr.js';
export { runPathsParallel, type ParallelRun } from './run-tasks.js';
