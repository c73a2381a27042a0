// docker-compose files: services whose command or entrypoint runs the script, with their
// `environment` (a map or a list of NAME=value) and `env_file` entries (read when the file is
// there, else named as a source of unknown variables).

import type { Node } from 'yaml';
import type { EnvSetting, Invocation } from './invocation.js';
import { findScriptCall, splitCommandLine } from './invocation.js';
import { child, entries, items, strings, text, type YamlFile } from './yaml-doc.js';

/** Reads an env file's NAME=value lines; null when it cannot be read. */
export type EnvFileReader = (composeFile: string, envFile: string) => { file: string; text: string } | null;

function words(node: Node | undefined): string[] {
  const s = text(node);
  return s !== undefined ? splitCommandLine(s) : strings(node);
}

export function parseEnvFile(file: string, source: string): EnvSetting[] {
  const out: EnvSetting[] = [];
  source.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(line);
    if (!m) return;
    const value = m[2]?.replace(/^(['"])(.*)\1$/, '$2');
    out.push({ name: m[1] as string, file, line: i + 1, ...(value !== undefined ? { value } : {}) });
  });
  return out;
}

export function composeInvocations(
  files: readonly YamlFile[],
  matches: (word: string) => boolean,
  readEnvFile: EnvFileReader,
): Invocation[] {
  const out: Invocation[] = [];
  for (const f of files) {
    for (const doc of f.docs) {
      for (const svc of entries(child(doc, 'services'))) {
        const call = findScriptCall(
          [...words(child(svc.value, 'entrypoint')), ...words(child(svc.value, 'command'))],
          matches,
        );
        if (!call) continue;
        const env: EnvSetting[] = [];
        const unknown: string[] = [];
        const envFiles = child(svc.value, 'env_file');
        for (const name of text(envFiles) !== undefined
          ? [text(envFiles) as string]
          : items(envFiles).flatMap((n) => text(n) ?? text(child(n, 'path')) ?? [])) {
          const read = readEnvFile(f.file, name);
          if (read) env.push(...parseEnvFile(read.file, read.text));
          else unknown.push(`env_file ${name} (not read)`);
        }
        const environment = child(svc.value, 'environment');
        for (const e of entries(environment)) {
          const value = text(e.value);
          env.push({ name: e.key, file: f.file, line: f.line(e.keyNode), ...(value !== undefined ? { value } : {}) });
        }
        for (const n of items(environment)) {
          const s = text(n) ?? '';
          const eq = s.indexOf('=');
          // `- NAME` alone passes the variable through from the shell running compose: unknown value.
          env.push({
            name: eq < 0 ? s : s.slice(0, eq),
            file: f.file,
            line: f.line(n),
            ...(eq < 0 ? { from: 'the environment of docker compose' } : { value: s.slice(eq + 1) }),
          });
        }
        out.push({
          file: f.file,
          line: f.line(svc.keyNode),
          what: `compose service ${svc.key}`,
          script: call.script,
          args: call.args,
          env,
          unknownSources: unknown,
          span: [f.line(svc.keyNode), f.lastLine(svc.value)],
        });
      }
    }
  }
  return out;
}
