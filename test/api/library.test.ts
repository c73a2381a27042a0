// The library as a user imports it from "nounset": fixScript, inspectScript, unifiedDiff, and the
// guard that leaves a file alone when an edit would change how it reads.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Edit } from '../../src/edit/edit.js';
import { verifyOutput } from '../../src/fix/verify-output.js';
import { parse } from '../../src/parse/index.js';
import { UNIT_TIER } from '../support/tier.js';

describe('library entry', () => {
  it('exports fixScript, inspectScript, unifiedDiff and parse from "nounset"', async () => {
    const api = await import('nounset');
    const text = '#!/bin/bash\nset -u\necho "$NAME" "$1"\n';
    const r = api.fixScript(text, { path: 'a.sh' });
    assert.equal(r.changed, true);
    assert.equal(r.dialect, 'bash');
    assert.deepEqual(
      r.edits.map((e) => [e.line, e.column, e.variable, e.kind, e.before, e.after]),
      [
        [3, 1, null, 'env-init-block', '', r.edits[0]?.after],
        [3, 15, '1', 'default-empty', '$1', '${1:-}'],
      ],
    );
    assert.match(
      r.edits[0]?.after ?? '',
      /^\n# nounset:env-init begin.*\nNAME="\$\{NAME:-\}"\n# nounset:env-init end\n\n$/,
    );
    assert.ok(
      r.edits.every((e) => e.reason.length > 20),
      'every edit says why',
    );
    assert.deepEqual(r.inputs, [{ name: 'NAME', line: 3 }]);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(typeof api.parse, 'function');

    const refs = api.inspectScript(text, { path: 'a.sh' }).references;
    assert.deepEqual(
      refs.map((x) => [x.line, x.column, x.name, x.text, x.form, x.context, x.verdict]),
      [
        [3, 7, 'NAME', '$NAME', 'plain', 'argument, double-quoted', 'unsafe'],
        [3, 15, '1', '$1', 'positional', 'argument, double-quoted', 'unsafe'],
      ],
    );
    assert.match(refs[0]?.reason ?? '', /env-init block/);
  });

  it('unifiedDiff writes a/ b/ headers that git apply accepts, and nothing for equal texts', async () => {
    const { fixScript, unifiedDiff } = await import('nounset');
    const before = 'echo "$X"\r\nrm -rf "$D/"\r\n';
    // The caller says set -u is on (it runs the script with bash -u): an empty $D must not reach rm.
    const after = fixScript(before, { style: 'inline', nounsetAtStart: 'on' }).output;
    assert.equal(after, 'echo "${X:-}"\r\nrm -rf "${D:?D is not set}/"\r\n');
    assert.equal(unifiedDiff('s.sh', before, before), '');
    const diff = unifiedDiff('dir/s.sh', before, after);
    assert.match(diff, /^--- a\/dir\/s\.sh\n\+\+\+ b\/dir\/s\.sh\n@@ -1,2 \+1,2 @@\n/);
    if (UNIT_TIER) return; // git apply: in `npm test`
    const dir = mkdtempSync(join(tmpdir(), 'nounset-diff-'));
    try {
      spawnSync('mkdir', ['-p', join(dir, 'dir')]);
      writeFileSync(join(dir, 'dir', 's.sh'), before);
      writeFileSync(join(dir, 'p.diff'), diff);
      const r = spawnSync('git', ['apply', 'p.diff'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects options it cannot honour with a UsageError', async () => {
    const { fixScript, UsageError } = await import('nounset');
    assert.throws(() => fixScript('echo $X\n', { defaults: { X: "it's" } }), UsageError);
    assert.throws(() => fixScript('echo $X\n', { required: ['1X'] }), UsageError);
  });

  it('is deterministic: the same input gives byte-identical results', async () => {
    const { fixScript } = await import('nounset');
    const text = 'echo "$B $A $C" $(( Z + Y ))\nrm -rf "$D"\n';
    assert.equal(JSON.stringify(fixScript(text)), JSON.stringify(fixScript(text)));
  });
});

describe('the output guard', () => {
  const edit = (start: number, end: number, text: string): Edit => ({
    start,
    end,
    changes: [{ start, end, text }],
    kind: 'default-empty',
    variable: 'X',
    reason: 'test',
    transform: 'test',
  });

  it('accepts an edit that changes only the edited reference', () => {
    const input = 'echo "$X" done\n';
    const output = 'echo "${X:-}" done\n';
    assert.equal(
      verifyOutput({
        input: parse(input),
        inputText: input,
        output,
        edits: [edit(6, 8, '${X:-}')],
        dialect: 'bash',
        path: 'a.sh',
      }),
      null,
    );
  });

  it('refuses output that does not parse', () => {
    const input = 'echo "$X" done\n';
    const output = 'echo "${X:-" done\n';
    assert.match(
      verifyOutput({
        input: parse(input),
        inputText: input,
        output,
        edits: [edit(6, 8, '${X:-')],
        dialect: 'bash',
        path: 'a.sh',
      }) ?? '',
      /would not parse/,
    );
  });

  it('refuses output that reads differently outside the edit', () => {
    // `$X` → `${X:-};` ends the command there: `ok` becomes a command of its own.
    const input = 'echo $X ok\n';
    const output = 'echo ${X:-}; ok\n';
    assert.match(
      verifyOutput({
        input: parse(input),
        inputText: input,
        output,
        edits: [edit(5, 7, '${X:-};')],
        dialect: 'bash',
        path: 'a.sh',
      }) ?? '',
      /read differently outside the edits/,
    );
  });
});
