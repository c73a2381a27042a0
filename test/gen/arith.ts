// Arithmetic expressions. `bash -n` and `dash -n` never look inside `$(( ))` or `(( ))`, so
// validity here rests on this grammar alone: operands and operators alternate, `++`/`--` and
// assignments only touch names or `a[i]`, and an assignment is only nested inside parentheses.
import fc from 'fast-check';

import { arrayOf, blank, type Grammar, pick, type Rule, seq, varName, weighted } from './grammar.js';

const BINARY_POSIX = ['*', '/', '%', '+', '-', '<<', '>>', '<', '<=', '>', '>=', '==', '!=', '&', '^', '|', '&&', '||'];
const ASSIGN = ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|='];

/**
 * Joins `left op right`, adding a blank where `+ +x` or `- -x` would lex as `++`/`--`, and
 * where `<(`/`>(` would read as a process substitution (bash does, in `"${a[x<(1)]}"`).
 */
export function joinOperator(left: string, op: string, right: string, blanks: readonly [string, string]): string {
  const glued = (/[+-]$/.test(op) && /^[+-]/.test(right)) || (/[<>]$/.test(op) && right.startsWith('('));
  return left + blanks[0] + op + (blanks[1] === '' && glued ? ' ' : blanks[1]) + right;
}

// mvdan-sh 0.10.1 stops at the `#` of `16#ff` inside `${x:off:len}`, so tight contexts have no bases.
function numberLiteral(g: Grammar, withBase: boolean): fc.Arbitrary<string> {
  const plain = ['0', '1', '2', '42', '0x1F', '017'];
  return g.isBash && withBase ? pick(...plain, '2#101', '16#ff') : pick(...plain);
}

/** Operands usable in every arithmetic context, including tight ones (`a[i+1]=`, `${x:i:2}`). */
function plainOperand(g: Grammar, withBase = true): fc.Arbitrary<string> {
  return weighted(
    [5, varName],
    [3, numberLiteral(g, withBase)],
    [1, varName.map((n) => `$${n}`)],
    [1, varName.map((n) => `\${${n}}`)],
    [1, pick('$1', '$#', '${#x}')],
  );
}

/**
 * `name[expr]` (bash). bash 5.2 fails at run time on `~` in a subscript (`$((a[~1]))`) and on a
 * subscript inside a subscript once the expression holds a `$` expansion (`$((a[b[1]]+$x))`),
 * so subscripts are flat and use `!` for `~`.
 */
function subscripted(g: Grammar, depth: number): fc.Arbitrary<string> {
  const index = g.rule(arithFlat, depth).map((e) => e.replaceAll('~', '!'));
  return seq(varName, fc.constant('['), index, fc.constant(']'));
}

/** `name` or (bash) `name[expr]`: what `=`, `+=`, `++` and `--` may change. */
function lvalue(g: Grammar, depth: number, arrays: boolean): fc.Arbitrary<string> {
  if (!arrays || depth <= 0) return varName;
  return weighted([4, varName], [1, subscripted(g, depth - 1)]);
}

function primary(g: Grammar, depth: number, arrays: boolean): fc.Arbitrary<string> {
  if (depth <= 0) return plainOperand(g);
  const inner = g.rule(arrays ? arithExpr : arithFlat, depth - 1);
  return weighted(
    [6, plainOperand(g)],
    [2, fc.tuple(inner, blank, blank).map(([e, s1, s2]) => `(${s1}${e}${s2})`)],
    [arrays ? 1 : 0, subscripted(g, depth - 1)],
  );
}

function unary(g: Grammar, depth: number, arrays: boolean): fc.Arbitrary<string> {
  const operand = primary(g, depth, arrays);
  const prefixed = fc
    .tuple(pick('!', '~', '-', '+'), blank, operand)
    .map(([op, s, e]) => (s === '' && /^[+-]/.test(e) && /[+-]$/.test(op) ? `${op} ${e}` : op + s + e));
  const target = lvalue(g, depth, arrays);
  return weighted(
    [8, operand],
    [2, prefixed],
    // dash has no ++/--, and mvdan in POSIX mode would read `--x` as two negations.
    [g.isBash ? 1 : 0, fc.tuple(pick('++', '--'), target).map(([op, v]) => op + v)],
    [g.isBash ? 1 : 0, fc.tuple(target, pick('++', '--')).map(([v, op]) => v + op)],
  );
}

function binaryChain(g: Grammar, depth: number, arrays: boolean): fc.Arbitrary<string> {
  const ops = g.isBash ? [...BINARY_POSIX, '**'] : BINARY_POSIX;
  const operand = unary(g, depth, arrays);
  const step = fc.tuple(pick(...ops), blank, blank, operand);
  return fc
    .tuple(operand, arrayOf(step, 0, depth <= 0 ? [3, 1] : [4, 4, 2, 1]))
    .map(([first, rest]) => rest.reduce((left, [op, s1, s2, right]) => joinOperator(left, op, right, [s1, s2]), first));
}

/** Conditional level: `a ? b : c`, branches without bare assignments or commas. */
function conditional(g: Grammar, depth: number, arrays: boolean): fc.Arbitrary<string> {
  const chain = binaryChain(g, depth, arrays);
  const ternary = fc.tuple(chain, chain, chain, blank).map(([c, a, b, s]) => `${c}${s}?${s}${a}${s}:${s}${b}`);
  return weighted([6, chain], [1, ternary]);
}

function expression(g: Grammar, depth: number, arrays: boolean): fc.Arbitrary<string> {
  const cond = conditional(g, depth, arrays);
  const assignment = fc
    .tuple(lvalue(g, depth, arrays), pick(...ASSIGN), blank, cond)
    .map(([v, op, s, e]) => joinOperator(v, op, e, [s, s]));
  const single = weighted([5, cond], [2, assignment]);
  if (!g.isBash) return single;
  const comma = fc.tuple(single, single, blank).map(([a, b, s]) => `${a},${s}${b}`);
  return weighted([8, single], [1, comma]);
}

/** A full arithmetic expression as found in `$(( ))`, `(( ))` and `for (( ))`. */
export const arithExpr: Rule = function arithExpr(g, depth) {
  return expression(g, depth, g.isBash);
};

/** An arithmetic expression without array subscripts, for subscripts themselves. */
export const arithFlat: Rule = function arithFlat(g, depth) {
  return expression(g, depth, false);
};

/**
 * A blank-free expression of names, numbers and `+ - * / %`, for array subscripts in
 * assignment words (`a[i+1]=v`) and `${x:off:len}`, where blanks, `<` or `?` would change the lexing.
 */
export const arithTight: Rule = function arithTight(g, depth) {
  const step = fc.tuple(pick('+', '-', '*', '/', '%'), plainOperand(g, false));
  return fc
    .tuple(plainOperand(g, false), arrayOf(step, 0, depth <= 0 ? [3, 1] : [3, 2, 1]))
    .map(([first, rest]) => rest.reduce((left, [op, right]) => left + op + right, first));
};

/** One `let` argument: `x=1`, `i+=n`, `y++`, `x*2` (bash). */
export const letArgument: Rule = function letArgument(g, depth) {
  const tight = g.rule(arithTight, depth);
  return weighted(
    [3, seq(varName, pick('=', '+=', '-='), tight)],
    [1, fc.tuple(varName, pick('++', '--')).map(([v, op]) => v + op)],
    [1, tight],
  );
};
