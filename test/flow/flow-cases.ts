// The flow suite's cases on disk (test/flow/cases) and their ground-truth labels.
//
// A case is either one script `cases/<name>.sh` or a directory `cases/<name>/` whose entry is
// `main.sh` (the other files are what it sources). The group of a case is its name up to the first
// `-` (`loop-for-list` is in group `loop`). Directives are comments (see test/flow/README.md):
//
//   # @env X Y=|a      variables to enumerate: each unset, or set to each value after `=`
//                      (`|`-separated, may be empty; a bare name means the one value `v`)
//   # @args "" "a b"   argument lists to try (each split on blanks; default: no arguments)
//   echo "$X"  # @unsafe X @safe 1
//                      labels: the reads of X on this line may abort, the reads of $1 may not
//   ...  # @unsafe X @bash-line 1
//                      bash reports aborts of this line's reads as line 1 (a trap string)

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Label = 'safe' | 'unsafe';

export interface LabelledRead {
  readonly line: number;
  readonly name: string;
  readonly label: Label;
  /** The line bash names when this read aborts (differs for trap strings). */
  readonly bashLine: number;
}

export interface FlowCase {
  /** `loop-for-list` for cases/loop-for-list.sh, `source-lib` for cases/source-lib/. */
  readonly name: string;
  readonly group: string;
  /** The directory holding the case's files (cases/ itself for a one-file case). */
  readonly dir: string;
  /** File name of the entry script inside `dir`. */
  readonly entry: string;
  /** All files of the case, by file name (one entry for a one-file case). */
  readonly files: ReadonlyMap<string, string>;
  readonly text: string;
  /** Per variable, the values to try besides unset. */
  readonly env: ReadonlyMap<string, readonly string[]>;
  readonly argLists: readonly (readonly string[])[];
  readonly labels: readonly LabelledRead[];
}

/** Names `inspectScript` reports that bash always sets; they need no label. */
export const ALWAYS_SET = new Set(['#', '@', '*', '?', '$', '-', '0']);

const NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+)$/;
/** A label comment: ` # @safe …` / ` # @unsafe …` at the end of a line. */
const LABEL_COMMENT = /(?:^|\s)#\s+(@(?:safe|unsafe)\b.*)$/;

export class CaseError extends Error {}

function parseEnv(rest: string, where: string): Map<string, string[]> {
  const env = new Map<string, string[]>();
  for (const token of rest
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')) {
    const eq = token.indexOf('=');
    const name = eq < 0 ? token : token.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new CaseError(`${where}: @env: not a variable name: ${JSON.stringify(name)}`);
    env.set(name, eq < 0 ? ['v'] : token.slice(eq + 1).split('|'));
  }
  return env;
}

function parseArgs(rest: string, where: string): string[][] {
  const lists: string[][] = [];
  const re = /\s*"([^"]*)"/y;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(rest)) !== null) {
    lists.push((m[1] ?? '').split(/\s+/).filter((a) => a !== ''));
    at = re.lastIndex;
  }
  if (rest.slice(at).trim() !== '')
    throw new CaseError(`${where}: @args wants double-quoted argument lists, got ${JSON.stringify(rest)}`);
  return lists;
}

function parseLabels(comment: string, line: number, where: string): LabelledRead[] {
  const out: LabelledRead[] = [];
  let label: Label | null = null;
  let bashLine = line;
  const names: { name: string; label: Label }[] = [];
  const tokens = comment.trim().split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t === '@safe' || t === '@unsafe') label = t === '@safe' ? 'safe' : 'unsafe';
    else if (t === '@bash-line') {
      const n = Number(tokens[++i]);
      if (!Number.isInteger(n) || n < 1) throw new CaseError(`${where}: @bash-line wants a line number`);
      bashLine = n;
      label = null;
    } else if (t.startsWith('@')) throw new CaseError(`${where}: unknown directive ${t}`);
    else if (label === null) throw new CaseError(`${where}: ${JSON.stringify(t)} is not after @safe or @unsafe`);
    else if (!NAME.test(t)) throw new CaseError(`${where}: not a variable name or positional: ${JSON.stringify(t)}`);
    else if (names.some((n) => n.name === t)) throw new CaseError(`${where}: ${t} is labelled twice`);
    else names.push({ name: t, label });
  }
  if (names.length === 0) throw new CaseError(`${where}: a label comment with no names`);
  for (const n of names) out.push({ line, name: n.name, label: n.label, bashLine });
  return out;
}

function parseCase(name: string, dir: string, entry: string, files: Map<string, string>): FlowCase {
  const text = files.get(entry) as string;
  if (!/^set -u\b/.test(text)) throw new CaseError(`${name}: the first line must be \`set -u\``);
  let env = new Map<string, string[]>();
  let argLists: string[][] = [[]];
  const labels: LabelledRead[] = [];
  text.split('\n').forEach((lineText, i) => {
    const line = i + 1;
    const where = `${name}:${line}`;
    const directive = /^\s*#\s*@(env|args)\b(.*)$/.exec(lineText);
    if (directive) {
      if (directive[1] === 'env') env = new Map([...env, ...parseEnv(directive[2] ?? '', where)]);
      else argLists = parseArgs(directive[2] ?? '', where);
      return;
    }
    const comment = LABEL_COMMENT.exec(lineText);
    if (comment) labels.push(...parseLabels(comment[1] ?? '', line, where));
    else if (/@(safe|unsafe)\b/.test(lineText))
      throw new CaseError(`${where}: a label must be a trailing \`# @safe …\` / \`# @unsafe …\` comment`);
  });
  for (const [file, body] of files) {
    if (file !== entry && /(?:^|\s)#\s+@(safe|unsafe|env|args)\b/m.test(body))
      throw new CaseError(`${name}/${file}: labels and directives go in the entry script only`);
  }
  if (labels.length === 0) throw new CaseError(`${name}: no labels`);
  const group = name.split('-')[0] as string;
  return { name, group, dir, entry, files, text, env, argLists, labels };
}

/** Every case under `casesDir`, sorted by name. Throws CaseError on a malformed case. */
export function loadCases(casesDir: string): FlowCase[] {
  const out: FlowCase[] = [];
  for (const entry of readdirSync(casesDir).sort()) {
    const full = join(casesDir, entry);
    if (statSync(full).isDirectory()) {
      const files = new Map<string, string>();
      for (const f of readdirSync(full).sort()) {
        if (statSync(join(full, f)).isDirectory())
          throw new CaseError(`${entry}: subdirectories are not supported (${f})`);
        files.set(f, readFileSync(join(full, f), 'utf8'));
      }
      if (!files.has('main.sh')) throw new CaseError(`${entry}: a case directory needs a main.sh`);
      out.push(parseCase(entry, full, 'main.sh', files));
    } else if (entry.endsWith('.sh')) {
      out.push(parseCase(entry.slice(0, -3), casesDir, entry, new Map([[entry, readFileSync(full, 'utf8')]])));
    }
  }
  return out;
}

/** Every environment of a case: each @env variable unset or set to one of its values. */
export function environments(c: FlowCase): Record<string, string>[] {
  let envs: Record<string, string>[] = [{}];
  for (const [name, values] of c.env) {
    const next: Record<string, string>[] = [];
    for (const e of envs) {
      next.push(e);
      for (const v of values) next.push({ ...e, [name]: v });
    }
    envs = next;
  }
  return envs;
}
