// The runnable fixture cases: those with a `<case>.env.json` saying which shell runs them, with
// which arguments and which environment variables. Listed at run time, sorted; no hand-kept list.

import { fixtureCases, transformDirs } from '../support/fixtures.js';
import type { ShellName } from '../support/shells.js';

export interface RunSpec {
  readonly shell: ShellName;
  readonly args: readonly string[];
  readonly vars: Readonly<Record<string, string>>;
}

export interface RunnableCase {
  /** `<transform>/<case>`. */
  readonly id: string;
  readonly name: string;
  readonly input: string;
  /** null when the case has no expected output yet (the fixture driver reports that). */
  readonly output: string | null;
  readonly spec: RunSpec;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isStringRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/** Parses an `.env.json`; throws naming the file when it is not `{ shell, args, vars }`. */
export function parseRunSpec(text: string, file: string): RunSpec {
  const v: unknown = JSON.parse(text);
  if (typeof v !== 'object' || v === null) throw new Error(`${file}: expected an object`);
  const { shell, args, vars, ...rest } = v as Record<string, unknown>;
  if (shell !== 'bash' && shell !== 'dash') throw new Error(`${file}: "shell" must be "bash" or "dash"`);
  if (!isStringArray(args)) throw new Error(`${file}: "args" must be an array of strings`);
  if (!isStringRecord(vars)) throw new Error(`${file}: "vars" must map names to strings`);
  if (Object.keys(rest).length > 0) throw new Error(`${file}: unknown keys ${Object.keys(rest).sort().join(', ')}`);
  return { shell, args, vars };
}

/** Every case under fixtures/ that has an `.env.json`, sorted by folder, then case name. */
export function runnableCases(): RunnableCase[] {
  return transformDirs().flatMap((transform) =>
    fixtureCases(transform).cases.flatMap((c) => {
      if (c.env === null) return [];
      const id = `${transform}/${c.name}`;
      return [
        { id, name: c.name, input: c.input, output: c.output, spec: parseRunSpec(c.env, `fixtures/${id}.env.json`) },
      ];
    }),
  );
}
