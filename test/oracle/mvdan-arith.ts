// Arithmetic expressions in mvdan-sh's tree: BinaryArithm, UnaryArithm, ParenArithm, and Word
// as the leaf. Shared by the fact reader and the divergence matchers.
import type { MvdanBinaryArithm, MvdanLit, MvdanNode, MvdanSyntax, MvdanWithX, MvdanWord } from './mvdan-sh.js';

/** The Word leaves (operands) of arithmetic expressions, left to right; null roots are skipped. */
export function collectArithOperands(syntax: MvdanSyntax, roots: readonly (MvdanNode | null)[]): MvdanWord[] {
  const words: MvdanWord[] = [];
  // An explicit stack: `$(( ((((...)))) ))` must not exhaust ours.
  const stack = [...roots].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === null) continue;
    switch (syntax.NodeType(node)) {
      case 'Word':
        words.push(node as MvdanWord);
        break;
      case 'BinaryArithm': {
        const binary = node as MvdanBinaryArithm;
        stack.push(binary.Y, binary.X);
        break;
      }
      case 'UnaryArithm':
      case 'ParenArithm':
        stack.push((node as MvdanWithX).X);
        break;
      default:
        throw new Error(`mvdan-sh: unexpected ${syntax.NodeType(node)} in arithmetic`);
    }
  }
  return words;
}

/** The word's only part, if it is an unquoted Lit spelling a shell name (`x`, not `1`, `a.b`). */
export function isIdentifierWord(syntax: MvdanSyntax, word: MvdanWord): MvdanLit | null {
  const part = word.Parts[0];
  if (word.Parts.length !== 1 || part === undefined || syntax.NodeType(part) !== 'Lit') return null;
  const lit = part as MvdanLit;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(lit.Value) ? lit : null;
}
