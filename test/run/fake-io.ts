// An in-memory ScriptIO for tests: files, directories, symlinks and failures on demand.

import { basename, dirname, join } from 'node:path';
import type { EntryStat, ScriptIO } from '../../src/io/script-io.js';

export type FakeEntry =
  | { kind: 'file'; text: string; mode: number; owner?: { uid: number; gid: number } }
  | { kind: 'directory' }
  | { kind: 'symlink'; target: string }
  | { kind: 'other' };

export interface FakeIO extends ScriptIO {
  readonly entries: Map<string, FakeEntry>;
  /** Names of the operations called, with their path. */
  readonly calls: string[];
  /** Make an operation throw an error with this code. */
  readonly fail: Partial<Record<'createFile' | 'rename' | 'unlink' | 'readFile' | 'readdir', string>>;
  /** Runs after a file is created: a test changes the tree there, as another process would. */
  afterCreate?: (path: string) => void;
}

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/** `files`: absolute path → text (a trailing `/` makes a directory, `-> target` a symlink). */
export function fakeIO(files: Record<string, string>): FakeIO {
  const entries = new Map<string, FakeEntry>();
  const addDirs = (path: string): void => {
    for (let d = dirname(path); !entries.has(d); d = dirname(d)) {
      entries.set(d, { kind: 'directory' });
      if (d === '/') break;
    }
  };
  for (const [path, text] of Object.entries(files)) {
    addDirs(path.replace(/\/$/, ''));
    if (path.endsWith('/')) entries.set(path.slice(0, -1), { kind: 'directory' });
    else if (text.startsWith('-> ')) entries.set(path, { kind: 'symlink', target: text.slice(3) });
    else if (text === '<fifo>') entries.set(path, { kind: 'other' });
    else entries.set(path, { kind: 'file', text, mode: 0o644 });
  }
  const calls: string[] = [];
  const fail: FakeIO['fail'] = {};
  const get = (path: string): FakeEntry => {
    const e = entries.get(path);
    if (!e) throw fsError('ENOENT', path);
    return e;
  };
  /** The path with every symlink on it resolved. */
  const realPath = (path: string): string => {
    if (path === '/') return path;
    let p = join(realPath(dirname(path)), path.slice(dirname(path).length).replace(/^\//, ''));
    for (let e = entries.get(p), i = 0; e?.kind === 'symlink' && i < 10; e = entries.get(p), i++)
      p = join(dirname(p), e.target);
    return p;
  };
  const follow = (path: string): FakeEntry => get(realPath(path));
  /** The path with symlinks resolved in its directories only, as lstat sees it. */
  const viaParent = (path: string): string => (path === '/' ? path : join(realPath(dirname(path)), basename(path)));
  const toStat = (e: FakeEntry): EntryStat => ({
    kind: e.kind,
    mode: e.kind === 'file' ? e.mode : 0o755,
    size: e.kind === 'file' ? Buffer.byteLength(e.text) : 0,
    ...(e.kind === 'file' && e.owner ? e.owner : {}),
  });
  const check = (op: keyof FakeIO['fail'], path: string): void => {
    calls.push(`${op} ${path}`);
    const code = fail[op];
    if (code) throw fsError(code, path);
  };
  const io: FakeIO = {
    entries,
    calls,
    fail,
    readFile(path) {
      check('readFile', path);
      const e = follow(path);
      if (e.kind !== 'file') throw fsError('EISDIR', path);
      return e.text;
    },
    readHead(path, bytes) {
      calls.push(`readHead ${path}`);
      const e = follow(path);
      if (e.kind !== 'file') throw fsError('EISDIR', path);
      return e.text.slice(0, bytes);
    },
    createFile(given, content, mode, owner) {
      // Without readScript, runs read UTF-8 only and write strings; bytes are kept as latin1 text.
      const text = typeof content === 'string' ? content : Buffer.from(content).toString('latin1');
      const path = viaParent(given);
      if (entries.has(path)) throw fsError('EEXIST', path);
      if (fail.createFile) {
        // As a full disk does: the file exists, half written.
        entries.set(path, { kind: 'file', text: text.slice(0, 1), mode });
      }
      check('createFile', path);
      entries.set(path, { kind: 'file', text, mode, ...(owner ? { owner } : {}) });
      io.afterCreate?.(path);
    },
    rename(from, to) {
      check('rename', `${from} ${to}`);
      entries.set(viaParent(to), get(viaParent(from)));
      entries.delete(viaParent(from));
    },
    unlink(path) {
      check('unlink', path);
      get(viaParent(path));
      entries.delete(viaParent(path));
    },
    lstat: (path) => toStat(get(viaParent(path))),
    stat: (path) => toStat(follow(path)),
    readdir(path) {
      check('readdir', path);
      if (follow(path).kind !== 'directory') throw fsError('ENOTDIR', path);
      const real = realPath(path);
      const prefix = real === '/' ? '/' : `${real}/`;
      // Reverse order, so a result in order shows that the code sorts.
      return [...entries.keys()]
        .filter((p) => p.startsWith(prefix) && p !== real && !p.slice(prefix.length).includes('/'))
        .map((p) => p.slice(prefix.length))
        .sort()
        .reverse();
    },
  };
  return io;
}

/** The files under `dir` (not directories), with their text, sorted. */
export function filesUnder(io: FakeIO, dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [p, e] of [...io.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (p.startsWith(`${dir}/`) && e.kind === 'file') out[p] = e.text;
  }
  return out;
}
