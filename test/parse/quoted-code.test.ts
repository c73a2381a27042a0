// Code a script keeps in a quoted trap handler: parsed as bash parses it when the trap fires, with
// the script's offsets, so an edit found in the code lands on the script's bytes.

import assert from 'node:assert/strict';
import type { CallExpr, ParamExp } from '../../src/parse/ast.js';
import { forEachNode, parse, parseTrapHandler, quotedTrapHandler } from '../../src/parse/index.js';

/** The handler of the script's first command, and `[script text, name]` of each read in its code. */
function handlerReads(text: string): [string, string][] | null {
  const cmd = parse(text).stmts[0]?.cmd as CallExpr;
  const part = quotedTrapHandler(cmd.args);
  if (part === null) return null;
  const code = parseTrapHandler(part, text, {});
  if (code === null) return null;
  const found: ParamExp[] = [];
  forEachNode(code, (n) => {
    if (n.type === 'ParamExp') found.push(n);
  });
  return found.map((p) => [text.slice(p.start, p.end), p.param.value]);
}

describe('quoted trap handlers', () => {
  it("a single-quoted handler's code keeps its offsets", () => {
    assert.deepEqual(handlerReads('trap \'rm -rf "$tmp"; echo ${X}\' EXIT\n'), [
      ['$tmp', 'tmp'],
      ['${X}', 'X'],
    ]);
  });

  it("a double-quoted handler's reads start at their `$`, after the backslash that defers them", () => {
    // The code is `rm -rf "$tmp"; echo ${a[$i]}`: `\"` is `"`, `\$` is `$`.
    assert.deepEqual(handlerReads('trap "rm -rf \\"\\$tmp\\"; echo \\${a[\\$i]}" EXIT\n'), [
      ['$tmp', 'tmp'],
      ['${a[\\$i]}', 'a'],
      ['$i', 'i'],
    ]);
  });

  it('`\\\\` is one backslash, which escapes the `$` after it in the code; a backslash-newline goes', () => {
    // `"echo \\\$T; echo \$U\<newline>\$V"` is `echo \$T; echo $U$V`: T is no read.
    assert.deepEqual(handlerReads('trap "echo \\\\\\$T; echo \\$U\\\n\\$V" EXIT\n'), [
      ['$U', 'U'],
      ['$V', 'V'],
    ]);
  });

  it('a double-quoted handler that expands a value itself, or `$"…"`, is not code nounset reads', () => {
    assert.equal(handlerReads('trap "rm -rf $tmp; echo \\$x" EXIT\n'), null);
    assert.equal(handlerReads('trap $"echo \\$x" EXIT\n'), null);
    assert.equal(handlerReads('trap "echo \\$x"\n'), null);
  });
});
