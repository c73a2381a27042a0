// Which shell a script is written for: a `# shellcheck shell=` directive, else the shebang,
// else the file extension (bash-language-server's util/shebang.ts does the same).

import type { Dialect } from './ast.js';

/** A shell nounset parses with the bash grammar but that runs the script differently:
 * - `ksh` (ksh93, mksh, pdksh, oksh): sets fewer variables than bash;
 * - `bats`: a Bats test file, bash with `@test` blocks, `run`, `load` and `BATS_*` variables. */
export type ShellVariant = 'ksh' | 'bats';

export interface DialectGuess {
  /** null when nothing says which shell it is, or it names a shell nounset does not parse. */
  readonly dialect: Dialect | null;
  /** What decided it, for messages: `directive`, `shebang`, `extension`, or `unknown`. */
  readonly source: 'directive' | 'shebang' | 'extension' | 'unknown';
  /** The shell named, e.g. `zsh` for a script nounset skips. */
  readonly shell: string | null;
  /** Set when the script runs under ksh or Bats (parsed as bash either way); null otherwise. */
  readonly variant: ShellVariant | null;
}

// bashio: bash with Home Assistant's library sourced (`#!/usr/bin/with-contenv bashio`).
const BASH_SHELLS = new Set(['bash', 'bashio']);
/** Programs that run the next word of the shebang line: `env`, and s6-overlay's `with-contenv`. */
const SHEBANG_WRAPPERS = new Set(['env', 'with-contenv']);
const POSIX_SHELLS = new Set(['sh', 'dash', 'ash', 'posix']);
// ksh syntax is close to bash's: read with the bash grammar, a construct bash lacks is a parse
// error, and a file that does not parse is left alone with a diagnostic.
const KSH_SHELLS = new Set(['ksh', 'ksh93', 'mksh', 'pdksh', 'oksh']);

function fromShellName(name: string): Dialect | null {
  if (BASH_SHELLS.has(name) || KSH_SHELLS.has(name) || name === 'bats') return 'bash';
  if (POSIX_SHELLS.has(name)) return 'posix';
  return null;
}

/** The dialect a `--dialect` or configuration value names (`auto`, `bash`, `sh`, `posix`);
 * undefined for `auto` or nothing, which leaves it to detectDialect. */
export function dialectOption(value: string | undefined): Dialect | undefined {
  if (value === 'sh' || value === 'posix') return 'posix';
  return value === 'bash' ? 'bash' : undefined;
}

function variantOf(name: string): ShellVariant | null {
  if (KSH_SHELLS.has(name)) return 'ksh';
  return name === 'bats' ? 'bats' : null;
}

/** Guesses the dialect of `text` (named `path`, for the extension). */
export function detectDialect(text: string, path = ''): DialectGuess {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1];
  const guess = (source: DialectGuess['source'], shell: string, dialect = fromShellName(shell)): DialectGuess => ({
    dialect,
    source,
    shell,
    // A `.bats` file is run by bats whatever its directive or shebang says about the shell.
    variant: ext === 'bats' && dialect !== null ? 'bats' : variantOf(shell),
  });
  const head = text.slice(0, 4096);
  // The multiline regex tries every line start: most heads hold no directive to find.
  const directive = head.includes('shellcheck')
    ? /^[ \t]*#[ \t]*shellcheck[ \t]+(?:[^\n]*[ \t])?shell=([A-Za-z0-9_-]+)/m.exec(head)
    : null;
  if (directive?.[1]) return guess('directive', directive[1]);
  const shebang = /^#![ \t]*(\S+)(?:[ \t]+(\S+))?/.exec(text);
  if (shebang?.[1]) {
    let prog = shebang[1].slice(shebang[1].lastIndexOf('/') + 1);
    if (SHEBANG_WRAPPERS.has(prog)) {
      const args = text.slice(shebang[0].length - (shebang[2]?.length ?? 0)).split('\n', 1)[0] ?? '';
      prog =
        args
          .trim()
          .split(/[ \t]+/)
          .find((a) => !a.startsWith('-')) ?? '';
      prog = prog.slice(prog.lastIndexOf('/') + 1);
    }
    return guess('shebang', prog);
  }
  if (ext === 'bash' || ext === 'bats') return guess('extension', 'bash', 'bash');
  if (ext === 'sh') return guess('extension', 'sh', 'bash');
  if (ext === 'ksh') return guess('extension', 'ksh');
  if (ext === 'dash' || ext === 'ash') return guess('extension', ext);
  return { dialect: null, source: 'unknown', shell: null, variant: null };
}
