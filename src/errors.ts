// Every error nounset raises, each with a code, a one-line title and a hint (exit codes come with
// the CLI). Located errors print as `path:line:col: message`, like shfmt's syntax.ParseError.

export type ErrorCode = 'parse-error' | 'usage-error' | 'file-error' | 'edit-conflict' | 'github-error';

export const ERROR_INFO: Readonly<Record<ErrorCode, { readonly title: string; readonly hint: string }>> = {
  'parse-error': {
    title: 'the script does not parse',
    hint: 'check the script with `bash -n FILE` (or `dash -n` for sh); nounset never rewrites a file it cannot parse',
  },
  'usage-error': { title: 'bad command-line usage', hint: 'see `nounset --help`' },
  'file-error': { title: 'a file could not be read or written', hint: 'check the path and its permissions' },
  'edit-conflict': {
    title: 'two edits overlap',
    hint: 'this is a bug in nounset: please report it with the script that triggers it',
  },
  'github-error': {
    title: 'the GitHub API refused a request',
    hint: 'the message says which request and what to check (token, permissions, pull request)',
  },
};

export class NounsetError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad command-line arguments. */
export class UsageError extends NounsetError {
  constructor(message: string) {
    super('usage-error', message);
  }
}

/** Bad shell syntax at a 1-based line and column (columns count UTF-16 code units). */
export class ParseError extends NounsetError {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  /** 0-based UTF-16 offset of the error. */
  readonly offset: number;
  /** The message without the location prefix. */
  readonly reason: string;
  constructor(opts: { path: string; line: number; column: number; offset: number; reason: string }) {
    super('parse-error', `${opts.path}:${opts.line}:${opts.column}: ${opts.reason}`);
    this.path = opts.path;
    this.line = opts.line;
    this.column = opts.column;
    this.offset = opts.offset;
    this.reason = opts.reason;
  }
}

/** A GitHub API request failed for good (after any rate-limit retries). */
export class GitHubError extends NounsetError {
  constructor(message: string) {
    super('github-error', message);
  }
}

/** Two edits claim the same text: a bug in nounset, never the user's fault. */
export class EditConflictError extends NounsetError {
  constructor(message: string) {
    super('edit-conflict', message);
  }
}

/** A bad configuration file. Prints as `path: key: reason` (`key` like `overrides[1].style`, left
 * out when the whole file is at fault), or `path:line:col: reason` where a JSON position is known. */
export class ConfigError extends UsageError {
  readonly path: string;
  /** Where in the config the problem is; '' for the file as a whole. */
  readonly key: string;
  /** The message without the location prefix. */
  readonly reason: string;
  /** 1-based, for invalid JSON when the parser gives a position. */
  readonly line?: number;
  readonly column?: number;
  constructor(opts: { path: string; key?: string; reason: string; line?: number; column?: number }) {
    const key = opts.key ?? '';
    const where =
      opts.line !== undefined && opts.column !== undefined
        ? `${opts.path}:${opts.line}:${opts.column}`
        : key
          ? `${opts.path}: ${key}`
          : opts.path;
    super(`${where}: ${opts.reason}`);
    this.path = opts.path;
    this.key = key;
    this.reason = opts.reason;
    if (opts.line !== undefined) this.line = opts.line;
    if (opts.column !== undefined) this.column = opts.column;
  }
}
