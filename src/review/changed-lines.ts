// Which lines of the head version a pull request changed, from `git diff --unified=0` output:
// only those lines may carry an inline review comment (GitHub answers 422 otherwise), and only
// edits on them are suggested.

/** A file the diff adds, modifies or renames, with the head lines it adds or changes. */
export interface ChangedFile {
  /** Path in the head version, relative to the repository root, with `/`. */
  readonly path: string;
  readonly status: 'added' | 'modified' | 'renamed';
  /** Path in the base version, for a rename. */
  readonly from?: string;
  /** 1-based inclusive [first, last] head line ranges, sorted; empty for a pure rename. */
  readonly ranges: readonly (readonly [number, number])[];
  /** Head lines after which base lines were removed (0: at the top). */
  readonly removals: readonly number[];
  /** 1-based inclusive [first, last] base line ranges the diff removes or replaces, sorted: a
   * review comment on the base side (`side: LEFT`) may go on them. */
  readonly deleted?: readonly (readonly [number, number])[];
}

/** Undoes git's C-style quoting of a path with unusual characters: `"a\tb\303\251"`. */
export function unquoteGitPath(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i] as string;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = raw[++i] as string;
    if (n >= '0' && n <= '7') {
      bytes.push(parseInt(raw.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(simple[n] ?? n.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The path of a `--- a/x` / `+++ b/x` header line, without its prefix; null for /dev/null. */
function headerPath(line: string, prefix: string): string | null {
  const raw = line.slice(4);
  if (raw === '/dev/null') return null;
  const path = unquoteGitPath(raw.replace(/\t$/, ''));
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** Parses `git diff --unified=0 --src-prefix=a/ --dst-prefix=b/ -M` output. Deleted files are
 * left out (nothing to review in them); so are binary files (no hunks, no `+++` line). */
export function parseChangedLines(diff: string): ChangedFile[] {
  const files: ChangedFile[] = [];
  let current: {
    path: string | null;
    from: string | null;
    renamedFrom: string | null;
    isNew: boolean;
    ranges: [number, number][];
    removals: number[];
    deleted: [number, number][];
  } | null = null;
  const flush = (): void => {
    if (current?.path) {
      const status = current.isNew ? 'added' : current.renamedFrom ? 'renamed' : 'modified';
      files.push({
        path: current.path,
        status,
        ...(current.renamedFrom ? { from: current.renamedFrom } : {}),
        ranges: current.ranges,
        removals: current.removals,
        deleted: current.deleted,
      });
    }
  };
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      flush();
      current = { path: null, from: null, renamedFrom: null, isNew: false, ranges: [], removals: [], deleted: [] };
    } else if (!current) continue;
    else if (line.startsWith('new file mode')) current.isNew = true;
    else if (line.startsWith('rename from ')) current.renamedFrom = unquoteGitPath(line.slice('rename from '.length));
    else if (line.startsWith('rename to ')) current.path = unquoteGitPath(line.slice('rename to '.length));
    else if (line.startsWith('--- ')) current.from = headerPath(line, 'a/');
    else if (line.startsWith('+++ ')) current.path = headerPath(line, 'b/');
    else if (line.startsWith('@@ ')) {
      const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) throw new Error(`cannot read this git diff hunk header: ${line}`);
      const gone = m[2] === undefined ? 1 : Number(m[2]);
      if (gone > 0) current.deleted.push([Number(m[1]), Number(m[1]) + gone - 1]);
      const start = Number(m[3]);
      const count = m[4] === undefined ? 1 : Number(m[4]);
      if (count > 0) current.ranges.push([start, start + count - 1]);
      else current.removals.push(start);
    }
  }
  flush();
  return files;
}

/** Whether any line of [first, last] is a changed line. */
export function touchesChanged(ranges: readonly (readonly [number, number])[], first: number, last: number): boolean {
  return ranges.some(([a, b]) => first <= b && a <= last);
}

/** The head line ranges of the hunks GitHub shows for the file (git's 3 lines of context; hunks
 * whose context meets are one): an inline comment must lie within one of them. */
export function diffHunks(file: ChangedFile, lineCount: number, context = 3): [number, number][] {
  const spans: [number, number][] = [
    ...file.ranges.map(([a, b]): [number, number] => [a - context, b + context]),
    ...file.removals.map((at): [number, number] => [at + 1 - context, at + context]),
  ];
  spans.sort((x, y) => x[0] - y[0]);
  const hunks: [number, number][] = [];
  for (const [a, b] of spans) {
    const first = Math.max(1, a);
    const last = Math.min(lineCount, b);
    if (first > last) continue;
    const prev = hunks[hunks.length - 1];
    if (prev && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
    else hunks.push([first, last]);
  }
  return hunks;
}

/** Whether [first, last] lies within one of `hunks`. */
export function withinOneHunk(hunks: readonly (readonly [number, number])[], first: number, last: number): boolean {
  return hunks.some(([a, b]) => a <= first && last <= b);
}
