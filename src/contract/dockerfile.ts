// Dockerfiles: ENV sets the runtime environment of every later instruction and of the container;
// ENTRYPOINT, CMD and RUN lines that run the script are invocations. ARG values exist only while
// the image builds, so they count for RUN, not for the container. A small reader of just these
// instructions (line continuations, exec and shell forms), not a full Dockerfile parser.

import type { EnvSetting, Invocation } from './invocation.js';
import { findScriptCall, splitCommandLine } from './invocation.js';

interface Instruction {
  readonly line: number;
  readonly keyword: string;
  readonly rest: string;
}

function instructions(source: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = i + 1;
    let text = (lines[i] as string).replace(/\r$/, '');
    if (/^\s*#/.test(text) || text.trim() === '') continue;
    while (text.endsWith('\\') && i + 1 < lines.length)
      text = `${text.slice(0, -1)} ${(lines[++i] as string).replace(/\r$/, '')}`;
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(text);
    if (m) out.push({ line: first, keyword: (m[1] as string).toUpperCase(), rest: (m[2] as string).trim() });
  }
  return out;
}

/** `ENV A=1 B="two words"` or the old `ENV A value`. */
function envPairs(rest: string): { name: string; value: string }[] {
  const words = splitCommandLine(rest);
  if (words.length > 0 && words.every((w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w))) {
    return words.map((w) => ({ name: w.slice(0, w.indexOf('=')), value: w.slice(w.indexOf('=') + 1) }));
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\s+(.*)$/.exec(rest);
  return m ? [{ name: m[1] as string, value: m[2] as string }] : [];
}

/** An exec-form JSON array, or the shell form's words. */
function commandWords(rest: string): string[] {
  if (rest.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(rest);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not JSON after all: Docker then takes it as the shell form too.
    }
  }
  return ['sh', '-c', rest];
}

export function dockerfileInvocations(file: string, source: string, matches: (word: string) => boolean): Invocation[] {
  const out: Invocation[] = [];
  const env = new Map<string, EnvSetting>();
  const args = new Map<string, EnvSetting>();
  let entrypoint: { line: number; words: string[] } | null = null;
  let cmd: { line: number; words: string[] } | null = null;
  let stage = 1;
  for (const ins of instructions(source)) {
    if (ins.keyword === 'FROM') {
      stage = ins.line;
      env.clear();
      args.clear();
      entrypoint = null;
      cmd = null;
    } else if (ins.keyword === 'ENV')
      for (const p of envPairs(ins.rest)) env.set(p.name, { name: p.name, value: p.value, file, line: ins.line });
    else if (ins.keyword === 'ARG') {
      const [name, value] = ins.rest.split('=', 2);
      if (name)
        args.set(name.trim(), {
          name: name.trim(),
          file,
          line: ins.line,
          ...(value !== undefined ? { value } : { from: 'a --build-arg' }),
        });
    } else if (ins.keyword === 'RUN') {
      const call = findScriptCall(commandWords(ins.rest), matches);
      if (call)
        out.push({
          file,
          line: ins.line,
          what: `Dockerfile RUN`,
          script: call.script,
          args: call.args,
          env: [...args.values(), ...env.values()],
          unknownSources: [],
          span: [stage, ins.line],
        });
    } else if (ins.keyword === 'ENTRYPOINT') entrypoint = { line: ins.line, words: commandWords(ins.rest) };
    else if (ins.keyword === 'CMD') cmd = { line: ins.line, words: commandWords(ins.rest) };
  }
  // The container runs ENTRYPOINT with CMD as its arguments.
  const start = entrypoint ?? cmd;
  if (start) {
    const call = findScriptCall([...(entrypoint?.words ?? []), ...(cmd?.words ?? [])], matches);
    if (call)
      out.push({
        file,
        line: start.line,
        what: `Dockerfile ${entrypoint ? 'ENTRYPOINT' : 'CMD'}`,
        script: call.script,
        args: call.args,
        env: [...env.values()],
        unknownSources: [],
        span: [stage, Math.max(start.line, cmd?.line ?? 0)],
      });
  }
  return out;
}
