// The oldest bash a script must run under, when the options do not say: what the script says of
// it, or whether it runs on macOS, whose /bin/bash is 3.2. Before bash 4.4 an empty `"${a[@]}"`
// stops a set -u script (before 4.1, `"$@"` with no argument too).

/** What a script says of the oldest bash it runs under: a comment naming bash 3 (macOS's
 * /bin/bash), or a test of BASH_VERSINFO against 3 or 4. Null when it says nothing. */
export function inferBashVersion(text: string): '3.2' | '4.0' | null {
  if (commentNamesBash3(text)) return '3.2';
  const m = text.includes('BASH_VERSINFO')
    ? /BASH_VERSINFO(?:\[0\])?\}?"?\s*(?:-lt|-le|-ge|-gt|-eq|-ne|<=?|>=?|==|!=)\s*"?([34])\b/.exec(text)
    : null;
  if (m) return m[1] === '3' ? '3.2' : '4.0';
  // A script that handles macOS (`Darwin)` after `uname`, `$OSTYPE == darwin*`, a `_darwin_amd64`
  // download) runs there, where /bin/bash is 3.2 (the bash macOS ships). Prose naming macOS does
  // not count: it as often says the script does not run there.
  if (/(?<![A-Za-z])[Dd]arwin(?![A-Za-z])/.test(text)) return '3.2';
  // So does one that asks macOS's sysctl for the machine (`sysctl -n hw.ncpu`).
  if (/\bsysctl\s+(?:-n\s+)?hw\./.test(text)) return '3.2';
  // A script that guards its own lists the way only bash before 4.4 needs (`${a[@]+"${a[@]}"}`,
  // `${a[*]-}`) is written for that bash: the lists it left unguarded are its bugs (auto-mobile#3650).
  // (A look for `[@]+` first: the whole pattern, tried at every `$`, costs more.)
  if (/\[[@*]\][-+]/.test(text) && /\$\{[A-Za-z_][A-Za-z0-9_]*\[[@*]\][-+]/.test(text)) return '3.2';
  return null;
}

const BASH3_WORDS = /\bbash[ -]?v?3(?:\.\d+)?\b|macOS'?s? (?:\/bin\/)?bash\b/gi;

/** `bash 3`, `bash-3.2`, `macOS's bash` after a `#` on its line: what `#.*\bbash…` finds, without
 * trying `.*` from every `#` of the text. */
function commentNamesBash3(text: string): boolean {
  BASH3_WORDS.lastIndex = 0;
  for (let m = BASH3_WORDS.exec(text); m !== null; m = BASH3_WORDS.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (text.lastIndexOf('#', m.index) >= lineStart) return true;
  }
  return false;
}

/** Commands only macOS has (or that a script runs only there): a script that calls one runs under
 * macOS's /bin/bash 3.2. */
export const MACOS_COMMANDS: ReadonlySet<string> = new Set([
  'sw_vers',
  'xcrun',
  'xcodebuild',
  'xcode-select',
  'osascript',
  'pbcopy',
  'pbpaste',
  'launchctl',
  'hdiutil',
  'diskutil',
  'plutil',
  'mdfind',
  'scutil',
  'pkgutil',
  'spctl',
  'codesign',
  'ditto',
  'brew',
]);

/** Any of MACOS_COMMANDS in the text, as a word. */
const MACOS_COMMAND_WORD = new RegExp(`(?<![\\w-])(?:${[...MACOS_COMMANDS].join('|')})(?![\\w-])`);

/** Whether the text names one of MACOS_COMMANDS (a cheap first look; the model says if it is run). */
export function mentionsMacosCommand(text: string): boolean {
  return MACOS_COMMAND_WORD.test(text);
}

/** One of MACOS_COMMANDS where a command starts: a line's start, after `;`, `&`, `|`, `(`, `{`, `$(`,
 * `then`, `do` or `else`. */
const MACOS_COMMAND_RUN = new RegExp(
  `(?:^|[;&|({]|\\bthen|\\bdo|\\belse)[ \\t]*(?:command[ \\t]+)?(?:${[...MACOS_COMMANDS].join('|')})(?![\\w-])`,
  'm',
);

/** Whether the script shows, in its text alone, that it runs on macOS: a run takes the scripts that
 * say nothing of their bash to run there too (FixOptions.macosRun). */
export function showsMacos(text: string): boolean {
  // The names first: where a command starts is a costlier look, asked at every line.
  return inferBashVersion(text) === '3.2' || (mentionsMacosCommand(text) && MACOS_COMMAND_RUN.test(text));
}
