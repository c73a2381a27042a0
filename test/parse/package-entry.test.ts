// Other tools can use nounset's parser through the package's main entry.

import assert from 'node:assert/strict';

describe('package entry', () => {
  it('exports parse, forEachNode, detectDialect and ParseError from "nounset"', async () => {
    const api = await import('nounset');
    const file = api.parse('echo $x\n');
    let names = 0;
    api.forEachNode(file, (n) => {
      if (n.type === 'ParamExp') names++;
    });
    assert.equal(names, 1);
    assert.equal(api.detectDialect('#!/bin/sh\n').dialect, 'posix');
    assert.throws(() => api.parse('fi\n'), api.ParseError);
  });
});
