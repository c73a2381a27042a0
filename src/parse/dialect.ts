// Which shell a script is written for: a `# shellcheck shell=` directive, else the shebang,
// else the file extension (bash-language-server's util/shebang.ts does the same).

import type { Dialect } from './ast.js';

export interface DialectGuess {
  /** null when nothing says which shell it is, or it names a shell nounset does not parse. */
  readonly dialect: Dialect | null;
  /** What decided it, for messages: `directive`, `shebang`, `extension`, or `unknown`. */
  readonly source: 'directive' | 'shebang' | 'extension' | 'unknown';
  /** The shell named, e.g. `zsh` for a script nounset skips. */
  readonly shell: string | null;
}

const BASH_SHELLS = new Set(['bash']);
const POSIX_SHELLS = new Set(['sh', 'dash', 'ash', 'posix']);

function fromShellName(name: string): Dialect | null {
  if (BASH_SHELLS.has(name)) return 'bash';
  if (POSIX_SHELLS.has(name)) return 'posix';
  return null;
}

/** Guesses the dialect of `text` (named `path`, for the extension). */
export function detectDialect(text: string, path = ''): DialectGuess {
  const directive = /^[ \t]*#[ \t]*shellcheck[ \t]+(?:[^\n]*[ \t])?shell=([A-Za-z0-9_-]+)/m.exec(text.slice(0, 4096));
  if (directive?.[1]) return { dialect: fromShellName(directive[1]), source: 'directive', shell: directive[1] };
  const shebang = /^#![ \t]*(\S+)(?:[ \t]+(\S+))?/.exec(text);
  if (shebang?.[1]) {
    let prog = shebang[1].slice(shebang[1].lastIndexOf('/') + 1);
    if (prog === 'env') {
      const args = text.slice(shebang[0].length - (shebang[2]?.length ?? 0)).split('\n', 1)[0] ?? '';
      prog = args.trim().split(/[ \t]+/).find((a) => !a.startsWith('-')) ?? '';
      prog = prog.slice(prog.lastIndexOf('/') + 1);
    }
    return { dialect: fromShellName(prog), source: 'shebang', shell: prog };
  }
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1];
  if (ext === 'bash' || ext === 'bats') return { dialect: 'bash', source: 'extension', shell: 'bash' };
  if (ext === 'sh') return { dialect: 'bash', source: 'extension', shell: 'sh' };
  if (ext === 'dash' || ext === 'ash') return { dialect: 'posix', source: 'extension', shell: ext };
  return { dialect: null, source: 'unknown', shell: null };
}
