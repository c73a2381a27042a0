// Discovery on an in-memory file system: which files a walk takes, in which order, shown how.

import assert from 'node:assert/strict';
import { findScripts, hasShellShebang } from '../../src/run/find-scripts.js';
import { fakeIO } from './fake-io.js';

const cwd = '/w';

describe('findScripts', () => {
  it('takes shell extensions and extensionless files with a shell shebang, sorted in byte order', () => {
    const io = fakeIO({
      '/w/b.sh': '',
      '/w/a.bash': '',
      '/w/t.bats': '',
      '/w/k.ksh': '',
      '/w/Z.sh': '',
      '/w/é.sh': '',
      '/w/sub/run': '#!/bin/sh\n',
      '/w/sub/run-bash': '#!/usr/bin/env bash\n',
      '/w/sub/run-s': '#!/usr/bin/env -S bash -e\n',
      '/w/sub/run-dash': '#! /bin/dash\n',
      '/w/sub/run-ash': '#!/bin/ash\n',
      '/w/sub/run-ksh': '#!/bin/ksh\n',
      '/w/sub/run-mksh': '#!/usr/bin/env mksh\n',
      '/w/sub/test-bats': '#!/usr/bin/env bats\n',
      '/w/sub/zsh-tool': '#!/bin/zsh\n',
      '/w/sub/py-tool': '#!/usr/bin/env python3\n',
      '/w/sub/README': 'echo $X\n',
      '/w/sub/late-shebang': '\n#!/bin/sh\n',
      '/w/tool.py': '#!/bin/sh\n',
      '/w/x.sh.bak': '',
    });
    assert.deepEqual(
      findScripts(['.'], { cwd }, io).map((f) => f.path),
      [
        'Z.sh',
        'a.bash',
        'b.sh',
        'k.ksh',
        'sub/run',
        'sub/run-ash',
        'sub/run-bash',
        'sub/run-dash',
        'sub/run-ksh',
        'sub/run-mksh',
        'sub/run-s',
        'sub/test-bats',
        't.bats',
        'é.sh',
      ],
    );
  });

  it('skips .git, .hg, .svn, node_modules and hidden entries, and does not follow symlinks', () => {
    const io = fakeIO({
      '/w/.git/hooks/pre-commit': '#!/bin/sh\n',
      '/w/.hg/x.sh': '',
      '/w/.svn/x.sh': '',
      '/w/node_modules/p/x.sh': '',
      '/w/.github/ci.sh': '',
      '/w/.env.sh': '',
      '/w/real/a.sh': '',
      '/w/alias': '-> real',
      '/w/link.sh': '-> real/a.sh',
      '/w/fifo': '<fifo>',
    });
    assert.deepEqual(findScripts(['.'], { cwd }, io), [{ path: 'real/a.sh' }]);
    assert.ok(!io.calls.includes('readHead /w/fifo'), 'never opens a fifo');
  });

  it('always takes files named explicitly, walks named directories even through a link, and drops duplicates', () => {
    const io = fakeIO({
      '/w/notes.txt': '',
      '/w/.hidden': '',
      '/w/link.sh': '-> notes.txt',
      '/w/real/a.sh': '',
      '/w/alias': '-> real',
      '/w/.github/ci.sh': '',
    });
    const found = findScripts(
      ['notes.txt', '/w/.hidden', 'link.sh', 'missing.sh', 'alias', './notes.txt', '.github', 'real/../real/a.sh'],
      { cwd },
      io,
    );
    assert.deepEqual(
      found.map((f) => f.path),
      ['.github/ci.sh', '.hidden', 'alias/a.sh', 'link.sh', 'missing.sh', 'notes.txt', 'real/a.sh'],
    );
  });

  it('shows paths outside the working directory relative to it', () => {
    const io = fakeIO({ '/other/x.sh': '' });
    assert.deepEqual(findScripts(['/other'], { cwd }, io), [{ path: '../other/x.sh' }]);
  });

  it('reports a directory it cannot read', () => {
    const io = fakeIO({ '/w/sub/a.sh': '' });
    io.fail.readdir = 'EACCES';
    assert.deepEqual(findScripts(['sub'], { cwd }, io), [{ path: 'sub', error: 'cannot read directory: EACCES' }]);
  });
});

describe('hasShellShebang', () => {
  for (const [head, want] of [
    ['#!/bin/sh', true],
    ['#!/bin/bash -e\necho', true],
    ['#!/usr/bin/env bash', true],
    ['#!/usr/bin/env -S bash -e', true],
    ['#!/usr/local/bin/dash', true],
    ['#!/bin/ash', true],
    ['#!/bin/ksh', true],
    ['#!/usr/bin/ksh93', true],
    ['#!/usr/bin/env mksh', true],
    ['#!/usr/bin/env pdksh', true],
    ['#!/usr/bin/env oksh', true],
    ['#!/usr/bin/env bats', true],
    ['#!/usr/bin/env -S bats --tap', true],
    ['#!/bin/zsh', false],
    ['#!/usr/bin/env python', false],
    ['# shellcheck shell=bash', false],
    ['', false],
  ] as const) {
    it(`${JSON.stringify(head)} → ${want}`, () => assert.equal(hasShellShebang(head), want));
  }
});
