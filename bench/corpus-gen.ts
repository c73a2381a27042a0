// A seeded generator of realistic shell scripts written to disk, for benchmarks that run the CLI
// over a directory tree as a repository run would. Same seed, same bytes, on any machine.
//
//   node dist/bench/corpus-gen.js [--files N] [--seed S] [--out DIR] [--check-all]
// writes a corpus (to a kept temp dir unless --out) and checks it with bash -n / dash -n.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export type Rng = () => number;

/** mulberry32: a small 32-bit PRNG, plenty for picking fragments; returns [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_SEED = 20240611;
export const DEFAULT_FILES = 2000;

const ENV = [
  'APP_ENV',
  'AWS_REGION',
  'BACKUP_DIR',
  'BUILD_DIR',
  'CACHE_DIR',
  'CC',
  'CFLAGS',
  'CI',
  'CONFIG_FILE',
  'DB_HOST',
  'DB_NAME',
  'DB_PORT',
  'DB_USER',
  'DEBUG',
  'DEPLOY_HOST',
  'DEPLOY_USER',
  'DESTDIR',
  'DOCKER_IMAGE',
  'DRY_RUN',
  'FORCE',
  'GITHUB_TOKEN',
  'GIT_SHA',
  'HTTP_PROXY',
  'IMAGE_TAG',
  'JAVA_HOME',
  'KUBECONFIG',
  'LOCK_FILE',
  'LOG_LEVEL',
  'MAKEFLAGS',
  'NAMESPACE',
  'NODE_ENV',
  'NO_COLOR',
  'OUTPUT_DIR',
  'PORT',
  'PREFIX',
  'RELEASE_VERSION',
  'RETENTION_DAYS',
  'SLACK_WEBHOOK',
  'SSH_KEY',
  'TARGET_DIR',
  'TIMEOUT',
  'TMPDIR',
  'VERBOSE',
  'WORKERS',
  'XDG_CONFIG_HOME',
] as const;
const DIR_ENV = [
  'BACKUP_DIR',
  'BUILD_DIR',
  'CACHE_DIR',
  'DESTDIR',
  'OUTPUT_DIR',
  'PREFIX',
  'TARGET_DIR',
  'TMPDIR',
] as const;
const NUM_ENV = ['DB_PORT', 'PORT', 'RETENTION_DAYS', 'TIMEOUT', 'WORKERS'] as const;
const LOCALS = [
  'name',
  'dir',
  'file',
  'path',
  'line',
  'count',
  'status',
  'target',
  'src',
  'dest',
  'host',
  'url',
  'tmp',
  'out',
  'rc',
  'attempt',
  'version',
  'tag',
  'branch',
  'msg',
  'key',
  'value',
  'item',
  'mode',
  'level',
] as const;
const VERBS = [
  'deploy',
  'build',
  'backup',
  'restore',
  'sync',
  'check',
  'install',
  'clean',
  'fetch',
  'render',
  'rotate',
  'migrate',
  'publish',
  'verify',
  'prune',
  'upload',
  'notify',
  'wait_for',
  'ensure',
  'load',
] as const;
const NOUNS = [
  'app',
  'db',
  'cache',
  'config',
  'assets',
  'logs',
  'image',
  'release',
  'service',
  'cluster',
  'node',
  'bucket',
  'certs',
  'deps',
  'index',
  'snapshot',
  'artifacts',
  'docs',
  'schema',
  'queue',
] as const;
const WORDS = [
  'the',
  'build',
  'step',
  'retry',
  'until',
  'ready',
  'remote',
  'cache',
  'is',
  'stale',
  'skip',
  'when',
  'already',
  'done',
  'keep',
  'old',
  'files',
  'for',
  'a',
  'week',
  'see',
  'runbook',
  'fails',
  'on',
  'macOS',
  'without',
  'GNU',
  'tools',
  'note',
  'that',
] as const;
const TOPS = ['services', 'tools', 'ci', 'deploy', 'ops', 'infra', 'hooks', 'packaging', 'scripts', 'docker'] as const;
const COMMANDS = ['git', 'docker', 'kubectl', 'curl', 'jq', 'rsync', 'tar', 'make', 'ssh', 'aws'] as const;

/** What the fragments below draw from; `fns` collects function names for the dispatch at the end. */
interface Ctx {
  readonly rng: Rng;
  readonly bash: boolean;
  readonly fns: string[];
  /** Environment variables this script reads (some with defaults, some without). */
  readonly env: readonly string[];
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const chance = (rng: Rng, p: number): boolean => rng() < p;
const words = (rng: Rng, n: number): string => Array.from({ length: n }, () => pick(rng, WORDS)).join(' ');
const env = (c: Ctx): string => pick(c.rng, c.env);
const dirEnv = (c: Ctx): string => pick(c.rng, DIR_ENV);
const local = (c: Ctx): string => pick(c.rng, LOCALS);

/** A simple statement (one to four lines), indented by `ind`; `inFn` allows `return` and `$1`. */
function simple(c: Ctx, ind: string, inFn: boolean): string[] {
  const { rng } = c;
  const v = local(c);
  const e = env(c);
  const d = dirEnv(c);
  const leave = inFn ? 'return 1' : 'exit 1';
  switch (int(rng, 0, 21)) {
    case 0:
      return [`${ind}echo "${words(rng, 3)}: $${v}" >&2`];
    case 1:
      return [`${ind}mkdir -p "$${d}/${pick(rng, NOUNS)}"`];
    case 2:
      return [`${ind}rm -rf "$${d}/"`];
    case 3:
      return [`${ind}rm -rf "\${${d}:?}/${pick(rng, NOUNS)}"`];
    case 4:
      return [`${ind}${v}=$(command -v ${pick(rng, COMMANDS)} || true)`];
    case 5:
      return [`${ind}printf '%s=%s\\n' "${e}" "\${${e}:-unset}"`];
    case 6:
      return [`${ind}${v}="\${${e}:-${pick(rng, NOUNS)}}"`];
    case 7:
      return [`${ind}cp -r "$${v}" "$${d}/${pick(rng, NOUNS)}.bak"`];
    case 8:
      return [`${ind}count=$((count + ${int(rng, 1, 9)}))`];
    case 9:
      return [`${ind}[ -f "$${e}" ] && . "$${e}"`];
    case 10:
      return [
        `${ind}${pick(rng, COMMANDS)} ${pick(rng, VERBS)} "$${v}" || { echo "${pick(rng, VERBS)} failed: $${v}" >&2; ${leave}; }`,
      ];
    case 11:
      return [
        `${ind}find "$${d}" -name '*.${pick(rng, ['log', 'tmp', 'tar.gz', 'json'])}' -mtime +"\${RETENTION_DAYS:-7}" -print | xargs rm -f`,
      ];
    case 12:
      return [`${ind}${v}=\${${v}%.*}`, `${ind}echo "base: \${${v}##*/} (\${#${v}} chars)"`];
    case 13:
      return inFn ? [`${ind}${v}=$1`, `${ind}shift`] : [`${ind}${v}=\${1:-}`];
    case 14:
      return [`${ind}( cd "$${d}" && make ${pick(rng, ['all', 'install', 'check', 'dist'])} )`];
    case 15:
      return [`${ind}echo "using $${e} on port $((${pick(rng, NUM_ENV)} + ${int(rng, 1, 100)}))"`];
    case 16:
      return [`${ind}curl -fsSL --max-time "\${TIMEOUT:-30}" "$${v}" -o "$tmp" || ${leave}`];
    case 17:
      return [`${ind}export ${e}`];
    // A comment is never a body's only line: `then # x; fi` is a syntax error.
    case 18:
      return [`${ind}# ${words(rng, int(rng, 3, 9))}`, `${ind}: "\${${e}:=${pick(rng, NOUNS)}}"`];
    case 19:
      return c.bash ? [`${ind}(( count += ${int(rng, 1, 5)} ))`] : [`${ind}: $((count += ${int(rng, 1, 5)}))`];
    case 20:
      return c.bash ? [`${ind}items+=("$${v}")`] : [`${ind}set -- "$@" "$${v}"`];
    default:
      return [`${ind}sleep "${int(rng, 1, 5)}"`];
  }
}

/** A compound statement (if, for, while-read, case, heredoc, arrays), with simple statements inside. */
function compound(c: Ctx, ind: string, inFn: boolean, depth: number): string[] {
  const { rng } = c;
  const inner = (): string[] => body(c, `${ind}    `, inFn, depth + 1, int(rng, 1, 3));
  const v = local(c);
  const e = env(c);
  switch (int(rng, 0, 9)) {
    case 0: {
      const test =
        c.bash && chance(rng, 0.5)
          ? `[[ -n "$${e}" && $${v} == *.${pick(rng, ['sh', 'tar.gz', 'conf'])} ]]`
          : `[ -z "$${e}" ]`;
      const out = [`${ind}if ${test}; then`, ...inner()];
      if (chance(rng, 0.3)) out.push(`${ind}elif [ "$${v}" = "${pick(rng, NOUNS)}" ]; then`, ...inner());
      if (chance(rng, 0.4)) out.push(`${ind}else`, ...inner());
      return [...out, `${ind}fi`];
    }
    case 1:
      return [`${ind}for ${v} in "$@"; do`, ...inner(), `${ind}done`];
    case 2:
      return [
        `${ind}for ${v} in "$${dirEnv(c)}"/*.${pick(rng, ['sh', 'conf', 'yaml'])}; do`,
        `${ind}    [ -e "$${v}" ] || continue`,
        ...inner(),
        `${ind}done`,
      ];
    case 3:
      return [
        `${ind}while IFS= read -r line; do`,
        `${ind}    case "$line" in '#'*|'') continue ;; esac`,
        ...inner(),
        `${ind}done < "\${CONFIG_FILE:-/etc/${pick(rng, NOUNS)}.conf}"`,
      ];
    case 4: {
      const out = [`${ind}case "$${v}" in`];
      for (const n of [pick(rng, NOUNS), pick(rng, VERBS)])
        out.push(
          `${ind}    ${n}|${n}s)`,
          ...body(c, `${ind}        `, inFn, depth + 1, int(rng, 1, 2)),
          `${ind}        ;;`,
        );
      return [...out, `${ind}    *) echo "unexpected: $${v}" >&2 ;;`, `${ind}esac`];
    }
    case 5: {
      // A here-document's delimiter sits at column 0 (or after tabs with <<-), wherever the command is.
      const quoted = chance(rng, 0.3);
      const tabbed = !quoted && chance(rng, 0.3);
      const delim = pick(rng, ['EOF', 'END', 'USAGE', 'CONF']);
      const pad = tabbed ? '\t' : '';
      const lines = Array.from(
        { length: int(rng, 2, 8) },
        () => `${pad}  ${words(rng, 2)}: $${env(c)} \${${local(c)}:-none} $(date +%F)`,
      );
      const op = quoted ? `<<'${delim}'` : tabbed ? `<<-${delim}` : `<<${delim}`;
      return [
        `${ind}cat ${op}${chance(rng, 0.5) ? ` > "$${dirEnv(c)}/${pick(rng, NOUNS)}.conf"` : ''}`,
        ...lines,
        `${pad}${delim}`,
      ];
    }
    case 6:
      if (!c.bash)
        return [
          `${ind}i=0`,
          `${ind}while [ "$i" -lt "\${WORKERS:-4}" ]; do`,
          ...inner(),
          `${ind}    i=$((i + 1))`,
          `${ind}done`,
        ];
      return [`${ind}for ((i = 0; i < \${WORKERS:-4}; i++)); do`, ...inner(), `${ind}done`];
    case 7:
      if (!c.bash) return [`${ind}set -- $${e}`, `${ind}for ${v}; do`, ...inner(), `${ind}done`];
      return [
        `${ind}${inFn ? 'local -a' : 'declare -a'} items=()`,
        `${ind}declare -A seen=()`,
        `${ind}for ${v} in "$@"; do`,
        `${ind}    [[ -n "\${seen[$${v}]:-}" ]] && continue`,
        `${ind}    seen[$${v}]=1`,
        `${ind}    items+=("$${v}")`,
        `${ind}done`,
        `${ind}echo "\${#items[@]} unique: \${items[*]}"`,
        `${ind}for ${v} in "\${items[@]}"; do`,
        ...inner(),
        `${ind}done`,
      ];
    case 8:
      return [
        `${ind}if ! ${pick(rng, COMMANDS)} ${pick(rng, VERBS)} --${pick(rng, NOUNS)} "$${e}" >/dev/null 2>&1; then`,
        ...inner(),
        `${ind}fi`,
      ];
    default:
      return [
        `${ind}${v}=$(`,
        `${ind}    ${pick(rng, COMMANDS)} ${pick(rng, VERBS)} "$${e}" |`,
        `${ind}        grep -v '^#' |`,
        `${ind}        sort -u`,
        `${ind})`,
      ];
  }
}

function body(c: Ctx, ind: string, inFn: boolean, depth: number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(...(depth < 2 && chance(c.rng, 0.35) ? compound(c, ind, inFn, depth) : simple(c, ind, inFn)));
  return out;
}

function functionDef(c: Ctx, size: number): string[] {
  const { rng } = c;
  let name = `${pick(rng, VERBS)}_${pick(rng, NOUNS)}`;
  if (c.fns.includes(name)) name = `${name}_${c.fns.length}`;
  c.fns.push(name);
  const head = c.bash && chance(rng, 0.2) ? `function ${name} {` : `${name}() {`;
  const locals =
    c.bash || chance(rng, 0.5) ? [`    local ${local(c)}="\${1:-}" count=0 tmp`] : ['    count=0', '    tmp='];
  const doc = chance(rng, 0.6) ? [`# ${name}: ${words(rng, int(rng, 4, 10))}`] : [];
  return [...doc, head, ...locals, ...body(c, '    ', true, 0, size), '}', ''];
}

function preamble(c: Ctx, shebang: string): string[] {
  const { rng } = c;
  const out = [shebang, `# ${words(rng, int(rng, 4, 10))}`];
  for (let i = int(rng, 0, 4); i > 0; i--) out.push(`# ${words(rng, int(rng, 3, 12))}`);
  const strict = int(rng, 0, 3);
  if (strict === 0) out.push(c.bash ? 'set -euo pipefail' : 'set -eu');
  else if (strict === 1) out.push('set -e');
  else if (strict === 2 && c.bash) out.push('set -o errexit -o pipefail');
  out.push('');
  // Environment inputs: some defaulted (safe under -u), some read bare later (what nounset fixes).
  for (const e of c.env) {
    if (!chance(rng, 0.6)) continue;
    const form = int(rng, 0, 4);
    const def = NUM_ENV.includes(e as (typeof NUM_ENV)[number]) ? String(int(rng, 1, 8080)) : pick(rng, NOUNS);
    if (form === 0) out.push(`${e}="\${${e}:-${def}}"`);
    else if (form === 1) out.push(`: "\${${e}:=${def}}"`);
    else if (form === 2) out.push(`readonly ${e}="\${${e}:-${def}}"`);
    else if (form === 3) out.push(`export ${e}="\${${e}-}"`);
    else out.push(`${e}=\${${e}:-}`);
  }
  out.push(
    `SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)`,
    `tmp=$(mktemp -d "\${TMPDIR:-/tmp}/${pick(rng, NOUNS)}.XXXXXX")`,
    `trap 'rm -rf "$tmp"' EXIT`,
    'count=0',
    '',
  );
  if (c.bash) out.push('items=()', '');
  out.push(
    'usage() {',
    `    cat <<EOF`,
    `Usage: $0 [-hv] [-o DIR] <command> [args...]`,
    `  ${words(rng, 5)}`,
    'EOF',
    '}',
    '',
  );
  if (chance(rng, 0.6))
    out.push('log() {', `    [ -n "$VERBOSE" ] || return 0`, `    printf '%s %s\\n' "$(date +%T)" "$*" >&2`, '}', '');
  return out;
}

function getopts(c: Ctx): string[] {
  const e = env(c);
  return [
    "while getopts ':hvo:n:' opt; do",
    '    case "$opt" in',
    '        h) usage; exit 0 ;;',
    '        v) VERBOSE=1 ;;',
    '        o) OUTPUT_DIR=$OPTARG ;;',
    `        n) ${e}=$OPTARG ;;`,
    '        :) echo "option -$OPTARG needs a value" >&2; exit 2 ;;',
    '        \\?) echo "unknown option -$OPTARG" >&2; exit 2 ;;',
    '    esac',
    'done',
    'shift $((OPTIND - 1))',
    '',
  ];
}

function dispatch(c: Ctx): string[] {
  const { rng } = c;
  const subject = chance(rng, 0.5) ? '"$1"' : '"${1:-}"';
  const out = [`case ${subject} in`];
  for (const fn of c.fns.slice(0, 12)) out.push(`    ${fn.replace(/_/g, '-')}) shift; ${fn} "$@" ;;`);
  out.push('    -h|--help|help) usage ;;', '    *) echo "unknown command: $1" >&2; usage >&2; exit 2 ;;', 'esac');
  return out;
}

export type ScriptDialect = 'bash' | 'posix';

/** One script of about `lines` lines (never fewer), drawn from `rng`. */
export function generateScript(
  rng: Rng,
  options: { readonly dialect: ScriptDialect; readonly lines: number; readonly shebang?: string },
): string {
  const bash = options.dialect === 'bash';
  const envCount = int(rng, 4, 14);
  const envNames = [...new Set(Array.from({ length: envCount }, () => pick(rng, ENV)))].sort();
  const c: Ctx = { rng, bash, fns: [], env: envNames };
  const shebang =
    options.shebang ??
    (bash
      ? pick(rng, ['#!/bin/bash', '#!/usr/bin/env bash'])
      : pick(rng, ['#!/bin/sh', '#!/bin/sh', '#!/usr/bin/env sh', '#!/bin/dash']));
  const out = preamble(c, shebang);
  const useGetopts = chance(rng, 0.4);
  if (useGetopts) out.push(...getopts(c));
  // Reserve about 15 lines for the dispatch; grow with functions and some top-level code.
  while (out.length < options.lines - 15) {
    if (chance(rng, 0.8))
      out.push(...functionDef(c, int(rng, 2, Math.min(10, Math.max(2, (options.lines - out.length) >> 2)))));
    else out.push(...body(c, '', false, 0, int(rng, 1, 3)), '');
  }
  if (c.fns.length > 0 && chance(rng, 0.7)) out.push(...dispatch(c));
  else out.push(`main() {`, '    echo "args: $# first: $1"', '    exec "$@"', '}', '', 'main "$@"');
  return `${out.join('\n')}\n`;
}

/** Line counts: most scripts 20–300 lines (skewed small, as in real repositories), 3% 300–1,000,
 * 1.5% 1,000–3,000. */
function drawLines(rng: Rng): number {
  const r = rng();
  if (r < 0.015) return int(rng, 1000, 3000);
  if (r < 0.045) return int(rng, 300, 1000);
  return 20 + Math.floor(280 * rng() ** 2);
}

export interface GeneratedFile {
  /** Relative to the corpus root, with `/`. */
  readonly path: string;
  readonly dialect: ScriptDialect;
  readonly bytes: number;
  readonly lines: number;
}

export interface Corpus {
  readonly dir: string;
  readonly seed: number;
  readonly files: readonly GeneratedFile[];
  readonly bytes: number;
  /** Removes `dir`. */
  readonly remove: () => void;
}

export interface CorpusOptions {
  readonly files?: number;
  readonly seed?: number;
  /** An existing empty directory to write into; default a new temp dir `nounset-bench-*`. */
  readonly dir?: string;
}

/** Writes `files` scripts (bash and POSIX sh; .sh, .bash, or no extension with a shebang) into
 * nested directories of about 20 files each. Deterministic for a given seed. */
export function generateCorpus(options: CorpusOptions = {}): Corpus {
  const count = options.files ?? DEFAULT_FILES;
  const seed = options.seed ?? DEFAULT_SEED;
  const rng = mulberry32(seed);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'nounset-bench-'));
  const files: GeneratedFile[] = [];
  let bytes = 0;
  let chunk = 0;
  while (files.length < count) {
    const top = pick(rng, TOPS);
    const sub = `${pick(rng, NOUNS)}-${chunk}`;
    const rel = chance(rng, 0.3) ? `${top}/${sub}/${pick(rng, ['bin', 'lib', 'scripts', 'ci'])}` : `${top}/${sub}`;
    const inDir = Math.min(count - files.length, int(rng, 14, 26));
    for (let i = 0; i < inDir; i++) {
      const dialect: ScriptDialect = chance(rng, 0.7) ? 'bash' : 'posix';
      const ext =
        dialect === 'bash' ? pick(rng, ['.sh', '.sh', '.sh', '.bash', '']) : pick(rng, ['.sh', '.sh', '.sh', '']);
      const path = `${rel}/${pick(rng, VERBS).replace('_', '-')}-${pick(rng, NOUNS)}-${i}${ext}`;
      const text = generateScript(rng, { dialect, lines: drawLines(rng) });
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), text, { mode: 0o755 });
      const size = Buffer.byteLength(text);
      bytes += size;
      files.push({ path, dialect, bytes: size, lines: text.split('\n').length - 1 });
    }
    chunk++;
  }
  return { dir, seed, files, bytes, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SyntaxFailure {
  readonly path: string;
  readonly shell: string;
  readonly message: string;
}

/** Checks `sample` files spread evenly over the corpus (all when `sample` >= the count) with
 * `bash -n` or `dash -n`; a shell that is not installed is skipped and named in `missing`. */
export function checkSyntax(
  corpus: Corpus,
  sample: number,
): { checked: number; failures: SyntaxFailure[]; missing: string[] } {
  const step = Math.max(1, Math.floor(corpus.files.length / sample));
  const failures: SyntaxFailure[] = [];
  const missing = new Set<string>();
  let checked = 0;
  for (let i = 0; i < corpus.files.length; i += step) {
    const f = corpus.files[i] as GeneratedFile;
    const shell = f.dialect === 'bash' ? 'bash' : 'dash';
    const r = spawnSync(shell, ['-n', join(corpus.dir, f.path)], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
      missing.add(shell);
      continue;
    }
    checked++;
    if (r.status !== 0) failures.push({ path: f.path, shell, message: (r.stderr || String(r.error)).trim() });
  }
  return { checked, failures, missing: [...missing] };
}

function cli(): void {
  const { values } = parseArgs({
    options: {
      files: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'check-all': { type: 'boolean' },
    },
  });
  const out = values.out;
  if (out !== undefined) mkdirSync(out, { recursive: true });
  const corpus = generateCorpus({
    ...(values.files ? { files: Number(values.files) } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(out !== undefined ? { dir: out } : {}),
  });
  process.stdout.write(
    `${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(2)} MB, seed ${corpus.seed}, in ${corpus.dir}\n`,
  );
  const { checked, failures, missing } = checkSyntax(corpus, values['check-all'] ? corpus.files.length : 50);
  process.stdout.write(
    `syntax: ${checked} checked, ${failures.length} failed${missing.length ? `; not installed: ${missing.join(', ')}` : ''}\n`,
  );
  for (const f of failures.slice(0, 10)) process.stdout.write(`  ${f.shell} -n ${f.path}: ${f.message}\n`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) cli();
