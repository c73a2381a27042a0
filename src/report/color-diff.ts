// A unified diff with the colours of `git diff`: bold headers, cyan hunk lines, red removals,
// green additions. Only for a terminal; the CLI decides when. Returns a string.

const SGR = {
  bold: '\u001b[1m',
  cyan: '\u001b[36m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  reset: '\u001b[0m',
} as const;

const paint = (color: string, line: string): string => `${color}${line}${SGR.reset}`;

/** Colours each line. Inside a hunk, its header's counts say which lines are body, so a removed
 * line `-- x` is red, not a `---` header. A line's `\r` (a CRLF script) stays after the colour. */
export function colorDiff(diff: string): string {
  let oldLeft = 0;
  let newLeft = 0;
  return diff
    .split('\n')
    .map((raw) => {
      const cr = raw.endsWith('\r') ? '\r' : '';
      const line = cr ? raw.slice(0, -1) : raw;
      if (line === '') return raw;
      if (oldLeft > 0 || newLeft > 0) {
        const c = line[0];
        if (c === '-') oldLeft--;
        else if (c === '+') newLeft--;
        else if (c === ' ') {
          oldLeft--;
          newLeft--;
        } else return raw; // `\ No newline at end of file`
        return (c === '-' ? paint(SGR.red, line) : c === '+' ? paint(SGR.green, line) : line) + cr;
      }
      const hunk = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
      if (hunk) {
        oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
        newLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
        return paint(SGR.cyan, line) + cr;
      }
      return paint(SGR.bold, line) + cr;
    })
    .join('\n');
}

/** Whether to colour: `--color`/`--no-color` first, then FORCE_COLOR (set and not `0`) and
 * NO_COLOR (set and not empty, as no-color.org says), else whether stdout is a terminal. */
export function wantColor(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if ((env.NO_COLOR ?? '') !== '') return false;
  return isTTY;
}
