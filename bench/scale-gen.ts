// Seeded generators of the repository shapes that make a run slow (issue 19), written to disk for
// bench/scale.bench.ts. Same seed, same bytes, on any machine.
//
//   test-suite  git's t/: hundreds of test scripts that each source test-lib.sh, a large library
//               that sources test-lib-functions.sh (about 100 KB together); a few not UTF-8.
//   big-tool    acme.sh: one 250 KB script, 600+ functions, long `case` dispatch on the options and
//               the commands, deep call chains.
//   lib-web     kubernetes' hack/: scripts that source an init.sh, which sources libraries that
//               source each other (and back).
//
//   node dist/bench/scale-gen.js --shape NAME [--scale N] [--seed S] [--out DIR]

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Corpus, DEFAULT_SEED, type GeneratedFile, generateScript, mulberry32, type Rng } from './corpus-gen.js';

export const SHAPES = ['test-suite', 'big-tool', 'lib-web'] as const;
export type ShapeName = (typeof SHAPES)[number];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const chance = (rng: Rng, p: number): boolean => rng() < p;

const WORDS = [
  'setup',
  'clone',
  'fetch',
  'merge',
  'rebase',
  'commit',
  'push',
  'tag',
  'notes',
  'index',
  'config',
  'remote',
  'reset',
  'blame',
  'diff',
  'log',
  'apply',
  'stash',
  'prune',
  'pack',
] as const;
const THINGS = [
  'repo',
  'ref',
  'branch',
  'file',
  'dir',
  'object',
  'tree',
  'blob',
  'hook',
  'path',
  'cert',
  'domain',
  'key',
  'zone',
  'record',
  'token',
  'user',
  'host',
] as const;
const TEST_ENV = [
  'GIT_TEST_CMP',
  'GIT_TEST_OPTS',
  'GIT_TEST_LONG',
  'GIT_TEST_INSTALLED',
  'GIT_TEST_DEFAULT_HASH',
  'GIT_SKIP_TESTS',
  'TEST_OUTPUT_DIRECTORY',
  'TEST_NO_MALLOC_CHECK',
  'GIT_TRACE',
  'GIT_PAGER',
  'DIFF',
  'TAR',
  'PERL_PATH',
  'SHELL_PATH',
  'TEST_SHELL_PATH',
  'GIT_VALGRIND',
  'LANG',
] as const;

/** A function body of about `lines` lines: locals from the arguments, reads of globals and of the
 * environment, tests, a loop or a case, and calls to `callees`. Valid bash and POSIX sh. */
function functionBody(
  rng: Rng,
  opts: { lines: number; globals: readonly string[]; callees: readonly string[]; ind?: string },
): string[] {
  const ind = opts.ind ?? '\t';
  const out: string[] = [`${ind}local ${pick(rng, THINGS)}="$1" ${pick(rng, THINGS)}_n=0`];
  const g = (): string => pick(rng, opts.globals);
  while (out.length < opts.lines) {
    const v = pick(rng, THINGS);
    switch (int(rng, 0, 9)) {
      case 0:
        out.push(
          `${ind}if test -n "$${g()}"`,
          `${ind}then`,
          `${ind}\techo "${pick(rng, WORDS)}: $${g()}" >&2`,
          `${ind}fi`,
        );
        break;
      case 1:
        out.push(`${ind}${v}=\${2:-${pick(rng, WORDS)}}`);
        break;
      case 2:
        out.push(
          `${ind}case "$${v}" in`,
          `${ind}${pick(rng, WORDS)}|${pick(rng, WORDS)})`,
          `${ind}\t${v}=$${g()} ;;`,
          `${ind}*)`,
          `${ind}\t${v}="\${${g()}:-none}" ;;`,
          `${ind}esac`,
        );
        break;
      case 3:
        out.push(
          `${ind}for ${v} in $${g()}`,
          `${ind}do`,
          `${ind}\ttest -f "$${v}" || continue`,
          `${ind}\t${v}_n=$((${v}_n + 1))`,
          `${ind}done`,
        );
        break;
      case 4:
        out.push(`${ind}${v}=$(printf '%s\\n' "$${g()}" | sed -e 's/^/${pick(rng, WORDS)}: /')`);
        break;
      case 5:
        out.push(
          `${ind}test "$#" -ge ${int(rng, 1, 3)} || { echo "${pick(rng, WORDS)} needs arguments" >&2; return 1; }`,
        );
        break;
      case 6:
        out.push(`${ind}${g()}=\${${g()}:-$PWD/${pick(rng, THINGS)}}`);
        break;
      case 7:
        out.push(
          `${ind}while read -r ${v} ${v}_rest`,
          `${ind}do`,
          `${ind}\techo "$${v} $${v}_rest"`,
          `${ind}done <"$${g()}/${pick(rng, THINGS)}"`,
        );
        break;
      default:
        if (opts.callees.length > 0) out.push(`${ind}${pick(rng, opts.callees)} "$${v}" "$${g()}" || return 1`);
        else out.push(`${ind}: "\${${g()}:=${pick(rng, WORDS)}}"`);
    }
  }
  return out;
}

interface Out {
  readonly dir: string;
  readonly files: GeneratedFile[];
  bytes: number;
}

function emit(out: Out, path: string, text: string | Buffer, dialect: 'bash' | 'posix'): void {
  mkdirSync(join(out.dir, dirname(path)), { recursive: true });
  writeFileSync(join(out.dir, path), text, { mode: 0o755 });
  const size = typeof text === 'string' ? Buffer.byteLength(text) : text.length;
  out.bytes += size;
  out.files.push({ path, dialect, bytes: size, lines: text.toString().split('\n').length - 1 });
}

/** git's t/: `scripts` test scripts (default 600) sourcing t/test-lib.sh, which sources
 * t/test-lib-functions.sh. */
function testSuite(rng: Rng, out: Out, scale: number): void {
  const globals = [
    ...TEST_ENV,
    'TRASH_DIRECTORY',
    'TEST_DIRECTORY',
    'HOME',
    'GIT_BUILD_DIR',
    'verbose',
    'immediate',
    'debug',
    'test_count',
    'test_success',
    'test_failure',
  ];
  // test-lib-functions.sh: helpers calling each other in chains, as test_cmp calls test_cmp_fspath...
  const helpers = Array.from({ length: 170 }, (_, i) => `test_${pick(rng, WORDS)}_${pick(rng, THINGS)}_${i}`);
  const fns: string[] = [
    '# Library of functions shared by all tests scripts, included by test-lib.sh.',
    '# shellcheck shell=sh',
    '',
  ];
  helpers.forEach((name, i) => {
    const callees = helpers.slice(i + 1, i + 4);
    fns.push(
      `# ${name}: ${pick(rng, WORDS)} the ${pick(rng, THINGS)}`,
      `${name} () {`,
      ...functionBody(rng, { lines: int(rng, 6, 16), globals, callees }),
      '}',
      '',
    );
  });
  emit(out, 't/test-lib-functions.sh', `${fns.join('\n')}\n`, 'posix');
  // test-lib.sh: option parsing, environment set-up, then the functions, then more helpers.
  const lib: string[] = [
    '# Test framework for the generated suite (after git t/test-lib.sh).',
    '# shellcheck shell=sh',
    '',
    ': "${TEST_DIRECTORY:=$(pwd)}"',
    ': "${TEST_OUTPUT_DIRECTORY:=$TEST_DIRECTORY}"',
    'TRASH_DIRECTORY="trash directory.$(basename "$0" .sh)"',
    'test_count=0',
    'test_success=0',
    'test_failure=0',
    '',
  ];
  lib.push('while test "$#" -ne 0', 'do', '\tcase "$1" in');
  for (let i = 0; i < 60; i++)
    lib.push(
      `\t--${pick(rng, WORDS)}-${pick(rng, THINGS)}-${i})`,
      `\t\t${pick(rng, ['verbose', 'immediate', 'debug'])}=t; shift ;;`,
    );
  lib.push('\t*)', '\t\techo "error: unknown test option \'$1\'" >&2; exit 1 ;;', '\tesac', 'done', '');
  for (const e of TEST_ENV) lib.push(`if test -n "$${e}"`, 'then', `\texport ${e}`, 'fi');
  lib.push('', '# shellcheck source=t/test-lib-functions.sh', '. "$TEST_DIRECTORY/test-lib-functions.sh"', '');
  const own = Array.from(
    { length: 130 },
    (_, i) => `${pick(rng, ['test_', 'say_', 'want_', 'check_'])}${pick(rng, WORDS)}_${i}`,
  );
  own.forEach((name, i) => {
    const callees = [...own.slice(i + 1, i + 3), pick(rng, helpers), pick(rng, helpers)];
    lib.push(`${name} () {`, ...functionBody(rng, { lines: int(rng, 6, 18), globals, callees }), '}', '');
  });
  lib.push(
    'test_expect_success () {',
    '\ttest_count=$((test_count + 1))',
    '\tif eval "$2"',
    '\tthen',
    '\t\ttest_success=$((test_success + 1))',
    '\telse',
    '\t\ttest_failure=$((test_failure + 1))',
    '\tfi',
    '}',
    '',
  );
  lib.push('test_done () {', '\techo "# passed $test_success of $test_count"', '\ttest "$test_failure" -eq 0', '}', '');
  emit(out, 't/test-lib.sh', `${lib.join('\n')}\n`, 'posix');
  // The test scripts.
  const scripts = Math.round(600 * scale);
  for (let i = 0; i < scripts; i++) {
    const name = `t${String(1000 + i * 7).padStart(4, '0')}-${pick(rng, WORDS)}-${pick(rng, THINGS)}.sh`;
    const t: string[] = [
      '#!/bin/sh',
      '',
      `test_description='${pick(rng, WORDS)} ${pick(rng, THINGS)} with ${pick(rng, WORDS)}'`,
      '',
      '. ./test-lib.sh',
      '',
    ];
    const vars: string[] = [];
    for (let k = int(rng, 0, 3); k > 0; k--) {
      const v = `${pick(rng, THINGS)}${k}`;
      vars.push(v);
      t.push(`${v}=$(${pick(rng, own)} "$TRASH_DIRECTORY")`);
    }
    for (let k = int(rng, 0, 2); k > 0; k--)
      t.push(
        `${pick(rng, THINGS)}_check () {`,
        ...functionBody(rng, {
          lines: int(rng, 4, 10),
          globals: [...globals, ...vars],
          callees: [pick(rng, helpers), pick(rng, own)],
        }),
        '}',
        '',
      );
    for (let k = int(rng, 4, 22); k > 0; k--) {
      const body = Array.from(
        { length: int(rng, 2, 8) },
        () => `\t${pick(rng, helpers)} ${pick(rng, THINGS)} "$${pick(rng, [...vars, 'HOME', 'TRASH_DIRECTORY'])}" &&`,
      );
      t.push(
        `test_expect_success '${pick(rng, WORDS)} ${pick(rng, THINGS)}' '`,
        ...body,
        `\techo "$${pick(rng, ['HOME', 'GIT_TEST_OPTS', 'TRASH_DIRECTORY'])}" >expect`,
        "'",
        '',
      );
      if (chance(rng, 0.15))
        t.push(
          `if test -n "$${pick(rng, TEST_ENV)}"`,
          'then',
          `\t${pick(rng, own)} "$${pick(rng, TEST_ENV)}"`,
          'fi',
          '',
        );
    }
    t.push('test_done', '');
    // git's own test scripts include a few in ISO-8859-1.
    const text = t.join('\n');
    emit(
      out,
      `t/${name}`,
      i % 50 === 7 ? Buffer.from(text.replace("test_description='", "test_description='caf\u00e9 "), 'latin1') : text,
      'posix',
    );
  }
}

/** acme.sh: one bash script of about 250 KB (times `scale`). */
function bigTool(rng: Rng, out: Out, scale: number): void {
  const globals = Array.from(
    { length: 80 },
    (_, i) => `${pick(rng, ['LE', 'ACME', 'DEFAULT', 'CA'])}_${pick(rng, THINGS).toUpperCase()}_${i}`,
  );
  const lines: string[] = [
    '#!/usr/bin/env sh',
    '',
    '# acme.sh-like: issue and renew certificates with many DNS APIs (generated)',
    'VER=3.0.0',
    'PROJECT_NAME="acme.sh"',
    '',
  ];
  for (const g of globals.slice(0, 40)) lines.push(`${g}="${pick(rng, WORDS)}"`);
  lines.push('');
  // Hubs nearly every function calls, as acme.sh's _info, _debug and _err.
  const hubs = ['_log', '_info', '_debug', '_err'];
  lines.push(
    '_log() {',
    '  [ -n "$LOG_FILE" ] || return 0',
    '  printf \'%s %s\\n\' "$(date)" "$*" >>"$LOG_FILE"',
    '}',
    '',
  );
  for (const h of hubs.slice(1))
    lines.push(
      `${h}() {`,
      `  _log "[${h.slice(1)}] $1" "$2"`,
      `  [ -z "$DEBUG" ] || printf '%s\\n' "$1=$2" >&2`,
      '}',
      '',
    );
  // Portable helpers as libtool's ltmain.sh has them: an append and an unset through `eval`, of the
  // variable the first argument names (real scripts of this shape grew faster than their size).
  lines.push(
    '_append() {',
    '  eval "$1=\\$$1\\$2"',
    '}',
    '',
    '_unset() {',
    '  { eval $1=; (eval unset $1) >/dev/null 2>&1 && eval unset $1 || :; }',
    '}',
    '',
  );
  const count = Math.round(650 * scale);
  const fns = Array.from(
    { length: count },
    (_, i) => `_${pick(rng, ['dns', 'api', 'util', 'cert', 'http', 'acct'])}_${pick(rng, WORDS)}_${i}`,
  );
  // Chains of 40 functions, each calling the next: what deep call chains look like to the analysis.
  fns.forEach((name, i) => {
    const next = (i + 1) % 40 !== 0 && i + 1 < fns.length ? [fns[i + 1] as string] : [];
    const callees = [...next, ...(i > 10 ? [fns[int(rng, 0, i - 1)] as string] : [])];
    lines.push(
      `${name}() {`,
      `  ${pick(rng, hubs)} "${name}" "$1"`,
      ...functionBody(rng, { lines: int(rng, 5, 12), globals, callees: [...callees, pick(rng, hubs)], ind: '  ' }),
      ...(i % 25 === 3 ? ['  _unset "${_hook}_result"', '  _append _log_lines "$1"'] : []),
      ...(i % 40 === 5 ? ['  eval "$_cmd"'] : []),
      '}',
      '',
    );
  });
  // One function nesting 16 loops, as firehol's rule() does over its rule's parameters.
  const loops = Array.from({ length: 16 }, (_, i) => `${pick(rng, THINGS)}_${i}`);
  lines.push('_rules() {');
  for (const [i, v] of loops.entries()) lines.push(`${'  '.repeat(i + 1)}for ${v} in $${v}s; do`);
  lines.push(`${'  '.repeat(17)}_info "rule" "$${loops[0]} $${loops[15]}"`);
  for (let i = 15; i >= 0; i--) lines.push(`${'  '.repeat(i + 1)}done`);
  lines.push('}', '');
  // The option parser: one long case, as acme.sh's _process.
  lines.push('_process() {', '  while [ ${#} -gt 0 ]; do', '    case "${1}" in');
  for (let i = 0; i < Math.round(320 * scale); i++) {
    const g = pick(rng, globals);
    lines.push(
      `      --${pick(rng, WORDS)}-${pick(rng, THINGS)}-${i})`,
      `        ${g}="$2"`,
      '        shift',
      '        ;;',
    );
  }
  lines.push(
    '      *)',
    '        echo "Unknown parameter: $1" >&2',
    '        return 1',
    '        ;;',
    '    esac',
    '    shift 1',
    '  done',
  );
  // The command dispatch: another long case.
  lines.push('  case "${_CMD}" in');
  for (let i = 0; i < Math.round(220 * scale); i++)
    lines.push(`    ${pick(rng, WORDS)}${i}) ${pick(rng, fns)} "$_domain" "$_altdomains" ;;`);
  lines.push(
    '    *) echo "Invalid command: $_CMD" >&2; return 1 ;;',
    '  esac',
    '}',
    '',
    'main() {',
    '  [ -z "$1" ] && echo "usage" && return',
    '  _process "$@"',
    '}',
    '',
    'main "$@"',
    '',
  );
  emit(out, 'acme.sh', lines.join('\n'), 'posix');
}

/** kubernetes' hack/: `scripts` scripts (default 200) that source hack/lib/init.sh, which sources
 * libraries that source each other (util and logging, each the other). */
function libWeb(rng: Rng, out: Out, scale: number): void {
  const libs = [
    'util',
    'logging',
    'version',
    'golang',
    'etcd',
    'protoc',
    'swagger',
    'test',
    'verify-generated',
    'yaml',
  ];
  const fnsOf = new Map(
    libs.map((l) => [
      l,
      Array.from({ length: int(rng, 15, 40) }, (_, i) => `kube::${l.replace('-', '_')}::${pick(rng, WORDS)}_${i}`),
    ]),
  );
  const globals = [
    'KUBE_ROOT',
    'KUBE_OUTPUT',
    'KUBE_VERBOSE',
    'KUBE_GIT_VERSION',
    'GOPATH',
    'GOFLAGS',
    'ETCD_VERSION',
    'KUBE_TEMP',
    'ARTIFACTS',
    'KUBE_RACE',
  ];
  for (const [i, l] of libs.entries()) {
    const uses = [
      libs[(i + 1) % libs.length] as string,
      ...(l === 'util' ? ['logging'] : l === 'logging' ? ['util'] : []),
    ];
    const text: string[] = ['#!/usr/bin/env bash', '', `# kube::${l}: sourced through hack/lib/init.sh`, ''];
    for (const u of new Set(uses))
      text.push(
        `if [[ -z "\${KUBE_LIB_${u.replace('-', '_').toUpperCase()}:-}" ]]; then`,
        `  KUBE_LIB_${u.replace('-', '_').toUpperCase()}=1`,
        `  # shellcheck source=hack/lib/${u}.sh`,
        `  source "\${KUBE_ROOT}/hack/lib/${u}.sh"`,
        'fi',
        '',
      );
    const fns = fnsOf.get(l) ?? [];
    const callees = [...(fnsOf.get(uses[0] as string) ?? []).slice(0, 5)];
    fns.forEach((name, k) => {
      text.push(
        `${name}() {`,
        ...functionBody(rng, {
          lines: int(rng, 6, 20),
          globals,
          callees: [...fns.slice(k + 1, k + 3), ...callees],
          ind: '  ',
        }),
        '}',
        '',
      );
    });
    emit(out, `hack/lib/${l}.sh`, text.join('\n'), 'bash');
  }
  const init = [
    '#!/usr/bin/env bash',
    '',
    'set -o errexit',
    'set -o nounset',
    'set -o pipefail',
    '',
    'KUBE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"',
    'KUBE_OUTPUT="${KUBE_ROOT}/_output"',
    '',
  ];
  for (const l of libs) init.push(`# shellcheck source=hack/lib/${l}.sh`, `source "\${KUBE_ROOT}/hack/lib/${l}.sh"`);
  emit(out, 'hack/lib/init.sh', `${init.join('\n')}\n`, 'bash');
  const scripts = Math.round(200 * scale);
  const all = [...fnsOf.values()].flat();
  for (let i = 0; i < scripts; i++) {
    const body = generateScript(rng, {
      dialect: 'bash',
      lines: int(rng, 30, 200),
      shebang: '#!/usr/bin/env bash',
    }).split('\n');
    const head = [
      'set -o errexit',
      'set -o nounset',
      'set -o pipefail',
      '',
      'KUBE_ROOT=$(dirname "${BASH_SOURCE[0]}")/..',
      '# shellcheck source=hack/lib/init.sh',
      'source "${KUBE_ROOT}/hack/lib/init.sh"',
      '',
    ];
    for (let k = int(rng, 1, 5); k > 0; k--) head.push(`${pick(rng, all)} "$${pick(rng, globals)}"`);
    body.splice(1, 0, ...head);
    emit(
      out,
      `hack/${pick(rng, ['verify', 'update', 'lint', 'test'])}-${pick(rng, THINGS)}-${i}.sh`,
      body.join('\n'),
      'bash',
    );
  }
}

export interface ShapeOptions {
  readonly seed?: number;
  /** Multiplies the shape's size (its number of scripts, or the big tool's functions). */
  readonly scale?: number;
  /** An existing empty directory to write into; default a new temp dir `nounset-scale-*`. */
  readonly dir?: string;
}

/** Writes one shape into a directory; deterministic for a seed and scale. */
export function generateShape(shape: ShapeName, options: ShapeOptions = {}): Corpus {
  const seed = options.seed ?? DEFAULT_SEED;
  const rng = mulberry32(seed + SHAPES.indexOf(shape));
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), `nounset-scale-${shape}-`));
  const out: Out = { dir, files: [], bytes: 0 };
  const scale = options.scale ?? 1;
  if (shape === 'test-suite') testSuite(rng, out, scale);
  else if (shape === 'big-tool') bigTool(rng, out, scale);
  else libWeb(rng, out, scale);
  out.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { dir, seed, files: out.files, bytes: out.bytes, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function cli(): void {
  const { values } = parseArgs({
    options: {
      shape: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const shape = values.shape as ShapeName | undefined;
  if (!shape || !SHAPES.includes(shape)) throw new Error(`--shape ${SHAPES.join('|')}`);
  if (values.out !== undefined) mkdirSync(values.out, { recursive: true });
  const corpus = generateShape(shape, {
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values.scale ? { scale: Number(values.scale) } : {}),
    ...(values.out !== undefined ? { dir: values.out } : {}),
  });
  process.stdout.write(
    `${shape}: ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(2)} MB, seed ${corpus.seed}, in ${corpus.dir}\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) cli();
