#!/usr/bin/env node
// The nounset bin (copied to dist/bundle/main.cjs by scripts/bundle.mjs). It runs the bundled CLI
// (nounset.cjs) through V8's code cache, written at build time by scripts/code-cache.mjs: V8 then
// skips parsing and compiling the bundle's 500 KB and the functions a run calls, a part of every
// start that a pre-commit hook on one file feels. A cache V8 rejects (another Node version, other
// flags) is ignored and the bundle compiles as usual: the cache only ever saves time.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const Module = require('node:module');

const BUNDLE = join(__dirname, 'nounset.cjs');

/** The bundle as a compiled script, with the code cache when there is one. */
function compileBundle(cachedData) {
  const source = readFileSync(BUNDLE, 'utf8');
  return new Script(Module.wrap(source), { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
}

/** Runs the compiled bundle as the CommonJS module it is. */
function runBundle(script) {
  const module = { exports: {}, filename: BUNDLE, id: BUNDLE };
  script.runInThisContext()(module.exports, require, module, BUNDLE, __dirname);
}

function readCache() {
  try {
    return readFileSync(`${BUNDLE}.cache`);
  } catch (err) {
    // No cache (a build without one) costs time, not correctness; anything else is a real fault.
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
}

if (require.main === module) runBundle(compileBundle(readCache()));
else module.exports = { BUNDLE, compileBundle, runBundle };
