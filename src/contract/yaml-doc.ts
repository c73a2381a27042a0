// YAML documents with line numbers, for the manifest readers: a thin layer over the `yaml`
// package (which keeps each node's source range). Malformed YAML is a ConfigError at file:line:col.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Node } from 'yaml';
import { ConfigError } from '../errors.js';

let loaded: typeof Yaml | null = null;
/** The yaml package, loaded on first use: only `contract` and `--defaults-from` read YAML, and
 * kept out of the bundle it would add a third to every start (scripts/bundle.mjs). */
function yaml(): typeof Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return loaded;
}

export interface YamlFile {
  readonly file: string;
  readonly docs: readonly (Node | null)[];
  line(node: Node | null | undefined): number;
  /** The line a node's value ends on (a block mapping's last entry, not the blank lines after). */
  lastLine(node: Node | null | undefined): number;
}

export function readYaml(file: string, text: string): YamlFile {
  const counter = new (yaml().LineCounter)();
  const docs = yaml().parseAllDocuments(text, { lineCounter: counter, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) {
    const err = d.errors[0];
    if (err) {
      const at = counter.linePos(err.pos[0]);
      throw new ConfigError({
        path: file,
        line: at.line,
        column: at.col,
        reason: `not valid YAML: ${err.message.split('\n')[0]}`,
      });
    }
  }
  return {
    file,
    docs: list.map((d) => (d.contents as Node | null) ?? null),
    line: (node) => (node?.range ? counter.linePos(node.range[0]).line : 1),
    lastLine: (node) => (node?.range ? counter.linePos(Math.max(node.range[0], node.range[1] - 1)).line : 1),
  };
}

/** The child of a mapping at `key`, or undefined. */
export function child(node: Node | null | undefined, key: string): Node | undefined {
  if (!yaml().isMap(node)) return undefined;
  for (const pair of node.items)
    if (yaml().isScalar(pair.key) && String(pair.key.value) === key) return (pair.value as Node | null) ?? undefined;
  return undefined;
}

export function path(node: Node | null | undefined, keys: readonly string[]): Node | undefined {
  let cur: Node | null | undefined = node;
  for (const k of keys) cur = child(cur, k);
  return cur ?? undefined;
}

/** A scalar's value as a string, or undefined. */
export function text(node: Node | null | undefined): string | undefined {
  return yaml().isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

export function items(node: Node | null | undefined): Node[] {
  return yaml().isSeq(node) ? (node.items as Node[]) : [];
}

/** The key nodes and values of a mapping, in order. */
export function entries(node: Node | null | undefined): { key: string; keyNode: Node; value: Node | undefined }[] {
  if (!yaml().isMap(node)) return [];
  return node.items.flatMap((pair) =>
    yaml().isScalar(pair.key)
      ? [{ key: String(pair.key.value), keyNode: pair.key as Node, value: (pair.value as Node | null) ?? undefined }]
      : [],
  );
}

/** A sequence of scalars as strings (a command, args). */
export function strings(node: Node | null | undefined): string[] {
  return items(node).flatMap((n) => text(n) ?? []);
}
