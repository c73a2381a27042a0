// What a work tree's other scripts told, kept between runs (facts-cache.ts): found again only by
// the same stamp, never from a stamp taken too close to its file's last change, never from an
// entry that does not check or is for another tree; files gone from the tree are dropped.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { type KeptFacts, NOT_SCRIPT, openFactsCache } from '../../src/run/facts-cache.js';
import type { CacheConfig } from '../../src/run/result-cache.js';
import { memoryStore } from '../support/memory-store.js';

const CONFIG: CacheConfig = { dir: '/nowhere', version: '1.0.0 build-a', maxBytes: 1 << 20 };
const NOW = 1_800_000_000_000;
const OLD = NOW - 60_000;
const LIB: KeptFacts = {
  script: true,
  mayTurnOn: true,
  sources: [
    { re: '(?:^|/)lib\\.sh$', base: 'lib.sh' },
    { re: '(?:^|/)[^/]*\\.bash$', base: null },
  ],
  lineReporters: ['die'],
  macos: undefined,
};

describe('work-tree facts kept between runs', () => {
  it('gives back what a file told for the same stamp only', () => {
    const store = memoryStore();
    const first = openFactsCache(CONFIG, '/w', store, NOW);
    assert.equal(first.get('a.sh', 's1'), undefined);
    first.set('a.sh', 's1', OLD, LIB);
    first.set('README', 's2', OLD, NOT_SCRIPT);
    first.set('b.sh', 's3', OLD, { ...LIB, mayTurnOn: false, sources: [], lineReporters: [], macos: true });
    first.save(new Set(['a.sh', 'README', 'b.sh']));
    const again = openFactsCache(CONFIG, '/w', store, NOW);
    assert.deepEqual(again.get('a.sh', 's1'), LIB);
    assert.deepEqual(again.get('README', 's2'), NOT_SCRIPT);
    assert.deepEqual(again.get('b.sh', 's3'), {
      ...LIB,
      mayTurnOn: false,
      sources: [],
      lineReporters: [],
      macos: true,
    });
    assert.equal(again.get('a.sh', 's1-changed'), undefined);
    // Another tree, another build: nothing.
    assert.equal(openFactsCache(CONFIG, '/v', store, NOW).get('a.sh', 's1'), undefined);
    assert.equal(
      openFactsCache({ ...CONFIG, version: '1.0.1 build-b' }, '/w', store, NOW).get('a.sh', 's1'),
      undefined,
    );
  });

  it('keeps no stamp taken within two seconds of its file’s last change', () => {
    const store = memoryStore();
    const first = openFactsCache(CONFIG, '/w', store, NOW);
    first.set('fresh.sh', 's1', NOW - 1500, LIB);
    first.set('future.sh', 's2', NOW + 5000, LIB);
    first.set('settled.sh', 's3', NOW - 2500, LIB);
    first.save(new Set(['fresh.sh', 'future.sh', 'settled.sh']));
    const again = openFactsCache(CONFIG, '/w', store, NOW + 10_000);
    assert.equal(again.get('fresh.sh', 's1'), undefined);
    assert.equal(again.get('future.sh', 's2'), undefined);
    assert.deepEqual(again.get('settled.sh', 's3'), LIB);
  });

  it('keeps the rows of listed files not asked about, drops those no longer listed, and writes only on change', () => {
    const store = memoryStore();
    const first = openFactsCache(CONFIG, '/w', store, NOW);
    for (const f of ['a.sh', 'b.sh', 'c.sh']) first.set(f, `s-${f}`, OLD, LIB);
    first.save(new Set(['a.sh', 'b.sh', 'c.sh']));
    const [name] = [...store.files.keys()];
    const written = store.files.get(name as string);
    // A run of b.sh itself asks only about the others; then c.sh is removed from the tree.
    const second = openFactsCache(CONFIG, '/w', store, NOW);
    assert.deepEqual(second.get('a.sh', 's-a.sh'), LIB);
    assert.deepEqual(second.get('c.sh', 's-c.sh'), LIB);
    second.save(new Set(['a.sh', 'b.sh', 'c.sh']));
    assert.equal(store.files.get(name as string), written, 'nothing changed: not written again');
    const third = openFactsCache(CONFIG, '/w', store, NOW);
    third.save(new Set(['a.sh', 'b.sh']));
    const fourth = openFactsCache(CONFIG, '/w', store, NOW);
    assert.deepEqual(fourth.get('b.sh', 's-b.sh'), LIB);
    assert.equal(fourth.get('c.sh', 's-c.sh'), undefined);
  });

  it('ignores an entry that does not check, and writes it again', () => {
    const store = memoryStore();
    const first = openFactsCache(CONFIG, '/w', store, NOW);
    first.set('a.sh', 's1', OLD, LIB);
    first.save(new Set(['a.sh']));
    const [name] = [...store.files.keys()] as [string];
    const good = store.files.get(name) as Buffer;
    const spoilt = (text: string): void => void store.files.set(name, Buffer.from(text));
    // A flipped byte in the body, a cut entry, a body that is not JSON, rows of the wrong shape.
    spoilt(good.toString().replace('lib', 'lob'));
    assert.equal(openFactsCache(CONFIG, '/w', store, NOW).get('a.sh', 's1'), undefined);
    spoilt(good.subarray(0, good.length - 5).toString());
    assert.equal(openFactsCache(CONFIG, '/w', store, NOW).get('a.sh', 's1'), undefined);
    const signed = (body: string): string =>
      `nounset-facts 1 ${createHash('sha256').update(body).digest('hex')}\n${body}`;
    spoilt(signed('{"root":"/w","rows":'));
    assert.equal(openFactsCache(CONFIG, '/w', store, NOW).get('a.sh', 's1'), undefined);
    spoilt(signed('{"root":"/w","rows":[["a.sh","s1","3"],["b.sh","s2",1,"2","x",null]]}'));
    const shaped = openFactsCache(CONFIG, '/w', store, NOW);
    assert.equal(shaped.get('a.sh', 's1'), undefined);
    assert.equal(shaped.get('b.sh', 's2'), undefined);
    // The next save writes a good entry again.
    shaped.set('a.sh', 's1', OLD, LIB);
    shaped.save(new Set(['a.sh']));
    assert.deepEqual(openFactsCache(CONFIG, '/w', store, NOW).get('a.sh', 's1'), LIB);
  });
});
