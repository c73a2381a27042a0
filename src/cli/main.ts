#!/usr/bin/env node
// The command line: parses arguments, calls the library, prints, sets the exit code. Nothing else.

import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { NounsetError, ParseError, UsageError } from '../errors.js';
import type { Dialect } from '../parse/ast.js';
import { detectDialect, parse } from '../parse/index.js';
import { renderParseSummary, summarizeParse } from '../report/parse-summary.js';

/** Exit codes: 0 ok, 2 usage error, 3 at least one file failed. */
const EXIT = { ok: 0, usage: 2, failed: 3 } as const;

interface ParseArgs {
  readonly files: string[];
  readonly dialect?: Dialect;
  readonly json: boolean;
}

function runParse(args: ParseArgs): number {
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
    const dialect = args.dialect ?? detectDialect(text, path).dialect ?? 'bash';
    try {
      const file = parse(text, { dialect, path });
      process.stdout.write(args.json ? `${JSON.stringify(file)}\n` : renderParseSummary(path, dialect, summarizeParse(text, file)));
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      process.stderr.write(`${err.message}\n`);
      status = EXIT.failed;
    }
  }
  return status;
}

async function main(argv: string[]): Promise<number> {
  let status: number = EXIT.ok;
  const cli = yargs(argv)
    .scriptName('nounset')
    .usage('$0 <command> [options]')
    .command(
      'parse <files..>',
      'Parse scripts and list every parameter expansion found (a look at the parser nounset is built on)',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'shell scripts' })
          .option('dialect', { choices: ['bash', 'posix'] as const, describe: 'default: from the shellcheck directive, shebang or extension' })
          .option('json', { type: 'boolean', default: false, describe: 'print the syntax tree as JSON' }),
      (a) => {
        status = runParse({ files: a.files as string[], dialect: a.dialect, json: a.json });
      },
    )
    .demandCommand(1, 'name a command')
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
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`nounset: ${err.message}\nRun nounset --help for usage.\n`);
    status = EXIT.usage;
  }
  return status;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`nounset: internal error: ${err instanceof NounsetError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = EXIT.failed;
  },
);
