// What each script told a run about the others (which files it sources, whether it turns set -u
// on, which functions print line numbers, whether it shows macOS: run-context.ts), kept between
// runs in the result cache's directory. A pre-commit hook names a few files, and without it every
// run reads every script of the work tree again to learn the same facts (0.4 s in a tree of
// 10,000 scripts; work-tree.ts); a run over a whole tree searched each of its files again. One
// entry per work tree (or per directory a run started in, for files outside one) holds, for each
// file, its stamp (device, inode, size, modification and change times) and what it told; a file
// whose stamp is the same is not read (or searched) again.
//
// A stamp taken within RACY_MS of its file's last change is not kept: a file written again within
// the same tick of the file system's clock keeps its stamp (git's "racily clean" entries), and
// some file systems keep times to the second or two. The entry carries a checksum and the tree it
// is for: one that does not check is ignored and written again, never trusted.

import { describeIOError } from '../io/index.js';
import { crypto } from '../lazy-builtin.js';
import type { CacheStore } from './cache-store.js';
import type { CacheConfig } from './result-cache.js';
import type { FileFacts, SourcePattern } from './run-context.js';

/** What reading one file told, as kept. */
export interface KeptFacts {
  /** false: a file a scan of the work tree does not take (no shell extension, no shell shebang). */
  readonly script: boolean;
  readonly mayTurnOn: boolean;
  /** The `source` patterns' regular expressions and the basenames they name. */
  readonly sources: readonly { readonly re: string; readonly base: string | null }[];
  readonly lineReporters: readonly string[];
  /** Whether it shows macOS; undefined when the run that read it did not look (run-context.ts). */
  readonly macos: boolean | undefined;
}

export interface FactsCache {
  /** What the file at `rel` (from the tree's root, with `/`) told when its stamp was `stamp`. */
  get(rel: string, stamp: string): KeptFacts | undefined;
  /** Keeps what a file told, read with the stamp `stamp`; `changedMs` is when it last changed. */
  set(rel: string, stamp: string, changedMs: number, facts: KeptFacts): void;
  /** Writes the entry when it changed. `listed` holds the tree's files: one not asked about (a file
   * of the run itself) keeps its row, one no longer listed loses it. Gives why it could not be
   * written (a full disk, no permission): that loses only time, and the run reports it. */
  save(listed: ReadonlySet<string>): string | undefined;
  /** Files whose facts came from the entry (hits), and files read or searched for them (misses). */
  readonly stats: FactsStats;
}

export interface FactsStats {
  hits: number;
  misses: number;
}

const MAGIC = 'nounset-facts 1';
/** A stamp this close to its file's last change is not kept (see above). */
const RACY_MS = 2000;

/** One file in the entry: path, stamp, flags (FLAG_*), then for a script its sources (re, base
 * pairs) and line reporters. */
type Row = [string, string, number, ...(string | null)[]];
const SCRIPT = 1;
const TURNS_ON = 2;
const MACOS_LOOKED = 4;
const MACOS = 8;

function toRow(rel: string, stamp: string, f: KeptFacts): Row {
  if (!f.script) return [rel, stamp, 0];
  const flags =
    SCRIPT | (f.mayTurnOn ? TURNS_ON : 0) | (f.macos === undefined ? 0 : MACOS_LOOKED | (f.macos ? MACOS : 0));
  return [rel, stamp, flags, String(f.sources.length), ...f.sources.flatMap((s) => [s.re, s.base]), ...f.lineReporters];
}

export const NOT_SCRIPT: KeptFacts = { script: false, mayTurnOn: false, sources: [], lineReporters: [], macos: false };

function fromRow(row: readonly unknown[]): KeptFacts | null {
  const flags = row[2];
  if (typeof flags !== 'number') return null;
  if ((flags & SCRIPT) === 0) return NOT_SCRIPT;
  const n = Number(row[3]);
  const sources: { re: string; base: string | null }[] = [];
  for (let i = 0; i < n; i++) {
    const re = row[4 + 2 * i];
    const base = row[5 + 2 * i];
    if (typeof re !== 'string' || (base !== null && typeof base !== 'string')) return null;
    sources.push({ re, base });
  }
  const lineReporters = row.slice(4 + 2 * n);
  if (!lineReporters.every((r) => typeof r === 'string')) return null;
  return {
    script: true,
    mayTurnOn: (flags & TURNS_ON) !== 0,
    sources,
    lineReporters: lineReporters as string[],
    macos: (flags & MACOS_LOOKED) === 0 ? undefined : (flags & MACOS) !== 0,
  };
}

const sha256 = (text: string): string => crypto().createHash('sha256').update(text).digest('hex');

/** The rows of an entry that checks and is for `root`; null otherwise. */
function decode(bytes: Buffer, root: string): Map<string, readonly unknown[]> | null {
  const text = bytes.toString('utf8');
  const nl = text.indexOf('\n');
  if (nl < 0 || text.slice(0, nl) !== `${MAGIC} ${sha256(text.slice(nl + 1))}`) return null;
  let body: unknown;
  try {
    body = JSON.parse(text.slice(nl + 1));
  } catch {
    return null;
  }
  const { root: was, rows } = (body ?? {}) as { root?: unknown; rows?: unknown };
  if (was !== root || !Array.isArray(rows)) return null;
  const out = new Map<string, readonly unknown[]>();
  for (const row of rows)
    if (Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'string') out.set(row[0], row);
  return out;
}

/** The kept facts of the tree at `root` (absolute), in `store` (config.dir's). */
export function openFactsCache(config: CacheConfig, root: string, store: CacheStore, now = Date.now()): FactsCache {
  const name = sha256(`${MAGIC}\0${config.version}\0${root}`);
  const read = store.read(name);
  const old = (read && decode(read, root)) ?? new Map<string, readonly unknown[]>();
  // What this run found, by path; null: looked at, and not kept (racy, or a stamp that changed).
  const rows = new Map<string, Row | null>();
  let changed = read === null;
  const stats: FactsStats = { hits: 0, misses: 0 };
  // A hit that did not do (a run that must know whether the file shows macOS) is a miss.
  const hit = new Set<string>();
  return {
    stats,
    get(rel, stamp) {
      const row = old.get(rel);
      const facts = row !== undefined && row[1] === stamp ? fromRow(row) : null;
      if (facts) {
        rows.set(rel, row as Row);
        hit.add(rel);
        stats.hits++;
      }
      return facts ?? undefined;
    },
    set(rel, stamp, changedMs, facts) {
      changed = true;
      if (hit.delete(rel)) stats.hits--;
      stats.misses++;
      rows.set(rel, changedMs <= now - RACY_MS ? toRow(rel, stamp, facts) : null);
    },
    save(listed) {
      const kept: Row[] = [];
      for (const rel of listed) {
        const row = rows.has(rel) ? rows.get(rel) : (old.get(rel) as Row | undefined);
        if (row) kept.push(row);
      }
      // Unchanged, or nothing to keep and nothing kept before (every stamp too new: a tree just made).
      if ((!changed && kept.length === old.size) || (kept.length === 0 && old.size === 0)) return undefined;
      const body = JSON.stringify({ root, rows: kept });
      try {
        store.write(name, [Buffer.from(`${MAGIC} ${sha256(body)}\n${body}`)]);
        return undefined;
      } catch (err) {
        return describeIOError(err);
      }
    },
  };
}

/** The kept facts of every work tree a run meets: each opened when first asked for, all saved at
 * the end of the run's planning. */
export interface FactsBook {
  at(root: string): FactsCache;
  /** Tells that `rel` is a file of the tree at `root`: its row is kept though no one asked for it. */
  listed(root: string, rel: string): void;
  /** Saves every tree's entry (FactsCache.save); the first failure. */
  save(): string | undefined;
  /** The counts of every tree's cache. */
  stats(): FactsStats;
}

export function factsBook(config: CacheConfig, store: CacheStore): FactsBook {
  const trees = new Map<string, { cache: FactsCache; listed: Set<string> }>();
  const tree = (root: string) => {
    let t = trees.get(root);
    if (!t) trees.set(root, (t = { cache: openFactsCache(config, root, store), listed: new Set() }));
    return t;
  };
  return {
    at: (root) => tree(root).cache,
    listed: (root, rel) => void tree(root).listed.add(rel),
    save() {
      let failure: string | undefined;
      for (const t of trees.values()) failure ??= t.cache.save(t.listed);
      return failure;
    },
    stats() {
      const all: FactsStats = { hits: 0, misses: 0 };
      for (const t of trees.values()) {
        all.hits += t.cache.stats.hits;
        all.misses += t.cache.stats.misses;
      }
      return all;
    },
  };
}

/** What to keep of a file's facts; `looked`: whether the run looked whether it shows macOS. */
export function keptOf(f: FileFacts, looked: boolean): KeptFacts {
  return {
    script: true,
    mayTurnOn: f.mayTurnOn,
    sources: f.sources.map((s) => ({ re: s.re.source, base: s.base })),
    lineReporters: f.lineReporters,
    macos: looked ? f.macos : undefined,
  };
}

/** A script's facts from what was kept of them, as the file at `path` (`sources` rebuilt). */
export function factsFrom(path: string, kept: KeptFacts, sources: readonly SourcePattern[], macos: boolean): FileFacts {
  return { path, mayTurnOn: kept.mayTurnOn, sources, lineReporters: kept.lineReporters, macos };
}

/** The `source` patterns kept. */
export function patternsOf(kept: KeptFacts): SourcePattern[] {
  return kept.sources.map((s) => ({ re: new RegExp(s.re), base: s.base }));
}
