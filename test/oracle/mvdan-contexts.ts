// Places in mvdan-sh's (bash) tree that the divergence matchers need: arithmetic that bash
// evaluates but mvdan-sh leaves as plain words.
import { makeByteToUtf16 } from './byte-offsets.js';
import { collectArithOperands } from './mvdan-arith.js';
import { parseWithMvdan } from './mvdan-reading.js';
import {
  isMvdanError,
  loadMvdanSyntax,
  type MvdanAssign,
  type MvdanBinaryTest,
  type MvdanCStyleLoop,
  type MvdanLetClause,
  type MvdanNode,
  type MvdanParamExp,
  type MvdanSyntax,
  type MvdanWithX,
  type MvdanWord,
  walkComplete,
} from './mvdan-sh.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface MvdanContexts {
  /** Quoted operands in arithmetic: `let "x = y"`, `let 'x+=1'`, `(( "x" ))`, `$(( "x" ))`. */
  readonly quotedArithOperands: readonly Span[];
  /** Operands of `[[ a -eq b ]]` and of `-ne -lt -le -gt -ge`. */
  readonly testArithOperands: readonly Span[];
}

// BinaryTest.Op token numbers of -eq -ne -le -ge -lt -gt in mvdan-sh 0.10.1 (found by experiment).
const ARITH_TEST_OPS = new Set([116, 117, 118, 119, 120, 121]);

/** The contexts above in `text` read as bash, or null if mvdan-sh cannot parse it. */
export function readMvdanContexts(text: string): MvdanContexts | null {
  const syntax = loadMvdanSyntax();
  let file: MvdanNode;
  try {
    file = parseWithMvdan(syntax, text, 'bash');
  } catch (error) {
    if (isMvdanError(error)) return null;
    throw error;
  }
  const toUtf16 = makeByteToUtf16(text);
  const span = (node: MvdanNode): Span => ({ start: toUtf16(node.Pos().Offset()), end: toUtf16(node.End().Offset()) });
  const quotedArithOperands: Span[] = [];
  const testArithOperands: Span[] = [];
  const addQuoted = (roots: readonly (MvdanNode | null)[], singleQuotesToo: boolean) => {
    for (const word of collectArithOperands(syntax, roots)) {
      if (hasQuotedPart(syntax, word, singleQuotesToo)) quotedArithOperands.push(span(word));
    }
  };

  walkComplete(syntax, file, (node) => {
    switch (syntax.NodeType(node)) {
      case 'ArithmExp':
      case 'ArithmCmd':
        // bash 5.2 rejects single quotes there at run time ("operand expected"); double quotes work.
        addQuoted([(node as MvdanWithX).X], false);
        break;
      case 'LetClause':
        addQuoted((node as MvdanLetClause).Exprs, true);
        break;
      case 'CStyleLoop': {
        const loop = node as MvdanCStyleLoop;
        addQuoted([loop.Init, loop.Cond, loop.Post], false);
        break;
      }
      case 'ParamExp': {
        const param = node as MvdanParamExp;
        addQuoted([param.Index, param.Slice?.Offset ?? null, param.Slice?.Length ?? null], false);
        break;
      }
      case 'Assign':
        addQuoted([(node as MvdanAssign).Index], false);
        break;
      case 'BinaryTest': {
        const test = node as MvdanBinaryTest;
        if (ARITH_TEST_OPS.has(test.Op)) testArithOperands.push(span(test.X), span(test.Y));
        break;
      }
      default:
        break;
    }
  });
  return { quotedArithOperands, testArithOperands };
}

function hasQuotedPart(syntax: MvdanSyntax, word: MvdanWord, singleQuotesToo: boolean): boolean {
  return word.Parts.some((part) => {
    const type = syntax.NodeType(part);
    return type === 'DblQuoted' || (singleQuotesToo && type === 'SglQuoted');
  });
}
