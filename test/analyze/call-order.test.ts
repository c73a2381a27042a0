// Questions asked of a function through the functions it calls (flow/call-order.ts): answered
// depth first with a stack of their own, so call chains thousands deep (a library's, a script's)
// are analysed, not an internal error.

import assert from 'node:assert/strict';
import { askCalls, calleesFirst } from '../../src/analyze/flow/call-order.js';
import { fixScript } from '../../src/fix/fix-script.js';

interface Def {
  readonly flag: boolean;
  readonly calls: readonly string[];
}

/** "Does it reach a flagged definition?" over `graph`, with a memo of its own. */
function reaches(graph: Record<string, Def[]>, root: string, memo = new Map<string, boolean>()): boolean {
  const funcs = new Map(Object.entries(graph));
  return askCalls(root, {
    decisive: true,
    whenUndefined: false,
    memo,
    known: (f) => memo.get(f),
    defs: (f) => funcs.get(f) ?? [],
    decides: (d) => d.flag,
    callees: (d) => d.calls.filter((c) => funcs.has(c)),
  });
}

describe('askCalls and calleesFirst', () => {
  it('answers through callees, any definition, cycles taken for not decisive', () => {
    const graph: Record<string, Def[]> = {
      a: [{ flag: false, calls: ['b'] }],
      b: [{ flag: false, calls: ['c', 'missing'] }],
      c: [{ flag: false, calls: ['a'] }],
      d: [
        { flag: false, calls: [] },
        { flag: false, calls: ['e'] },
      ],
      e: [{ flag: true, calls: [] }],
      f: [],
    };
    assert.equal(reaches(graph, 'a'), false, 'a cycle of no flagged definition');
    assert.equal(reaches(graph, 'd'), true, 'through its second definition');
    assert.equal(reaches(graph, 'f'), false, 'no definition');
    const memo = new Map<string, boolean>();
    reaches(graph, 'a', memo);
    assert.deepEqual([...memo].sort(), [['a', false]], 'inside a cycle only its first member is final');
  });

  it('answers through a chain of 50,000 calls, and orders it callees first', () => {
    const graph: Record<string, Def[]> = {};
    for (let i = 0; i < 50_000; i++) graph[`f${i}`] = [{ flag: i === 49_999, calls: [`f${i + 1}`] }];
    assert.equal(reaches(graph, 'f0'), true);
    const funcs = new Map(Object.entries(graph));
    const { order, cyclic } = calleesFirst(
      funcs,
      (d) => new Set(d.calls),
      () => false,
    );
    assert.equal(cyclic, false);
    assert.equal(order[0], 'f49999');
    assert.equal(order[order.length - 1], 'f0');
  });

  it('fixes a script whose library chains 3,000 calls, and the library itself', () => {
    const lib = `${Array.from({ length: 3000 }, (_, i) => `g${i}() { echo "$Y${i % 40}"; g${i + 1} "$@"; }`).join('\n')}\ng3000() { :; }\n`;
    const main = '#!/bin/bash\nset -u\n. ./lib.sh\ng0 a\necho "$Z"\n';
    const r = fixScript(main, { path: 'main.sh', readSource: (p) => (p.endsWith('lib.sh') ? lib : null) });
    assert.match(r.output, /^Z="\$\{Z:-\}"$/m);
    assert.equal(fixScript(lib, { path: 'lib.sh' }).edits.length, 3000);
  });
});
