// GitHub Actions workflows: `run:` steps that call the script, with the `env` of the workflow,
// the job and the step (the nearer wins, as in Actions).

import type { Node } from 'yaml';
import type { EnvSetting, Invocation } from './invocation.js';
import { findScriptCall, splitCommandLine } from './invocation.js';
import { child, entries, items, text, type YamlFile } from './yaml-doc.js';

function envOf(f: YamlFile, node: Node | null | undefined): EnvSetting[] {
  return entries(child(node, 'env')).map((e) => {
    const value = text(e.value);
    // ${{ secrets.X }} and other expressions are known only when the workflow runs.
    const expression = value?.includes('${{');
    return {
      name: e.key,
      file: f.file,
      line: f.line(e.keyNode),
      ...(value !== undefined && !expression ? { value } : { from: value ?? 'an expression' }),
      ...(value?.includes('secrets.') ? { secret: true } : {}),
    };
  });
}

export function workflowInvocations(files: readonly YamlFile[], matches: (word: string) => boolean): Invocation[] {
  const out: Invocation[] = [];
  for (const f of files) {
    for (const doc of f.docs) {
      const jobs = child(doc, 'jobs');
      if (!jobs) continue;
      const top = envOf(f, doc);
      for (const job of entries(jobs)) {
        const jobEnv = envOf(f, job.value);
        items(child(job.value, 'steps')).forEach((step, i) => {
          const run = text(child(step, 'run'));
          if (run === undefined) return;
          for (const line of run.split('\n')) {
            const call = findScriptCall(splitCommandLine(line), matches);
            if (!call) continue;
            // Nearest wins: step over job over workflow.
            const env = new Map<string, EnvSetting>();
            for (const e of [...top, ...jobEnv, ...envOf(f, step)]) env.set(e.name, e);
            const name = text(child(step, 'name')) ?? `step ${i + 1}`;
            out.push({
              file: f.file,
              line: f.line(step),
              what: `workflow job ${job.key}, ${name}`,
              script: call.script,
              args: call.args,
              env: [...env.values()],
              unknownSources: [],
              span: [f.line(step), f.lastLine(step)],
            });
            break;
          }
        });
      }
    }
  }
  return out;
}
