// The independent check on every edit: mvdan-sh (shfmt's parser, test-only) parses the input and
// the output, and
// - outside the edits, the two trees must be the same node for node (type, depth, scalar fields,
//   span shifted by the edits before it);
// - each edited span must read, in the output, as a guarded parameter expansion (`:-` or `:?`) of
//   the edit's variable where the input read that variable unguarded, with the same wrappers
//   around it, and the same other expansions inside;
// - the env-init block must be top-level assignments / `:` commands of guarded expansions of
//   environment inputs, and comments.
import type { FixResult } from '../../src/types/script.js';
import type { Dialect } from '../oracle/mvdan-reading.js';
import { type EditSpan, editSpans, place } from './edit-spans.js';
import { ALTERNATE_OPS, GUARD_OPS, mvdanTree, type NodeRecord } from './mvdan-nodes.js';

export interface EditCheck {
  /** False when mvdan-sh rejects the input itself: then there is nothing to compare with. */
  readonly compared: boolean;
  /** Nodes outside the edits found equal in both trees. */
  readonly nodes: number;
  /** Edited spans checked. */
  readonly edits: number;
  readonly problems: readonly string[];
}

const WORD_LEVEL = new Set(['Word', 'Lit', 'ParamExp']);
const BLOCK_TYPES = new Set(['Stmt', 'CallExpr', 'Assign', 'Lit', 'Word', 'DblQuoted', 'ParamExp', 'Comment']);

/** Checks `result` (a fix of `input`) against mvdan-sh's readings of input and output. */
export function checkEditsWithMvdan(input: string, result: FixResult, dialect: Dialect): EditCheck {
  const none = { compared: false, nodes: 0, edits: 0, problems: [] };
  if (!result.changed) return none;
  const spans = editSpans(input, result.output, result.edits);
  if (!spans.ok) return { ...none, compared: true, problems: [spans.problem] };
  const before = mvdanTree(input, dialect);
  if (!before.ok) return none;
  const after = mvdanTree(result.output, dialect);
  if (!after.ok)
    return { ...none, compared: true, problems: [`mvdan-sh rejects the output but not the input: ${after.message}`] };

  const problems: string[] = [];
  // A trap's single-quoted handler with edits in it is one quoted string to mvdan-sh: the string
  // is one span here, and the code in it is checked on its own (checkHandler).
  const handlers = trapHandlers(input, before.nodes, spans.spans);
  const tiled = handlers.length === 0 ? spans.spans : mergeHandlers(spans.spans, handlers);
  for (const h of handlers) problems.push(...checkHandler(input, result, h, dialect));
  const inside = tiled.map(() => ({ input: [] as NodeRecord[], output: [] as NodeRecord[] }));
  const outside = (side: 'input' | 'output', nodes: readonly NodeRecord[]): Map<string, NodeRecord> => {
    const keyed = new Map<string, NodeRecord>();
    for (const n of nodes) {
      const at = place(tiled, side, n.start, n.end);
      if (at.kind === 'inside') inside[at.span]?.[side].push(n);
      else if (at.kind === 'across')
        problems.push(
          `${side} ${n.type} ${describe(side === 'input' ? input : result.output, n)} crosses an edit's boundary`,
        );
      else {
        const base = `${n.type} [${at.start},${at.end}) depth ${n.depth} ${n.fields}`;
        let key = base;
        for (let k = 2; keyed.has(key); k++) key = `${base} #${k}`;
        keyed.set(key, { ...n, start: at.start, end: at.end });
      }
    }
    return keyed;
  };
  const ours = outside('input', before.nodes);
  const theirs = outside('output', after.nodes);
  let equal = 0;
  for (const [key, n] of ours) {
    if (theirs.has(key)) equal++;
    else problems.push(`outside the edits, the output lost ${key} ${describe(input, n)}`);
  }
  for (const [key, n] of theirs)
    if (!ours.has(key)) problems.push(`outside the edits, the output gained ${key} ${describe(input, n)}`);

  const inputNames = new Set(result.inputs.map((i) => i.name));
  tiled.forEach((span, k) => {
    if (handlers.some((h) => h.span === span)) return;
    const nodes = inside[k] ?? { input: [], output: [] };
    const why =
      span.edit.before === ''
        ? checkInsertion(span, nodes.output, inputNames)
        : checkReplacement(span, nodes, input, result.output);
    if (why !== null)
      problems.push(
        `edit ${JSON.stringify(span.edit.before)} → ${JSON.stringify(span.edit.after)} at ${span.edit.line}:${span.edit.column}: ${why}`,
      );
  });
  return { compared: true, nodes: equal, edits: spans.spans.length, problems: problems.slice(0, 20) };
}

/** A trap's single-quoted handler holding edits: the string, its edits' spans, and the one span
 * that stands for them all. */
interface Handler {
  readonly node: NodeRecord;
  readonly spans: readonly EditSpan[];
  readonly span: EditSpan;
}

/** The single-quoted words right after `trap` (or `trap --`) that hold edits. */
function trapHandlers(input: string, nodes: readonly NodeRecord[], spans: readonly EditSpan[]): Handler[] {
  const out: Handler[] = [];
  for (const node of nodes) {
    if (node.type !== 'SglQuoted' || input[node.start] !== "'") continue;
    const inner = spans.filter((s) => node.start < s.inStart && s.inEnd < node.end);
    if (inner.length === 0) continue;
    const line = input.slice(input.lastIndexOf('\n', node.start - 1) + 1, node.start);
    if (!/(?:^|[\s;&|(])trap[ \t]+(?:--[ \t]+)?$/.test(line)) continue;
    const first = inner[0] as EditSpan;
    const last = inner[inner.length - 1] as EditSpan;
    const span: EditSpan = {
      edit: first.edit,
      nested: [],
      inStart: node.start,
      inEnd: node.end,
      outStart: first.outStart - (first.inStart - node.start),
      outEnd: last.outEnd + (node.end - last.inEnd),
    };
    out.push({ node, spans: inner, span });
  }
  return out;
}

/** The edit spans with each handler's replaced by the handler's one span. */
function mergeHandlers(spans: readonly EditSpan[], handlers: readonly Handler[]): EditSpan[] {
  const out: EditSpan[] = [];
  for (const s of spans) {
    const h = handlers.find((x) => x.spans.includes(s));
    if (h === undefined) out.push(s);
    else if (h.spans[0] === s) out.push(h.span);
  }
  return out;
}

/** The handler's code, in and out, checked as a script of its own with the edits inside it. */
function checkHandler(input: string, result: FixResult, h: Handler, dialect: Dialect): string[] {
  const quoted = result.output.slice(h.span.outStart, h.span.outEnd);
  if (!quoted.startsWith("'") || !quoted.endsWith("'") || quoted.slice(1, -1).includes("'"))
    return [`the trap handler at ${h.node.start} no longer is one single-quoted string: ${JSON.stringify(quoted)}`];
  const base = h.node.start + 1;
  const edits = result.edits
    .filter((e) => h.node.start < e.start && e.end < h.node.end)
    .map((e) => ({ ...e, start: e.start - base, end: e.end - base }));
  const code = input.slice(base, h.node.end - 1);
  const fixed = quoted.slice(1, -1);
  const check = checkEditsWithMvdan(code, { ...result, output: fixed, changed: fixed !== code, edits }, dialect);
  return check.problems.map((p) => `in the trap handler at ${h.node.start}: ${p}`);
}

function describe(text: string, n: NodeRecord): string {
  return JSON.stringify(text.slice(n.start, Math.min(n.end, n.start + 40)));
}

const exact = (n: NodeRecord, start: number, end: number): boolean => n.start === start && n.end === end;
const byDepth = (a: NodeRecord, b: NodeRecord): number => a.depth - b.depth;

/** A reference rewritten in place: `$X` → `${X:-}`, `n` → `(${n:-0})` in arithmetic, … */
function checkReplacement(
  span: EditSpan,
  nodes: { input: NodeRecord[]; output: NodeRecord[] },
  input: string,
  output: string,
): string | null {
  const { edit } = span;
  if (edit.kind === 'declare-empty') {
    // `local -a X` → `local -a X=()`: the same name, now assigned an empty array.
    const want = `${input.slice(span.inStart, span.inEnd)}=()`;
    if (output.slice(span.outStart, span.outEnd) !== want)
      return `the output is ${JSON.stringify(output.slice(span.outStart, span.outEnd))}, not ${JSON.stringify(want)}`;
    return nodes.output.some((n) => n.type === 'Assign' && n.assigns === edit.variable)
      ? null
      : `mvdan-sh reads no assignment of ${edit.variable ?? ''} there`;
  }
  if (edit.variable === null) return 'a replacement names no variable';
  const update = checkUpdate(span, nodes, input, output);
  if (update !== undefined) return update;
  const wrappersIn = nodes.input
    .filter((n) => exact(n, span.inStart, span.inEnd) && !WORD_LEVEL.has(n.type))
    .sort(byDepth)
    .map((n) => n.type);
  const wrappersOut = nodes.output
    .filter((n) => exact(n, span.outStart, span.outEnd) && !WORD_LEVEL.has(n.type) && n.type !== 'ParenArithm')
    .sort(byDepth)
    .map((n) => n.type);
  // `"$@"` → `${@+"$@"}`: the quotes the input's span is are inside the guard in the output (the
  // guard's text is checked below).
  if (edit.kind === 'default-list' && wrappersIn[wrappersIn.length - 1] === 'DblQuoted') wrappersIn.pop();
  if (wrappersIn.join() !== wrappersOut.join())
    return `mvdan-sh reads it inside ${wrappersIn.join('/') || 'nothing'} in the input but ${wrappersOut.join('/') || 'nothing'} in the output`;

  const parenthesised = nodes.output.some((n) => n.type === 'ParenArithm' && exact(n, span.outStart, span.outEnd));
  const [refStart, refEnd] = parenthesised ? [span.outStart + 1, span.outEnd - 1] : [span.outStart, span.outEnd];
  const ref = nodes.output.filter((n) => n.param !== undefined && exact(n, refStart, refEnd)).sort(byDepth)[0];
  if (!ref?.param)
    return `mvdan-sh reads no parameter expansion spanning ${JSON.stringify(output.slice(refStart, refEnd))}`;
  if (ref.param.name !== edit.variable) return `the output expands ${ref.param.name}, not ${edit.variable}`;
  const was = nodes.input
    .filter((n) => exact(n, span.inStart, span.inEnd) && (n.param !== undefined || n.type === 'Lit'))
    .sort(byDepth)[0];
  if (edit.kind === 'default-transform') return checkWrapper(span, ref, was, input, output);
  if (edit.kind === 'default-list') {
    // `"${a[@]}"` → `${a[@]+"${a[@]}"}`: exactly the input's quoted word inside the `+` guard.
    const inner = edit.variable === '@' ? '@' : `${edit.variable}[@]`;
    const want = `\${${inner}+${input.slice(span.inStart, span.inEnd)}}`;
    if (ref.param.op !== 68) return `the output's expansion is not \${${inner}+…} (${ref.fields})`;
    return output.slice(span.outStart, span.outEnd) === want
      ? null
      : `the output is ${JSON.stringify(output.slice(span.outStart, span.outEnd))}, not ${JSON.stringify(want)}`;
  }
  const indirect = ref.param.excl && was?.param?.excl === true;
  if (!GUARD_OPS.has(ref.param.op) || !(ref.param.plain || indirect))
    return `the output's expansion is not a plain \${${edit.variable}:-…} or \${${edit.variable}:?…} (${ref.fields})`;

  if (was?.param) {
    if (was.param.name !== edit.variable || was.param.op !== 0)
      return `the input's expansion there is not an unguarded ${edit.variable} (${was.fields})`;
    if (was.param.index !== ref.param.index) return 'the subscript was added or lost';
  } else if (was?.type !== 'Lit' || !was.fields.includes(`Value=${JSON.stringify(edit.variable)}`)) {
    return `the input has no read of ${edit.variable} spanning the edit`;
  }

  // The expansions inside: the input's, plus one per bare arithmetic name the edits turned into one.
  const dollar =
    (text: string) =>
    (n: NodeRecord): boolean =>
      n.param !== undefined && text[n.start] === '$';
  const namesIn = nodes.input.filter(dollar(input)).map((n) => n.param?.name ?? '');
  const namesOut = nodes.output.filter(dollar(output)).map((n) => n.param?.name ?? '');
  const added = [edit, ...span.nested].filter((e) => !e.before.startsWith('$')).map((e) => e.variable ?? '');
  const expected = [...namesIn, ...added].sort().join(' ');
  if (namesOut.sort().join(' ') !== expected)
    return `the expansions inside are ${namesOut.join(' ')}, expected ${expected}`;
  return null;
}

/** `x += 1` → `x = ${x:-0}, x += 1` (an arithmetic update of x that may be unset): the output is
 * a comma whose left side assigns x its guarded self and whose right side is the input's update,
 * read as the same kind of node. Undefined when the edit is not of an update. */
function checkUpdate(
  span: EditSpan,
  nodes: { input: NodeRecord[]; output: NodeRecord[] },
  input: string,
  output: string,
): string | null | undefined {
  const v = span.edit.variable ?? '';
  const was = nodes.input.find(
    (n) => exact(n, span.inStart, span.inEnd) && (n.type === 'UnaryArithm' || n.type === 'BinaryArithm'),
  );
  if (was === undefined || input.slice(span.inStart, span.inEnd) === v) return undefined;
  const text = output.slice(span.outStart, span.outEnd);
  const head = new RegExp(`^${v} = \\$\\{${v}:-(-?[0-9]+)\\}, `).exec(text);
  // mvdan-sh's token for `,` (syntax.Comma) is 82.
  if (head === null) return `the output is ${JSON.stringify(text)}, not \`${v} = \${${v}:-N}, …\``;
  const rest = span.outStart + head[0].length;
  if (
    !nodes.output.some((n) => n.type === 'BinaryArithm' && exact(n, span.outStart, span.outEnd) && n.fields === 'Op=82')
  )
    return `mvdan-sh reads no comma expression spanning ${JSON.stringify(text)}`;
  if (!nodes.output.some((n) => n.type === was.type && exact(n, rest, span.outEnd)))
    return `mvdan-sh reads no ${was.type} after the assignment in ${JSON.stringify(text)}`;
  return null;
}

/** `${X#pat}` → `${X:+${X#pat}}` (or `${X+…}`): the output's wrapper holds exactly the input's expansion. */
function checkWrapper(
  span: EditSpan,
  ref: NodeRecord,
  was: NodeRecord | undefined,
  input: string,
  output: string,
): string | null {
  if (ref.param === undefined || !ALTERNATE_OPS.has(ref.param.op) || ref.param.excl)
    return `the output's expansion is not \${${span.edit.variable ?? ''}:+…} or \${${span.edit.variable ?? ''}+…} (${ref.fields})`;
  if (!was?.param || was.param.name !== span.edit.variable)
    return `the input has no expansion of ${span.edit.variable ?? ''} spanning the edit`;
  const inner = output.slice(span.outEnd - 1 - (span.inEnd - span.inStart), span.outEnd - 1);
  // Nested edits inside (a `$w` in the pattern) change the copy; compare without them.
  if (span.nested.length === 0 && inner !== input.slice(span.inStart, span.inEnd))
    return `the wrapped expansion ${JSON.stringify(inner)} is not the input's ${JSON.stringify(input.slice(span.inStart, span.inEnd))}`;
  return null;
}

/** The env-init block: only guarded reads of inputs, assigned to themselves or passed to `:`. */
function checkInsertion(span: EditSpan, nodes: NodeRecord[], inputNames: ReadonlySet<string>): string | null {
  if (span.edit.kind !== 'env-init-block') return `an insertion of kind ${span.edit.kind}`;
  const odd = nodes.find((n) => !BLOCK_TYPES.has(n.type));
  if (odd) return `the block holds a ${odd.type}`;
  const stmts = nodes.filter((n) => n.type === 'Stmt');
  if (stmts.length === 0) return 'mvdan-sh reads no statement in the block';
  if (stmts.some((s) => s.depth !== 1)) return 'the block is not at the top level';
  for (const s of stmts) {
    const inS = nodes.filter((n) => n.start >= s.start && n.end <= s.end);
    const refs = inS.filter((n) => n.param !== undefined);
    const assigned = inS.filter((n) => n.assigns !== undefined).map((n) => n.assigns);
    if (refs.length !== 1 || assigned.length > 1)
      return `a block statement reads ${refs.length} parameters and assigns ${assigned.length}`;
    const p = refs[0]?.param;
    if (!p || !GUARD_OPS.has(p.op) || !p.plain || !inputNames.has(p.name))
      return `a block statement reads ${p?.name ?? '?'} unguarded or not as an input`;
    if (assigned.length === 1 && assigned[0] !== p.name) return `the block assigns ${assigned[0] ?? ''} from ${p.name}`;
  }
  return null;
}
