// The result cache's parts: entries that do not check are never trusted, the key follows what
// decides a fix, trimming removes the least recently used entries, the cache directory.

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCacheDir } from '../../src/cli/cache-options.js';
import { fixScript } from '../../src/fix/fix-script.js';
import { backgroundStore, diskStore, trimStore } from '../../src/run/cache-store.js';
import { type CacheConfig, type CachedFix, cacheKey, openResultCache } from '../../src/run/result-cache.js';
import type { FixResult } from '../../src/types/script.js';
import { useTempDir } from '../support/cli.js';
import { memoryStore } from '../support/memory-store.js';

const CONFIG: CacheConfig = { dir: '/nowhere', version: '1.0.0 build-a', maxBytes: 1 << 20 };
const TEXT = '#!/bin/bash\nset -u\n. lib.sh\necho "$X"\n';
const bytes = Buffer.from(TEXT);

const fix = (result: FixResult): CachedFix => ({ result, editCount: result.edits.length });

describe('result cache entries', () => {
  it('a key changes with the version, the path, the bytes and the options, not with the order of option keys', () => {
    const key = cacheKey(CONFIG, 'a.sh', { style: 'block', defaults: { A: '1', B: '2' } }, bytes);
    assert.equal(cacheKey(CONFIG, 'a.sh', { defaults: { B: '2', A: '1' }, style: 'block' }, bytes), key);
    assert.notEqual(
      cacheKey(
        { ...CONFIG, version: '1.0.0 build-b' },
        'a.sh',
        { style: 'block', defaults: { A: '1', B: '2' } },
        bytes,
      ),
      key,
    );
    assert.notEqual(cacheKey(CONFIG, 'b.sh', { style: 'block', defaults: { A: '1', B: '2' } }, bytes), key);
    assert.notEqual(cacheKey(CONFIG, 'a.sh', { style: 'inline', defaults: { A: '1', B: '2' } }, bytes), key);
    assert.notEqual(
      cacheKey(CONFIG, 'a.sh', { style: 'block', defaults: { A: '1', B: '2' } }, Buffer.from(`${TEXT}\n`)),
      key,
    );
  });

  it('a hit gives back the result, and checks every sourced file it read', () => {
    const store = memoryStore();
    const cache = openResultCache(CONFIG, store);
    const result = fixScript(TEXT, { path: 'a.sh', readSource: () => 'X=1\n' });
    const key = cacheKey(CONFIG, 'a.sh', {}, bytes);
    cache.put(key, [['lib.sh', 'digest-1']], { result, editCount: result.edits.length, diff: 'the diff' }, TEXT);
    assert.deepEqual(
      cache.get(
        key,
        () => TEXT,
        () => 'digest-1',
      ),
      { result, editCount: result.edits.length, diff: 'the diff' },
    );
    assert.equal(
      cache.get(
        key,
        () => TEXT,
        () => 'digest-2',
      ),
      undefined,
      'a changed sourced file misses',
    );
    assert.deepEqual({ ...cache.stats }, { hits: 1, misses: 1, writes: 1, bytesWritten: store.files.get(key)?.length });
  });

  it('a changed file is stored without its output: its outermost edits rebuild it', () => {
    const store = memoryStore();
    const cache = openResultCache(CONFIG, store);
    const text = '#!/bin/bash\nset -u\necho "$1 $(( $N + ${#2} ))" "${A[$I]}"\nrm -rf "$D/"\n';
    const result = fixScript(text, { path: 'n.sh', style: 'inline' });
    assert.ok(result.changed && result.edits.length > 2);
    cache.put('n', [], fix(result), text);
    assert.equal(store.files.get('n')?.includes(Buffer.from(result.output)), false);
    const hit = cache.get(
      'n',
      () => text,
      () => '',
    );
    assert.equal(hit?.editCount, result.edits.length);
    assert.equal(hit.result.output, result.output);
    assert.deepEqual(hit.result, result, 'edits and inputs are read when asked for');
  });

  it('an unchanged file is stored without its output, and gets its text back', () => {
    const store = memoryStore();
    const cache = openResultCache(CONFIG, store);
    const text = '#!/bin/bash\necho ok\n';
    const result = fixScript(text, { path: 'ok.sh' });
    cache.put('k', [], fix(result), text);
    assert.equal((store.files.get('k') ?? Buffer.alloc(0)).includes(Buffer.from('echo ok')), false);
    assert.deepEqual(
      cache.get(
        'k',
        () => text,
        () => '',
      ),
      fix(result),
    );
  });

  it('an entry that is truncated, altered, empty, not JSON or filed under another key is a miss', () => {
    const store = memoryStore();
    const cache = openResultCache(CONFIG, store);
    const result = fixScript(TEXT, { path: 'a.sh' });
    cache.put('k', [], fix(result), TEXT);
    const good = store.files.get('k') ?? Buffer.alloc(0);
    const altered = Buffer.from(good);
    const at = altered.length - 5;
    altered[at] = (altered[at] ?? 0) ^ 0x20;
    const body = '{"key":"k","deps":[],"result":';
    const notJson = Buffer.from(`nounset-cache 4 x\n${body}`);
    for (const bad of [good.subarray(0, good.length - 1), altered, Buffer.alloc(0), notJson, Buffer.from('garbage')]) {
      store.files.set('k', bad);
      assert.equal(
        cache.get(
          'k',
          () => TEXT,
          () => '',
        ),
        undefined,
      );
    }
    store.files.set('other', good);
    assert.equal(
      cache.get(
        'other',
        () => TEXT,
        () => '',
      ),
      undefined,
    );
  });

  it('stops writing after a failure and says why', () => {
    const cache = openResultCache(CONFIG, {
      read: () => null,
      write: () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    });
    const result = fixScript(TEXT, { path: 'a.sh' });
    cache.put('a', [], fix(result), TEXT);
    cache.put('b', [], fix(result), TEXT);
    assert.equal(cache.stats.writeError, 'ENOSPC');
    assert.equal(cache.stats.writes, 0);
  });
});

describe('writing entries on a thread of their own', () => {
  const dir = useTempDir('nounset-writer-');
  const entry = (i: number): Buffer[] => [Buffer.from(`head ${i}\n`), Buffer.alloc(3000 + i, i % 256)];
  const name = (i: number): string => `${(i % 7).toString(16).padStart(2, '0')}${'e'.repeat(30)}${i}`;

  it('writes the first entries itself, hands the rest to the writer, and settle waits for all', async () => {
    const store = backgroundStore(dir(), 3);
    for (let i = 0; i < 40; i++) store.write(name(i), entry(i));
    await store.settle?.();
    const disk = diskStore(dir());
    for (let i = 0; i < 40; i++) assert.deepEqual(disk.read(name(i)), Buffer.concat(entry(i)), `entry ${i}`);
    // Every temp file was renamed into place.
    const left = readdirSync(join(dir(), 'v1'), { recursive: true }).filter((f) => String(f).endsWith('.tmp'));
    assert.deepEqual(left, []);
  });

  it("a failure on the writer's thread becomes the cache's write error", async () => {
    // The layout's directory is a file: no entry can be made under it.
    writeFileSync(join(dir(), 'v1'), '');
    const cache = openResultCache({ ...CONFIG, dir: dir() }, backgroundStore(dir(), 0));
    const result = fixScript(TEXT, { path: 'a.sh' });
    cache.put('aa1', [], fix(result), TEXT);
    cache.put('bb2', [], fix(result), TEXT);
    assert.equal(cache.stats.writeError, undefined);
    await cache.settle();
    assert.equal(cache.stats.writeError, 'ENOTDIR');
  });

  it('settles at once when nothing was handed to the writer', async () => {
    const store = backgroundStore(dir(), 32);
    store.write(name(1), entry(1));
    await store.settle?.();
    assert.deepEqual(diskStore(dir()).read(name(1)), Buffer.concat(entry(1)));
  });
});

describe('trimming the cache', () => {
  const dir = useTempDir('nounset-trim-');
  const now = Date.now();
  const entry = (name: string, size: number, ageMs: number): void => {
    const sub = join(dir(), 'v1', name.slice(0, 2));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, name), Buffer.alloc(size));
    utimesSync(join(sub, name), (now - ageMs) / 1000, (now - ageMs) / 1000);
  };
  const left = (): string[] =>
    readdirSync(join(dir(), 'v1'))
      .flatMap((sub) => readdirSync(join(dir(), 'v1', sub)))
      .sort();

  it('removes the least recently used entries down to 80% of the bound, and old temp files', () => {
    entry('aa1', 1000, 5000);
    entry('ab2', 1000, 1000);
    entry('bb3', 1000, 3000);
    entry('cc4', 1000, 2000);
    entry('cc5.123-0-ab.tmp', 10, 2 * 60 * 60 * 1000);
    entry('cc6.124-0-ab.tmp', 10, 1000);
    const out = trimStore(dir(), 3500, now);
    assert.deepEqual(left(), ['ab2', 'cc4', 'cc6.124-0-ab.tmp']);
    assert.deepEqual(out, { bytes: 2000, removed: 3, counted: 'all' });
  });

  it('leaves a cache under its bound alone', () => {
    entry('aa1', 1000, 5000);
    assert.deepEqual(trimStore(dir(), 1000, now), { bytes: 1000, removed: 0, counted: 'all' });
    assert.deepEqual(trimStore(join(dir(), 'none'), 1000, now), { bytes: 0, removed: 0, counted: 'all' });
  });

  /** A large cache: four 100-byte entries in each of the 256 subdirectories, of ages spread over
   * them, and an old temp file in each of the first two. */
  const large = (): void => {
    for (let i = 0; i < 256; i++) {
      const sub = i.toString(16).padStart(2, '0');
      for (let k = 0; k < 4; k++) entry(`${sub}${k}`, 100, 1000 + ((i * 4 + k) % 97) * 1000);
    }
    entry('00x.1-0-ab.tmp', 10, 2 * 60 * 60 * 1000);
    entry('01x.1-0-ab.tmp', 10, 2 * 60 * 60 * 1000);
  };

  it('counts a large cache under its bound from a sample of its subdirectories', () => {
    large();
    // The sample starts at subdirectory (now in seconds) mod 256 and takes 16: from 02, it
    // leaves 00 and 01 and their temp files alone; from 00 it takes them.
    const at = (s: number): number => (Math.floor(now / 256_000) + 1) * 256_000 + s * 1000;
    assert.deepEqual(trimStore(dir(), 200_000, at(2)), { bytes: 102_400, removed: 0, counted: 'sample' });
    assert.equal(left().length, 1026);
    assert.deepEqual(trimStore(dir(), 200_000, at(0)), { bytes: 102_400, removed: 2, counted: 'sample' });
    assert.equal(left().length, 1024);
  });

  it('counts a large cache whole, and trims it, when the sample puts it over its bound', () => {
    large();
    const out = trimStore(dir(), 50_000, now);
    assert.equal(out.counted, 'all');
    assert.ok(out.bytes <= 40_000 && out.bytes > 39_000, `${out.bytes} bytes left`);
    assert.equal(left().length, out.bytes / 100);
    assert.ok(!left().some((n) => n.endsWith('.tmp')), 'the old temp files are gone');
  });
});

describe('the cache directory', () => {
  it('is $XDG_CACHE_HOME/nounset, else the platform place, else ~/.cache/nounset', () => {
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }, '/home/u', 'linux'), '/x/cache/nounset');
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/u', 'linux'), '/home/u/.cache/nounset');
    assert.equal(defaultCacheDir({}, '/home/u', 'linux'), '/home/u/.cache/nounset');
    assert.equal(defaultCacheDir({}, '/Users/u', 'darwin'), '/Users/u/Library/Caches/nounset');
    assert.equal(defaultCacheDir({}, '', 'linux'), null);
  });
});
