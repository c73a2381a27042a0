// Whether expanding a word does more than give text: assigns (`${v:=x}`, `$((i++))`), runs a
// command (`$(cmd)`, `<(cmd)`) or may end the script (`${v:?msg}`). A rewrite that makes bash
// expand a word only sometimes (`${X#word}` → `${X:+${X#word}}`) may move only words that do not.

import type { ArithmExpr, Subscript, Word, WordPart } from '../parse/index.js';

/** Arithmetic operators that assign. */
export const ASSIGN_OPS: ReadonlySet<string> = new Set([
  '=',
  '*=',
  '/=',
  '%=',
  '+=',
  '-=',
  '<<=',
  '>>=',
  '&=',
  '^=',
  '|=',
]);

/** `${v:=x}` assigns; `${v:?msg}` ends the script when v is unset or empty. */
const EFFECT_OPS: ReadonlySet<string> = new Set(['=', ':=', '?', ':?']);

export function wordHasEffects(word: Word | null): boolean {
  return word !== null && word.parts.some(partHasEffects);
}

function partHasEffects(part: WordPart): boolean {
  switch (part.type) {
    case 'Lit':
    case 'SglQuoted':
    case 'ExtGlob':
      return false;
    case 'DblQuoted':
      return part.parts.some(partHasEffects);
    case 'ParamExp':
      return (
        (part.exp !== null && (EFFECT_OPS.has(part.exp.op) || wordHasEffects(part.exp.word))) ||
        (part.index !== null && subscriptHasEffects(part.index)) ||
        (part.slice !== null && (arithHasEffects(part.slice.offset) || arithHasEffects(part.slice.length))) ||
        (part.repl !== null && (wordHasEffects(part.repl.orig) || wordHasEffects(part.repl.with)))
      );
    case 'ArithmExp':
      return arithHasEffects(part.expr);
    default:
      // A command or process substitution runs a command; an expansion bash rejects stops.
      return true;
  }
}

function subscriptHasEffects(s: Subscript): boolean {
  return wordHasEffects(s.word) || arithHasEffects(s.expr);
}

export function arithHasEffects(expr: ArithmExpr | null): boolean {
  const stack: ArithmExpr[] = expr === null ? [] : [expr];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    switch (e.type) {
      case 'ArithmBinary':
        if (ASSIGN_OPS.has(e.op)) return true;
        stack.push(e.x, e.y);
        break;
      case 'ArithmUnary':
        if (e.op === '++' || e.op === '--') return true;
        stack.push(e.x);
        break;
      case 'ArithmParen':
        stack.push(e.x);
        break;
      case 'ArithmTernary':
        stack.push(e.cond, e.then, e.else);
        break;
      case 'ArithmVar':
        if (e.index !== null && subscriptHasEffects(e.index)) return true;
        break;
      case 'ArithmWord':
        if (wordHasEffects(e.word)) return true;
        break;
    }
  }
  return false;
}
