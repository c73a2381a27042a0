// One entry of the result cache, as bytes: a header with a checksum, then a light part (what a
// run printing text needs: status, diagnostics), the diff as it is (no JSON to unescape), and a
// heavy part (edits and inputs), which is parsed only when something reads them. The output is not stored when the file's own text or
// its outermost edits give it back. Anything that does not check is refused, never trusted.

import { outermostEdits } from '../edit/index.js';
import { zlib } from '../lazy-builtin.js';
import type { FixResult } from '../types/index.js';

const MAGIC = 'nounset-cache 4';

/** A path the fix read, with the digest of what it read (source-reader.ts's `digest`). */
export type CacheDep = readonly [path: string, digest: string];

/** What the cache keeps of a file: its fix, its edits counted (read without the edits), and its
 * diff when it changed. */
export interface CachedFix {
  readonly result: FixResult;
  readonly editCount: number;
  readonly diff?: string;
}

interface Light {
  readonly key: string;
  readonly deps: readonly CacheDep[];
  readonly changed: boolean;
  readonly dialect: FixResult['dialect'];
  readonly diagnostics: FixResult['diagnostics'];
  readonly editCount: number;
  /** The length in bytes of the diff, which follows the light part's line; absent: no diff. */
  readonly diffBytes?: number;
  /** Absent when it is the file's own text or `splices` rebuild it. */
  readonly output?: string;
  /** The edits (by index, in order) whose `after` replaces their `before` to give the output: the
   * outermost ones. */
  readonly splices?: readonly number[];
}

interface Heavy {
  readonly edits: FixResult['edits'];
  readonly inputs: FixResult['inputs'];
}

/** `text` with the edits at `splices` applied. */
function applySplices(text: string, edits: FixResult['edits'], splices: readonly number[]): string {
  let out = '';
  let at = 0;
  for (const i of splices) {
    const e = edits[i];
    if (!e || e.start < at || e.end < e.start || e.end > text.length) return '';
    out += text.slice(at, e.start) + e.after;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The outermost edits, when applying them gives the output (checked); else null: it is stored. */
function findSplices(text: string, result: FixResult): number[] | null {
  const taken = outermostEdits(result.edits);
  return applySplices(text, result.edits, taken) === result.output ? taken : null;
}

/** Notices a torn or altered entry (keys are SHA-256 already; this only has to catch damage). */
function checksum(body: Buffer): string {
  return `${zlib().crc32(body).toString(16)}-${body.length}`;
}

/** The entry as its header and its body, written one after the other. */
export function encodeEntry(
  key: string,
  deps: readonly CacheDep[],
  fixed: CachedFix,
  text: string,
): readonly [Buffer, Buffer] {
  const { output, changed, dialect, edits, inputs, diagnostics } = fixed.result;
  const splices = output === text ? null : findSplices(text, fixed.result);
  const diff = fixed.diff ?? '';
  const light: Light = {
    key,
    deps,
    changed,
    dialect,
    diagnostics,
    editCount: edits.length,
    ...(fixed.diff === undefined ? {} : { diffBytes: Buffer.byteLength(diff) }),
    ...(output === text ? {} : splices ? { splices } : { output }),
  };
  const heavy: Heavy = { edits, inputs };
  const body = Buffer.from(`${JSON.stringify(light)}\n${diff}${JSON.stringify(heavy)}`, 'utf8');
  return [Buffer.from(`${MAGIC} ${checksum(body)}\n`), body];
}

/** The fix in `bytes`, or null when they are not a whole, unaltered entry for `key` whose files
 * all read as they did (`digest`). `text` gives the file's text, when the output needs it. */
export function decodeEntry(
  bytes: Buffer,
  key: string,
  text: () => string,
  digest: (path: string) => string,
): CachedFix | null {
  const nl = bytes.indexOf(10);
  if (nl < 0) return null;
  const body = bytes.subarray(nl + 1);
  if (bytes.toString('latin1', 0, nl) !== `${MAGIC} ${checksum(body)}`) return null;
  const split = body.indexOf(10);
  let light: Light;
  try {
    light = JSON.parse(body.toString('utf8', 0, split < 0 ? body.length : split)) as Light;
  } catch {
    // Checked, yet not JSON: not written by this nounset; a miss.
    return null;
  }
  if (
    light.key !== key ||
    split < 0 ||
    !Array.isArray(light.deps) ||
    !Array.isArray(light.diagnostics) ||
    typeof light.editCount !== 'number'
  )
    return null;
  const diffEnd = split + 1 + (light.diffBytes ?? 0);
  if (diffEnd > body.length || !light.deps.every(([path, d]) => digest(path) === d)) return null;
  const heavyBytes = body.subarray(diffEnd);
  const result = lazyResult(light, text, () => JSON.parse(heavyBytes.toString('utf8')) as Heavy);
  return {
    result,
    editCount: light.editCount,
    ...(light.diffBytes === undefined ? {} : { diff: body.toString('utf8', split + 1, diffEnd) }),
  };
}

/** A FixResult whose edits, inputs and output are worked out when first read. Its properties are
 * enumerable, in FixResult's order, so it copies, compares and clones (to a worker's parent) as a
 * plain result does. */
function lazyResult(light: Light, text: () => string, parse: () => Heavy): FixResult {
  let heavy: Heavy | undefined;
  let output = light.output;
  const load = (): Heavy => (heavy ??= parse());
  const value = <T>(v: T): PropertyDescriptor => ({ value: v, enumerable: true });
  const getter = <T>(get: () => T): PropertyDescriptor => ({ get, enumerable: true });
  return Object.defineProperties({} as FixResult, {
    output: getter(() => (output ??= light.splices ? applySplices(text(), load().edits, light.splices) : text())),
    changed: value(light.changed),
    dialect: value(light.dialect),
    edits: getter(() => load().edits),
    inputs: getter(() => load().inputs),
    diagnostics: value(light.diagnostics),
  });
}
