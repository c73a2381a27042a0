// Where a deployment file runs a script, and the environment it gives it: what every manifest
// reader (Kubernetes, compose, Actions workflows, Dockerfiles) returns.

export interface Located {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
}

export interface EnvSetting extends Located {
  readonly name: string;
  /** The literal value, when the file gives one (not for Secrets, valueFrom, or files not read). */
  readonly value?: string;
  /** Where the value comes from, when not literal: `secret`, `valueFrom`, `configMap x`... */
  readonly from?: string;
  /** From a Secret: the value is never copied anywhere. */
  readonly secret?: boolean;
  /** Brought in whole by envFrom: a key the script does not read is not a stale setting. */
  readonly viaEnvFrom?: boolean;
}

export interface Invocation extends Located {
  /** Says which container, service or step: `DaemonSet kata-cleanup, container kube-kata-cleanup`. */
  readonly what: string;
  /** The script path as the file names it. */
  readonly script: string;
  /** Arguments after the script, when they can be read. */
  readonly args: readonly string[];
  readonly env: readonly EnvSetting[];
  /** Sources whose variable names are not known (an envFrom ConfigMap not among the files given):
   * an input not set explicitly may come from one of them. */
  readonly unknownSources: readonly string[];
  /** The 1-based lines [first, last] that make up the place (the container, service or step; in a
   * Dockerfile, its stage up to the instruction): a change there changes what it runs or sets. */
  readonly span: readonly [number, number];
}

/** Finds the script in a command line's words: `["bash", "-c", "/opt/x/deploy.sh reset"]` and
 * `["/opt/x/deploy.sh", "install"]` both give the script word and the arguments after it (up to
 * a shell operator). `matches` decides whether a word names the script. */
export function findScriptCall(
  words: readonly string[],
  matches: (word: string) => boolean,
): { script: string; args: string[] } | null {
  const tokens: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    // A shell's -c string holds a whole command line: split it into words (plain blanks only).
    if (/^(?:.*\/)?(?:ba|da|k|mk)?sh$/.test(w) && words[i + 1] === '-c' && words[i + 2] !== undefined) {
      tokens.push(...splitCommandLine(words[i + 2] as string));
      i += 2;
    } else tokens.push(w);
  }
  const at = tokens.findIndex((t) => matches(t));
  if (at < 0) return null;
  const args: string[] = [];
  for (const t of tokens.slice(at + 1)) {
    if (/^(?:;|&&|\|\||\||&)$/.test(t)) break;
    args.push(t);
  }
  return { script: tokens[at] as string, args };
}

/** Words of a simple command line: blanks separate, quotes group, operators stand alone. */
export function splitCommandLine(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(;|&&|\|\||\||&)|([^\s;&|"']+)/g;
  let word: string | null = null;
  let last = 0;
  for (const m of line.matchAll(re)) {
    const gap = line.slice(last, m.index);
    if (/\s/.test(gap) || m[3] !== undefined) {
      if (word !== null) out.push(word);
      word = null;
    }
    if (m[3] !== undefined) out.push(m[3]);
    else word = (word ?? '') + (m[1] ?? m[2] ?? m[4] ?? '');
    last = (m.index ?? 0) + m[0].length;
  }
  if (word !== null) out.push(word);
  return out;
}
