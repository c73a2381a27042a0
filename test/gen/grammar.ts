import fc from 'fast-check';

export type Dialect = 'bash' | 'posix';

/** Builds the arbitrary for one grammar rule at one nesting depth. */
export type Rule = (g: Grammar, depth: number) => fc.Arbitrary<string>;

/**
 * One generator configuration. Rules refer to each other through `rule`, which builds each
 * (rule, depth) pair once, so a grammar of a few dozen rules stays a few hundred arbitraries.
 */
export interface Grammar {
  readonly dialect: Dialect;
  readonly isBash: boolean;
  /** Also generate valid constructs that mvdan-sh 0.10.1 rejects or reads differently from bash. */
  readonly withMvdanGaps: boolean;
  /** Most statements at the top level of a program. */
  readonly maxStatements: number;
  rule(rule: Rule, depth: number): fc.Arbitrary<string>;
}

export interface GrammarOptions {
  readonly dialect: Dialect;
  readonly withMvdanGaps: boolean;
  readonly maxStatements: number;
}

export function createGrammar({ dialect, withMvdanGaps, maxStatements }: GrammarOptions): Grammar {
  const built = new Map<Rule, Map<number, fc.Arbitrary<string>>>();
  const inProgress = new Map<Rule, Set<number>>();
  const grammar: Grammar = {
    dialect,
    isBash: dialect === 'bash',
    withMvdanGaps,
    maxStatements,
    rule(rule, depth) {
      if (depth < 0) throw new Error(`${rule.name} built at negative depth`);
      let byDepth = built.get(rule);
      if (byDepth === undefined) {
        byDepth = new Map();
        built.set(rule, byDepth);
      }
      const cached = byDepth.get(depth);
      if (cached !== undefined) return cached;
      // A cycle that does not lower the depth would recurse forever at construction time.
      const depths = inProgress.get(rule) ?? new Set<number>();
      inProgress.set(rule, depths);
      if (depths.has(depth)) throw new Error(`grammar cycle at the same depth: ${rule.name}@${depth}`);
      depths.add(depth);
      const arb = rule(grammar, depth);
      depths.delete(depth);
      byDepth.set(depth, arb);
      return arb;
    },
  };
  return grammar;
}

/**
 * `fc.oneof` over `[weight, arbitrary]` pairs, skipping pairs whose weight is 0 or arbitrary null.
 * Cross-shrinking lets a counterexample shrink toward the first (simplest) alternative.
 */
export function weighted<T>(...pairs: ReadonlyArray<readonly [number, fc.Arbitrary<T> | null]>): fc.Arbitrary<T> {
  const kept: Array<{ weight: number; arbitrary: fc.Arbitrary<T> }> = [];
  for (const [weight, arbitrary] of pairs) if (weight > 0 && arbitrary !== null) kept.push({ weight, arbitrary });
  return fc.oneof({ withCrossShrink: true }, ...kept);
}

/** Concatenation of the generated pieces. */
export function seq(...arbs: ReadonlyArray<fc.Arbitrary<string>>): fc.Arbitrary<string> {
  return fc.tuple(...arbs).map((parts) => parts.join(''));
}

/** One of the given strings. */
export function pick(...values: readonly string[]): fc.Arbitrary<string> {
  return fc.constantFrom(...values);
}

/**
 * An array whose length is `min + k` with weight `weights[k]`. Skewed lengths keep nested
 * structures small; plain `fc.array` lengths are close to uniform and the sizes multiply.
 */
export function arrayOf<T>(arb: fc.Arbitrary<T>, min: number, weights: readonly number[]): fc.Arbitrary<T[]> {
  return weighted(...weights.map((w, k) => [w, fc.array(arb, { minLength: min + k, maxLength: min + k })] as const));
}

/** `arrayOf`, joined with `sep`. */
export function repeat(
  arb: fc.Arbitrary<string>,
  min: number,
  weights: readonly number[],
  sep = '',
): fc.Arbitrary<string> {
  return arrayOf(arb, min, weights).map((xs) => xs.join(sep));
}

export function optional(arb: fc.Arbitrary<string>, weightPresent = 1): fc.Arbitrary<string> {
  return weighted([1, fc.constant('')], [weightPresent, arb]);
}

/** Variable names: a small pool so that reads and writes collide. */
export const VAR_NAMES = ['a', 'b', 'x', 'FOO', 'i', 'n'] as const;
/** Harmless command names. */
export const COMMANDS = ['echo', 'true', 'printf', 'cat', ':'] as const;
export const FUNC_NAMES = ['f', 'g'] as const;

export const varName = pick(...VAR_NAMES);
/** Optional blank: '' or ' '. */
export const blank = pick('', ' ');
