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

  it('a chain of elifs too long says that each elif nests; other nesting does not', () => {
    const error = (text: string): string => {
      try {
        parse(text);
      } catch (err) {
        if (err instanceof ParseError) return err.message;
        throw err;
      }
      return '';
    };
    assert.match(
      error(NESTED.elif?.(1000) ?? ''),
      /nesting too deep: .*each `elif` of an if nests one level deeper, and \d+ come before/,
    );
    assert.doesNotMatch(error(NESTED.if?.(1000) ?? ''), /elif/);
    // Deep nesting inside a short chain is not put down to the chain.
    assert.doesNotMatch(error(`if x; then y; elif x; then ${'{ '.repeat(300)}x; ${'}; '.repeat(300)}fi`), /elif/);
  });

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
