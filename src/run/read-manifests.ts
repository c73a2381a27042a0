// The deployment files `contract --check` and `fix --defaults-from` read: which scripts they run,
// with what arguments and environment. Dockerfiles by name; YAML by content (compose files have
// `services`, workflows `jobs`, the rest is Kubernetes).

import { basename, relative, resolve } from 'node:path';
import type { Invocation } from '../contract/index.js';
import {
  child,
  composeInvocations,
  dockerfileInvocations,
  k8sInvocations,
  readYaml,
  workflowInvocations,
  type YamlFile,
} from '../contract/index.js';
import { NounsetError, UsageError } from '../errors.js';
import { describeIOError, type ScriptIO } from '../io/index.js';

/** The script of `paths` (relative, `/`) a word in a command names: through `map` (CONTAINER_PATH
 * → REPO_PATH), else by path, else by basename. */
export function scriptMatcher(
  paths: readonly string[],
  map: Readonly<Record<string, string>>,
): (word: string) => string | undefined {
  return (word) => {
    for (const [from, to] of Object.entries(map)) {
      const base = from.replace(/\/$/, '');
      if (word === from || word.startsWith(`${base}/`)) {
        const repoPath = `${to.replace(/\/$/, '')}${word.slice(base.length)}`.replace(/^\.\//, '');
        const hit = paths.find((p) => p === repoPath || p === to);
        if (hit) return hit;
      }
    }
    const plain = word.replace(/^\.\//, '');
    return paths.find((p) => p === plain) ?? paths.find((p) => basename(p) === basename(plain));
  };
}

function readText(io: ManifestIO, cwd: string, file: string): string {
  try {
    return io.readFile(resolve(cwd, file));
  } catch (err) {
    throw new UsageError(`${file}: cannot read: ${describeIOError(err)}`);
  }
}

/** All the manifest readers need of the file system. */
export type ManifestIO = Pick<ScriptIO, 'readFile'>;

/** Dockerfiles are known by name; every other file is read as YAML. */
export function isDockerfile(file: string): boolean {
  return /(^|\/)(Dockerfile|Containerfile)[^/]*$|\.dockerfile$/i.test(file);
}

/** Every place in `files` that runs a script `matches` accepts. A file that cannot be read or is
 * not valid YAML throws, unless `skip` is given: then it is named there and left out. */
export function readInvocations(
  files: readonly string[],
  cwd: string,
  matches: (word: string) => boolean,
  io: ManifestIO,
  skip?: (file: string, reason: string) => void,
): Invocation[] {
  const yamls: YamlFile[] = [];
  const invocations: Invocation[] = [];
  for (const file of files) {
    const shown = relative(cwd, resolve(cwd, file)) || file;
    try {
      const text = readText(io, cwd, file);
      if (isDockerfile(file)) invocations.push(...dockerfileInvocations(shown, text, matches));
      else yamls.push(readYaml(shown, text));
    } catch (err) {
      if (!skip || !(err instanceof NounsetError)) throw err;
      skip(shown, err.message.startsWith(`${shown}:`) ? err.message.slice(shown.length + 1).trim() : err.message);
    }
  }
  const isCompose = (f: YamlFile): boolean => f.docs.some((d) => child(d, 'services') !== undefined);
  const isWorkflow = (f: YamlFile): boolean => f.docs.some((d) => child(d, 'jobs') !== undefined);
  const readEnvFile = (composeFile: string, envFile: string): { file: string; text: string } | null => {
    const abs = resolve(cwd, composeFile, '..', envFile);
    try {
      return { file: relative(cwd, abs), text: io.readFile(abs) };
    } catch {
      // A missing env_file leaves its variables unknown; the check says so.
      return null;
    }
  };
  invocations.push(
    ...k8sInvocations(
      yamls.filter((f) => !isCompose(f) && !isWorkflow(f)),
      matches,
    ),
  );
  invocations.push(...composeInvocations(yamls.filter(isCompose), matches, readEnvFile));
  invocations.push(...workflowInvocations(yamls.filter(isWorkflow), matches));
  return invocations;
}
