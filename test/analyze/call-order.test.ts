// Questions asked of a function through the functions it calls (flow/call-order.ts): answered
// depth first with a stack of their own, so call chains thousands deep (a library's, a script's)
// are analysed, not an internal error.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { askCalls, calleesFirst } from '../../src/analyze/flow/call-order.js';
import { fixScript } from '../../src/fix/fix-script.js';

interface Def {
  readonly flag: boolean;
  readonly calls: readonly string[];
}

/** "Does it reach a flagged definition?" over `graph`, with a memo of its own; `looked` is told of
 * each look at a function's definitions. */
function reaches(
  graph: Record<string, Def[]>,
  root: string,
  memo = new Map<string, boolean>(),
  looked: () => void = () => {},
): boolean {
  const funcs = new Map(Object.entries(graph));
  return askCalls(root, {
    decisive: true,
    whenUndefined: false,
    memo,
    known: (f) => memo.get(f),
    defs: (f) => {
      looked();
      return funcs.get(f) ?? [];
    },
    decides: (d) => d.flag,
    callees: (d) => d.calls.filter((c) => funcs.has(c)),
  });
}

/** Whether `root` reaches a flagged definition, by a plain search of the graph. */
function plainReach(graph: Record<string, Def[]>, root: string): boolean {
  const seen = new Set<string>([root]);
  const todo = [root];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    for (const d of graph[f] ?? []) {
      if (d.flag) return true;
      for (const c of d.calls) {
        if (seen.has(c) || graph[c] === undefined) continue;
        seen.add(c);
        todo.push(c);
      }
    }
  }
  return false;
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
    assert.deepEqual(
      [...memo].sort(),
      [
        ['a', false],
        ['b', false],
        ['c', false],
      ],
      'a cycle is final once its first member is',
    );
  });

  it('keeps an answer that leans on an open function only once that function is answered', () => {
    // b meets a open and answers "no" there; a then reaches e through d, so b is "yes" after all.
    const graph: Record<string, Def[]> = {
      a: [{ flag: false, calls: ['b', 'd'] }],
      b: [{ flag: false, calls: ['a'] }],
      d: [{ flag: false, calls: ['e'] }],
      e: [{ flag: true, calls: [] }],
    };
    const memo = new Map<string, boolean>();
    assert.equal(reaches(graph, 'a', memo), true);
    assert.equal(memo.has('b'), false, "b's provisional no is not kept");
    assert.equal(reaches(graph, 'b', memo), true);
  });

  it('gives every function the answer of plain reachability, whatever the graph and the order of questions', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const name = fc.constantFrom(...names);
    const def = fc.record({ flag: fc.boolean(), calls: fc.array(name, { maxLength: 3 }) });
    const graphArb = fc.dictionary(name, fc.array(def, { maxLength: 2 }), { maxKeys: 7 });
    fc.assert(
      fc.property(graphArb, fc.array(name, { minLength: 1, maxLength: 10 }), (graph, questions) => {
        const memo = new Map<string, boolean>();
        for (const root of questions) assert.equal(reaches(graph, root, memo), plainReach(graph, root), root);
        for (const [f, yes] of memo) assert.equal(yes, plainReach(graph, f), `kept answer of ${f}`);
      }),
      { numRuns: 500, seed: 20261901 },
    );
  });

  it('asks each function of a chain once, however many of its functions are asked about', () => {
    const graph: Record<string, Def[]> = {};
    for (let i = 0; i < 2000; i++) graph[`f${i}`] = [{ flag: false, calls: i < 1999 ? [`f${i + 1}`, 'f0'] : [] }];
    const memo = new Map<string, boolean>();
    let asked = 0;
    for (let i = 0; i < 2000; i++) reaches(graph, `f${i}`, memo, () => asked++);
    assert.equal(asked, 2000, 'one look at each definition list (it was 2,001,000 before)');
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
