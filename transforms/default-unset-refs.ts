// Rewrites each reference that may be unset, where it is: `$X` → `${X:-}`, `${X:-value}` with a
// configured default, `${X:-0}` in arithmetic, `${X:?X is not set}` in a destructive argument.

import { listGuard, type PlannedRead, transformPrefix, wrapperOperator } from '../src/analyze/index.js';
import type { Change, Finding, Transform } from '../src/edit/index.js';
import { quoteDefault } from '../src/edit/index.js';
import type { EditKind } from '../src/types/index.js';

type RefEdit = ReturnType<Transform['run']>['edits'][number];

/** The text after the name: `:-`, `:-value`, `:-0` or `:?NAME is not set`. `nounsetOn`: set -u is
 * on where the read runs. */
function suffixFor(
  p: PlannedRead,
  defaults: Readonly<Record<string, string>>,
  nounsetOn: boolean,
): { suffix: string; kind: EditKind } {
  const name = p.read.name;
  if (p.fix === 'require') {
    const what = /^[0-9]+$/.test(name) ? `argument ${name}` : name;
    return { suffix: `:?${what} is not set`, kind: 'require-nonempty' };
  }
  const value = defaults[name];
  if (p.read.arith) {
    if (/^-?[0-9]+$/.test(value ?? '')) return { suffix: `:-${value}`, kind: 'default-value' };
    // `$X` in $(( )) without set -u: an unset X was empty there (a syntax error); keep it so.
    if (p.read.node.type !== 'ParamExp' || nounsetOn) return { suffix: ':-0', kind: 'default-zero' };
  }
  if (value !== undefined && value !== '')
    return { suffix: `:-${quoteDefault(value, p.read.quoting)}`, kind: 'default-value' };
  if (value === undefined && p.fallback !== undefined) return { suffix: `:-${p.fallback}`, kind: 'default-value' };
  return { suffix: ':-', kind: 'default-empty' };
}

/** Text a rewrite writes, as it must be written where the read is: in a trap's double-quoted
 * handler, whose code bash gets with the escapes taken out, each `$`, `` ` ``, `"` and `\`
 * escaped. */
function written(p: PlannedRead, text: string): string {
  return p.read.dqCode ? text.replace(/[$`"\\]/g, '\\$&') : text;
}

function changesFor(p: PlannedRead, suffix: string): Change[] {
  return ownChanges(p, suffix).map((c) => ({ ...c, text: written(p, c.text) }));
}

function ownChanges(p: PlannedRead, suffix: string): Change[] {
  const { node, update, name } = p.read;
  if (node.type === 'ArithmVar' && update) {
    // `x += 1` → `x = ${x:-0}, x += 1`: x takes its own value first (what the update would have
    // read), or 0 where it is unset or empty; the comma gives the update's value, as before. Only
    // a whole expression is rewritten so (plan.ts isRewritable): no parentheses are needed.
    return [{ start: update.start, end: update.start, text: `${name} = \${${name}${suffix}}, ` }];
  }
  if (node.type === 'ArithmVar') {
    // A bare name is evaluated as an expression of its own; parentheses keep that when the
    // substituted text sits inside a larger expression (`2 * (${x:-0})` with x='1+1').
    const paren = !p.read.arith?.whole;
    return [
      { start: node.start, end: node.start, text: paren ? '(${' : '${' },
      { start: node.end, end: node.end, text: `${suffix}}${paren ? ')' : ''}` },
    ];
  }
  if (node.short) {
    return [
      { start: node.start + 1, end: node.start + 1, text: '{' },
      { start: node.end, end: node.end, text: `${suffix}}` },
    ];
  }
  return [{ start: node.end - 1, end: node.end - 1, text: suffix }];
}

/** `"${a[@]}"` → `${a[@]+"${a[@]}"}` and `"$@"` → `${@+"$@"}` (bash before 4.4 stops on an empty
 * list under set -u; the guard keeps "no word" for it, which `:-` would turn into one empty word).
 * Only a list that is its double-quoted word part alone; null for anything else. */
function listWrap(p: PlannedRead, text: string): RefEdit | null {
  const { name } = p.read;
  const isList = p.read.form === 'list' || name === '@' || name === '*';
  const guard = isList ? listGuard(p.read, text) : null;
  if (guard === null) return null;
  const { open, close, list: inner } = guard;
  return {
    start: open,
    end: close + 1,
    changes: [
      { start: open, end: open, text: `\${${inner}+` },
      { start: close + 1, end: close + 1, text: '}' },
    ],
    kind: 'default-list',
    variable: name,
    reason: `${p.reason}: \`\${${inner}+"…"}\` gives no word for an empty list, as bash ≥ 4.4 does`,
  };
}

const transform: Transform = {
  name: 'default-unset-refs',
  meta: {
    description: 'Rewrite each reference that may be unset under `set -u` into a defaulted form where it is read.',
  },
  run(plan, options) {
    const edits: RefEdit[] = [];
    const findings: Finding[] = [];
    // Reads that get an edit of their own: a wrapper must not copy one (it would stay unedited).
    const edited = plan.reads.filter((p) => p.fix === 'default' || p.fix === 'require').map((p) => p.read.start);
    for (const p of plan.reads) {
      if (p.warning)
        findings.push({ start: p.read.start, severity: 'warning', code: p.warning.code, message: p.warning.message });
      if (p.fix === 'review') {
        findings.push({
          start: p.read.start,
          severity: 'warning',
          code: 'needs-review',
          message: `${p.read.name}: ${p.reason}`,
        });
        continue;
      }
      if (p.fix !== 'default' && p.fix !== 'require') continue;
      const prefix = p.read.form === 'transform' ? transformPrefix(p.read, plan.text) : null;
      if (p.read.form === 'transform' && p.read.node.type === 'ParamExp') {
        const { param, index } = p.read.node;
        if (prefix === null || edited.some((at) => at >= param.start && at < (index ?? param).end)) {
          findings.push({
            start: p.read.start,
            severity: 'warning',
            code: 'needs-review',
            message: `${p.read.name}: ${p.reason}; its subscript needs an edit of its own, so the expansion cannot be wrapped; check it by hand`,
          });
          continue;
        }
        // `${X#pat}` → `${X:+${X#pat}}`: the transform only when X is set and not empty; empty
        // otherwise, which is what the transform gives an empty value. `${X@Q}` → `${X+${X@Q}}`:
        // it gives `''` for an empty X (empty-transforms.ts).
        const { node } = p.read;
        const op = wrapperOperator(p.read);
        edits.push({
          start: node.start,
          end: node.end,
          changes: [
            // The prefix is the script's own text, already written for where it is.
            { start: node.start + 2, end: node.start + 2, text: `${prefix}${written(p, `${op}\${`)}` },
            { start: node.end, end: node.end, text: '}' },
          ],
          kind: 'default-transform',
          variable: p.read.name,
          reason: `${p.reason}; \`\${${prefix}${op}…}\` expands it only when ${p.read.name} is set${op === ':+' ? ' and not empty' : ''}, and to empty otherwise, which is what it gave an unset ${p.read.name} without set -u`,
        });
        continue;
      }
      const list = listWrap(p, plan.text);
      if (list !== null) {
        edits.push(list);
        continue;
      }
      const { suffix, kind } = suffixFor(p, options.defaults, plan.nounsetOf(p.read) === 'on');
      const { update, name } = p.read;
      edits.push({
        start: update?.start ?? p.read.start,
        end: update?.end ?? p.read.end,
        changes: changesFor(p, suffix),
        kind,
        variable: name,
        // Known limit, said where it applies: `${N:-0}` also takes a set but empty N as 0.
        reason:
          kind === 'default-zero' && p.read.node.type === 'ParamExp'
            ? `${p.reason}; a set but empty ${name}, a syntax error in this arithmetic before, now counts as 0`
            : update
              ? `${p.reason}; the update reads and writes ${name}, so it is not rewritten in place: \`${name} = \${${name}${suffix}}\` first gives ${name} its own value, or ${suffix === ':-0' ? '0 where it is unset or empty, as the arithmetic took it without set -u' : `${suffix.slice(2)}, its configured default, where it is unset or empty`}`
              : p.reason,
      });
    }
    for (const d of plan.arrayDeclarations) {
      const lines = d.reads.length === 1 ? `line ${d.reads[0] ?? ''}` : `lines ${d.reads.join(', ')}`;
      edits.push({
        start: d.start,
        end: d.end,
        changes: [{ start: d.end, end: d.end, text: '=()' }],
        kind: 'declare-empty',
        variable: d.name,
        reason: `declared without a value, ${d.name} stays unset, and \`\${#${d.name}[@]}\` on ${lines} stops under set -u; \`=()\` makes it an empty array, so that gives 0, as it did without set -u`,
      });
    }
    return { edits, findings };
  },
};

export default transform;
