// What a Bats test file does to variables beyond bash (bats-core's test_functions.bash): `run`
// assigns the command's status and output, `load` and `bats_load_library` source helper files,
// and bats sets `BATS_*` variables itself. Nothing else of bats is modelled.

import type { Word } from '../parse/index.js';
import { wordText } from './builtins.js';
import { arrayKey, type Event } from './model.js';

/** The index of the command `run` runs: after `run` and its options (`!`, `-N`,
 * `--keep-empty-lines`, `--separate-stderr`, `--`), as bats-core's `run` reads them. */
function runCommandIndex(args: readonly Word[]): { index: number; separateStderr: boolean } {
  let i = 1;
  let separateStderr = false;
  for (; i < args.length; i++) {
    const t = wordText(args[i]);
    if (t === null || !(t.startsWith('-') || t === '!')) break;
    if (t === '--separate-stderr') separateStderr = true;
    if (t === '--') return { index: i + 1, separateStderr };
  }
  return { index: i, separateStderr };
}

/** For `run [options] [--] command…`: where the command starts, so its own words are read as a
 * command's (`run rm -rf "$D/"` is destructive). -1 for any other command. */
export function batsRunTarget(args: readonly Word[]): number {
  return wordText(args[0]) === 'run' ? runCommandIndex(args).index : -1;
}

/** Events of bats' own commands; `args[0]` is the command name. */
export function batsEvents(args: readonly Word[]): Event[] {
  const first = args[0];
  if (!first) return [];
  const name = wordText(first);
  const at = { start: first.start, end: first.end };
  switch (name) {
    case 'run': {
      // run sets status, output and lines; stderr and stderr_lines only with --separate-stderr.
      const names = ['lines', 'output', 'status'];
      if (runCommandIndex(args).separateStderr) names.push('stderr', 'stderr_lines');
      // `lines` is an array with no element when the command printed nothing (see arrayKey).
      return names.map((n) => ({ kind: 'write', name: n.endsWith('lines') ? arrayKey(n) : n, ...at, how: 'bats run' }));
    }
    case 'load': {
      // load NAME sources NAME.bash (or NAME), relative to the test file's directory.
      const w = args[1];
      const slug = wordText(w);
      const path = slug === null || slug.endsWith('.bash') ? slug : `${slug}.bash`;
      return w ? [{ kind: 'source', start: w.start, end: w.end, path, word: null }] : [];
    }
    case 'bats_load_library': {
      const w = args[1];
      return w ? [{ kind: 'source', start: w.start, end: w.end, path: wordText(w), word: w }] : [];
    }
    default:
      return [];
  }
}

/** `BATS_TEST_DIRNAME`, `BATS_TEST_TMPDIR`…: set by bats, some only while a test runs, so never
 * inputs from the environment; a read that may find one unset is still defaulted where it is. */
export function isBatsVariable(name: string): boolean {
  return name.startsWith('BATS_');
}
