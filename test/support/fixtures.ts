// The fixture cases on disk: fixtures/<transform>/<case>.input.sh with its expected
// <case>.output.sh and optional side files. Listed at run time, sorted; no hand-kept list.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FixOptions } from '../../src/types/script.js';
import { ROOT } from './corpus.js';

export const FIXTURES = join(ROOT, 'fixtures');

/** The files a case may have besides its input; `<case>.sourced/` holds the files it sources,
 * by their paths relative to the case's `path` option. */
export const SIDE_FILES = ['.output.sh', '.options.json', '.env.json', '.diagnostics.json', '.sourced'] as const;

export interface FixtureCase {
  readonly transform: string;
  readonly name: string;
  /** `fixtures/<transform>/<case>.input.sh`, with `/`. */
  readonly path: string;
  readonly input: string;
  readonly output: string | null;
  readonly options: FixOptions;
  /** Diagnostic codes the fix must report, in order, when the case lists them. */
  readonly diagnostics: readonly string[] | null;
  /** The text of `<case>.env.json` (how to run the case under a real shell), if any. */
  readonly env: string | null;
}

export function transformDirs(): string[] {
  return readdirSync(FIXTURES).sort();
}

/** Every case of one transform's folder; files that belong to no case are returned as strays. */
export function fixtureCases(transform: string): { cases: FixtureCase[]; strays: string[] } {
  const dir = join(FIXTURES, transform);
  const files = readdirSync(dir).sort();
  const names = files.filter((f) => f.endsWith('.input.sh')).map((f) => f.slice(0, -'.input.sh'.length));
  const strays = files.filter((f) => !names.some((n) => f === `${n}.input.sh` || SIDE_FILES.some((s) => f === n + s)));
  const read = (file: string): string | null =>
    existsSync(join(dir, file)) && statSync(join(dir, file)).isFile() ? readFileSync(join(dir, file), 'utf8') : null;
  const cases = names.map((name) => {
    const options = read(`${name}.options.json`);
    const diagnostics = read(`${name}.diagnostics.json`);
    return {
      transform,
      name,
      path: `fixtures/${transform}/${name}.input.sh`,
      input: read(`${name}.input.sh`) ?? '',
      output: read(`${name}.output.sh`),
      options: {
        path: `${name}.sh`,
        ...(options ? (JSON.parse(options) as FixOptions) : {}),
        readSource: (p: string) => read(join(`${name}.sourced`, p)),
      },
      diagnostics: diagnostics ? (JSON.parse(diagnostics) as string[]) : null,
      env: read(`${name}.env.json`),
    };
  });
  return { cases, strays };
}
