// Reading one candidate config file: absent, unreadable, or parsed JSON with located errors.

import { ConfigError } from '../errors.js';
import { describeIOError, type ScriptIO } from '../io/index.js';
import { positionOf } from '../line-index.js';

function isAbsent(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function unreadable(path: string, err: unknown): ConfigError {
  return new ConfigError({ path, reason: `cannot read: ${describeIOError(err)}` });
}

/** The file's text, or null when there is no such file; anything else that stops the read is a
 * ConfigError. It stats first, so that only a file that exists is ever read. */
export function readIfPresent(io: ScriptIO, path: string): string | null {
  let kind: string;
  try {
    kind = io.stat(path).kind;
  } catch (err) {
    if (isAbsent(err)) return null;
    throw unreadable(path, err);
  }
  if (kind !== 'file') throw new ConfigError({ path, reason: `cannot read: not a regular file` });
  try {
    return io.readFile(path);
  } catch (err) {
    // Deleted since the stat: as if it had never been there.
    if (isAbsent(err)) return null;
    throw unreadable(path, err);
  }
}

/** V8 names a position in some messages ("... in JSON at position 7", Node 22 adds
 * "(line 1 column 8)"), not in others ("Unexpected token 'x', "..." is not valid JSON"). */
const POSITION = /^(.*?)(?: in JSON)? at position (\d+)(?: \(line \d+ column \d+\))?$/s;

/** Parsed JSON; throws ConfigError `path:line:col: invalid JSON: detail`, without line:col when V8 gives no position. */
export function parseJson(text: string, path: string): unknown {
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    const m = POSITION.exec(err.message);
    // V8 quotes the source around the error, line breaks included: keep the message on one line.
    const detail = (m?.[1] ?? err.message).replace(/\r?\n|\r/g, '\\n');
    const where = m?.[2] === undefined ? {} : positionOf(body, Number(m[2]));
    throw new ConfigError({ path, reason: `invalid JSON: ${detail}`, ...where });
  }
}
