// ScriptIO on node:fs, what the CLI passes to runPaths and findScripts.

import { closeSync, fchmodSync, lstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import type { EntryKind, EntryStat, ScriptIO } from './io.js';

function toEntry(s: Stats): EntryStat {
  const kind: EntryKind = s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
  return { kind, mode: s.mode & 0o7777, size: s.size };
}

/** Keeps a byte-order mark in the text, so writing the text back keeps it too. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function readFile(path: string): string {
  const bytes = readFileSync(path);
  try {
    return strictUtf8.decode(bytes);
  } catch (err) {
    throw new Error('not UTF-8 text', { cause: err });
  }
}

function readHead(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
}

function createFile(path: string, text: string, mode: number): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    const buf = Buffer.from(text, 'utf8');
    for (let done = 0; done < buf.length; ) done += writeSync(fd, buf, done, buf.length - done);
    // open() applies the umask; fchmod sets the mode exactly, as the file being replaced had it.
    fchmodSync(fd, mode);
  } finally {
    closeSync(fd);
  }
}

/** The real file system. */
export const nodeIO: ScriptIO = {
  readFile,
  readHead,
  createFile,
  rename: renameSync,
  unlink: unlinkSync,
  lstat: (path) => toEntry(lstatSync(path)),
  stat: (path) => toEntry(statSync(path)),
  readdir: (path) => readdirSync(path),
};
