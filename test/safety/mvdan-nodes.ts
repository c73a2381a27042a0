// mvdan-sh's syntax tree of a script, flattened into records that can be compared across two
// texts: node type, UTF-16 span, depth, and the node's own scalar fields (operator tokens,
// literal values, flags). Test oracle only.
import { makeByteToUtf16 } from '../oracle/byte-offsets.js';
import { type Dialect, makePositions, parseWithMvdan } from '../oracle/mvdan-reading.js';
import {
  isMvdanError,
  loadMvdanSyntax,
  type MvdanArrayElem,
  type MvdanNode,
  type MvdanParamExp,
  type MvdanSyntax,
  walkComplete,
} from '../oracle/mvdan-sh.js';

export interface NodeRecord {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  /** Nesting depth; -1 for comments, which mvdan attaches to whichever statement follows them. */
  readonly depth: number;
  /** The scalar fields, as `Field=value` pairs joined by blanks; '' when there are none. */
  readonly fields: string;
  /** For ParamExp: the parameter name and expansion operator token (0: none). */
  /** `plain`: no `!`, `#`, slice or replacement; `excl`: `${!x}`. */
  readonly param?: {
    readonly name: string;
    readonly op: number;
    readonly plain: boolean;
    readonly index: boolean;
    readonly excl: boolean;
  };
  /** For Assign: the name assigned. */
  readonly assigns?: string;
}

export type MvdanTree = { ok: true; nodes: NodeRecord[] } | { ok: false; message: string };

// mvdan/sh v3 field names that hold scalars; a field a node type lacks reads as undefined.
const SCALAR_FIELDS = [
  'Value',
  'Op',
  'Short',
  'Excl',
  'Length',
  'Width',
  'Names',
  'Negated',
  'Background',
  'Coprocess',
  'Dollar',
  'Append',
  'Naked',
  'Text',
  'Post',
  'Select',
  'Braces',
  'Bracket',
  'RsrvWord',
  'Parens',
  'Sequence',
  'PosixFormat',
  'Unsigned',
] as const;

/** Token numbers of the guards nounset writes: `:-` and `:?` (see EXPANSION_OPS). */
export const GUARD_OPS: ReadonlySet<number> = new Set([71, 73]);
/** mvdan-sh's `:+` and `+` (the wrappers of default-transform: `+` for a form that gives text for
 * an empty value, `${X+${X@Q}}`). */
export const ALTERNATE_OPS: ReadonlySet<number> = new Set([68, 69]);

let loaded: MvdanSyntax | null = null;
// The input is read once for both styles: mvdan-sh takes about 0.1 ms per byte.
let last: { text: string; dialect: Dialect; tree: MvdanTree } | null = null;

/** Parses `text` with mvdan-sh and flattens every node, slices of `${x:o:l}` included. */
export function mvdanTree(text: string, dialect: Dialect): MvdanTree {
  if (last?.text === text && last.dialect === dialect) return last.tree;
  const tree = readTree(text, dialect);
  last = { text, dialect, tree };
  return tree;
}

function readTree(text: string, dialect: Dialect): MvdanTree {
  loaded ??= loadMvdanSyntax();
  const syntax = loaded;
  let root: MvdanNode;
  try {
    root = parseWithMvdan(syntax, text, dialect);
  } catch (error) {
    if (!isMvdanError(error)) throw error;
    return { ok: false, message: error.Error() };
  }
  const at = makePositions(text, makeByteToUtf16(text));
  const nodes: NodeRecord[] = [];
  let depth = 0;
  const visit = (node: MvdanNode): void => {
    const start = at.start(node.Pos().Offset());
    // A case item without `;;` has no valid end in mvdan-sh 0.10.1 (End() is offset 0).
    // The File's end follows mvdan-sh's comment attachment, which the block's comments change
    // (a trailing comment may end it, or not); its span is the whole text anyway.
    const type = syntax.NodeType(node);
    let end = type === 'File' ? start : trimContinuation(text, start, Math.max(start, at.end(node.End().Offset())));
    // mvdan-sh 0.10.1 ends an array element with an empty value (`[k]=`) one character after its
    // index starts, however long the index: it ends at least where the index does.
    const elem = node as MvdanArrayElem;
    if (type === 'ArrayElem' && !elem.Value && elem.Index) end = Math.max(end, at.end(elem.Index.End().Offset()));
    nodes.push(record(syntax, node, start, end, depth));
    depth++;
  };
  // walkComplete also visits the offset and length of `${x:o:l}`, which syntax.Walk skips.
  walkComplete(syntax, root, visit, () => depth--);
  return { ok: true, nodes };
}

/**
 * mvdan-sh 0.10.1 ends a token before a word break after the backslash-newline that bash removes
 * (`echo $x\⏎-` ends `$x` past it): the oracle's trailing-line-continuation divergence. The
 * node ends where bash ends it, the same way in input and output.
 */
function trimContinuation(text: string, start: number, end: number): number {
  if (end - 2 >= start && text.startsWith('\\\n', end - 2)) return end - 2;
  if (end - 1 >= start && text[end - 1] === '\\' && text[end] === '\n') return end - 1;
  return end;
}

function record(syntax: MvdanSyntax, node: MvdanNode, start: number, end: number, depth: number): NodeRecord {
  const type = syntax.NodeType(node);
  const bag = node as unknown as Record<string, unknown>;
  const fields: string[] = [];
  for (const f of SCALAR_FIELDS) {
    const v = bag[f];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      fields.push(`${f}=${JSON.stringify(v)}`);
  }
  const base = { type, start, end, depth: type === 'Comment' ? -1 : depth };
  if (type === 'ParamExp') {
    const p = node as MvdanParamExp;
    const op = p.Exp?.Op ?? 0;
    fields.push(
      `Exp=${op}`,
      `Index=${p.Index !== null}`,
      `Slice=${p.Slice !== null}`,
      `Repl=${p.Repl === null ? '' : String(p.Repl.All)}`,
    );
    const plain = !p.Excl && !p.Length && !p.Width && p.Names === 0 && p.Slice === null && p.Repl === null;
    return {
      ...base,
      fields: fields.join(' '),
      param: {
        name: p.Param?.Value ?? '',
        op,
        plain,
        index: p.Index !== null,
        excl: p.Excl && p.Names === 0 && !p.Length,
      },
    };
  }
  if (type === 'Assign') {
    const name = (bag.Name as { Value?: string } | null)?.Value ?? '';
    return { ...base, fields: fields.join(' '), assigns: name };
  }
  return { ...base, fields: fields.join(' ') };
}
