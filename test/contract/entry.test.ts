// What --entry leaves out: case arms and if branches that cannot run for the given arguments,
// through `main "$@"` and copies of $1, and functions only they call. Anything undecided runs.

import assert from 'node:assert/strict';

import { isReachable, reachableWith } from '../../src/contract/entry.js';
import { parse } from '../../src/index.js';

/** The words after `echo` on lines that can run. */
function runs(src: string, args: string[]): string[] {
  const file = parse(src, { dialect: 'bash' });
  const reach = reachableWith(file, args);
  const out: string[] = [];
  for (const m of src.matchAll(/echo (\w+)/g)) if (isReachable(reach, m.index ?? 0)) out.push(m[1] as string);
  return out;
}

describe('--entry reachability', () => {
  const dispatch =
    'echo top\ncase "$1" in\n  install) echo install; setup ;;\n  clean*|reset) echo cleanish ;;\n  *) echo usage ;;\nesac\nsetup() { echo setup; }\nhelper() { echo helper; }\n';

  it('keeps the arm the first argument selects (globs and alternatives), and what it calls', () => {
    assert.deepEqual(runs(dispatch, ['install']), ['top', 'install', 'setup', 'helper']);
    assert.deepEqual(runs(dispatch, ['cleanup']), ['top', 'cleanish', 'helper']);
    assert.deepEqual(runs(dispatch, ['reset']), ['top', 'cleanish', 'helper']);
    assert.deepEqual(
      runs(dispatch, ['other']),
      ['top', 'usage', 'helper'],
      'the default arm; helper is never called by name, so it may run',
    );
    assert.deepEqual(runs(dispatch, []), ['top', 'usage', 'helper']);
  });

  it('follows main "$@" and a local copy of $1, with its default', () => {
    const src =
      'main() {\n  local action="${1:-install}"\n  case "$action" in\n    install) echo install ;;\n    reset) echo reset ;;\n  esac\n}\nmain "$@"\n';
    assert.deepEqual(runs(src, ['reset']), ['reset']);
    assert.deepEqual(runs(src, []), ['install'], '${1:-install} with no argument');
  });

  it('decides [ "$1" = x ] and [ -z "$1" ] tests, elif and else included', () => {
    const src =
      'if [ -z "$1" ]; then echo none\nelif [ "$1" = "up" ]; then echo up\nelif test "$1" != down; then echo notdown\nelse echo down\nfi\n';
    assert.deepEqual(runs(src, []), ['none']);
    assert.deepEqual(runs(src, ['up']), ['up']);
    assert.deepEqual(runs(src, ['down']), ['down']);
    assert.deepEqual(runs(src, ['x']), ['notdown']);
  });

  it('keeps everything it cannot decide: a copy of $1 assigned twice, another word, ;& and ;;&', () => {
    assert.deepEqual(runs('a=$1\n[ -n "$X" ] && a=other\ncase $a in x) echo x ;; y) echo y ;; esac\n', ['x']), [
      'x',
      'y',
    ]);
    assert.deepEqual(runs('case "$2" in x) echo x ;; y) echo y ;; esac\n', ['x', 'z']), ['x', 'y']);
    assert.deepEqual(runs('case $1 in a) echo a ;& b) echo b ;; c) echo c ;; esac\n', ['a']), ['a', 'b']);
    assert.deepEqual(runs('case $1 in a) echo a ;;& *) echo any ;; esac\n', ['a']), ['a', 'any']);
  });

  it('a function called only from an arm that cannot run cannot run', () => {
    const src = 'install() { echo install; }\ncase "$1" in install) install ;; *) echo other ;; esac\n';
    assert.deepEqual(runs(src, ['reset']), ['other']);
    assert.deepEqual(runs(src, ['install']), ['install']);
  });
});
