// Generated scripts that grow in one direction only (a `case` with n items, an `&&` chain of n
// tests, n functions calling the next…), for bench/fix.bench.ts's growth rows: fixScript at n and
// at 4n shows whether the cost follows the size (4×) or more (16× for a quadratic). Each shape is
// one pattern of real scripts taken to a length they seldom reach, where a hidden quadratic shows.

export interface GrowthShape {
  readonly name: string;
  /** The script at size n. */
  readonly script: (n: number) => string;
  /** The library the script sources as `./lib.sh`, at size n, when there is one. */
  readonly library?: (n: number) => string;
}

const lines = (n: number, line: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => line(i));
const bash = (body: readonly string[]): string => `#!/bin/bash\nset -u\n${body.join('\n')}\n`;

export const GROWTH_SHAPES: readonly GrowthShape[] = [
  {
    // acme.sh's and getopts-style command dispatch: an edit in every item.
    name: 'case dispatch',
    script: (n) =>
      bash([
        'f() {',
        '  case "${1:-}" in',
        ...lines(n, (i) => `    a${i}) echo "$V${i % 300}" ;;`),
        '  esac',
        '}',
        'f "$@"',
      ]),
  },
  {
    // Checks of every input before a run (`[ -n "$A" ] && [ -d "$B" ] && …`).
    name: '&& chain',
    script: (n) => bash([lines(n, (i) => `test -n "$V${i}"`).join(' && \\\n  ')]),
  },
  {
    // The same checks as one `if` condition: the whole chain is asked at once.
    name: 'if condition chain',
    script: (n) => bash([`if ${lines(n, (i) => `[ -n "$V${i}" ]`).join(' && \\\n  ')}; then`, '  echo "$V0"', 'fi']),
  },
  {
    name: '[[ ]] chain',
    script: (n) => bash([`if [[ ${lines(n, (i) => `-n $V${i}`).join(' && \\\n  ')} ]]; then`, '  echo "$V0"', 'fi']),
  },
  {
    name: '|| chain',
    script: (n) => bash([lines(n, (i) => `test -n "$V${i}"`).join(' || \\\n  ')]),
  },
  {
    // A logging helper called from everywhere, under conditions.
    name: 'one function, n calls',
    script: (n) =>
      bash([
        'log() { echo "$1 $LOGLEVEL"; }',
        ...lines(n, (i) => `if [ -n "\${A${i % 30}:-}" ]; then log m${i}; Y${i % 40}=1; fi`),
        'echo "$Y1"',
      ]),
  },
  {
    name: 'call chain',
    script: (n) =>
      bash([...lines(n, (i) => `f${i}() { echo "$X${i % 50}"; f${i + 1} "$@"; }`), `f${n}() { :; }`, 'f0']),
  },
  {
    // The same chain in a library the script sources (a chain of 3,000 took 2.6 s: each function
    // asked again whether it needs a walk of its own, through all the functions after it).
    name: 'library call chain',
    script: () => bash(['. ./lib.sh', 'g0 a', 'echo "$Z"']),
    library: (n) =>
      [...lines(n, (i) => `g${i}() { echo "$Y${i % 40}"; g${i + 1} "$@"; }`), `g${n}() { :; }`, ''].join('\n'),
  },
  {
    name: 'functions with locals',
    script: (n) =>
      bash([
        ...lines(n, (i) =>
          [
            `g${i}() {`,
            '  local a="$1"',
            `  if [ -n "$a" ]; then R${i % 70}="$a"; fi`,
            `  echo "$R${(i * 3) % 70}" "\${2:-}"`,
            '}',
          ].join('\n'),
        ),
        ...lines(Math.ceil(n / 3), (i) => `g${i * 3} x`),
      ]),
  },
  {
    name: 'loop body',
    script: (n) =>
      bash([
        'while read -r line; do',
        ...lines(n, (i) => `  [ "$line" = x${i} ] && Z${i % 60}=1; echo "$Z${(i * 7) % 60}"`),
        'done',
      ]),
  },
  {
    name: 'unset and read',
    script: (n) => bash(lines(n, (i) => `W${i % 100}=1; unset W${(i * 3) % 100}; echo "$W${(i * 7) % 100}"`)),
  },
  {
    name: 'here-document',
    script: (n) => bash(['cat <<EOF', ...lines(n, (i) => `line ${i} $H${i % 80} \${K${i % 30}}`), 'EOF']),
  },
  {
    // A handler set for every step (the model reads each handler's code, the output check each
    // edited one): the script's line index was built again for each, and each looked at every edit.
    name: 'trap handlers',
    script: (n) => bash(lines(n, (i) => `trap 'rm -f "$T${i % 90}"' EXIT`)),
  },
  {
    // Helpers that load a configuration (`load_conf() { . ./lib.sh; }`), each called on the top
    // level: such a function may call any other, and finding what each call reaches was cubic.
    name: 'functions that source',
    script: (n) => bash([...lines(n, (i) => `f${i}() { . ./lib.sh; }`), ...lines(n, (i) => `f${i}; echo "$S"`)]),
    library: () => 'S=1\n',
  },
  {
    // Wrappers that run their arguments (`retry() { "$@"; }`), each given a function: every
    // summary that changed queued every wrapper again.
    name: 'forwarding wrappers',
    script: (n) =>
      bash([
        ...lines(n, (i) => `w${i}() { "$@"; }`),
        ...lines(n, (i) => `t${i}() { echo "$Z${i % 30}"; }\nw${i} t${i}`),
      ]),
  },
  {
    // A table of settings by literal key (`conf[port]=…`), read back by key: each element a name.
    name: 'associative keys',
    script: (n) =>
      bash(['declare -A m', ...lines(n, (i) => `m[k${i}]=1`), ...lines(n, (i) => `echo "\${m[k${(i * 7) % n}]}"`)]),
  },
  {
    // One command with n arguments (`unset` of every name a run may leave, a long `rm` list):
    // each argument was looked for among the ones before it.
    name: 'one long command',
    script: (n) => bash([`unset ${lines(n, (i) => `V${i}`).join(' ')}`, 'echo "$V0"']),
  },
  {
    name: 'pipeline',
    script: (n) => bash([lines(n, (i) => `grep "$V${i}"`).join(' | \\\n  ')]),
  },
];
