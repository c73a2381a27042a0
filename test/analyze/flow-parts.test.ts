// Parts of the flow analysis on their own (analyze/flow/): the call graph the walks record, and the
// order functions are summarised in.

import assert from 'node:assert/strict';
import {
  addCall,
  type CallSite,
  calleesOf,
  callsOf,
  describeSites,
  emptyCallGraph,
  forgetCalls,
  groupCallsOf,
  groupsWith,
  siteLine,
} from '../../src/analyze/flow/call-graph.js';
import { calleesFirst } from '../../src/analyze/flow/call-order.js';
import type { State } from '../../src/analyze/flow/state.js';
import { listInWords } from '../../src/analyze/in-words.js';
import type { Region } from '../../src/analyze/model.js';

const region = (name: string): Region => ({
  kind: 'region',
  shape: 'function',
  start: 0,
  end: 0,
  name,
  events: [],
  facts: null,
  added: null,
  skipFacts: null,
  flag: false,
  again: null,
});
const site = (line: number): CallSite => ({
  state: { dead: false, chunks: [], id: 0, ownTop: false, opaque: -1, argc: 0 } satisfies State,
  line,
  how: 'call',
});
const paths = ['main.sh', 'lib/helpers.sh'];

describe('flow: the call graph', () => {
  it('keeps the sites of each caller by callee, callers in the order they first called', () => {
    const g = emptyCallGraph();
    const f = region('f');
    addCall(g, 'top', ['f', 'g'], site(3));
    addCall(g, f, ['g'], site(7));
    addCall(g, 'top', ['g'], site(9));
    assert.deepEqual(
      callsOf(g, 'g')
        .flat()
        .map((s) => s.line),
      [3, 9, 7],
    );
    assert.deepEqual([...calleesOf(g, 'top')], ['f', 'g']);
  });

  it('a caller walked again forgets its old sites; it stays a caller, with none', () => {
    const g = emptyCallGraph();
    const f = region('f');
    addCall(g, f, ['g'], site(2));
    forgetCalls(g, f);
    assert.deepEqual(callsOf(g, 'g'), []);
    assert.deepEqual([...calleesOf(g, f)], []);
  });

  it('a computed call that may run several functions is one site of their group, by caller', () => {
    const g = emptyCallGraph();
    const f = region('f');
    const group = ['a', 'b'];
    addCall(g, f, group, site(4), true);
    addCall(g, 'top', group, site(8), true);
    addCall(g, f, group, site(6), true);
    addCall(g, 'top', ['c'], site(9), true);
    assert.deepEqual(callsOf(g, 'a'), []);
    assert.deepEqual([...groupsWith(g, 'b')], [group]);
    assert.deepEqual(
      groupCallsOf(g, group).map((list) => list.map((s) => s.line)),
      [[4, 6], [8]],
    );
    // A computed call that may run one function is a call of it.
    assert.deepEqual(
      callsOf(g, 'c').map((list) => list.map((s) => s.line)),
      [[9]],
    );
    assert.deepEqual([...calleesOf(g, f)], ['a', 'b']);
    forgetCalls(g, f);
    assert.deepEqual(
      groupCallsOf(g, group).map((list) => list.map((s) => s.line)),
      [[8]],
    );
    assert.deepEqual([...calleesOf(g, f)], []);
  });
});

describe('lists in words', () => {
  it('up to six items in full, then the first five and how many more', () => {
    assert.equal(listInWords(['a', 'b', 'c']), 'a, b, c');
    assert.equal(listInWords(['a', 'b', 'c'], true), 'a, b and c');
    assert.equal(listInWords(['a', 'b', 'c', 'd', 'e', 'f'], true), 'a, b, c, d, e and f');
    assert.equal(listInWords(['a', 'b', 'c', 'd', 'e', 'f', 'g'], true), 'a, b, c, d, e and 2 more');
  });
});

describe('flow: call sites in words', () => {
  it('names up to six call lines, then the first five and how many more', () => {
    assert.equal(describeSites('f', [site(9), site(3), site(3)], paths), 'the calls of f on lines 3, 9');
    assert.equal(describeSites('f', [1, 2, 3, 4, 5, 6].map(site), paths), 'the calls of f on lines 1, 2, 3, 4, 5, 6');
    // rkhunter's display is called from 1,816 lines: a reason listing them took 8,000 characters.
    assert.equal(
      describeSites(
        'f',
        Array.from({ length: 1816 }, (_, i) => site(1816 - i)),
        paths,
      ),
      'the calls of f on lines 1, 2, 3, 4, 5 and 1811 more',
    );
  });
  it('names the sourced file a call site is in', () => {
    const inLib = (line: number): CallSite => ({ ...site(0), line: siteLine(1, line) });
    assert.equal(
      describeSites('f', [inLib(47), site(9), inLib(41), site(3)], paths),
      'the calls of f on lines 3, 9, and lines 41, 47 of lib/helpers.sh',
    );
    assert.equal(describeSites('f', [inLib(41)], paths), 'the call of f on line 41 of lib/helpers.sh');
  });
});

describe('flow: the order of the summaries', () => {
  const defs = (
    calls: Record<string, string[]>,
    computed: string[] = [],
  ): Map<string, { calls: Set<string>; computed: boolean }[]> =>
    new Map(
      Object.entries(calls).map(([name, cs]) => [name, [{ calls: new Set(cs), computed: computed.includes(name) }]]),
    );

  it('callees come first; no cycle, one round', () => {
    const { order, cyclic } = calleesFirst(
      defs({ main: ['a', 'b'], a: ['b'], b: [] }),
      (d) => d.calls,
      (d) => d.computed,
    );
    assert.deepEqual(order, ['b', 'a', 'main']);
    assert.equal(cyclic, false);
  });

  it('a call cycle, or a computed call, needs rounds to a fixpoint', () => {
    assert.equal(
      calleesFirst(
        defs({ a: ['b'], b: ['a'] }),
        (d) => d.calls,
        (d) => d.computed,
      ).cyclic,
      true,
    );
    assert.equal(
      calleesFirst(
        defs({ a: [] }, ['a']),
        (d) => d.calls,
        (d) => d.computed,
      ).cyclic,
      true,
    );
  });
});
