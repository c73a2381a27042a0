// `nounset pr`'s contract checks, reading the commits through git: the deployment files at head
// (Kubernetes YAML, compose files, workflows, Dockerfiles; `contract.manifests` in the
// configuration says which), the places in them that run a script of the repository (through
// `--map` / `contract.map`), each checked against the contract of the script at head for the
// arguments it passes; and, for a changed manifest, the places its base version ran, to find the
// `env` entries the pull request deletes.

import { relative } from 'node:path';
import type { Invocation } from '../contract/index.js';
import { checkInvocation, contractWithReads } from '../contract/index.js';
import { decodeScript, NotTextError } from '../io/index.js';
import type { ChangedFile } from '../review/index.js';
import { type ChangedManifest, type CheckedPlace, type ContractReview, reviewContracts } from '../review/index.js';
import type { FixOptions } from '../types/index.js';
import { isScriptFile } from './find-scripts.js';
import { listFiles, showFiles } from './git.js';
import { isDockerfile, type ManifestIO, readInvocations, scriptMatcher } from './read-manifests.js';

export interface PrContractOptions {
  readonly root: string;
  readonly head: string;
  readonly mergeBase: string;
  /** Every file the PR adds, modifies or renames. */
  readonly changed: readonly ChangedFile[];
  /** The changed scripts the review covers. */
  readonly scripts: readonly string[];
  /** CONTAINER_PATH → REPO_PATH. */
  readonly map: Readonly<Record<string, string>>;
  /** Which paths (relative to the root) are deployment files to read. */
  readonly isManifest: (path: string) => boolean;
  /** The fix options for a script (the command line over its configuration). */
  readonly fixFor: (path: string) => Omit<FixOptions, 'path'>;
}

/** Without configuration: YAML files and Dockerfiles. */
export function isManifestByName(path: string): boolean {
  return /\.ya?ml$/i.test(path) || isDockerfile(path);
}

/** A commit's files as text, read once each; null for a file that is not there or not text. */
class CommitFiles {
  readonly #texts = new Map<string, string | null>();
  constructor(
    readonly root: string,
    readonly commit: string,
  ) {}

  preload(paths: readonly string[]): void {
    const blobs = showFiles(
      this.root,
      this.commit,
      paths.filter((p) => !this.#texts.has(p)),
    );
    for (const p of paths)
      if (!this.#texts.has(p)) this.#texts.set(p, blobs.has(p) ? decodeOrNull(blobs.get(p) as Buffer) : null);
  }

  text(path: string): string | null {
    if (!this.#texts.has(path)) this.preload([path]);
    return this.#texts.get(path) ?? null;
  }

  /** What the manifest readers read files through: paths under the root, at this commit. */
  io(): ManifestIO {
    return {
      readFile: (abs: string) => {
        const text = this.text(relative(this.root, abs).split('\\').join('/'));
        if (text === null)
          throw Object.assign(new Error(`${abs}: not in ${this.commit.slice(0, 12)}`), { code: 'ENOENT' });
        return text;
      },
    };
  }
}

function decodeOrNull(bytes: Buffer): string | null {
  try {
    return decodeScript(bytes);
  } catch (err) {
    if (err instanceof NotTextError) return null;
    throw err;
  }
}

const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

export function checkPrContracts(options: PrContractOptions): ContractReview {
  const changedManifests = options.changed.filter((c) => options.isManifest(c.path));
  if (changedManifests.length === 0 && options.scripts.length === 0) return { findings: [], places: [], skipped: [] };
  const head = new CommitFiles(options.root, options.head);
  const tree = listFiles(options.root, options.head);
  const candidates = tree.filter(options.isManifest);
  head.preload(candidates);
  // Read only what may matter: the changed manifests, those naming a changed script (or a mapped
  // directory), and those that hold ConfigMaps or Secrets an envFrom may bring in.
  const changedPaths = new Set(changedManifests.map((c) => c.path));
  const words = [...options.scripts.map(basename), ...Object.keys(options.map)];
  const relevant = candidates.filter((p) => {
    if (changedPaths.has(p)) return true;
    const text = head.text(p);
    return (
      text !== null && (words.some((w) => text.includes(w)) || /^\s*kind:\s*['"]?(ConfigMap|Secret)\b/m.test(text))
    );
  });
  if (relevant.length === 0) return { findings: [], places: [], skipped: [] };

  const scriptPaths = tree.filter((p) => isScriptFile(p, '#!/bin/sh\n'));
  const find = scriptMatcher(scriptPaths, options.map);
  const isScript = new Map<string, boolean>();
  const matches = (word: string): boolean => {
    const p = find(word);
    if (p === undefined) return false;
    let yes = isScript.get(p);
    if (yes === undefined) {
      const text = head.text(p);
      yes = text !== null && isScriptFile(p, text);
      isScript.set(p, yes);
    }
    return yes;
  };
  const skipped: { path: string; reason: string }[] = [];
  const invocations = readInvocations(relevant, options.root, matches, head.io(), (path, reason) =>
    skipped.push({ path, reason }),
  );

  const checkedCache = new Map<string, Pick<CheckedPlace, 'contract' | 'reads'>>();
  const places: CheckedPlace[] = [];
  for (const invocation of invocations) {
    const script = find(invocation.script) as string;
    const scriptText = head.text(script) ?? '';
    const key = JSON.stringify([script, invocation.args]);
    let checked = checkedCache.get(key);
    if (!checked) {
      checked = contractWithReads(script, scriptText, options.fixFor(script), invocation.args);
      checkedCache.set(key, checked);
    }
    places.push({
      invocation,
      script,
      scriptText,
      contract: checked.contract,
      reads: checked.reads,
      findings: checkInvocation(checked.contract, invocation),
    });
  }

  const manifests = new Map<string, ChangedManifest>();
  const base = new CommitFiles(options.root, options.mergeBase);
  for (const changed of changedManifests) {
    const text = head.text(changed.path);
    if (text === null) continue;
    manifests.set(changed.path, {
      changed,
      lineCount: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
      base: changed.status === 'added' ? [] : baseInvocations(base, changed, matches),
    });
  }
  const scripts = new Map(
    options.changed.filter((c) => options.scripts.includes(c.path)).map((c) => [c.path, c] as const),
  );
  return { ...reviewContracts({ places, manifests, scripts }), skipped };
}

/** The places the base version of a changed manifest ran: what its `env` held before. */
function baseInvocations(base: CommitFiles, changed: ChangedFile, matches: (word: string) => boolean): Invocation[] {
  const path = changed.from ?? changed.path;
  if (base.text(path) === null) return [];
  // Another file's ConfigMap does not matter here: only the entries written in this one.
  return readInvocations([path], base.root, matches, base.io(), () => {});
}
