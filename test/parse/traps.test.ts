// The places where other parsers silently mis-read real scripts (STYLE.md, "Traps"), each with
// the exact expansions bash sees, plus UTF-16 offsets and error positions after non-ASCII text.

import assert from 'node:assert/strict';
import { ParseError } from '../../src/errors.js';
import type { ParamExp } from '../../src/parse/ast.js';
import { forEachNode, parse } from '../../src/parse/index.js';

/** `[text, name]` of every parameter expansion, in source order. */
function expansions(src: string, dialect: 'bash' | 'posix' = 'bash'): [string, string][] {
  const found: ParamExp[] = [];
  forEachNode(parse(src, { dialect }), (n) => {
    if (n.type === 'ParamExp') found.push(n);
  });
  return found.sort((a, b) => a.start - b.start).map((pe) => [src.slice(pe.start, pe.end), pe.param.value]);
}

describe('parser traps', () => {
  it('"$A  $B": the second expansion starts at its $, not at the blanks', () => {
    const src = 'echo "$A  $B"\n';
    const spans: number[] = [];
    forEachNode(parse(src), (n) => {
      if (n.type === 'ParamExp') spans.push(n.start, n.end);
    });
    assert.deepEqual(spans, [6, 8, 10, 12]);
  });

  it('an indented $F at the start of a <<- body line is an expansion', () => {
    assert.deepEqual(expansions('cat <<-EOF\n\t  $F and ${G}\n\tEOF\n'), [
      ['$F', 'F'],
      ['${G}', 'G'],
    ]);
  });

  it('$FOO/$BAR/ and $DIR/x/$1 are one word with two expansions each', () => {
    const file = parse('cp $FOO/$BAR/ $DIR/x/$1\n');
    const words: string[][] = [];
    forEachNode(file, (n) => {
      if (n.type === 'Word') words.push(n.parts.map((p) => p.type));
    });
    assert.deepEqual(words, [['Lit'], ['ParamExp', 'Lit', 'ParamExp', 'Lit'], ['ParamExp', 'Lit', 'ParamExp']]);
    assert.deepEqual(
      expansions('cp $FOO/$BAR/ $DIR/x/$1\n').map(([, n]) => n),
      ['FOO', 'BAR', 'DIR', '1'],
    );
  });

  it('${A:=qwer-zxcv}: qwer is text, not a variable', () => {
    assert.deepEqual(expansions(': ${A:=qwer-zxcv}\n'), [['${A:=qwer-zxcv}', 'A']]);
  });

  it('IFS=\' \' read -a v <<< "$S": the here-string parses and $S is read', () => {
    assert.deepEqual(expansions('IFS=\' \' read -a v <<< "$S"\n'), [['$S', 'S']]);
  });

  it("no expansion inside single quotes, $'…', quoted here-documents, comments or after a backslash", () => {
    const src = "echo '$a' $'$b' \\$c # $d\ncat <<'E'\n$e\nE\ncat <<\\E\n$f\nE\ncat <<\"E\"\n$g\nE\necho $h\n";
    assert.deepEqual(expansions(src), [['$h', 'h']]);
  });

  it('$10 is $1 then 0; ${10} is parameter 10', () => {
    assert.deepEqual(expansions('echo $10 ${10}\n'), [
      ['$1', '1'],
      ['${10}', '10'],
    ]);
  });

  it('offsets are UTF-16 code units after accents, CJK and astral characters', () => {
    const src = 'echo "é 日本 😀 $x" ${y:-ü}\n';
    const found: [number, number][] = [];
    forEachNode(parse(src), (n) => {
      if (n.type === 'ParamExp') found.push([n.start, n.end]);
    });
    const x = src.indexOf('$x');
    const y = src.indexOf('${y');
    assert.deepEqual(found, [
      [x, x + 2],
      [y, src.indexOf('}', y) + 1],
    ]);
  });

  it('a parse error after non-ASCII text names the right line and UTF-16 column', () => {
    const src = 'echo "😀"\necho é $(\n';
    assert.throws(
      () => parse(src, { path: 'x.sh' }),
      (err: unknown) =>
        err instanceof ParseError && err.line === 2 && err.column === 8 && err.message.startsWith('x.sh:2:8: '),
    );
  });
});
