// Libraries many scripts source are parsed, modelled and summarised once (sourced/source-loader.ts,
// flow/shared-libraries.ts), and the walk of their top level is replayed where a script meets them
// with the same values (flow/source-cache.ts): every script must get exactly what a fresh analysis
// gives it, whatever order the scripts come in, also when one defines a function the library calls
// or sets before sourcing it what the library's top level writes, tests or defaults.

import assert from 'node:assert/strict';
import { forgetSharedAnalyses, keptWalkReplays, sharedLibrarySets } from '../../src/analyze/flow/index.js';
import { forgetSharedParses } from '../../src/analyze/sourced/index.js';
import { fixScript, inspectScript } from '../../src/index.js';

const LIB = [
  'say() { printf "%s\\n" "$*"; }',
  'need() { [ -n "${1:-}" ] || { say "missing $2"; exit 1; }; }',
  'setup_dirs() { WORK=${TMPDIR:-/tmp}/work; need "$WORK" WORK; say "$WORK"; }',
  'run_hook() { "$@"; }',
  'cleanup() { rm -rf "$WORK/$1"; unset SCRATCH; }',
  'LIB_LOADED=1',
  // What the top level does depends on what the script set before: a default, a test, a branch.
  ': "${PRESET:=lib}"',
  '[ -n "${FLAG+x}" ] || FLAG=default',
  'if [ -n "${MODE:-}" ]; then TOP=1; else unset STALE; fi',
  '',
].join('\n');
const OTHER = ['. ./lib.sh', 'other_init() { setup_dirs; OTHER=1; }', ''].join('\n');
const SCRIPTS: Record<string, string> = {
  'a.sh': '#!/bin/bash\nset -u\n. ./lib.sh\nsetup_dirs\necho "$WORK $LIB_LOADED $SCRATCH"\ncleanup x\n',
  'b.sh':
    '#!/bin/bash\nset -u\n. ./lib.sh\n# b defines say, which the library calls: nothing of the library may be reused\nsay() { SAID=1; }\nsetup_dirs\necho "$SAID $WORK"\n',
  'c.sh': '#!/bin/bash\n. ./other.sh\nother_init\nrun_hook my_hook\nmy_hook() { echo "$1 $OTHER"; }\necho "$WORK"\n',
  'd.sh': '#!/bin/bash\nset -u\nWORK=/srv\n. ./lib.sh\ncleanup "$1"\necho "$SCRATCH"\n',
  'e.sh': '#!/bin/bash\nset -u\n. ./lib.sh\necho "$PRESET $FLAG $TOP $STALE $LIB_LOADED"\n',
  'f.sh': '#!/bin/bash\nset -u\nFLAG=1\nSTALE=1\n. ./lib.sh\necho "$PRESET $FLAG $TOP $STALE"\n',
  'g.sh': '#!/bin/bash\nset -u\nPRESET=mine\nunset FLAG\n. ./lib.sh\necho "$PRESET $FLAG $TOP"\n',
  'h.sh': '#!/bin/bash\nset -u\n. ./lib.sh\necho "$PRESET $FLAG $TOP $STALE $LIB_LOADED"\n',
};
const FILES: Record<string, string> = { 'lib.sh': LIB, 'other.sh': OTHER, ...SCRIPTS };
const readSource = (p: string): string | null => FILES[p.replace(/^\.\//, '')] ?? null;

function analyse(path: string): string {
  const text = SCRIPTS[path] ?? '';
  const fix = fixScript(text, { path, readSource });
  const refs = inspectScript(text, { path, readSource }).references.map(
    (r) => `${r.line}:${r.column} ${r.name} ${r.verdict} ${r.reason}`,
  );
  return JSON.stringify([fix.output, fix.edits.map((e) => e.reason), fix.diagnostics, refs]);
}

describe('analyze: libraries shared between the scripts of a run', () => {
  const names = Object.keys(SCRIPTS);
  const fresh = new Map<string, string>();
  before(() => {
    for (const n of names) {
      forgetSharedAnalyses();
      forgetSharedParses();
      fresh.set(n, analyse(n));
    }
  });

  for (const order of [names, [...names].reverse(), ['b.sh', 'a.sh', 'd.sh', 'c.sh', 'a.sh', 'b.sh']]) {
    it(`scripts in the order ${order.join(' ')} get what a fresh analysis gives each`, () => {
      forgetSharedAnalyses();
      forgetSharedParses();
      for (const n of order) assert.equal(analyse(n), fresh.get(n), n);
    });
  }

  it('replays the top level of lib.sh where a script meets it as an earlier one did, and only there', () => {
    forgetSharedAnalyses();
    const fix = (n: string): void => {
      fixScript(SCRIPTS[n] ?? '', { path: n, readSource });
    };
    // The first analysis keeps the summaries, the second the walk (with them).
    fix('e.sh');
    fix('e.sh');
    assert.equal(keptWalkReplays(), 0);
    // h.sh meets lib.sh with the values e.sh did: replayed; f.sh and g.sh set what it tests.
    fix('h.sh');
    assert.equal(keptWalkReplays(), 1, 'h.sh replays');
    fix('f.sh');
    fix('g.sh');
    assert.equal(keptWalkReplays(), 1, 'f.sh and g.sh walk it');
  });

  it('a library fixed as a file of the run after a script sourced it gets what a fresh analysis gives it', () => {
    const asScript = (path: string): string => {
      const text = FILES[path] ?? '';
      const fix = fixScript(text, { path, readSource });
      return JSON.stringify([fix.output, fix.edits, fix.diagnostics, inspectScript(text, { path, readSource })]);
    };
    forgetSharedAnalyses();
    forgetSharedParses();
    const alone = asScript('lib.sh');
    forgetSharedParses();
    analyse('a.sh');
    analyse('c.sh');
    assert.equal(asScript('lib.sh'), alone);
    const shared = asScript('other.sh');
    forgetSharedParses();
    assert.equal(shared, asScript('other.sh'));
  });

  it('is used (one set of summaries for lib.sh, one for other.sh with lib.sh), and not for a changed library text', () => {
    forgetSharedAnalyses();
    for (const n of names) analyse(n);
    assert.equal(sharedLibrarySets(), 2);
    const before = analyse('a.sh');
    FILES['lib.sh'] = LIB.replace('LIB_LOADED=1', 'LIB_LOADED=2; SCRATCH=1');
    try {
      assert.notEqual(analyse('a.sh'), before);
    } finally {
      FILES['lib.sh'] = LIB;
    }
    assert.equal(analyse('a.sh'), before);
  });
});
