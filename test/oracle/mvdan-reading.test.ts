import assert from 'node:assert/strict';

import { makeByteToUtf16 } from './byte-offsets.js';
import { compareReadings, type Disagreement, formatDisagreements } from './compare.js';
import { DIVERGENCES, findExcuse, unexcused } from './divergences.js';
import type { Facts, Reading } from './facts.js';
import { readWithMvdan } from './mvdan-reading.js';

function facts(text: string, dialect: 'bash' | 'posix' = 'bash'): Facts {
  const reading = readWithMvdan(text, dialect);
  assert.ok(reading.ok, `mvdan-sh should parse ${JSON.stringify(text)}: ${JSON.stringify(reading)}`);
  return reading.facts;
}

function stmtTexts(text: string): string[] {
  return facts(text).stmts.map(({ start, end }) => text.slice(start, end));
}

describe('mvdan-reading: byte offsets', () => {
  it('maps UTF-8 bytes to UTF-16 units for 2- and 4-byte characters', () => {
    const toUtf16 = makeByteToUtf16('aé😀b');
    // a | é é | 😀 x4 | b | end
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map(toUtf16), [0, 1, 1, 2, 2, 2, 2, 4, 5]);
  });

  it('gives UTF-16 spans after non-ASCII and astral characters', () => {
    const text = 'echo é😀 ${x:-😀} "$y"\n# ü\necho $z';
    const { params } = facts(text);
    assert.deepEqual(
      params.map((p) => [text.slice(p.start, p.end), p.start]),
      [
        ['${x:-😀}', 9],
        ['$y', 19],
        ['$z', 32],
      ],
    );
  });

  it('follows GopherJS for unpaired surrogates (a high one swallows the next unit)', () => {
    assert.deepEqual(
      facts('echo \ud800 $x').params.map((p) => [p.start, p.end]),
      [[7, 9]],
    );
    assert.deepEqual(
      facts('echo \udc00 $x').params.map((p) => [p.start, p.end]),
      [[7, 9]],
    );
  });
});

describe('mvdan-reading: params', () => {
  const ops: [string, string, string][] = [
    ['$x', 'x', ''],
    ['${x}', 'x', ''],
    ['$1', '1', ''],
    ['${10}', '10', ''],
    ['$@', '@', ''],
    ['$$', '$', ''],
    ['${#}', '#', ''],
    ['${#x}', 'x', '#'],
    ['${!x}', 'x', '!'],
    ['${!x*}', 'x', '!*'],
    ['${!x@}', 'x', '!@'],
    ['${x[1]}', 'x', '[]'],
    ['${#x[@]}', 'x', '#[]'],
    ['${!a[@]}', 'a', '![]'],
    ['${x:1:2}', 'x', ':'],
    ['${a[@]:1}', 'a', '[]:'],
    ['${x/a/b}', 'x', '/'],
    ['${x//a/b}', 'x', '//'],
    ['${x/#a/b}', 'x', '/'],
    ['${x/%a/b}', 'x', '/'],
    ['${x[1]:-a}', 'x', '[]:-'],
    ['${x-w}', 'x', '-'],
    ['${x:-w}', 'x', ':-'],
    ['${x=w}', 'x', '='],
    ['${x:=w}', 'x', ':='],
    ['${x+w}', 'x', '+'],
    ['${x:+w}', 'x', ':+'],
    ['${x?w}', 'x', '?'],
    ['${x:?w}', 'x', ':?'],
    ['${x#w}', 'x', '#'],
    ['${x##w}', 'x', '##'],
    ['${x%w}', 'x', '%'],
    ['${x%%w}', 'x', '%%'],
    ['${x^w}', 'x', '^'],
    ['${x^^w}', 'x', '^^'],
    ['${x,w}', 'x', ','],
    ['${x,,w}', 'x', ',,'],
    ['${x@Q}', 'x', '@'],
    ['${x@a}', 'x', '@'],
  ];
  for (const [source, name, op] of ops) {
    it(`reads ${source} as name ${name}, op '${op}'`, () => {
      assert.deepEqual(facts(`echo ${source}`).params, [{ start: 5, end: 5 + source.length, name, op }]);
    });
  }

  it('reads $10 as $1 followed by 0, as bash does', () => {
    assert.deepEqual(facts('echo $10').params, [{ start: 5, end: 7, name: '1', op: '' }]);
  });

  it('lists nested expansions and sorts by start', () => {
    const text = 'echo ${x:-$y} "${a[$i]}"';
    assert.deepEqual(
      facts(text).params.map((p) => text.slice(p.start, p.end)),
      ['${x:-$y}', '$y', '${a[$i]}', '$i'],
    );
  });

  it('leaves out `a[i]` in arithmetic (mvdan makes it a ParamExp with no $)', () => {
    const { params, arithVars } = facts('echo $(( a[i] + $b ))');
    assert.deepEqual(params, [{ start: 16, end: 18, name: 'b', op: '' }]);
    assert.deepEqual(arithVars, [
      { start: 9, end: 10, name: 'a' },
      { start: 11, end: 12, name: 'i' },
    ]);
  });
});

describe('mvdan-reading: substs', () => {
  it('reads each kind with its span', () => {
    const text = 'echo $(a) `b` $((1)) $[2] <(c) >(d) "$(e)"';
    assert.deepEqual(
      facts(text).substs.map((s) => [s.kind, text.slice(s.start, s.end)]),
      [
        ['cmd', '$(a)'],
        ['backquote', '`b`'],
        ['arith', '$((1))'],
        ['arith', '$[2]'],
        ['proc', '<(c)'],
        ['proc', '>(d)'],
        ['cmd', '$(e)'],
      ],
    );
  });

  it('starts an escaped inner backquote at the backquote, not the backslash', () => {
    const text = 'x=`echo \\`y\\``';
    assert.deepEqual(
      facts(text).substs.map((s) => [s.kind, s.start, s.end]),
      [
        ['backquote', 2, 14],
        ['backquote', 9, 13],
      ],
    );
  });
});

describe('mvdan-reading: stmts', () => {
  it('ends at the ; or & terminator', () => {
    assert.deepEqual(stmtTexts('a; b & c\n'), ['a;', 'b &', 'c']);
  });

  it('leaves here-document bodies out (mvdan ends the Stmt at the body)', () => {
    assert.deepEqual(stmtTexts('cat <<EOF | wc\nbody\nEOF\n'), ['cat <<EOF', 'cat <<EOF | wc', 'wc']);
    assert.deepEqual(stmtTexts('cat <<A <<B >out\na\nA\nb\nB\n'), ['cat <<A <<B >out']);
    assert.deepEqual(stmtTexts('cat <<EOF; echo\nbody\nEOF\n'), ['cat <<EOF;', 'echo']);
    assert.deepEqual(stmtTexts('a | cat <<EOF\nx\nEOF\n'), ['a', 'a | cat <<EOF', 'cat <<EOF']);
  });

  it('spans a compound command holding a here-document to its closing word', () => {
    assert.deepEqual(stmtTexts('{ cat <<EOF\nx\nEOF\n} >f\n'), ['{ cat <<EOF\nx\nEOF\n} >f', 'cat <<EOF']);
    assert.deepEqual(stmtTexts('if :; then cat <<EOF\nx\nEOF\nfi\n'), [
      'if :; then cat <<EOF\nx\nEOF\nfi',
      ':;',
      'cat <<EOF',
    ]);
  });

  it('starts `! a | b` at the !, and its first command at `a` (mvdan puts both at the !)', () => {
    assert.deepEqual(stmtTexts('! a | b\n'), ['! a | b', 'a', 'b']);
    assert.deepEqual(stmtTexts('! a && b\n'), ['! a', '! a && b', 'b']);
  });

  it('reads time, coproc, |& and a leading redirect', () => {
    assert.deepEqual(stmtTexts('time a | b\n'), ['time a | b', 'a', 'a | b', 'b']);
    assert.deepEqual(stmtTexts('coproc x { a; }\n'), ['coproc x { a; }', '{ a; }', 'a;']);
    // mvdan reads `x` as the command, as bash does, but puts that Stmt's Position at `echo`.
    assert.deepEqual(stmtTexts('coproc x echo hi\n'), ['coproc x echo hi', 'x echo hi']);
    assert.deepEqual(stmtTexts('a |& b\n'), ['a', 'a |& b', 'b']);
    assert.deepEqual(stmtTexts('>f echo\n'), ['>f echo']);
  });

  it('ends tokens before the closing \\` of a nested backquote (mvdan ends them after the \\)', () => {
    const text = 'x=`cd \\`dirname $0\\` && pwd`';
    assert.deepEqual(stmtTexts(text), [text, 'cd \\`dirname $0\\`', 'cd \\`dirname $0\\` && pwd', 'dirname $0', 'pwd']);
    assert.deepEqual(
      facts(text).params.map((p) => text.slice(p.start, p.end)),
      ['$0'],
    );
  });

  it('ends `for ...; { }` at the brace and a bare `time -p` after the -p (mvdan: 3 and 2 short)', () => {
    assert.deepEqual(stmtTexts('for ((;;)) { :; }\nfoo'), ['for ((;;)) { :; }', ':;', 'foo']);
    assert.deepEqual(stmtTexts('for x in a; { :; }\nfoo'), ['for x in a; { :; }', ':;', 'foo']);
    assert.deepEqual(stmtTexts('time -p\nfoo'), ['time -p', 'foo']);
  });

  it('gives a function body with redirects its own statement, as mvdan does', () => {
    assert.deepEqual(stmtTexts('f() { :; } >x\n'), ['f() { :; } >x', '{ :; } >x', ':;']);
  });
});

describe('mvdan-reading: arithVars', () => {
  const names = (text: string) => facts(text).arithVars.map((v) => [v.name, text.slice(v.start, v.end), v.start]);

  it('reads bare names in every arithmetic context', () => {
    assert.deepEqual(names('(( n++ )); let m=1 "q=2"'), [
      ['n', 'n', 3],
      ['m', 'm', 15],
    ]);
    assert.deepEqual(names('for ((i=0;i<k;i++)); do :; done'), [
      ['i', 'i', 6],
      ['i', 'i', 10],
      ['k', 'k', 12],
      ['i', 'i', 14],
    ]);
    assert.deepEqual(names('echo ${a[j]:o:l} ${x:p+1}'), [
      ['j', 'j', 9],
      ['o', 'o', 12],
      ['l', 'l', 14],
      ['p', 'p', 21],
    ]);
    assert.deepEqual(names('a[k]=1; declare b[m]=2'), [
      ['k', 'k', 2],
      ['m', 'm', 18],
    ]);
    assert.deepEqual(names('echo $[ x ] $(( (y) ? -z : w ))'), [
      ['x', 'x', 8],
      ['y', 'y', 17],
      ['z', 'z', 23],
      ['w', 'w', 27],
    ]);
  });

  it('leaves out numbers, quoted words, expansions and @', () => {
    assert.deepEqual(names('echo $(( 0x1F + 10#8 + a.b + "c" + $d + ${#e} )) ${f[@]} ${g[*]}'), []);
  });

  it('includes array-literal keys: neither parser can tell string keys of declare -A from indexes', () => {
    assert.deepEqual(names('declare -A m=([k]=v); a=([i]=1)'), [
      ['k', 'k', 15],
      ['i', 'i', 26],
    ]);
  });

  it('reads slices, which mvdan-sh 0.10.1 Walk skips', () => {
    const text = 'echo ${x:a[0]:${#y}} ${x:$(b):$((c))}';
    const { params, substs, arithVars } = facts(text);
    assert.deepEqual(
      params.map((p) => text.slice(p.start, p.end)),
      ['${x:a[0]:${#y}}', '${#y}', '${x:$(b):$((c))}'],
    );
    assert.deepEqual(
      substs.map((p) => text.slice(p.start, p.end)),
      ['$(b)', '$((c))'],
    );
    assert.deepEqual(
      arithVars.map((v) => v.name),
      ['a', 'c'],
    );
  });
});

describe('mvdan-reading: parse errors', () => {
  it('reports line, UTF-16 column and the message without the position prefix', () => {
    assert.deepEqual(readWithMvdan('echo ${x::}', 'bash'), {
      ok: false,
      error: { line: 1, column: 10, message: ': must be followed by an expression' },
    });
  });

  it('counts columns in UTF-16 units, not bytes', () => {
    // mvdan says 2:6 (bytes); the quote is the 4th UTF-16 unit of line 2.
    assert.deepEqual(readWithMvdan('echo ok\n😀 "x', 'bash'), {
      ok: false,
      error: { line: 2, column: 4, message: 'reached EOF without closing quote "' },
    });
  });

  it('reports dialect errors (LangError) the same way', () => {
    assert.deepEqual(readWithMvdan('a=(1)', 'posix'), {
      ok: false,
      error: { line: 1, column: 3, message: 'arrays are a bash/mksh feature' },
    });
    assert.equal(readWithMvdan('a=(1)', 'bash').ok, true);
  });
});

function patched(reading: Reading, patch: Partial<Facts>): Reading {
  assert.ok(reading.ok);
  return { ok: true, facts: { ...reading.facts, ...patch } };
}

describe('compare', () => {
  it('finds no disagreement between equal readings, nor between two errors', () => {
    const text = 'echo ${x:-a} $(b)';
    assert.deepEqual(compareReadings(text, readWithMvdan(text, 'bash'), readWithMvdan(text, 'bash')), []);
    const bad = { ok: false, error: { line: 9, column: 9, message: 'elsewhere' } } as const;
    assert.deepEqual(compareReadings('echo "', bad, readWithMvdan('echo "', 'bash')), []);
  });

  it('pairs facts that start at the same offset and names both readings', () => {
    const text = 'echo first\necho ${x:-a}';
    const theirs = readWithMvdan(text, 'bash');
    const ours = patched(theirs, { params: [{ start: 16, end: 19, name: 'x', op: '' }] });
    const [d, ...rest] = compareReadings(text, ours, theirs);
    assert.equal(rest.length, 0);
    assert.equal(d?.kind, 'param');
    assert.equal(
      String(d),
      `param at 2:6 "echo first\\necho ‸\${x:-a}": nounset read "\${x" [16,19) name=x op=''; mvdan read "\${x:-a}" [16,23) name=x op=':-'`,
    );
  });

  it('reports a fact on one side only, and error against ok', () => {
    const text = 'echo $y';
    const theirs = readWithMvdan(text, 'bash');
    const [d] = compareReadings(text, patched(theirs, { params: [] }), theirs);
    assert.match(String(d), /^param at 1:6 .*nounset read nothing; mvdan read "\$y"/);
    const error = { ok: false, error: { line: 1, column: 6, message: 'boom' } } as const;
    const [e] = compareReadings(text, error, theirs);
    assert.equal(String(e), 'error-vs-ok at 1:6 "echo ‸$y": nounset read an error at 1:6: boom; mvdan read no error');
  });

  it('formats at most 20 disagreements plus a count', () => {
    const text = Array.from({ length: 25 }, (_, i) => `echo $v${i}`).join('\n');
    const theirs = readWithMvdan(text, 'bash');
    const ds = compareReadings(text, patched(theirs, { params: [] }), theirs);
    const message = formatDisagreements('many.sh', ds);
    assert.equal(message.split('\n').length, 22);
    assert.match(message, /^many\.sh: 25 disagreement\(s\)/);
    assert.match(message, /\.\.\. and 5 more$/);
  });
});

describe('divergences', () => {
  // Each case: the text, how bash reads it differently from mvdan (a patch to mvdan's facts, or
  // "ok" when mvdan fails but bash parses), and a near miss that must stay unexcused.
  function excuses(text: string, ours: Reading | ((theirs: Reading) => Reading)): string[] {
    const theirs = readWithMvdan(text, 'bash');
    const ds = compareReadings(text, typeof ours === 'function' ? ours(theirs) : ours, theirs);
    assert.ok(ds.length > 0, `expected a disagreement for ${JSON.stringify(text)}`);
    return ds.map((d: Disagreement) => findExcuse(text, d)?.id ?? `unexcused: ${String(d)}`);
  }
  const okReading: Reading = { ok: true, facts: { params: [], substs: [], stmts: [], arithVars: [] } };
  const addArith =
    (...vars: [string, number][]) =>
    (theirs: Reading) =>
      patched(theirs, { arithVars: vars.map(([name, start]) => ({ start, end: start + name.length, name })) });

  it('has unique ids and a snippet, bash command and answer for each entry', () => {
    assert.equal(new Set(DIVERGENCES.map((d) => d.id)).size, DIVERGENCES.length);
    for (const d of DIVERGENCES) assert.ok(d.snippet && d.bash.command && d.bash.answer && d.mvdan, d.id);
  });

  it('quoted-arithmetic', () => {
    assert.deepEqual(excuses('let "x = y"', addArith(['x', 5], ['y', 9])), ['quoted-arithmetic', 'quoted-arithmetic']);
    assert.deepEqual(excuses('(( "x" ))', addArith(['x', 4])), ['quoted-arithmetic']);
    assert.match(excuses('echo "x = y"', addArith(['x', 6]))[0] ?? '', /^unexcused/);
  });

  it('test-arith-operands', () => {
    assert.deepEqual(excuses('[[ x -eq 1 ]]', addArith(['x', 3])), ['test-arith-operands']);
    assert.match(excuses('[[ x == 1 ]]', addArith(['x', 3]))[0] ?? '', /^unexcused/);
  });

  it('negation-after-time-and-double-bang', () => {
    assert.deepEqual(excuses('! ! true', okReading), ['negation-after-time-and-double-bang']);
    assert.deepEqual(excuses('time -p ! true', okReading), ['negation-after-time-and-double-bang']);
    assert.match(excuses('echo "abc', okReading)[0] ?? '', /^unexcused/);
  });

  it('subshell-starting-with-double-paren', () => {
    assert.deepEqual(excuses('echo $((echo a); (echo b))', okReading), ['subshell-starting-with-double-paren']);
    assert.deepEqual(excuses('((a) )', okReading), ['subshell-starting-with-double-paren']);
    assert.match(excuses('((echo a))', okReading)[0] ?? '', /^unexcused/);
  });

  it('heredoc-delimited-by-eof', () => {
    assert.deepEqual(excuses('cat <<EOF\nx $y', okReading), ['heredoc-delimited-by-eof']);
    assert.deepEqual(excuses('x=$(cat <<EOF\nx\nEOF)', okReading), ['heredoc-delimited-by-eof']);
    assert.match(excuses("cat <<$'E\\tF'\nbody\nE\tF\n", okReading)[0] ?? '', /^unexcused/);
  });

  it('line-continuation-in-token', () => {
    const param = (theirs: Reading) => patched(theirs, { params: [{ start: 5, end: 9, name: 'x', op: '' }] });
    assert.deepEqual(excuses('echo $\\\nx', param), ['line-continuation-in-token']);
    assert.deepEqual(excuses('true &\\\n& echo and', okReading), ['line-continuation-in-token']);
    assert.deepEqual(excuses('true >\\\n> /dev/null', okReading), ['line-continuation-in-token']);
    assert.match(excuses('true &\n& echo and', okReading)[0] ?? '', /^unexcused/);
  });

  it('brace-command-substitution', () => {
    assert.deepEqual(excuses('echo ${ a;}', okReading), ['brace-command-substitution']);
    assert.deepEqual(excuses('echo "${|a;}"', okReading), ['brace-command-substitution']);
  });

  it('bad-substitution-at-run-time', () => {
    assert.deepEqual(excuses('echo ${(M)${(k)parameters[@]}:#_*}', okReading), ['bad-substitution-at-run-time']);
    assert.deepEqual(excuses('echo "${BASH_SOURCE[0]:-${(%):-%x}}"', okReading), ['bad-substitution-at-run-time']);
    assert.deepEqual(excuses('x=1; echo ${x y}', okReading), ['bad-substitution-at-run-time']);
    // nounset reads no opaque word here: mvdan's error stays unexcused.
    assert.match(excuses('echo ${x:1:2:3}', okReading)[0] ?? '', /^unexcused/);
  });

  it('quotes-in-extglob', () => {
    assert.deepEqual(excuses("case $x in @(a|')')) :;; esac", okReading), ['quotes-in-extglob']);
    assert.deepEqual(excuses('echo @(a|")")', okReading), ['quotes-in-extglob']);
    assert.match(excuses("echo 'abc", okReading)[0] ?? '', /^unexcused/);
  });

  it('carriage-return-is-not-blank', () => {
    const crStmt = (theirs: Reading) => patched(theirs, { stmts: [{ start: 0, end: 7 }] });
    assert.deepEqual(excuses('echo a\r\n', crStmt), ['carriage-return-is-not-blank']);
    const bashError = { ok: false, error: { line: 2, column: 1, message: 'unexpected end of file' } } as const;
    assert.deepEqual(excuses('if :; then :; fi\r\n', bashError), ['carriage-return-is-not-blank']);
    assert.match(excuses('if :; then :; fi\n', bashError)[0] ?? '', /^unexcused/);
  });

  it('coproc-name-before-redirect', () => {
    const bashReading = (theirs: Reading) =>
      patched(theirs, {
        stmts: [
          { start: 0, end: 22 },
          { start: 7, end: 22 },
        ],
      });
    assert.deepEqual(excuses('coproc cat 2>/dev/null', bashReading), [
      'coproc-name-before-redirect',
      'coproc-name-before-redirect',
    ]);
  });

  it('function-body-then-and-or-pipe', () => {
    const text = 'f() { :; } && echo defined';
    // bash: the && list [0,26), the definition [0,10), its body [4,10), `echo defined` [14,26).
    const bashReading = (theirs: Reading) =>
      patched(theirs, {
        stmts: [
          { start: 0, end: 26 },
          { start: 0, end: 10 },
          { start: 4, end: 10 },
          { start: 6, end: 8 },
          { start: 14, end: 26 },
        ],
      });
    assert.deepEqual(excuses(text, bashReading), ['function-body-then-and-or-pipe', 'function-body-then-and-or-pipe']);
    const piped = (theirs: Reading) =>
      patched(theirs, {
        stmts: [
          { start: 0, end: 16 },
          { start: 0, end: 10 },
          { start: 4, end: 10 },
          { start: 6, end: 8 },
          { start: 13, end: 16 },
        ],
      });
    assert.deepEqual(new Set(excuses('f() { :; } | cat', piped)), new Set(['function-body-then-and-or-pipe']));
  });

  it('hash-after-quote-or-expansion', () => {
    const text = 'echo $## $x';
    const bashReading = (theirs: Reading) =>
      patched(theirs, {
        stmts: [{ start: 0, end: 11 }],
        params: [
          { start: 5, end: 7, name: '#', op: '' },
          { start: 9, end: 11, name: 'x', op: '' },
        ],
      });
    assert.deepEqual(excuses(text, bashReading), ['hash-after-quote-or-expansion', 'hash-after-quote-or-expansion']);
    assert.deepEqual(
      excuses('x=${y}#z', (theirs) => patched(theirs, { stmts: [{ start: 0, end: 8 }] })),
      ['hash-after-quote-or-expansion'],
    );
    assert.match(
      excuses('echo a #b', (theirs) => patched(theirs, { stmts: [{ start: 0, end: 9 }] }))[0] ?? '',
      /^unexcused/,
    );
  });

  it('backquote-nested-twice', () => {
    const text = 'x=`echo \\`echo \\\\\\`echo three\\\\\\`\\``';
    const bashReading = (theirs: Reading) => {
      assert.ok(theirs.ok);
      const substs = [...theirs.facts.substs, { kind: 'backquote' as const, start: 18, end: 33 }];
      return patched(theirs, { substs });
    };
    assert.deepEqual(excuses(text, bashReading), ['backquote-nested-twice']);
  });

  it('unexcused() keeps only what no entry explains', () => {
    const text = '! ! true';
    const ds = compareReadings(text, okReading, readWithMvdan(text, 'bash'));
    assert.deepEqual(unexcused(text, ds), []);
  });
});
