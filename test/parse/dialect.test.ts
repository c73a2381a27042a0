import assert from 'node:assert/strict';
import { detectDialect } from '../../src/parse/index.js';

describe('dialect detection', () => {
  const cases: [string, string, string, 'bash' | 'posix' | null][] = [
    ['#!/bin/bash\necho\n', 'x', 'shebang', 'bash'],
    ['#!/usr/bin/env bash\n', 'x', 'shebang', 'bash'],
    ['#!/usr/bin/env -S bash -e\n', 'x', 'shebang', 'bash'],
    ['#!/bin/sh\n', 'x.bash', 'shebang', 'posix'],
    ['#!/bin/dash\n', 'x', 'shebang', 'posix'],
    ['#!/usr/bin/env zsh\n', 'x.sh', 'shebang', null],
    ['#!/bin/sh\n# shellcheck shell=bash\n', 'x', 'directive', 'bash'],
    ['# shellcheck disable=SC2086 shell=dash\n', 'x', 'directive', 'posix'],
    ['echo hi\n', 'x.bash', 'extension', 'bash'],
    ['echo hi\n', 'x.sh', 'extension', 'bash'],
    ['echo hi\n', 'x.txt', 'unknown', null],
  ];
  for (const [text, path, source, dialect] of cases) {
    it(`${JSON.stringify(text.split('\n')[0])} in ${path}: ${dialect ?? 'unknown'} from the ${source}`, () => {
      const guess = detectDialect(text, path);
      assert.equal(guess.dialect, dialect);
      assert.equal(guess.source, source);
    });
  }
});
