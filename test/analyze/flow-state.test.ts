// The flow state on its own (analyze/flow/state.ts): states share chunks of names and copy one
// only when they write it, so what one path writes must never show in another, before or after a
// join; and a join settles each name (status, slot, story) as if every path were asked in turn.

import assert from 'node:assert/strict';
import { assignedAt, type FlowPos, SET_BY_SHELL } from '../../src/analyze/flow/positions.js';
import { NameTable, type State, stateOps } from '../../src/analyze/flow/state.js';

// 75 names: three chunks, the last one partly used.
const table = new NameTable();
for (let i = 0; i < 75; i++) table.id(`v${i}`);
const ops = stateOps(table, (name) => name === 'v1');
const at = (offset: number) => assignedAt(offset as FlowPos);
const statuses = (s: State) => table.names.map((_, i) => ops.statusOf(s, i)).join('');

describe('flow: the state', () => {
  it('starts with what the shell sets', () => {
    const s = ops.fresh(0);
    assert.equal(ops.statusOf(s, 1), 2);
    assert.equal(ops.setAtOf(s, 1), SET_BY_SHELL);
    assert.equal(ops.statusOf(s, 0), 0);
  });

  it('a write after a clone shows in one state only, whichever writes', () => {
    const s = ops.fresh(0);
    const t = ops.clone(s);
    ops.assign(t, 40, at(5));
    ops.assign(s, 41, at(6));
    assert.equal(ops.statusOf(s, 40), 0);
    assert.equal(ops.statusOf(t, 40), 2);
    assert.equal(ops.statusOf(t, 41), 0);
    // Neither wrote into the fresh state's chunks either.
    assert.equal(statuses(ops.fresh(0)), statuses(ops.deadState()));
  });

  it('a write after a join does not reach the join, nor the join the paths', () => {
    const s = ops.fresh(0);
    ops.assign(s, 70, at(1));
    const t = ops.clone(s);
    const out = ops.join([s, t], () => 'x');
    const before = statuses(out);
    ops.kill(s, 70, 'killed on s');
    ops.assign(t, 3, at(2));
    assert.equal(statuses(out), before);
    ops.kill(out, 71, 'killed on out');
    assert.equal(ops.statusOf(t, 71), 0);
    assert.equal(ops.whyOf(t, 71), null);
    assert.equal(ops.statusOf(s, 70), 0);
    assert.equal(ops.whyOf(s, 70), 'killed on s');
  });

  it('a join keeps what every path assigns, and tells the first story a path has', () => {
    const a = ops.fresh(0);
    const b = ops.clone(a);
    const c = ops.clone(a);
    ops.assign(a, 10, at(1));
    ops.assign(b, 10, at(2));
    ops.assign(c, 10, at(3));
    ops.assign(a, 35, at(4));
    ops.kill(b, 36, 'b unsets v36');
    ops.kill(c, 36, 'c unsets v36');
    ops.assign(a, 36, at(7));
    const out = ops.join([a, b, c], (i) => () => `v${i} differs`);
    assert.equal(ops.statusOf(out, 10), 2);
    assert.equal(ops.setAtOf(out, 10), at(1));
    // Set on one path only, with no story on the others: how the paths differ.
    assert.equal(ops.statusOf(out, 35), 0);
    assert.equal(ops.whyOf(out, 35), 'v35 differs');
    // Unset with a story on the second path: that story, not the third's.
    assert.equal(ops.whyOf(out, 36), 'b unsets v36');
  });

  it('a dead path does not count, and same() compares what the states say', () => {
    const a = ops.fresh(2);
    const b = ops.clone(a);
    b.dead = true;
    ops.kill(b, 5, 'never');
    const out = ops.join([a, b], () => 'x');
    assert.ok(ops.same(out, a));
    ops.assign(out, 5, at(9));
    assert.ok(!ops.same(out, a));
  });

  it('an opaque path makes a name no path leaves unset unknown, from that file', () => {
    const a = ops.fresh(0);
    const b = ops.clone(a);
    ops.assign(a, 50, at(1));
    ops.makeOpaque(b, 77 as FlowPos);
    const out = ops.join([a, b], () => 'x');
    assert.equal(ops.statusOf(out, 50), 1);
    assert.equal(ops.unknownSourceOf(out, 50), 77);
    assert.equal(ops.statusOf(out, 51), 0);
  });
});
