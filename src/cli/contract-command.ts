// `nounset contract`: print each script's environment contract; with --check, check the
// deployment files that run the scripts against it (exit 1 on an error).

import { join } from 'node:path';
import type { Argv } from 'yargs';
import { ConfigLoader, RC_NAME } from '../config/index.js';
import { splitCommandLine } from '../contract/index.js';
import { UsageError } from '../errors.js';
import { nodeIO } from '../io/index.js';
import { renderCheckFindings, renderContractJson, renderContractMarkdown } from '../report/index.js';
import { runContract } from '../run/index.js';
import { type FixArgs, toFixOptions } from './fix-options.js';

export interface ContractArgs extends FixArgs {
  readonly paths: readonly string[];
  readonly format: 'markdown' | 'json';
  readonly check?: readonly string[];
  readonly map?: readonly string[];
  readonly entry?: string;
}

export function contractOptions<T>(y: Argv<T>) {
  return y
    .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'scripts and directories' })
    .option('format', {
      choices: ['markdown', 'json'] as const,
      default: 'markdown' as const,
      describe: 'markdown: a table per script; json: the contracts (and check findings)',
    })
    .option('check', {
      type: 'string',
      array: true,
      describe:
        'FILE: Kubernetes YAML, docker-compose, GitHub workflow or Dockerfile that runs the scripts (repeatable)',
    })
    .option('entry', {
      type: 'string',
      describe: "'ARGS': only what the script reads when started with these arguments (e.g. 'reset')",
    })
    .option('map', {
      type: 'string',
      array: true,
      nargs: 1,
      describe:
        "CONTAINER_PATH=REPO_PATH: where a path in those files is in this repository (repeatable; over the configuration's contract.map)",
    });
}

/** `--map CONTAINER_PATH=REPO_PATH` pairs. */
export function parseMap(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0 || eq === p.length - 1)
      throw new UsageError(`--map wants CONTAINER_PATH=REPO_PATH, got ${JSON.stringify(p)}`);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

export function runContractCommand(args: ContractArgs): number {
  const entry = args.entry === undefined ? {} : { entry: splitCommandLine(args.entry) };
  // The configuration's `contract.map` (of the directory it runs in) under the command line's.
  const configured = new ConfigLoader(nodeIO).configFor(join(process.cwd(), RC_NAME))?.config.contract?.map ?? {};
  const map = { ...configured, ...parseMap(args.map ?? []) };
  const run = runContract(
    args.paths,
    { cwd: process.cwd(), fix: toFixOptions(args), ...(args.check ? { check: args.check } : {}), map, ...entry },
    nodeIO,
  );
  for (const p of run.problems) process.stderr.write(`${p.path}: error: ${p.error}\n`);
  const checks = run.checked.map((c) => ({
    what: c.invocation.what,
    file: c.invocation.file,
    line: c.invocation.line,
    script: c.contract.path,
    findings: c.findings,
  }));
  if (args.format === 'json') process.stdout.write(renderContractJson(run.contracts, args.check ? checks : undefined));
  else if (!args.check) process.stdout.write(renderContractMarkdown(run.contracts));
  else process.stdout.write(renderCheckFindings(checks));
  if (args.check) {
    const errors = checks.reduce((n, c) => n + c.findings.filter((f) => f.severity === 'error').length, 0);
    process.stderr.write(`nounset: ${checks.length} place(s) run a script, ${errors} error(s)\n`);
    if (checks.length === 0)
      process.stderr.write(
        'nounset: no file given to --check runs one of the scripts (match by basename, or use --map)\n',
      );
    return errors > 0 ? 1 : run.problems.length > 0 ? 3 : 0;
  }
  return run.problems.length > 0 ? 3 : 0;
}
