import assert from 'node:assert/strict';
import { detectDialect, type ShellVariant } from '../../src/parse/index.js';

describe('dialect detection', () => {
  const cases: [string, string, string, 'bash' | 'posix' | null, ShellVariant | null][] = [
    ['#!/bin/bash\necho\n', 'x', 'shebang', 'bash', null],
    ['#!/usr/bin/env bash\n', 'x', 'shebang', 'bash', null],
    ['#!/usr/bin/env -S bash -e\n', 'x', 'shebang', 'bash', null],
    ['#!/bin/sh\n', 'x.bash', 'shebang', 'posix', null],
    ['#!/bin/dash\n', 'x', 'shebang', 'posix', null],
    ['#!/usr/bin/env zsh\n', 'x.sh', 'shebang', null, null],
    ['#!/bin/sh\n# shellcheck shell=bash\n', 'x', 'directive', 'bash', null],
    ['# shellcheck disable=SC2086 shell=dash\n', 'x', 'directive', 'posix', null],
    ['echo hi\n', 'x.bash', 'extension', 'bash', null],
    ['echo hi\n', 'x.sh', 'extension', 'bash', null],
    ['echo hi\n', 'x.txt', 'unknown', null, null],
    // ksh is read with the bash grammar; the variant says ksh runs it.
    ['#!/bin/ksh\n', 'x', 'shebang', 'bash', 'ksh'],
    ['#!/usr/bin/env ksh93\n', 'x', 'shebang', 'bash', 'ksh'],
    ['#!/usr/bin/env mksh\n', 'x.sh', 'shebang', 'bash', 'ksh'],
    ['#!/bin/pdksh\n', 'x', 'shebang', 'bash', 'ksh'],
    ['#!/usr/local/bin/oksh\n', 'x', 'shebang', 'bash', 'ksh'],
    ['# shellcheck shell=ksh\n', 'x', 'directive', 'bash', 'ksh'],
    ['echo hi\n', 'x.ksh', 'extension', 'bash', 'ksh'],
    ['#!/bin/bash\n', 'x.ksh', 'shebang', 'bash', null],
    // A Bats file is bash with `@test` blocks, whatever names bash for it.
    ['#!/usr/bin/env bats\n', 'x', 'shebang', 'bash', 'bats'],
    ['@test "t" { :; }\n', 'x.bats', 'extension', 'bash', 'bats'],
    ['#!/usr/bin/env bash\n', 'x.bats', 'shebang', 'bash', 'bats'],
    ['# shellcheck shell=bash\n', 'x.bats', 'directive', 'bash', 'bats'],
    ['#!/usr/bin/env zsh\n', 'x.bats', 'shebang', null, null],
  ];
  for (const [text, path, source, dialect, variant] of cases) {
    it(`${JSON.stringify(text.split('\n')[0])} in ${path}: ${dialect ?? 'unknown'}${variant ? ` (${variant})` : ''} from the ${source}`, () => {
      const guess = detectDialect(text, path);
      assert.equal(guess.dialect, dialect);
      assert.equal(guess.source, source);
      assert.equal(guess.variant, variant);
    });
  }
});
