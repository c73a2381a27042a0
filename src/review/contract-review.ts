// Environment contracts in a pull request review: each place a changed manifest changes, and each
// place that runs a changed script, checked against the contract of what it runs (with its own
// arguments, `kata-deploy.sh reset`). A missing input is anchored where the reviewer looks: on the
// `env` entry the PR deletes (the base side of the diff), else on a changed line of that container,
// and on the script's changed lines that read it. Pure: the places come checked from run/.

import type { CheckFinding, Invocation } from '../contract/index.js';
import { need, type ScriptContract, stops } from '../contract/index.js';
import type { ReferenceReport } from '../types/index.js';
import { type ChangedFile, diffHunks, touchesChanged, withinOneHunk } from './changed-lines.js';

/** One place at head that runs a script, checked. */
export interface CheckedPlace {
  readonly invocation: Invocation;
  /** The script it runs: its path in the repository, and its text at head. */
  readonly script: string;
  readonly scriptText: string;
  /** The contract for the place's arguments, and the reads it counts (with nounset's verdicts). */
  readonly contract: ScriptContract;
  readonly reads: readonly ReferenceReport[];
  readonly findings: readonly CheckFinding[];
}

/** A changed manifest: its diff, its line count at head, and the places its base version ran. */
export interface ChangedManifest {
  readonly changed: ChangedFile;
  readonly lineCount: number;
  readonly base: readonly Invocation[];
}

export interface PlaceRef {
  readonly file: string;
  readonly line: number;
  readonly what: string;
  readonly script: string;
  readonly args: readonly string[];
}

/** An input a place does not set although the script may stop on it: an error. */
export interface ContractFinding {
  readonly name: string;
  readonly need: 'required' | 'needed';
  readonly place: PlaceRef;
  /** The read in `place.script` that stops: its line and text. */
  readonly read: { readonly line: number; readonly text: string };
  /** The base line of the `env` entry this pull request deletes, when it does. */
  readonly removed: number | null;
  /** Where its comment goes on the manifest (the place changed), or null. */
  readonly anchor: { readonly path: string; readonly line: number; readonly side: 'LEFT' | 'RIGHT' } | null;
  /** Lines of `place.script` the PR changed that read it: comments go there too. */
  readonly scriptLines: readonly number[];
  /** The manifest at head: where SARIF and rdjson put it. */
  readonly location: { readonly path: string; readonly line: number };
  /** One line, for text output, SARIF and rdjson. */
  readonly message: string;
}

/** A place that runs a changed script, or that a changed manifest changes: for the summary. */
export interface PlaceSummary extends PlaceRef {
  readonly changed: boolean;
  readonly missing: readonly string[];
  /** Info-level findings (a setting never read, a source whose keys are not known). */
  readonly notes: readonly string[];
}

export interface ContractReview {
  readonly findings: readonly ContractFinding[];
  readonly places: readonly PlaceSummary[];
  /** Manifests left out (not valid YAML, not readable), and why. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

export const NO_CONTRACTS: ContractReview = { findings: [], places: [], skipped: [] };

/** How the place runs the script, as a command line. */
export function commandOf(p: PlaceRef): string {
  return [p.script, ...p.args].join(' ');
}

/** The PR changed lines of the place, or removed lines inside it. */
function placeChanged(inv: Invocation, changed: ChangedFile): boolean {
  const [first, last] = inv.span;
  return touchesChanged(changed.ranges, first, last) || changed.removals.some((r) => first <= r && r <= last);
}

/** The line of the place nearest `target` where a comment may go: a changed line, else any line
 * of the diff's hunks; null when the place shows no line in the diff. */
function nearestLine(inv: Invocation, m: ChangedManifest, target: number): number | null {
  const [first, last] = inv.span;
  const hunks = diffHunks(m.changed, m.lineCount);
  let best: { line: number; rank: number } | null = null;
  for (let line = first; line <= last; line++) {
    const rank = touchesChanged(m.changed.ranges, line, line) ? 0 : withinOneHunk(hunks, line, line) ? 1 : -1;
    if (rank < 0) continue;
    const score = rank * 1e9 + Math.abs(line - target);
    if (!best || score < best.rank) best = { line, rank: score };
  }
  return best?.line ?? null;
}

function lineText(text: string, line: number): string {
  return (text.split('\n')[line - 1] ?? '').replace(/\r$/, '').trim();
}

function why(kind: 'required' | 'needed', name: string): string {
  return kind === 'required'
    ? `the script requires it: it stops when ${name} is unset or empty`
    : `it has no default there, so under set -u the script stops with "${name}: unbound variable"`;
}

export function reviewContracts(input: {
  places: readonly CheckedPlace[];
  manifests: ReadonlyMap<string, ChangedManifest>;
  scripts: ReadonlyMap<string, ChangedFile>;
}): Omit<ContractReview, 'skipped'> {
  const findings: ContractFinding[] = [];
  const places: PlaceSummary[] = [];
  for (const p of input.places) {
    const inv = p.invocation;
    const manifest = input.manifests.get(inv.file);
    const changedHere = manifest !== undefined && placeChanged(inv, manifest.changed);
    const scriptChange = input.scripts.get(p.script);
    if (!changedHere && !scriptChange) continue;
    const ref: PlaceRef = { file: inv.file, line: inv.line, what: inv.what, script: p.script, args: inv.args };
    const base = manifest?.base.find((b) => b.what === inv.what) ?? null;
    const basePath = manifest?.changed.from ?? inv.file;
    const missing: string[] = [];
    const notes: string[] = [];
    for (const f of p.findings) {
      if (f.severity !== 'error') {
        notes.push(f.message);
        continue;
      }
      const input = p.contract.inputs.find((i) => i.name === f.name);
      const kind = input && need(input) === 'required' ? 'required' : 'needed';
      const readLine = f.scriptLine ?? inv.line;
      missing.push(f.name);
      const entry = base?.env.find((e) => e.name === f.name && e.file === basePath && !e.viaEnvFrom) ?? null;
      let anchor: ContractFinding['anchor'] = null;
      let removed: number | null = null;
      let location = inv.line;
      if (changedHere && manifest) {
        if (entry) removed = entry.line;
        const target = entry
          ? (manifest.changed.removals.find((r) => inv.span[0] <= r && r <= inv.span[1]) ?? inv.line)
          : inv.line;
        const right = nearestLine(inv, manifest, target);
        if (right !== null) location = right;
        if (entry && touchesChanged(manifest.changed.deleted ?? [], entry.line, entry.line))
          anchor = { path: inv.file, line: entry.line, side: 'LEFT' };
        else if (right !== null) anchor = { path: inv.file, line: right, side: 'RIGHT' };
      }
      const scriptLines = scriptChange
        ? [
            ...new Set(
              p.reads
                .filter((r) => r.name === f.name && stops(r) && touchesChanged(scriptChange.ranges, r.line, r.line))
                .map((r) => r.line),
            ),
          ]
        : [];
      const how = `\`${commandOf(ref)}\``;
      const message =
        removed !== null
          ? `${inv.what} no longer sets ${f.name} (this pull request removes it), yet ${how} reads it at ${p.script}:${readLine}: ${why(kind, f.name)}`
          : `${inv.what} runs ${how} without ${f.name}, which it reads at ${p.script}:${readLine}: ${why(kind, f.name)}`;
      findings.push({
        name: f.name,
        need: kind,
        place: ref,
        read: { line: readLine, text: lineText(p.scriptText, readLine) },
        removed,
        anchor,
        scriptLines,
        location: { path: inv.file, line: location },
        message,
      });
    }
    places.push({ ...ref, changed: changedHere, missing, notes });
  }
  return { findings, places };
}
