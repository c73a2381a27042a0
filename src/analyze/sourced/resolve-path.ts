// Which file a `source WORD` / `. WORD` command reads, for the flow analysis that follows sourced
// files. Pure: paths are computed as strings with node:path's posix functions, never looked up.
//
// Paths are relative to the same base as the script paths given (the directory nounset runs in),
// or absolute. The computed forms assume the script runs as `bash <mainScriptPath>` from that base,
// so that `$0` is mainScriptPath and `${BASH_SOURCE[0]}` is the path of the file being read.

import { posix } from 'node:path';
import type { Word } from '../../parse/index.js';
import type { DirValue } from './dir-variables.js';
import { unresolved } from './literal-words.js';
import type { Env, PathValue } from './path-values.js';
import { appendTail, splitWord } from './path-words.js';

/** `fallback`: where to look when `path` cannot be read (a relative path, from the root). */
export type SourceTarget =
  | { readonly kind: 'file'; readonly path: string; readonly fallback?: string }
  | { readonly kind: 'unresolved'; readonly reason: string };

export interface ResolveContext {
  readonly scriptPath: string;
  readonly mainScriptPath: string;
  readonly directive: string | null;
  /** The directory nounset runs in (the repository root), in the terms of the paths: a relative
   * literal or directive path is also looked for there, as ShellCheck looks for it. */
  readonly root?: string | null;
  /** Only `get` is used: the caller may compute the map on first use. */
  readonly dirVars: Pick<ReadonlyMap<string, DirValue>, 'get'>;
}

/** The file a `source WORD` / `. WORD` command reads.
 *
 * A `# shellcheck source=` directive wins over the word. A relative literal (`source lib/x.sh`)
 * and a relative directive are taken relative to the directory of scriptPath (ShellCheck's
 * SCRIPTDIR convention), and, when that file cannot be read, relative to `root`, the directory
 * nounset runs in, where ShellCheck looks without `source-path=SCRIPTDIR`. Bash itself looks the
 * name up in $PATH (for a name without a slash) and then in the working directory. */
export function resolveSourcePath(word: Word, ctx: ResolveContext): SourceTarget {
  const dirs = { script: posix.dirname(ctx.scriptPath), root: ctx.root ?? null };
  if (ctx.directive !== null) return fromDirective(ctx.directive, dirs);
  const env: Env = {
    scriptPath: ctx.scriptPath,
    mainScriptPath: ctx.mainScriptPath,
    lookup: dirVarLookup(ctx.dirVars),
  };
  const split = splitWord(word, env);
  if (split.kind === 'unresolved') return split;
  if (split.head === null) return literalTarget(split.tail, dirs);
  if (split.tail === '' && split.head.names === 'dir') return unresolved('the path names a directory');
  if (split.tail === '' && split.head.names === 'script') return unresolved('the path names the script itself');
  const joined = appendTail(split.head, split.tail);
  return joined.kind === 'path' ? { kind: 'file', path: posix.normalize(joined.text) } : joined;
}

function dirVarLookup(dirVars: Pick<ReadonlyMap<string, DirValue>, 'get'>): (name: string) => PathValue | undefined {
  return (name) => {
    const v = dirVars.get(name);
    return v === undefined ? undefined : { kind: 'path', text: v.path, canonical: true, names: 'under' };
  };
}

interface Dirs {
  readonly script: string;
  readonly root: string | null;
}

/** A relative path is looked for in the script's directory, then in the root: bats-core's
 * `libexec/bats-core/bats-format-junit` names `# shellcheck source=lib/bats-core/formatter.bash`. */
function literalTarget(path: string, dirs: Dirs): SourceTarget {
  if (path === '') return unresolved('the path is empty');
  if (posix.isAbsolute(path)) return { kind: 'file', path: posix.normalize(path) };
  const inScriptDir = posix.join(dirs.script, path);
  const inRoot = dirs.root === null ? inScriptDir : posix.join(dirs.root, path);
  return inRoot === inScriptDir
    ? { kind: 'file', path: inScriptDir }
    : { kind: 'file', path: inScriptDir, fallback: inRoot };
}

/** `source=/dev/null` (do not follow), `source=SCRIPTDIR/x.sh`, `source=/abs/x.sh`, `source=lib/x.sh`. */
function fromDirective(directive: string, dirs: Dirs): SourceTarget {
  if (directive === '/dev/null') return unresolved('a `# shellcheck source=/dev/null` directive says not to');
  const [first, ...rest] = directive.split('/');
  if (first === 'SCRIPTDIR') return { kind: 'file', path: posix.join(dirs.script, ...rest) };
  return literalTarget(directive, dirs);
}
