// Known places where bash itself reads a script differently from mvdan-sh 0.10.1. nounset follows
// bash, so a disagreement matched here is excused. Each matcher looks at the disagreement's own
// offset and kind; none excuses a whole file. Reproduced with GNU bash 5.2.15.
import { ParseError } from '../../src/errors.js';
import type { Dialect } from '../../src/parse/ast.js';
import { forEachNode, parse } from '../../src/parse/index.js';
import type { Disagreement } from './compare.js';
import { type MvdanContexts, readMvdanContexts, type Span } from './mvdan-contexts.js';

export interface Divergence {
  /** kebab-case; where test/corpus/mvdan-disagrees/ has a file for it, the same name. */
  readonly id: string;
  readonly description: string;
  /** The smallest script that shows it. */
  readonly snippet: string;
  /** How bash was asked, and what it answered. */
  readonly bash: { readonly command: string; readonly answer: string };
  /** What mvdan-sh 0.10.1 does with the snippet. */
  readonly mvdan: string;
  readonly matches: (d: Disagreement, source: DivergenceSource) => boolean;
}

/** The script, plus mvdan-sh's bash contexts and the `${…}` nounset reads as opaque words, each
 * parsed only when a matcher asks for them. */
export interface DivergenceSource {
  readonly text: string;
  contexts(): MvdanContexts | null;
  opaqueParams(): readonly Span[];
  extGlobs(): readonly Span[];
}

export const DIVERGENCES: readonly Divergence[] = [
  {
    id: 'quoted-arithmetic',
    description: 'bash evaluates quoted let arguments and double-quoted (( )) operands as arithmetic',
    snippet: 'let "x = y"',
    bash: {
      command: `bash -uc 'let "x = y"'; bash -uc '(( "x" ))'`,
      answer: 'y: unbound variable; x: unbound variable',
    },
    mvdan: 'a DblQuoted/SglQuoted word, so no arithmetic names',
    matches: (d, source) =>
      d.kind === 'arithVar' &&
      d.theirs === null &&
      d.ours !== null &&
      within(d.ours, source.contexts()?.quotedArithOperands),
  },
  {
    id: 'test-arith-operands',
    description: 'bash evaluates the operands of [[ -eq -ne -lt -le -gt -ge ]] as arithmetic',
    snippet: '[[ x -eq 1 ]]',
    bash: { command: `bash -uc '[[ x -eq 1 ]]'`, answer: 'x: unbound variable' },
    mvdan: 'plain words',
    matches: (d, source) =>
      d.kind === 'arithVar' &&
      d.theirs === null &&
      d.ours !== null &&
      within(d.ours, source.contexts()?.testArithOperands),
  },
  {
    id: 'coproc-name-before-redirect',
    description: 'coproc takes a NAME only before a compound command; `coproc cat 2>f` runs cat',
    snippet: 'coproc cat 2>/dev/null',
    bash: {
      command: `bash -c 'coproc cat 2>/dev/null; echo "\${COPROC[@]:+default name used}"'`,
      answer: 'default name used',
    },
    mvdan: 'a coprocess named cat whose statement is only the redirect `2>/dev/null`',
    matches: (d, { text }) => {
      if (d.kind !== 'stmt') return false;
      const before = (offset: number) => text.slice(Math.max(0, offset - 80), offset);
      if (d.theirs && d.ours === null) {
        return (
          /\bcoproc[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]+$/.test(before(d.theirs.start)) &&
          REDIRECT.test(text.slice(d.theirs.start))
        );
      }
      if (d.ours && d.theirs === null) {
        const name = /^[A-Za-z_][A-Za-z0-9_]*[ \t]+/.exec(text.slice(d.ours.start));
        return (
          name !== null &&
          /\bcoproc[ \t]+$/.test(before(d.ours.start)) &&
          REDIRECT.test(text.slice(d.ours.start + name[0].length))
        );
      }
      return false;
    },
  },
  {
    id: 'function-body-then-and-or-pipe',
    description: 'in `f() { :; } && x` and `f() { :; } | x` the definition is the operand; the body ends at `}`',
    snippet: 'f() { :; } && echo defined',
    bash: { command: `bash -c 'f() { echo in; } && echo defined; f'`, answer: 'defined, then in' },
    mvdan: 'the function body is the whole `{ :; } && echo defined`',
    matches: (d, { text }) => {
      if (d.kind !== 'stmt') return false;
      if (d.theirs && (d.ours === null || d.ours.start === d.theirs.start)) {
        // mvdan's body statement: starts at the body, runs past its closing brace into `&&`/`||`/`|`.
        const bodyEnd = d.ours?.end ?? groupEnd(text, d.theirs.start);
        return (
          FUNCTION_HEADER.test(text.slice(0, d.theirs.start)) &&
          bodyEnd < d.theirs.end &&
          OPERATOR_NEXT.test(text.slice(bodyEnd))
        );
      }
      if (d.ours && d.theirs === null) {
        // Ours: the definition alone, as the first operand.
        const header = /^(?:function[ \t]+)?[^\s()|&;<>]+[ \t]*(?:\([ \t]*\)[ \t\n]*)?(?=[{(])/.exec(
          text.slice(d.ours.start),
        );
        return (
          header !== null &&
          groupEnd(text, d.ours.start + header[0].length) === d.ours.end &&
          OPERATOR_NEXT.test(text.slice(d.ours.end))
        );
      }
      return false;
    },
  },
  {
    id: 'hash-after-quote-or-expansion',
    description: '`#` starts a comment only at the start of a word; `$##`, `${x}#y`, `"a"#b` are one word to bash',
    snippet: 'echo $## x',
    bash: { command: `bash -c 'set -- a b; echo $## x'`, answer: '2# x' },
    mvdan: 'after a quote or an expansion, `#` starts a comment: the statement ends at `$#`',
    matches: (d, { text }) => {
      if (d.kind === 'error-vs-ok') return false;
      if (d.kind === 'stmt' && d.ours && d.theirs) {
        return (
          d.ours.start === d.theirs.start &&
          d.ours.end > d.theirs.end &&
          GLUED_HASH.test(text.slice(0, d.theirs.end + 1))
        );
      }
      // A fact mvdan lost in the "comment" after such a `#`, on the same line.
      const fact = d.ours ?? d.theirs;
      if (d.theirs !== null || fact === null) return false;
      const lineStart = text.lastIndexOf('\n', fact.start - 1) + 1;
      const prefix = text.slice(lineStart, fact.start);
      return [...prefix.matchAll(/#/g)].some((m) => GLUED_HASH.test(prefix.slice(0, (m.index ?? 0) + 1)));
    },
  },
  {
    id: 'backquote-nested-twice',
    description:
      'bash unescapes a backquote nested two deep (\\\\\\`) and `\\\\\\$` inside one; mvdan-sh keeps them literal',
    snippet: 'x=`echo \\`echo \\\\\\`echo three\\\\\\`\\``',
    bash: { command: `bash -c 'x=\`echo \\\`echo \\\\\\\`echo three\\\\\\\`\\\`\`; echo "$x"'`, answer: 'three' },
    mvdan: 'one level of backquote nesting only: `\\\\\\`echo three\\\\\\`` is a literal word',
    matches: (d, { text }) => {
      if (d.kind === 'error-vs-ok') return false;
      const fact = d.ours ?? d.theirs;
      if (fact === null) return false;
      const lineStart = text.lastIndexOf('\n', fact.start - 1) + 1;
      return /\\{3,}[`$]/.test(text.slice(lineStart, fact.start + 1));
    },
  },
  {
    id: 'negation-after-time-and-double-bang',
    description: '`time ! cmd` and `! ! cmd` are valid bash',
    snippet: '! ! true',
    bash: { command: `bash -c '! ! true; echo $?'; bash -c 'time ! false; echo $?'`, answer: '0 and 0 (no error)' },
    mvdan: 'errors: cannot negate a command multiple times / "!" can only be used in full statements',
    matches: (d, { text }) =>
      (mvdanErrorIs(d, /^cannot negate a command multiple times$/) && /^!\s+!/.test(text.slice(d.offset))) ||
      (mvdanErrorIs(d, /^"!" can only be used in full statements$/) &&
        /\btime(?:[ \t]+-p)?[ \t]+$/.test(text.slice(0, d.offset))),
  },
  {
    id: 'subshell-starting-with-double-paren',
    description: 'bash re-reads `((`/`$((` as `( (`/`$( (` when the inner `(` is not closed by `))`',
    snippet: 'echo $((echo a); (echo b))',
    bash: { command: `bash -c 'echo $((echo a); (echo b))'`, answer: 'a b' },
    mvdan: 'error: not a valid arithmetic operator: a',
    matches: (d, { text }) =>
      mvdanErrorIs(d, /^(?:not a valid arithmetic operator: |reached \) without matching \$?\(\( with \)\))/) &&
      isSubshellNotArithmetic(text, text.lastIndexOf('((', d.offset)),
  },
  {
    id: 'heredoc-delimited-by-eof',
    description:
      'bash ends a here-document with no delimiter line at the end of input (or of its $( )), with a warning',
    snippet: 'cat <<EOF\nx',
    bash: {
      command: `bash -n -c $'cat <<EOF\\nx'; echo $?`,
      answer: "warning: here-document at line 1 delimited by end-of-file (wanted `EOF'); 0",
    },
    mvdan: "error: unclosed here-document 'EOF'",
    // $'...' delimiters are another divergence (corpus heredoc-ansi-c-delimiter.sh), not this one.
    matches: (d, { text }) =>
      mvdanErrorIs(d, /^unclosed here-document '/) && /^<<-?[ \t]*(?!\$')/.test(text.slice(d.offset)),
  },
  {
    id: 'line-continuation-in-token',
    description: 'bash removes backslash-newline before tokenising, also inside `$name`, `${`, `$(` and operators',
    snippet: 'echo $\\\nx',
    bash: { command: `bash -c $'x=1; echo $\\\\\\nx'; bash -c $'true &\\\\\\n& echo and'`, answer: '1; and' },
    mvdan: 'the literal word `$\\` then `x`; errors on `&\\<newline>&`, `$\\<newline>(`',
    matches: (d, { text }) => {
      if ((d.kind === 'param' || d.kind === 'subst') && d.ours && d.theirs === null)
        return text.startsWith('$\\\n', d.ours.start);
      return (
        mvdanErrorIs(d, /./) &&
        (text.slice(Math.max(0, d.offset - 2), d.offset) === '\\\n' ||
          text.slice(d.offset + 1, d.offset + 3) === '\\\n')
      );
    },
  },
  {
    id: 'brace-command-substitution',
    description: 'bash 5.2 -n accepts `${ cmd;}` and `${|cmd;}` (run-time "bad substitution"; bash 5.3 runs them)',
    snippet: 'echo ${ a;} ${|a;}',
    bash: { command: `bash -n -c 'echo \${ a;} \${|a;}'; echo $?`, answer: '0' },
    mvdan: 'error: "${ stmts;}" is a mksh feature',
    matches: (d, { text }) =>
      mvdanErrorIs(d, /^"\$\{[ |]stmts;\}" is a mksh feature$/) && /^\$\{[\s|]/.test(text.slice(d.offset)),
  },
  {
    id: 'bad-substitution-at-run-time',
    description:
      "bash -n accepts any ${…} whose closing } it finds; one that is no valid expansion (zsh's ${(k)x}, ${x y}, " +
      'in POSIX sh ${a[0]}) fails only when run, with "bad substitution" before any variable is read',
    snippet: 'echo ${(M)${(k)parameters[@]}:#_*} ${x y}',
    bash: {
      command: `bash -n -c 'echo \${(k)p} \${x y}'; echo $?; bash -uc 'echo \${x y}'`,
      answer: '0; ${x y}: bad substitution',
    },
    mvdan:
      'error: parameter expansion requires a literal (likewise invalid parameter name, arrays are a bash/mksh feature, …)',
    matches: (d, source) =>
      mvdanErrorIs(d, /./) && source.opaqueParams().some((span) => span.start <= d.offset && d.offset < span.end),
  },
  {
    id: 'quotes-in-extglob',
    description: "bash matches quotes and escapes inside an extglob pattern: `@(a|')')` ends at the last `)`",
    snippet: "case x in @(a|')')) echo y ;; esac",
    bash: { command: `bash -O extglob -c 'case ")" in @(a|")")) echo matched ;; esac'`, answer: 'matched' },
    mvdan: 'ends the pattern at the quoted `)`; then: reached EOF without closing quote',
    matches: (d, source) =>
      mvdanErrorIs(d, /./) &&
      source
        .extGlobs()
        .some(
          (span) =>
            span.start <= d.offset && d.offset < span.end && /['"`\\]/.test(source.text.slice(span.start, span.end)),
        ),
  },
  {
    id: 'arith-empty-expression',
    description: 'an empty arithmetic expression is valid bash: `$(( ))` and `$[ ]` expand to 0, `(( ))` returns 1',
    snippet: 'echo $(( )) $[ ]; (( ))',
    bash: { command: `bash -c 'echo $(( )) $[ ]; (( )); echo $?'`, answer: '0 0 / 1' },
    mvdan: 'error: $(( must be followed by an expression (likewise (( and $[)',
    matches: (d, { text }) =>
      mvdanErrorIs(d, /^(?:\$\(\(|\(\(|\$\[) must be followed by an expression$/) &&
      /^(?:\$\(\(\s*\)\)|\(\(\s*\)\)|\$\[\s*\])/.test(text.slice(d.offset)),
  },
  {
    id: 'trailing-line-continuation',
    description: 'a backslash-newline before a word break is removed, not part of the token: `echo $x\\⏎⏎` reads `$x`',
    snippet: 'echo $x\\\n\n',
    bash: { command: `bash -c $'x=1; echo "[$x\\\n]"'`, answer: '[1] (the backslash-newline is gone)' },
    mvdan: 'ends `$x` (and its statement) after the backslash, or after the newline',
    matches: (d, { text }) =>
      (d.kind === 'stmt' || d.kind === 'param' || d.kind === 'arithVar') &&
      d.ours !== null &&
      d.theirs !== null &&
      d.ours.start === d.theirs.start &&
      text.startsWith('\\\n', d.ours.end) &&
      (d.theirs.end === d.ours.end + 1 || d.theirs.end === d.ours.end + 2),
  },
  {
    id: 'negated-pipeline-inner-start',
    description: '`!` negates a whole pipeline; the inner statement of `! a | b | c` that holds `a | b` starts at `a`',
    snippet: '! a | b | c',
    bash: {
      command: `bash -c '! false | false | true; echo $?'`,
      answer: '1 (the status of the whole pipeline, negated)',
    },
    mvdan: 'starts the inner statements of the pipeline at the `!`',
    matches: (d, { text }) => {
      if (d.kind !== 'stmt') return false;
      if (d.ours && !d.theirs)
        return /(?:^|[\s;&|({])!\s+$/.test(text.slice(0, d.ours.start)) && /^\s*\|/.test(text.slice(d.ours.end));
      if (d.theirs && !d.ours)
        return /^!\s+/.test(text.slice(d.theirs.start)) && /^\s*\|/.test(text.slice(d.theirs.end));
      return false;
    },
  },
  {
    id: 'pipe-ampersand-before-redirect',
    description: '`a |&>>f b` is `a |& >>f b` (bash takes the longest operator, `|&`), not `a | &>>f b`',
    snippet: 'a |&>>f b',
    bash: {
      command: `bash -c '{ echo out; echo err >&2; } |&>>/tmp/xx cat' 2>/dev/null; cat /tmp/xx`,
      answer: 'out and err both in the file: stderr went through the pipe',
    },
    mvdan: 'reads `|` then the redirect `&>>f`',
    matches: (d, { text }) => {
      if (d.kind !== 'stmt') return false;
      if (d.ours && !d.theirs) return text.slice(d.ours.start - 2, d.ours.start) === '|&' && text[d.ours.start] === '>';
      if (d.theirs && !d.ours) return text[d.theirs.start - 1] === '|' && text.startsWith('&>', d.theirs.start);
      return false;
    },
  },
  {
    id: 'carriage-return-is-not-blank',
    description: 'to bash a CR is an ordinary word character (so `fi\\r` is no keyword); mvdan-sh treats it as a blank',
    snippet: 'echo a\r\n',
    bash: {
      command: `printf 'echo a\\rb\\n' | bash | od -c; printf 'if :; then :; fi\\r\\n' | bash -n`,
      answer: 'one word a\\rb; syntax error: unexpected end of file',
    },
    mvdan: 'the statement ends before the CR; `a\\rb` is two words; `fi\\r` closes the if',
    matches: (d, { text }) => {
      if (d.kind === 'stmt' && d.ours && d.theirs && d.ours.start === d.theirs.start && d.ours.end > d.theirs.end) {
        return /^\r+$/.test(text.slice(d.theirs.end, d.ours.end));
      }
      return (
        d.kind === 'error-vs-ok' &&
        d.ours !== null &&
        d.theirs === null &&
        /(?:^|[\s;&|()])(?:then|do|done|fi|esac|else|elif|in|\{|\})\r/.test(text)
      );
    },
  },
];

/** The divergence that excuses `d` in `text` (read as `dialect`, bash by default), if any. */
export function findExcuse(text: string, d: Disagreement, dialect: Dialect = 'bash'): Divergence | undefined {
  return DIVERGENCES.find((divergence) => divergence.matches(d, makeSource(text, dialect)));
}

/** True if bash is known to read this spot as nounset does, against mvdan-sh. */
export function isExcused(text: string, d: Disagreement, dialect: Dialect = 'bash'): boolean {
  return findExcuse(text, d, dialect) !== undefined;
}

/** The disagreements no divergence excuses; mvdan-sh re-reads `text` at most once. */
export function unexcused(text: string, ds: readonly Disagreement[], dialect: Dialect = 'bash'): Disagreement[] {
  const source = makeSource(text, dialect);
  return ds.filter((d) => !DIVERGENCES.some((divergence) => divergence.matches(d, source)));
}

function makeSource(text: string, dialect: Dialect): DivergenceSource {
  let contexts: MvdanContexts | null | undefined;
  let opaque: Span[] | undefined;
  let extGlobs: Span[] | undefined;
  return {
    text,
    contexts: () => {
      if (contexts === undefined) contexts = readMvdanContexts(text);
      return contexts;
    },
    opaqueParams: () => {
      if (opaque === undefined) opaque = spansOf(text, dialect, 'OpaqueParamExp');
      return opaque;
    },
    extGlobs: () => {
      if (extGlobs === undefined) extGlobs = spansOf(text, dialect, 'ExtGlob');
      return extGlobs;
    },
  };
}

/** Where nounset reads a node of this type in `text`. */
function spansOf(text: string, dialect: Dialect, type: 'OpaqueParamExp' | 'ExtGlob'): Span[] {
  const spans: Span[] = [];
  let file: ReturnType<typeof parse>;
  try {
    file = parse(text, { dialect });
  } catch (err) {
    // A file nounset cannot read has no nodes to excuse anything with.
    if (err instanceof ParseError) return spans;
    throw err;
  }
  forEachNode(file, (node) => {
    if (node.type === type) spans.push({ start: node.start, end: node.end });
  });
  return spans;
}

const REDIRECT = /^(?:[0-9]+|\{[A-Za-z_][A-Za-z0-9_]*\})?(?:[<>]|&>)/;
const FUNCTION_HEADER =
  /(?:^|[\s;&|()])(?:function[ \t]+[^\s()|&;<>]+(?:[ \t]*\([ \t]*\))?|[^\s()|&;<>]+[ \t]*\([ \t]*\))[ \t\n]*$/;
const OPERATOR_NEXT = /^[ \t]*(?:&&|\|\||\|)/;
// A `#` glued to what mvdan-sh ends a word part with: a quote, `}`, `)`, a backquote, or `$#`-like.
const GLUED_HASH = /(?:["'`})]|\$[#$?!@*\-0-9]|\$[A-Za-z_][A-Za-z0-9_]*)#$/;

// Just after the `}` or `)` closing the group that opens at `open` (quotes and escapes skipped
// roughly: enough for the matcher, which also checks the offsets mvdan and nounset gave).
function groupEnd(text: string, open: number): number {
  const opener = text[open];
  const closer = opener === '{' ? '}' : ')';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === "'") i = text.indexOf("'", i + 1) < 0 ? text.length : text.indexOf("'", i + 1);
    else if (c === opener) depth++;
    else if (c === closer && --depth === 0) return i + 1;
  }
  return -1;
}

function mvdanErrorIs(d: Disagreement, message: RegExp): boolean {
  return d.kind === 'error-vs-ok' && d.ours === null && d.theirs !== null && message.test(d.theirs.message);
}

function within(inner: Span, spans: readonly Span[] | undefined): boolean {
  return (spans ?? []).some((span) => span.start <= inner.start && inner.end <= span.end);
}

// bash's rule (parse.y, parse_dparen / parse_comsub): after `((`, find the `)` matching the second
// `(`; unless another `)` follows it at once, the text is a subshell, not arithmetic.
function isSubshellNotArithmetic(text: string, doubleParen: number): boolean {
  if (doubleParen < 0) return false;
  let depth = 0;
  for (let i = doubleParen + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text[i + 1] !== ')';
  }
  return false;
}
