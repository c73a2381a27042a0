// Runs over files: finding scripts, reading, fixing, writing them back (temp file and rename),
// the result cache, threads, `inspect`, `contract` and `pr`. File IO comes in as a ScriptIO.

export { type FindOptions, type FoundScript, findScripts, hasShellShebang } from './find-scripts.js';
export { fixStdin } from './fix-stdin.js';
export { inspectPath } from './inspect-path.js';
export { type CacheConfig, DEFAULT_CACHE_BYTES } from './result-cache.js';
export { runContract } from './run-contract.js';
export { findSkipCause, hasFailures, isSkipCause, type RunOptions, runPaths } from './run-paths.js';
export { runPr } from './run-pr.js';
export { type ParallelRun, runPathsParallel } from './run-tasks.js';
