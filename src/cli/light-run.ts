// A run over a few small files ends before V8's optimizing compiler (TurboFan) pays back: its
// compile jobs take the other core, and the process waits for them at exit. Such a run goes
// without it; only when code is compiled changes, never what runs. Measured with the bench:cli
// build on the 2-vCPU development machine, medians of 5-21 fresh runs, without / with TurboFan:
// the 1,002-line script 287 / 368 ms; 100 corpus files (0.5 MB) 980 / 1,112 ms; but 200 files
// (1.1 MB) 1,722 / 1,535 ms and one 0.95 MB file 1,965 / 1,882 ms, hence the limits below.

import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { ScriptIO } from '../io/index.js';

export const LIGHT_MAX_FILES = 64;
export const LIGHT_MAX_BYTES = 512 * 1024;

/** Whether files of these sizes make a light run. */
export function isLightRun(sizes: readonly number[]): boolean {
  if (sizes.length > LIGHT_MAX_FILES) return false;
  let total = 0;
  for (const size of sizes) total += size;
  return total <= LIGHT_MAX_BYTES;
}

/** Turns TurboFan off for the rest of this process when the files make a light run. A file that
 * cannot be stat'ed counts as large: the run will report it; the choice only costs time. */
export function tierForRun(paths: readonly string[], cwd: string, io: ScriptIO): boolean {
  if (paths.length > LIGHT_MAX_FILES) return false;
  const sizes: number[] = [];
  for (const path of paths) {
    try {
      sizes.push(io.stat(resolve(cwd, path)).size);
    } catch {
      return false;
    }
  }
  return tierForSizes(sizes);
}

/** tierForRun for files of these sizes in bytes (a script read from stdin). */
export function tierForSizes(sizes: readonly number[]): boolean {
  if (!isLightRun(sizes)) return false;
  setFlagsFromString('--no-turbofan');
  return true;
}
