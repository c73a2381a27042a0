// `npm run fuzz -- --runs N --seed S [--plain P] [--max-failures K] [--out DIR]`; FUZZ_SEED,
// FUZZ_RUNS, FUZZ_PLAIN and FUZZ_MAX_FAILURES still work (flags win). A seed not given is drawn at random and printed.

export interface FuzzSettings {
  readonly seed: number;
  /** Grammar programs; runnable programs and mvdan-sh edit checks are a fraction of these. */
  readonly runs: number;
  /** Plain programs (runnable-plain.ts: most without set -u), each run with and without -u. */
  readonly plain: number;
  readonly maxFailures: number;
  /** Where failing cases are written as fixture candidates. */
  readonly out: string;
}

const FLAGS = new Set(['--runs', '--seed', '--plain', '--max-failures', '--out']);

export function readSettings(argv: readonly string[], env: NodeJS.ProcessEnv): FuzzSettings {
  const flags = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] ?? '';
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (!FLAGS.has(name))
      throw new Error(
        `unknown argument ${JSON.stringify(arg)}; use --runs N --seed S --plain P --max-failures K --out DIR`,
      );
    const value = inline ?? argv[++k];
    if (value === undefined) throw new Error(`${name} needs a value`);
    flags.set(name, value);
  }
  const integer = (flag: string, variable: string, fallback: () => number): number => {
    const raw = flags.get(flag) ?? env[variable];
    if (raw === undefined || raw === '') return fallback();
    const value = Number(raw);
    if (!Number.isSafeInteger(value))
      throw new Error(`${flag} (${variable}) must be an integer, got ${JSON.stringify(raw)}`);
    return value;
  };
  const runs = integer('--runs', 'FUZZ_RUNS', () => 20_000);
  return {
    seed: integer('--seed', 'FUZZ_SEED', () => Math.floor(Math.random() * 0x7fffffff)),
    runs,
    plain: integer('--plain', 'FUZZ_PLAIN', () => Math.ceil(runs / 10)),
    maxFailures: integer('--max-failures', 'FUZZ_MAX_FAILURES', () => 5),
    out: flags.get('--out') ?? 'fuzz-failures',
  };
}
