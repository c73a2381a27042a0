// Where the result cache is (src/run/result-cache.ts) and which build it is for, from the command
// line and the environment. Part of the CLI: only it reads the environment.

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { type CacheConfig, DEFAULT_CACHE_BYTES } from '../run/index.js';
import { packageVersion } from './package-version.js';

export interface CacheArgs {
  /** false with --no-cache. */
  readonly cache: boolean;
  readonly cacheDir?: string;
  /** Megabytes (MiB). */
  readonly cacheSize?: number;
}

/** The platform's cache directory for nounset: $XDG_CACHE_HOME/nounset, else ~/Library/Caches on
 * macOS, %LOCALAPPDATA% on Windows, ~/.cache elsewhere; null without a home directory. */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home: string, platform: NodeJS.Platform): string | null {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative path is invalid and is ignored.
  if (xdg && isAbsolute(xdg)) return join(xdg, 'nounset');
  if (platform === 'darwin' && home) return join(home, 'Library', 'Caches', 'nounset');
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'nounset', 'Cache');
  return home ? join(home, '.cache', 'nounset') : null;
}

/** The build id scripts/bundle.mjs writes beside the bundle (a digest of its code); null for a
 * build without one (dist/src run directly), which then caches nothing: a cache must never hand
 * one build's results to another. */
export function buildId(from: string = fileURLToPath(import.meta.url)): string | null {
  try {
    return readFileSync(join(dirname(from), 'build-id'), 'utf8').trim() || null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function safeHome(): string {
  try {
    return homedir();
  } catch {
    // No home directory (a system user): no default cache, as if --no-cache.
    return '';
  }
}

/** The run's cache, or null: --no-cache, no directory to put it in, or no build id. */
export function cacheConfig(args: CacheArgs, cwd: string): CacheConfig | null {
  if (args.cacheSize !== undefined && !(Number.isFinite(args.cacheSize) && args.cacheSize > 0))
    throw new UsageError('--cache-size wants a positive number of megabytes');
  if (!args.cache) return null;
  const dir =
    args.cacheDir !== undefined
      ? resolve(cwd, args.cacheDir)
      : defaultCacheDir(process.env, safeHome(), process.platform);
  const build = buildId();
  if (dir === null || build === null) return null;
  const maxBytes = args.cacheSize !== undefined ? Math.round(args.cacheSize * 1024 * 1024) : DEFAULT_CACHE_BYTES;
  return { dir, version: `${packageVersion()} ${build}`, maxBytes };
}
