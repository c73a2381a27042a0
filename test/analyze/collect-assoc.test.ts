// `declare -A` names are learned during the model walk (collect-assoc.ts): a declaration counts
// wherever it stands, including after the use and in places the walk does not enter.

import assert from 'node:assert/strict';
import { collectEvents } from '../../src/analyze/collect.js';
import { forEachEvent } from '../../src/analyze/model.js';
import { parse } from '../../src/parse/index.js';

function readNames(text: string): string[] {
  const names: string[] = [];
  forEachEvent(collectEvents(parse(text), text), (e) => {
    if (e.kind === 'read') names.push(e.name);
  });
  return names;
}

const CASES: readonly { readonly what: string; readonly text: string; readonly reads: readonly string[] }[] = [
  { what: 'an indexed subscript reads its names', text: 'echo "${m[k]}"', reads: ['m', 'k'] },
  { what: 'declared before the use', text: 'declare -A m; echo "${m[k]}"', reads: ['m'] },
  { what: 'declared after the use', text: 'echo "${m[k]}"; declare -A m', reads: ['m'] },
  {
    what: 'used in a function defined first, flags combined',
    text: 'f() { echo "${m[k]}"; }; declare -Ar m',
    reads: ['m'],
  },
  { what: 'an assignment subscript before the declaration', text: 'x=$(( m[k] + 1 )); typeset -A m', reads: ['m'] },
  {
    what: 'declared in a `declare -f` value, which is not walked',
    text: 'declare -f f=$(declare -A m); echo "${m[k]}"',
    reads: ['m'],
  },
  {
    what: 'declared in a here-document delimiter, which is not walked',
    text: 'cat <<$(declare -A m)\nx\n$(declare -A m)\necho "${m[k]}"',
    reads: ['m'],
  },
  {
    what: 'declared in a coproc name, which is not walked',
    text: 'coproc $(declare -A m) { :; }; echo "${m[k]}"',
    reads: ['m'],
  },
  {
    what: 'a quoted here-document body declares nothing',
    text: 'cat <<\'E\'\n$(declare -A m)\nE\necho "${m[k]}"',
    reads: ['m', 'k'],
  },
];

describe('associative arrays learned during the walk', () => {
  for (const c of CASES) {
    it(c.what, () => {
      assert.deepEqual(readNames(c.text), c.reads);
    });
  }
});
