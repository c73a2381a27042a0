// The file system as runPaths and findScripts see it: passed in, so tests can use a fake and the
// CLI passes node:fs (node-script-io.ts). Synchronous: one file at a time keeps the output order fixed.

/** What an entry is; `symlink` only from lstat, which does not follow a final link. */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface EntryStat {
  readonly kind: EntryKind;
  /** Permission bits (and setuid/setgid/sticky), `mode & 0o7777`. */
  readonly mode: number;
  /** Size in bytes. */
  readonly size: number;
  /** Owner and group, where the file system has them: a rewrite gives them back to the new file. */
  readonly uid?: number;
  readonly gid?: number;
  /** What changes whenever the file's bytes may have (device, inode, size, modification and change
   * times), where the file system tells it: a cache of what reading the file told is kept by it. */
  readonly stamp?: string;
  /** With `stamp`: the later of the modification and change times, in ms since the epoch. */
  readonly changedMs?: number;
}

/** A file whose bytes are not text: binary (a NUL byte), or not valid UTF-8 where only UTF-8 will
 * do (configuration). Rewriting it would corrupt it, so it is reported and skipped. The message
 * says where. */
export class NotTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotTextError';
  }
}

/** How a script's bytes became its text: `utf8`, or `latin1` for bytes that are not UTF-8, read
 * one byte per character (ISO-8859-1), so that writing the text back the same way gives back every
 * byte. bash reads such bytes one at a time too. */
export type TextEncoding = 'utf8' | 'latin1';

export interface ScriptText {
  readonly text: string;
  readonly encoding: TextEncoding;
}

/** Paths are absolute. Failures throw an Error, with a `code` such as `ENOENT` where there is one. */
export interface ScriptIO {
  /** The whole file as UTF-8 text; throws NotTextError on a NUL byte or bytes that are not UTF-8. */
  readFile(path: string): string;
  /** A script: its text and how it was decoded (see TextEncoding); throws NotTextError on a NUL
   * byte. Without it, scripts are read with readFile, UTF-8 only. An IO that has it must write a
   * `Uint8Array` given to createFile byte for byte. */
  readScript?(path: string): ScriptText;
  /** At most `bytes` bytes from the start of the file, decoded leniently: for shebang sniffing. */
  readHead(path: string, bytes: number): string;
  /** Creates `path` with `content` (a string is written as UTF-8, bytes as they are) and exactly
   * `mode` (no umask), owned by `owner` when given (and different from what a new file gets);
   * throws if it already exists or the owner cannot be set. */
  createFile(
    path: string,
    content: string | Uint8Array,
    mode: number,
    owner?: { readonly uid: number; readonly gid: number },
  ): void;
  /** Replaces `to` with `from` in one step (same directory). */
  rename(from: string, to: string): void;
  unlink(path: string): void;
  /** Does not follow a final symlink. */
  lstat(path: string): EntryStat;
  /** Follows symlinks. */
  stat(path: string): EntryStat;
  /** Entry names in a directory, in any order. */
  readdir(path: string): string[];
}

/** A script's text as `io` reads it: with readScript where it has one, else as UTF-8. */
export function readScriptText(io: ScriptIO, path: string): ScriptText {
  return io.readScript ? io.readScript(path) : { text: io.readFile(path), encoding: 'utf8' };
}

/** What createFile writes for a script's text: the text itself (UTF-8), or its latin1 bytes. */
export function encodeScript(text: string, encoding: TextEncoding): string | Uint8Array {
  return encoding === 'utf8' ? text : Buffer.from(text, 'latin1');
}

/** Whether latin1 can write `text` back: every character fits in one byte. */
export function fitsLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** `ENOENT`-style code of a thrown error, else its message. */
export function describeIOError(err: unknown): string {
  if (err instanceof Error) return (err as NodeJS.ErrnoException).code ?? err.message;
  return String(err);
}
