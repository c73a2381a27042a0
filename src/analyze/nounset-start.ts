// Whether `set -u` is on when a script starts, from what the file itself says. The flow analysis
// follows `set -u` / `set +u` from there (NOUNSET_ON in model.ts); the run may know better for a
// library, from the files that source it.

import type { NounsetState } from './model.js';

/** `on` for a shebang that turns on nounset (`#!/bin/bash -eu`, `#!/usr/bin/env -S bash -u`,
 * `-o nounset`); `off` for any other shebang, or a bats file (the file is run as a program, and
 * bats does not turn nounset on); `unknown` without a shebang: a library, or a script run as
 * `bash file`, whose caller decides. */
export function nounsetAtStart(text: string, bats: boolean): NounsetState {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('#!', start)) return bats ? 'off' : 'unknown';
  const end = text.indexOf('\n', start);
  const line = text.slice(start + 2, end === -1 ? text.length : end).trim();
  const words = line.split(/\s+/);
  // The options after the interpreter: `/bin/bash -eu`, `/usr/bin/env -S bash -e -u`.
  const shell = words.findIndex((w) => /(?:^|\/)(?:bash|sh|dash|ash|ksh\w*|mksh|zsh)$/.test(w));
  let on = false;
  for (let i = shell + 1; shell !== -1 && i < words.length; i++) {
    const w = words[i] as string;
    if (!/^[-+][A-Za-z]+$/.test(w)) break;
    for (let k = 1; k < w.length; k++) {
      if (w[k] === 'u') on = w[0] === '-';
      else if (w[k] === 'o' && words[i + 1] === 'nounset') on = w[0] === '-';
    }
  }
  return on ? 'on' : 'off';
}
