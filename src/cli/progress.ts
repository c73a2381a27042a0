// Progress on a terminal's stderr for long runs: `nounset: 120/2000 files, 340 files/s`, redrawn
// in place at most ten times a second and erased at the end. Nothing when stderr is not a terminal.

/** Runs with fewer files end before progress would help. */
const MIN_FILES = 50;
const REDRAW_MS = 100;

export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly clear: () => void;
}

export function progressLine(stream: NodeJS.WriteStream): Progress | null {
  if (!stream.isTTY) return null;
  const started = performance.now();
  let drawn = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = performance.now();
      if (total < MIN_FILES || (now - drawn < REDRAW_MS && done < total)) return;
      drawn = now;
      const rate = done / Math.max((now - started) / 1000, 0.001);
      stream.write(`\r\u001b[Knounset: ${done}/${total} files, ${Math.round(rate)} files/s`);
      shown = true;
    },
    clear() {
      // Also before other output mid-run; the next update draws the line again.
      if (shown) stream.write('\r\u001b[K');
      shown = false;
      drawn = 0;
    },
  };
}
