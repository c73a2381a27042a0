// Kubernetes manifests: the containers (and init containers) of Pods and of the workloads that
// template them, the scripts their command/args run, and the environment they get from `env` and
// `envFrom`. ConfigMaps and Secrets among the files given supply the names of envFrom variables.

import type { Node } from 'yaml';
import type { EnvSetting, Invocation } from './invocation.js';
import { findScriptCall } from './invocation.js';
import { child, entries, items, path, strings, text, type YamlFile } from './yaml-doc.js';

/** Where each kind keeps its pod spec. */
const POD_SPEC: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The keys of the ConfigMaps and Secrets in the files, by `ConfigMap name` / `Secret name`. */
export function collectConfigSources(files: readonly YamlFile[]): Map<string, EnvSetting[]> {
  const out = new Map<string, EnvSetting[]>();
  for (const f of files) {
    for (const doc of f.docs) {
      const kind = text(child(doc, 'kind'));
      if (kind !== 'ConfigMap' && kind !== 'Secret') continue;
      const name = text(path(doc, ['metadata', 'name'])) ?? '';
      const settings: EnvSetting[] = [];
      for (const section of kind === 'Secret' ? ['data', 'stringData'] : ['data']) {
        for (const e of entries(child(doc, section))) {
          const value = kind === 'ConfigMap' ? text(e.value) : undefined;
          settings.push({
            name: e.key,
            file: f.file,
            line: f.line(e.keyNode),
            from: `${kind} ${name}`,
            ...(value !== undefined ? { value } : {}),
            ...(kind === 'Secret' ? { secret: true } : {}),
          });
        }
      }
      out.set(`${kind} ${name}`, settings);
    }
  }
  return out;
}

function containerEnv(
  f: YamlFile,
  container: Node,
  sources: Map<string, EnvSetting[]>,
): { env: EnvSetting[]; unknown: string[] } {
  const env: EnvSetting[] = [];
  const unknown: string[] = [];
  for (const ref of items(child(container, 'envFrom'))) {
    const prefix = text(child(ref, 'prefix')) ?? '';
    for (const [key, kind] of [
      ['configMapRef', 'ConfigMap'],
      ['secretRef', 'Secret'],
    ] as const) {
      const r = child(ref, key);
      if (!r) continue;
      const name = `${kind} ${text(child(r, 'name')) ?? ''}`;
      const known = sources.get(name);
      if (known)
        for (const s of known)
          env.push({
            ...s,
            name: prefix + s.name,
            line: f.line(ref),
            file: f.file,
            from: `${name} (envFrom)`,
            viaEnvFrom: true,
          });
      else unknown.push(`${name} (envFrom, not among the files given)`);
    }
  }
  // Explicit env entries come after envFrom and win over it, as in Kubernetes.
  for (const e of items(child(container, 'env'))) {
    const name = text(child(e, 'name'));
    if (!name) continue;
    const value = text(child(e, 'value'));
    const valueFrom = child(e, 'valueFrom');
    const secret = child(valueFrom, 'secretKeyRef') !== undefined;
    const from = valueFrom ? (secret ? 'secretKeyRef' : (entries(valueFrom)[0]?.key ?? 'valueFrom')) : undefined;
    env.push({
      name,
      file: f.file,
      line: f.line(e),
      ...(value !== undefined && !valueFrom ? { value } : {}),
      ...(from ? { from } : {}),
      ...(secret ? { secret: true } : {}),
    });
  }
  return { env, unknown };
}

/** Every container that runs a script `matches` accepts. */
export function k8sInvocations(files: readonly YamlFile[], matches: (word: string) => boolean): Invocation[] {
  const sources = collectConfigSources(files);
  const out: Invocation[] = [];
  for (const f of files) {
    for (const doc of f.docs) {
      const kind = text(child(doc, 'kind')) ?? '';
      // A manifest's own word: `kind: constructor` must not find Object's.
      const specPath = Object.hasOwn(POD_SPEC, kind) ? POD_SPEC[kind] : undefined;
      if (!specPath) continue;
      const spec = path(doc, specPath);
      const workload = `${kind} ${text(path(doc, ['metadata', 'name'])) ?? '(unnamed)'}`;
      for (const list of ['initContainers', 'containers']) {
        for (const c of items(child(spec, list))) {
          const call = findScriptCall([...strings(child(c, 'command')), ...strings(child(c, 'args'))], matches);
          if (!call) continue;
          const { env, unknown } = containerEnv(f, c, sources);
          const name = text(child(c, 'name')) ?? '(unnamed)';
          out.push({
            file: f.file,
            line: f.line(c),
            what: `${workload}, ${list === 'initContainers' ? 'init container' : 'container'} ${name}`,
            script: call.script,
            args: call.args,
            env,
            unknownSources: unknown,
            span: [f.line(c), f.lastLine(c)],
          });
        }
      }
    }
  }
  return out;
}
