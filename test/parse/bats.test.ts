// Bats test files: `@test word { … }` is a TestDecl (mvdan/sh's LangBats node) only with the
// `bats` option. mvdan-sh's npm build predates LangBats, so the trees are written out by hand.

import assert from 'node:assert/strict';
import { ParseError } from '../../src/errors.js';
import { forEachNode, parse } from '../../src/parse/index.js';

/** Every node in pre-order as `Type start-end`, literals with their value. */
function outline(src: string, bats = true): string[] {
  const out: string[] = [];
  forEachNode(parse(src, { bats }), (n) => {
    out.push(`${n.type} ${n.start}-${n.end}${n.type === 'Lit' ? ` ${JSON.stringify(n.value)}` : ''}`);
  });
  return out;
}

function parseFails(src: string, line: number, column: number, reason: RegExp, bats = true): void {
  assert.throws(
    () => parse(src, { bats, path: 't.bats' }),
    (err: unknown) =>
      err instanceof ParseError && err.line === line && err.column === column && reason.test(err.message),
  );
}

describe('parser: Bats test files', () => {
  it('@test "a $X" { … }: the description is one word with its expansion, the body a { } group', () => {
    assert.deepEqual(outline('@test "a $X" {\n  run f\n}\n'), [
      'File 0-25',
      'Stmt 0-24',
      'TestDecl 0-24',
      'Word 6-12',
      'DblQuoted 6-12',
      'Lit 7-9 "a "',
      'ParamExp 9-11',
      'Lit 10-11 "X"',
      'Stmt 13-24',
      'Block 13-24',
      'Stmt 17-22',
      'CallExpr 17-22',
      'Word 17-20',
      'Lit 17-20 "run"',
      'Word 21-22',
      'Lit 21-22 "f"',
    ]);
  });

  it('the body keeps its redirections; an unquoted description and an empty body are accepted', () => {
    assert.deepEqual(outline('@test t { :; } >log\n'), [
      'File 0-20',
      'Stmt 0-19',
      'TestDecl 0-19',
      'Word 6-7',
      'Lit 6-7 "t"',
      'Stmt 8-19',
      'Block 8-14',
      'Stmt 10-12',
      'CallExpr 10-11',
      'Word 10-11',
      'Lit 10-11 ":"',
      'Redirect 15-19',
      'Word 16-19',
      'Lit 16-19 "log"',
    ]);
    assert.deepEqual(outline("@test 'x' {\n}\n"), [
      'File 0-14',
      'Stmt 0-13',
      'TestDecl 0-13',
      'Word 6-9',
      'SglQuoted 6-9',
      'Stmt 10-13',
      'Block 10-13',
    ]);
  });

  it('setup functions, load and run are plain bash around the tests', () => {
    const src = 'load helper\nsetup() { run true; }\n@test "t" { [ "$status" -eq 0 ]; }\n';
    const types: string[] = [];
    forEachNode(parse(src, { bats: true }), (n, parent) => {
      if (parent?.type === 'Stmt') types.push(n.type);
    });
    assert.deepEqual(types, ['CallExpr', 'FuncDecl', 'Block', 'CallExpr', 'TestDecl', 'Block', 'CallExpr']);
  });

  it('@test anywhere but at a command start is a plain word', () => {
    assert.deepEqual(outline('echo @test\n'), [
      'File 0-11',
      'Stmt 0-10',
      'CallExpr 0-10',
      'Word 0-4',
      'Lit 0-4 "echo"',
      'Word 5-10',
      'Lit 5-10 "@test"',
    ]);
    assert.deepEqual(
      outline('"@test" x\n').filter((n) => n.startsWith('TestDecl')),
      [],
    );
  });

  it('without the bats option, a @test block is a syntax error, as in bash', () => {
    parseFails('@test "x" {\n  :\n}\n', 3, 1, /"\}" can only be used in a \{ group/, false);
  });

  it('a missing description or a "{" on the next line is an error at its place', () => {
    parseFails('@test\n', 1, 6, /"@test" must be followed by a description word/);
    parseFails('@test "x"\n{ :; }\n', 1, 10, /must be followed by "\{" on the same line/);
    parseFails('@test a b { :; }\n', 1, 9, /must be followed by "\{" on the same line/);
  });

  it('nested 100,000 deep: a ParseError naming the nesting, no stack overflow', () => {
    const n = 100_000;
    assert.throws(
      () => parse(`${'@test x { '.repeat(n)}${'}'.repeat(n)}`, { bats: true }),
      (err: unknown) => err instanceof ParseError && /nesting too deep/.test(err.message),
    );
  });
});
