// ScriptIO on node:fs, what the CLI passes to runPaths and findScripts.

import { isUtf8 } from 'node:buffer';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { type EntryKind, type EntryStat, NotTextError, type ScriptIO, type ScriptText } from './script-io.js';

function toEntry(s: Stats): EntryStat {
  const kind: EntryKind = s.isSymbolicLink()
    ? 'symlink'
    : s.isFile()
      ? 'file'
      : s.isDirectory()
        ? 'directory'
        : 'other';
  return {
    kind,
    mode: s.mode & 0o7777,
    size: s.size,
    uid: s.uid,
    gid: s.gid,
    stamp: `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`,
    changedMs: Math.max(s.mtimeMs, s.ctimeMs),
  };
}

/** Keeps a byte-order mark in the text, so writing the text back keeps it too. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** 1-based line of byte `offset`. */
function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

/** Byte offset of the first sequence that is not UTF-8: the first U+FFFD of a lenient decode
 * that the bytes do not spell out themselves (a script may contain a real U+FFFD). */
function firstInvalidUtf8(bytes: Buffer): number {
  const text = bytes.toString('utf8');
  for (let k = text.indexOf('\uFFFD'), offset = 0, from = 0; k !== -1; k = text.indexOf('\uFFFD', k + 1)) {
    offset += Buffer.byteLength(text.slice(from, k));
    from = k;
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
  }
  return 0;
}

function rejectBinary(bytes: Buffer): void {
  // A NUL byte is what git and grep take for binary; no shell script contains one.
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new NotTextError(`binary file (a NUL byte on line ${lineAt(bytes, nul)})`);
}

/** A script's bytes as its text: UTF-8 when they are, else one character per byte (latin1), which
 * encodes back to the same bytes. Throws NotTextError for a binary file. */
export function decodeScriptText(bytes: Buffer): ScriptText {
  rejectBinary(bytes);
  if (isUtf8(bytes)) return { text: strictUtf8.decode(bytes), encoding: 'utf8' };
  return { text: bytes.toString('latin1'), encoding: 'latin1' };
}

/** A file's bytes as UTF-8 text; throws NotTextError for a binary file or one not in UTF-8. */
export function decodeScript(bytes: Buffer): string {
  rejectBinary(bytes);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new NotTextError(
      `not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} on line ${lineAt(bytes, at)}); nounset rewrites UTF-8 text only`,
    );
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

function createFile(
  path: string,
  content: string | Uint8Array,
  mode: number,
  owner?: { uid: number; gid: number },
): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (let done = 0; done < buf.length; ) done += writeSync(fd, buf, done, buf.length - done);
    if (owner) {
      const made = fstatSync(fd);
      // Only when it differs: a user who owns the file need not be allowed to chown.
      if (made.uid !== owner.uid || made.gid !== owner.gid) fchownSync(fd, owner.uid, owner.gid);
    }
    // open() applies the umask; fchmod sets the mode exactly, as the file being replaced had it
    // (after fchown, which clears setuid/setgid bits).
    fchmodSync(fd, mode);
  } finally {
    closeSync(fd);
  }
}

function readFile(path: string): string {
  return decodeScript(readFileSync(path));
}

/** The real file system. */
export const nodeIO: ScriptIO = {
  readFile,
  readScript: (path) => decodeScriptText(readFileSync(path)),
  readHead,
  createFile,
  rename: renameSync,
  unlink: unlinkSync,
  lstat: (path) => toEntry(lstatSync(path)),
  stat: (path) => toEntry(statSync(path)),
  readdir: (path) => readdirSync(path),
};
