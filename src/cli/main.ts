#!/usr/bin/env node
// The command line: parses arguments, calls the library, prints, sets the exit code. Nothing else.

import { appendFileSync, readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ConfigError, GitHubError, NounsetError, ParseError, UsageError } from '../errors.js';
import { decodeScriptText, encodeScript, NotTextError, nodeIO, type ScriptText } from '../io/index.js';
import type { Dialect } from '../parse/index.js';
import { detectDialect, parse } from '../parse/index.js';
import {
  ANNOTATIONS_PER_LEVEL,
  EDIT_KINDS,
  renderDiagnostic,
  renderDiagnosticCounts,
  renderExplanation,
  renderFileDiagnostics,
  renderGithub,
  renderInspectText,
  renderParseSummary,
  renderRunJson,
  renderRunSummary,
  summarizeParse,
  wantColor,
} from '../report/index.js';
import {
  findSkipCause,
  fixStdin,
  hasFailures,
  inspectPath,
  isSkipCause,
  type ParallelRun,
  type RunOptions,
  runPathsParallel,
} from '../run/index.js';
import type { Severity } from '../types/index.js';
import { type CacheArgs, cacheConfig } from './cache-options.js';
import { contractOptions, parseMap, runContractCommand } from './contract-command.js';
import { type FixArgs, toFixOptions } from './fix-options.js';
import { tierForRun, tierForSizes } from './light-run.js';
import { packageVersion } from './package-version.js';
import { prOptions, runPrCommand } from './pr-command.js';
import { filePrinter } from './print-files.js';
import { progressLine } from './progress.js';

/** Exit codes: 0 ok, 1 changes pending under --check, 2 usage error, 3 at least one file failed. */
const EXIT = { ok: 0, pending: 1, usage: 2, failed: 3 } as const;

/** What a lone `-` among the arguments becomes before yargs reads them: yargs drops it from the
 * positionals (and `nounset -` fixed the whole working directory), so it is renamed to a path no
 * file can have (it holds a NUL byte). */
const STDIN_PATH = '\0stdin';

/** Only fixing reads a script from stdin. */
function refuseStdin(paths: readonly string[], command: string): void {
  if (paths.includes(STDIN_PATH))
    throw new UsageError(`${command} reads files; \`-\` (stdin) is for fixing: nounset - < FILE`);
}

interface ParseArgs {
  readonly files: string[];
  readonly dialect?: Dialect;
  readonly json: boolean;
}

function runParse(args: ParseArgs): number {
  refuseStdin(args.files, 'parse');
  let status: number = EXIT.ok;
  for (const path of args.files) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      process.stderr.write(`${path}: cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
      status = EXIT.failed;
      continue;
    }
    const guess = detectDialect(text, path);
    const dialect = args.dialect ?? guess.dialect ?? 'bash';
    try {
      const file = parse(text, { dialect, path, bats: guess.variant === 'bats' });
      process.stdout.write(
        args.json ? `${JSON.stringify(file)}\n` : renderParseSummary(path, dialect, summarizeParse(text, file)),
      );
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      process.stderr.write(`${err.message}\n`);
      status = EXIT.failed;
    }
  }
  return status;
}

type Format = 'diff' | 'json' | 'summary' | 'github';

interface FixCommandArgs extends FixArgs, CacheArgs {
  readonly paths: readonly string[];
  readonly dryRun: boolean;
  readonly check: boolean;
  readonly format?: Format;
  readonly maxSize?: number;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly diagnostics?: Severity;
  readonly explain?: string;
  readonly exclude?: readonly string[];
  readonly ignore: boolean;
  readonly config: boolean;
  readonly jobs?: number;
  readonly color?: boolean;
  readonly defaultsFrom?: readonly string[];
  readonly map?: readonly string[];
  readonly stdinFilename?: string;
}

/** For tests: NOUNSET_MIN_FILES_PER_THREAD=1 starts worker threads for a run of a few files. */
function threadHook(env: NodeJS.ProcessEnv): { minFilesPerThread?: number } {
  const n = Number(env.NOUNSET_MIN_FILES_PER_THREAD);
  return Number.isInteger(n) && n > 0 ? { minFilesPerThread: n } : {};
}

/** Exit status of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const EXIT_INTERRUPTED = 130;

/** Ctrl-C / SIGTERM abort the run between files; the handlers are removed when it ends. */
function abortOnSignals(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function explain(kind: string): number {
  const text = renderExplanation(kind);
  if (text === null)
    throw new UsageError(`--explain: no edit kind ${JSON.stringify(kind)}; kinds: ${EDIT_KINDS.join(', ')}`);
  process.stdout.write(text);
  return EXIT.ok;
}

/** Fix mode writes and lists the changed files; --dry-run and --check write nothing and print the
 * diff (as shfmt -d). --format picks another rendering. Diagnostics and the closing summary line
 * go to stderr, except with --format github, whose workflow commands carry them on stdout. */
async function runFix(args: FixCommandArgs): Promise<number> {
  if (args.explain !== undefined) return explain(args.explain);
  const started = performance.now();
  const dryRun = args.dryRun || args.check;
  if (args.maxSize !== undefined && !(Number.isInteger(args.maxSize) && args.maxSize > 0))
    throw new UsageError('--max-size wants a positive number of bytes');
  if (args.jobs !== undefined && !(Number.isInteger(args.jobs) && args.jobs > 0))
    throw new UsageError('--jobs wants a positive number of threads');
  const cache = cacheConfig(args, process.cwd());
  // Shown on stderr: errors with --quiet, all with --verbose, else warnings and errors.
  const level: Severity = args.diagnostics ?? (args.verbose ? 'info' : args.quiet ? 'error' : 'warning');
  const options = {
    cwd: process.cwd(),
    write: !dryRun,
    fix: toFixOptions(args),
    gitignore: args.ignore,
    config: args.config,
    ...(args.maxSize ? { maxSize: args.maxSize } : {}),
    ...(args.exclude ? { exclude: args.exclude } : {}),
    ...(cache ? { cache } : {}),
    ...(args.defaultsFrom
      ? {
          defaultsFrom: {
            files: args.defaultsFrom,
            map: parseMap(args.map ?? []),
            onNote: (note: string) => process.stderr.write(`${note}\n`),
          },
        }
      : {}),
  };
  if (args.paths.includes(STDIN_PATH)) return runStdin(args, options, level);
  const progress = args.quiet ? null : progressLine(process.stderr);
  const format = args.format ?? (dryRun ? 'diff' : 'summary');
  // The text formats print each file as it is done (print-files.ts); json and github need the whole run.
  const onFile =
    format === 'diff' || format === 'summary'
      ? filePrinter({
          format,
          level,
          color: wantColor(args.color, process.env, process.stdout.isTTY === true),
          quiet: args.quiet,
          wrote: !dryRun,
          stdout: (bytes) => {
            progress?.clear();
            process.stdout.write(bytes);
          },
          stderr: (text) => {
            progress?.clear();
            process.stderr.write(text);
          },
        })
      : undefined;
  const signals = abortOnSignals();
  let ran: ParallelRun;
  try {
    const onStart = (tasks: readonly { readonly path: string }[]): void =>
      void tierForRun(
        tasks.map((t) => t.path),
        options.cwd,
        nodeIO,
      );
    ran = await runPathsParallel(args.paths, options, {
      ...(args.jobs ? { jobs: args.jobs } : {}),
      ...threadHook(process.env),
      signal: signals.signal,
      onStart,
      ...(progress ? { onProgress: progress.update } : {}),
      ...(onFile ? { onFile } : {}),
    });
  } finally {
    signals.dispose();
    progress?.clear();
  }
  const { run } = ran;
  if (format === 'json') {
    for (const file of run.files)
      process.stderr.write(renderFileDiagnostics(file, file.result && findSkipCause(file.result), { level }));
  }
  if (ran.cache && cache && level === 'info')
    process.stderr.write(`nounset: result cache ${cache.dir}: ${ran.cache.hits} hits, ${ran.cache.misses} misses\n`);
  if (ran.facts && cache && level === 'info' && ran.facts.hits + ran.facts.misses > 0)
    process.stderr.write(`nounset: facts cache ${cache.dir}: ${ran.facts.hits} hits, ${ran.facts.misses} misses\n`);
  if (ran.cache?.writeError !== undefined && !args.quiet && cache) {
    process.stderr.write(
      `nounset: warning: cannot write the result cache in ${cache.dir} (${ran.cache.writeError}); results were not cached (--cache-dir DIR puts it elsewhere, --no-cache goes without)\n`,
    );
  }
  if (format === 'json') process.stdout.write(renderRunJson(run, performance.now() - started));
  else if (format === 'github') {
    // In Actions, what the annotation limit leaves out goes to the job summary instead.
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    const { commands, overflow } = renderGithub(run, summaryFile ? { limit: ANNOTATIONS_PER_LEVEL } : {});
    process.stdout.write(commands);
    if (summaryFile && overflow) appendFileSync(summaryFile, overflow);
  }
  const seconds = (performance.now() - started) / 1000;
  if (!args.quiet && format !== 'github') process.stderr.write(renderDiagnosticCounts(run, level));
  if (!args.quiet)
    process.stderr.write(
      renderRunSummary(run, { seconds, notRun: ran.notRun, ...(ran.threads > 1 ? { threads: ran.threads } : {}) }),
    );
  if (ran.notRun > 0) {
    process.stderr.write(`nounset: interrupted; ${ran.notRun} files were not processed (no file is half-written)\n`);
    return EXIT_INTERRUPTED;
  }
  if (hasFailures(run)) return EXIT.failed;
  return args.check && run.files.some((f) => f.status === 'changed') ? EXIT.pending : EXIT.ok;
}

/** `nounset -`: the script on stdin, fixed as the file --stdin-filename names would be, read from
 * stdin instead and never written. The fixed script goes to stdout (the input as it is when
 * nothing changes or the script is skipped, nothing when it fails, as shfmt), or its diff with
 * --dry-run or --check; diagnostics go to stderr. */
function runStdin(args: FixCommandArgs, options: RunOptions, level: Severity): number {
  if (args.paths.length > 1) throw new UsageError('`-` reads one script from stdin: give no other path with it');
  if (args.format !== undefined && args.format !== 'diff')
    throw new UsageError(`--format ${args.format}: a script read from stdin is printed as it is fixed, or as a diff`);
  const name = args.stdinFilename ?? '<stdin>';
  const bytes = readFileSync(0);
  let script: ScriptText;
  try {
    script = decodeScriptText(bytes);
  } catch (err) {
    if (!(err instanceof NotTextError)) throw err;
    process.stderr.write(`${name}: error: ${err.message}\n`);
    return EXIT.failed;
  }
  // One script: a light run unless it is large (light-run.ts).
  tierForSizes([bytes.length]);
  const outcome = fixStdin(script, name, options, nodeIO);
  if ('error' in outcome) {
    process.stderr.write(`${outcome.path}: error: ${outcome.error}\n`);
    return EXIT.failed;
  }
  const { path, result, diff } = outcome;
  const skipCause = findSkipCause(result);
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  const status = result.changed ? 'changed' : skipCause ? 'skipped' : 'unchanged';
  process.stderr.write(renderFileDiagnostics({ path, status, result }, skipCause, { level }));
  const dryRun = args.dryRun || args.check;
  if (dryRun) process.stdout.write(encodeScript(diff ?? '', script.encoding));
  else if (!failed) process.stdout.write(encodeScript(result.output, script.encoding));
  if (failed) return EXIT.failed;
  return args.check && result.changed ? EXIT.pending : EXIT.ok;
}

interface InspectArgs extends FixArgs {
  readonly file: string;
  readonly format: 'text' | 'json';
}

function runInspect(args: InspectArgs): number {
  refuseStdin([args.file], 'inspect');
  const outcome = inspectPath(args.file, { cwd: process.cwd(), fix: toFixOptions(args) }, nodeIO);
  if ('error' in outcome) {
    process.stderr.write(`${outcome.path}: error: ${outcome.error}\n`);
    return EXIT.failed;
  }
  const { path, result } = outcome;
  for (const d of result.diagnostics) process.stderr.write(renderDiagnostic(path, d, { skipped: isSkipCause(d) }));
  process.stdout.write(args.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderInspectText(result));
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT.failed : EXIT.ok;
}

/** The options fix mode and inspect share. */
function withFixOptions<T>(y: Argv<T>) {
  return y
    .option('style', {
      choices: ['block', 'inline'] as const,
      describe:
        'block (default): declare environment inputs once at the top; inline: rewrite each reference where it is',
    })
    .option('dialect', {
      choices: ['auto', 'bash', 'sh', 'posix'] as const,
      describe: 'auto (default): from the shellcheck directive, shebang or extension, else bash',
    })
    .option('default', {
      type: 'string',
      array: true,
      nargs: 1,
      describe: 'NAME=value: the default an unset input gets (repeatable)',
    })
    .option('require', {
      type: 'string',
      array: true,
      nargs: 1,
      describe: 'NAME: an input that must be set; checked with ${NAME:?} (repeatable)',
    })
    .option('ignore-var', {
      type: 'string',
      array: true,
      nargs: 1,
      describe: 'NAME: a variable nounset never touches (repeatable)',
    })
    .option('sourced-unknown', {
      choices: ['inline', 'leave', 'input'] as const,
      describe:
        'reads a sourced file nounset cannot follow (or an eval) may set: inline (default) defaults each where it is read, leave leaves them alone, input also lists them as inputs',
    })
    .option('guard-destructive', {
      type: 'boolean',
      describe:
        'guard every reference that reaches an rm/mv/find -delete path with ${X:?…} (default: only where an empty value is not handled and set -u may be on)',
    })
    .option('bash-version', {
      // A string: yargs reads `3.2` as the number 3.2 otherwise, which no choice equals.
      type: 'string',
      choices: ['3.2', '4.0', '4.4', '5'] as const,
      describe:
        'the oldest bash the scripts must run under: below 4.4, empty "${a[@]}" (and, below 4.1, "$@") is guarded (default: what a script says, 3.2 for one that handles Darwin, runs macOS commands or guards some lists already, or sits beside or below one that does, else 4.4)',
    })
    .option('keep-line-numbers', {
      type: 'boolean',
      describe:
        'move no line: no env-init block, every reference rewritten where it is (automatic for scripts that read LINENO or caller, and bats files)',
    })
    .option('include-generated', {
      type: 'boolean',
      describe:
        'fix files whose header says a tool generated them (Generated by GNU Autoconf, DO NOT EDIT, @generated), which are skipped by default',
    });
}

async function main(argv: string[]): Promise<number> {
  let status: number = EXIT.ok;
  const cli = yargs(argv)
    .scriptName('nounset')
    .version(packageVersion())
    .usage(
      '$0 [fix] [paths..] [options]\n$0 inspect <file> [options]\n$0 pr --base REF [options]\n$0 contract [paths..] [--check FILE..]',
    )
    .command(
      ['fix [paths..]', '$0 [paths..]'],
      'Rewrite shell scripts so they are safe under set -u (files are always taken; directories are searched for scripts)',
      (y) =>
        withFixOptions(y)
          .positional('paths', {
            type: 'string',
            array: true,
            default: ['.'],
            describe: 'scripts and directories; `-` alone: one script from stdin, fixed to stdout',
          })
          .option('dry-run', {
            type: 'boolean',
            default: false,
            describe: 'write nothing; print a unified diff of each change',
          })
          .option('check', {
            type: 'boolean',
            default: false,
            describe: 'like --dry-run, and exit 1 when a file would change (a CI gate)',
          })
          .option('max-size', {
            type: 'number',
            describe: 'skip (and report) files larger than this many bytes; default 5 MB',
          })
          .option('exclude', {
            type: 'string',
            array: true,
            nargs: 1,
            describe: 'GLOB: skip matching paths while searching directories (gitignore syntax, repeatable)',
          })
          .option('ignore', {
            type: 'boolean',
            default: true,
            describe: 'honour .gitignore files while searching (--no-ignore: do not)',
          })
          .option('config', {
            type: 'boolean',
            default: true,
            describe:
              'read .nounsetrc.json or the nounset key of package.json, found upward from each file (--no-config: do not)',
          })
          .option('defaults-from', {
            type: 'string',
            array: true,
            nargs: 1,
            describe:
              'FILE: a Kubernetes, compose, workflow or Dockerfile file; the values it gives a script become its defaults (repeatable)',
          })
          .option('map', {
            type: 'string',
            array: true,
            nargs: 1,
            describe:
              'CONTAINER_PATH=REPO_PATH: for --defaults-from, where a path in those files is in this repository',
          })
          .option('jobs', {
            type: 'number',
            describe:
              'threads for many files, this one included (default: the available cores, 1 on a machine with 2 or fewer); output is the same for any value',
          })
          .option('color', {
            type: 'boolean',
            describe: 'colour the diff (default: on a terminal; honours NO_COLOR and FORCE_COLOR)',
          })
          .option('explain', {
            type: 'string',
            describe: 'print what an edit kind does and why (all kinds without a value), then exit',
          })
          .option('quiet', {
            type: 'boolean',
            default: false,
            describe: 'print only errors (and the diff or document asked for)',
          })
          .option('verbose', {
            type: 'boolean',
            default: false,
            describe: 'print every diagnostic on stderr, info included (as --diagnostics info)',
          })
          .option('diagnostics', {
            choices: ['error', 'warning', 'info'] as const,
            describe: 'the least severity printed on stderr (default warning; the closing table counts them all)',
          })
          .option('cache', {
            type: 'boolean',
            default: true,
            describe: 'reuse the results of earlier runs for files that did not change (--no-cache: do not)',
          })
          .option('stdin-filename', {
            type: 'string',
            describe:
              'NAME: with `-` (the script on stdin, fixed to stdout), the file it is fixed as: its configuration, dialect and neighbours count (default <stdin>)',
          })
          .option('cache-dir', {
            type: 'string',
            describe: 'DIR: where the result cache is (default $XDG_CACHE_HOME/nounset or ~/.cache/nounset)',
          })
          .option('cache-size', {
            type: 'number',
            describe: 'MB: the bound the result cache is trimmed to (default 100)',
          })
          .option('format', {
            choices: ['diff', 'json', 'summary', 'github'] as const,
            describe:
              'diff (default with --dry-run/--check), summary (default when writing), json (schemas/run-result.schema.json), github (Actions workflow commands)',
          }),
      async (a) => {
        status = await runFix({ ...a, paths: a.paths as string[] });
      },
    )
    .command(
      'inspect <file>',
      "List every variable reference in a script with nounset's verdict on it and why",
      (y) =>
        withFixOptions(y)
          .positional('file', { type: 'string', demandOption: true, describe: 'a shell script' })
          .option('format', {
            choices: ['text', 'json'] as const,
            default: 'text' as const,
            describe: 'json: the whole inspect result',
          }),
      (a) => {
        status = runInspect({ ...a, file: a.file });
      },
    )
    .command(
      'pr',
      'Review the shell scripts a pull request adds or changes: suggest the fixes on its changed lines',
      (y) => prOptions(withFixOptions(y)),
      async (a) => {
        status = await runPrCommand({
          ...a,
          base: a.base,
          head: a.head,
          allLines: a.allLines,
          format: a.format,
          config: a.config,
          failOnFindings: a.failOnFindings,
          post: a.post,
          ...(a.pr !== undefined ? { pr: a.pr } : {}),
        });
      },
    )
    .command(
      'contract [paths..]',
      "Print each script's environment contract; with --check, check the manifests that run the scripts against it",
      (y) => contractOptions(withFixOptions(y)),
      (a) => {
        refuseStdin(a.paths as string[], 'contract');
        status = runContractCommand({
          ...a,
          paths: a.paths as string[],
          format: a.format,
          ...(a.check ? { check: a.check } : {}),
          ...(a.map ? { map: a.map } : {}),
          ...(a.entry !== undefined ? { entry: a.entry } : {}),
        });
      },
    )
    .command(
      'parse <files..>',
      'Parse scripts and list every parameter expansion found (a look at the parser nounset is built on)',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'shell scripts' })
          .option('dialect', {
            choices: ['bash', 'posix'] as const,
            describe: 'default: from the shellcheck directive, shebang or extension',
          })
          .option('json', { type: 'boolean', default: false, describe: 'print the syntax tree as JSON' }),
      (a) => {
        status = runParse({ files: a.files as string[], dialect: a.dialect, json: a.json });
      },
    )
    .strict()
    .fail((msg: string | null, err: Error | undefined) => {
      // A failed check has a message; yargs would still call the command's handler: stop here.
      if (msg) throw new UsageError(msg);
      throw err ?? new Error('yargs failed without a message');
    })
    .help();
  try {
    // yargs throws validation failures synchronously from parseAsync, or rejects with them.
    await cli.parseAsync();
  } catch (err) {
    // GitHub refused a request: its message says what to check; not a bug, not bad usage.
    if (err instanceof GitHubError) {
      process.stderr.write(`nounset: ${err.message}\n`);
      return EXIT.failed;
    }
    if (!(err instanceof UsageError)) throw err;
    // A configuration error names its file and key; the help text would not fix it.
    process.stderr.write(
      err instanceof ConfigError
        ? `nounset: ${err.message}\n`
        : `nounset: ${err.message}\nRun nounset --help for usage.\n`,
    );
    status = EXIT.usage;
  }
  return status;
}

main(hideBin(process.argv).map((a) => (a === '-' ? STDIN_PATH : a))).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `nounset: internal error: ${err instanceof NounsetError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = EXIT.failed;
  },
);
