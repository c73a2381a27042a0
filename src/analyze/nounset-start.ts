// Whether `set -u` is on when a script starts, from what the file itself says. The flow analysis
// follows `set -u` / `set +u` from there (NOUNSET_ON in model.ts). Without a sign of it, it is off:
// most scripts never turn it on, and there the original never stopped on an unset value, so a
// rewrite may add no stop. The run may know better for a library, from the files that source it.

import type { NounsetState, Region } from './model.js';

/** `on` for a shebang that turns on nounset (`#!/bin/bash -eu`, `#!/usr/bin/env -S bash -u`,
 * `-o nounset`); `off` otherwise (bats does not turn nounset on either). */
export function nounsetAtStart(text: string): NounsetState {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('#!', start)) return 'off';
  const end = text.indexOf('\n', start);
  const line = text.slice(start + 2, end === -1 ? text.length : end).trim();
  const words = line.split(/\s+/);
  // The options after the interpreter: `/bin/bash -eu`, `/usr/bin/env -S bash -e -u`.
  const shell = words.findIndex((w) => /(?:^|\/)(?:bash|sh|dash|ash|ksh\w*|mksh|zsh)$/.test(w));
  if (shell === -1) return 'off';
  // Long options (`--norc`) and the script's own arguments end the scan.
  return setOption(words.slice(shell + 1), (w) => /^[-+][A-Za-z]+$/.test(w), 'u', 'nounset').on === true ? 'on' : 'off';
}

/** The option words of `set` (`-eu`, `+u`, `-o`), up to `--`. */
export function isSetOptionWord(word: string): boolean {
  return /^[-+]./.test(word) && word !== '--';
}

/** Reads option words as `set` and a shell's command line take them (`-eu`, `+u`, `-o nounset`,
 * each `o` taking the next word as its name) up to the first word `isOption` refuses: whether
 * they turn the option `letter` (long name `name`) on (true) or off (false), or neither (null),
 * and the index of that word. */
export function setOption(
  words: readonly (string | null)[],
  isOption: (word: string) => boolean,
  letter: string,
  name: string,
): { on: boolean | null; end: number } {
  let on: boolean | null = null;
  let i = 0;
  for (let w = words[i]; i < words.length && w != null && isOption(w); w = words[i]) {
    for (let k = 1; k < w.length; k++) {
      if (w[k] === letter) on = w[0] === '-';
      else if (w[k] === 'o') {
        i++;
        if (words[i] === name) on = w[0] === '-';
      }
    }
    i++;
  }
  return { on, end: i };
}

/** Commands that only define or set things up: a file whose top level runs nothing else is a
 * library, whatever its first line says. */
const SETUP = new Set([
  'set',
  'shopt',
  'export',
  'readonly',
  'declare',
  'typeset',
  'local',
  'source',
  '.',
  ':',
  'true',
  'false',
  'return',
  'alias',
  'complete',
  'unset',
  'trap',
  'test',
  'builtin',
  'command',
  'hash',
  'umask',
]);

/** Whether other files may source this one and call its functions with any arguments: its top
 * level does nothing but define functions and set variables and options. A file with work of its
 * own at the top level is a script whose callers are all in it (unless the run says another file
 * sources it). A bats file is run by bats, never sourced. */
export function looksLikeLibrary(model: Region, bats: boolean): boolean {
  if (bats) return false;
  const stack: Region[] = [model];
  for (let r = stack.pop(); r; r = stack.pop()) {
    for (const e of r.events) {
      if (e.kind === 'region') {
        if (e.shape !== 'function') stack.push(e);
      } else if (e.kind === 'call' && !e.trap && (e.name === null || !SETUP.has(e.name))) return false;
      else if (e.kind === 'jump' && e.how === 'exit') return false;
    }
  }
  return true;
}
