// Whether a script starts with set -u, read from its shebang, against what the kernel and bash do
// with that line; and the option scan the `set` builtin shares with it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nounsetAtStart, setOption } from '../../src/analyze/nounset-start.js';
import { useTempDir } from '../support/cli.js';
import { UNIT_TIER } from '../support/tier.js';

const SHEBANGS = [
  '#!/bin/bash',
  '#!/bin/bash -u',
  '#!/bin/bash -eu',
  '#!/bin/bash -e',
  '#!/usr/bin/env bash',
  '#!/usr/bin/env -S bash -e -u',
  '#!/usr/bin/env -S bash -o nounset',
  '#!/usr/bin/env -S bash -o pipefail -u',
  '#!/usr/bin/env -S bash -o pipefail',
  '#!/usr/bin/env -S bash -u +u',
];

describe('analyze/nounset-start', () => {
  it('setOption: each `o` takes the next word as its name, and the scan stops at a non-option', () => {
    const opt = (t: string) => /^[-+]./.test(t) && t !== '--';
    assert.deepEqual(setOption(['-euo', 'pipefail'], opt, 'u', 'nounset'), { on: true, end: 2 });
    assert.deepEqual(setOption(['-o', 'pipefail', '-u', 'x'], opt, 'u', 'nounset'), { on: true, end: 3 });
    assert.deepEqual(setOption(['+o', 'nounset', '--', '-u'], opt, 'u', 'nounset'), { on: false, end: 2 });
    assert.deepEqual(setOption(['-e'], opt, 'u', 'nounset'), { on: null, end: 1 });
    // Any option the same way: allexport, for the env-init block's place (block-site.ts).
    assert.deepEqual(setOption(['-euao', 'pipefail'], opt, 'a', 'allexport'), { on: true, end: 2 });
    assert.deepEqual(setOption(['-o', 'allexport', '+a'], opt, 'a', 'allexport'), { on: false, end: 3 });
  });

  if (UNIT_TIER) return;
  const dir = useTempDir('nounset-start-', { shared: true });
  it(`agrees with bash started through each of ${SHEBANGS.length} shebangs`, () => {
    for (const [k, shebang] of SHEBANGS.entries()) {
      const script = join(dir(), `s${k}`);
      writeFileSync(script, `${shebang}\ncase $- in *u*) echo on ;; *) echo off ;; esac\n`);
      chmodSync(script, 0o755);
      const r = spawnSync(script, [], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${shebang}: ${r.stderr}`);
      assert.equal(nounsetAtStart(`${shebang}\n`), r.stdout.trim(), shebang);
    }
  });
});
