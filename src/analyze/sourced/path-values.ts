// A path the script computes ($0, `dirname`, `cd X && pwd`, a directory variable), and what
// dirname, `${X%/*}` and canonicalizing do to it. Pure: strings only, never looked up.

import { posix } from 'node:path';

/** A path the script computes. `text` is what the shell holds, except for canonical values:
 * `cd X && pwd`, `realpath X` and `readlink -f X` give an absolute path at run time, kept here
 * normalized and relative to the base; their parent is computed rather than cut from the text. */
export interface PathValue {
  readonly kind: 'path';
  readonly text: string;
  readonly canonical: boolean;
  /** `script`: names the script itself (`$0`, `$BASH_SOURCE`); `dir`: a directory (dirname, cd);
   * `under`: a directory or a path under one (a variable's value, `$DIR/lib`). */
  readonly names: 'script' | 'dir' | 'under';
}

/** What a path word is evaluated in: the script run (`$0`), the file being read
 * (`${BASH_SOURCE[0]}`) and the directory variables known so far. */
export interface Env {
  readonly scriptPath: string;
  readonly mainScriptPath: string;
  readonly lookup: (name: string) => PathValue | undefined;
}

/** The parent directory of a normalized path: `.` and `..` climb rather than stay put. */
function parentOf(path: string): string {
  if (path === '.' || path === '..' || path.endsWith('/..')) return posix.join(path, '..');
  return posix.dirname(path);
}

/** `dirname X`: textual on text the shell holds, a true parent on canonical paths. */
export function dirnameOf(v: PathValue): PathValue {
  const text = v.canonical ? parentOf(v.text) : posix.dirname(v.text);
  return { kind: 'path', text, canonical: v.canonical, names: 'dir' };
}

/** `${X%/*}`: cuts from the last slash. On a name without a slash bash leaves it whole (and
 * `$dir/lib.sh` then fails); the author meant the script's directory, so that is what we take. */
export function stripLastComponent(v: PathValue): PathValue {
  if (v.canonical) return dirnameOf(v);
  const slash = v.text.lastIndexOf('/');
  return { kind: 'path', text: slash < 0 ? '.' : v.text.slice(0, slash), canonical: false, names: 'dir' };
}

/** `cd X && pwd`, `realpath X`, `readlink -f X`. Symlinks are not resolved (the file system is not
 * read): a script reached through a symlinked directory is taken to live where its path says. */
export function canonicalOf(v: PathValue, names: PathValue['names']): PathValue {
  return { kind: 'path', text: posix.normalize(v.text), canonical: true, names };
}
