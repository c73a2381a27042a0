// A run over some files of a git work tree keeps what the tree's other scripts told in its cache
// directory (facts-cache.ts): the next run reads none of the files whose stamps are the same, and
// plans every file as a run without the cache does, after a change of the same size too. Needs git:
// not in the unit tier.

import assert from 'node:assert/strict';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeIO } from '../../src/io/node-script-io.js';
import type { ScriptIO } from '../../src/io/script-io.js';
import { planRun } from '../../src/run/plan-run.js';
import type { CacheConfig } from '../../src/run/result-cache.js';
import { useTempDir } from '../support/cli.js';
import { commit, initRepo } from '../support/git.js';

const TREE = {
  'lib.sh': 'helper() { echo "$X"; }\n',
  'main.sh': '#!/bin/bash\nset -u\n. ./lib.sh\nhelper\n',
  tool: '#!/usr/bin/env bash\necho "$TOOL_ARG"\n',
  notes: 'not a script, though it says: set -u; . ./lib.sh\n',
  'sub/x.sh': '#!/bin/bash\necho "$@"\n',
  'sub/y/mac.sh': 'case "$(uname -s)" in Darwin) brew install jq ;; esac\n',
};

/** nodeIO, counting the files it reads whole or in part, by path. */
function countingIO(): ScriptIO & { reads: string[] } {
  const reads: string[] = [];
  return {
    ...nodeIO,
    reads,
    readScript(path) {
      reads.push(path);
      return nodeIO.readScript?.(path) ?? { text: nodeIO.readFile(path), encoding: 'utf8' };
    },
    readHead(path, bytes) {
      reads.push(path);
      return nodeIO.readHead(path, bytes);
    },
  };
}

describe('work-tree facts kept in the cache directory', () => {
  const tmp = useTempDir('nounset-facts-');

  it('are read again only for changed files, and plan every file as a run without them', async function () {
    this.timeout(20000);
    const cwd = tmp();
    initRepo(cwd);
    commit(cwd, TREE, 'tree');
    // Whole seconds, which utimes can give back exactly (below).
    const mtime = Math.floor(Date.now() / 1000) - 3600;
    utimesSync(join(cwd, 'main.sh'), mtime, mtime);
    // Stamps taken within 2 s of a change are not kept (racily clean): let the tree settle.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const cache: CacheConfig = { dir: join(cwd, '.cache'), version: 'test build', maxBytes: 1 << 20 };
    const plan = (named: string, withCache: boolean, io: ScriptIO = nodeIO) =>
      planRun([named], { cwd, fix: {}, ...(withCache ? { cache } : {}) }, io).files.map((f) =>
        'task' in f ? f.task : f.result,
      );
    const readsOf = (named: string) => {
      const io = countingIO();
      const files = plan(named, true, io);
      assert.deepEqual(files, plan(named, false), `${named}: as without the cache`);
      return io.reads.map((p) => p.slice(cwd.length + 1)).sort();
    };

    // The first run names `notes`, which a scan of the tree would not take (no shebang, no
    // extension), though its text sources lib.sh after `set -u`: it is read as the run's file, and
    // the tree's scripts (and the head of `tool`, for a shebang) as the tree's.
    assert.deepEqual(readsOf('notes'), ['lib.sh', 'main.sh', 'notes', 'sub/x.sh', 'sub/y/mac.sh', 'tool', 'tool']);
    // The next runs read only the file they fix: the others' rows are kept, the run's own too.
    assert.deepEqual(readsOf('lib.sh'), ['lib.sh']);
    const [first] = plan('lib.sh', true);
    assert.ok(first && 'fix' in first);
    assert.equal(first.fix.nounsetAtStart, 'unknown', 'main.sh turns set -u on and sources it');
    assert.deepEqual(readsOf('main.sh'), ['main.sh']);
    assert.deepEqual(readsOf('lib.sh'), ['lib.sh']);

    // sub/y/mac.sh shows macOS; no run so far needed to look (nothing of theirs is under sub/y/
    // or sources it). A run of sub/y/z.sh does: it reads it again.
    writeFileSync(join(cwd, 'sub/y/z.sh'), '#!/bin/bash\necho "$@"\n');
    const z = readsOf('sub/y/z.sh');
    assert.ok(z.includes('sub/y/mac.sh'), z.join(' '));
    const [zPlan] = plan('sub/y/z.sh', true);
    assert.ok(zPlan && 'fix' in zPlan && zPlan.fix.macosRun === true);

    // main.sh no longer turns set -u on: same size, same modification time, another change time.
    const main = join(cwd, 'main.sh');
    writeFileSync(main, readFileSync(main, 'utf8').replace('set -u', 'set +u'));
    utimesSync(main, mtime, mtime);
    assert.equal(statSync(main).mtimeMs, mtime * 1000);
    const after = readsOf('lib.sh');
    assert.ok(after.includes('main.sh'), after.join(' '));
    const [changed] = plan('lib.sh', true);
    assert.ok(changed && 'fix' in changed);
    assert.equal(changed.fix.nounsetAtStart, undefined, 'notes is no script of the tree, though named once');
  });
});
