// Adversarial sizes: deep nesting gives a clear ParseError, never a stack overflow; long flat
// chains parse and can be walked.

import assert from 'node:assert/strict';
import { ParseError } from '../../src/errors.js';
import { forEachNode, parse } from '../../src/parse/index.js';

const NESTED: Record<string, (n: number) => string> = {
  '$(': (n) => `echo ${'$('.repeat(n)}x${')'.repeat(n)}`,
  '"$(': (n) => `echo ${'"$('.repeat(n)}x${')"'.repeat(n)}`,
  '${x:-': (n) => `echo ${'${x:-'.repeat(n)}${'}'.repeat(n)}`,
  '( subshell': (n) => `${'('.repeat(n)}x${')'.repeat(n)}`,
  '$(( ( ))': (n) => `echo $(( ${'('.repeat(n)}1${')'.repeat(n)} ))`,
  if: (n) => `${'if x; then '.repeat(n)}y; ${'fi; '.repeat(n)}`,
  elif: (n) => `if x; then y; ${'elif x; then y; '.repeat(n)}fi`,
  '{': (n) => `${'{ '.repeat(n)}x; ${'}; '.repeat(n)}`,
  '[[ !': (n) => `[[ ${'! '.repeat(n)}x ]]`,
  'a[a[': (n) => `echo $(( ${'a['.repeat(n)}1${']'.repeat(n)} ))`,
  'unary -': (n) => `echo $(( ${'- '.repeat(n)}1 ))`,
};

describe('parser limits', () => {
  for (const [name, make] of Object.entries(NESTED)) {
    it(`${name} nested 1,000 and 100,000 deep: a ParseError naming the nesting, no stack overflow`, () => {
      for (const n of [1000, 100_000]) {
        assert.throws(
          () => parse(make(n)),
          (err: unknown) => err instanceof ParseError && /nesting too deep/.test(err.message),
        );
      }
    });
    it(`${name} nested 50 deep parses`, () => {
      parse(make(50));
    });
  }

  it('long flat chains (&&, |, +, ;) parse and walk without recursion limits', () => {
    const n = 50_000;
    for (const text of [
      Array(n).fill('a').join(' && '),
      Array(n).fill('a').join(' | '),
      `echo $(( ${Array(n).fill('x').join(' + ')} ))`,
      Array(n).fill('a').join('; '),
    ]) {
      let count = 0;
      forEachNode(parse(text), () => {
        count++;
      });
      assert.ok(count >= n);
    }
  });
});
