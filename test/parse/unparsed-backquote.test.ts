// Backquoted text that does not parse: bash and dash parse it only when the substitution runs,
// so the script parses (`bash -n` accepts it) and the substitution is one with no statements,
// `unparsed` saying where and why, listed on the file. `$( )` is parsed up front by bash: the same
// text there stays a syntax error.

import assert from 'node:assert/strict';
import { fixScript, ParseError, parse } from '../../src/index.js';
import type { CmdSubst, File } from '../../src/parse/ast.js';

/** The file's unparsed backquotes, as their text and the text from where the parse stopped. */
function unparsed(text: string, file: File = parse(text)): { text: string; at: string }[] {
  return file.unparsed.map((c: CmdSubst) => ({
    text: text.slice(c.start, c.end),
    at: text.slice(c.unparsed?.offset ?? -1, c.end),
  }));
}

describe('backquoted text that does not parse', () => {
  it('is a substitution with no statements, listed on the file (firehol)', () => {
    const text = 'local tmp="`${MKTEMP_CMD} ${DIR}/rpcinfo-XXXXXXXXXX)`"\necho "$tmp"\n';
    const file = parse(text);
    assert.deepEqual(unparsed(text, file), [{ text: '`${MKTEMP_CMD} ${DIR}/rpcinfo-XXXXXXXXXX)`', at: ')`' }]);
    const [c] = file.unparsed;
    assert.deepEqual(c?.stmts, []);
    assert.equal(c?.unparsed?.reason, 'unexpected token ")"');
    assert.equal(file.stmts.length, 2);
  });

  it('stays a syntax error inside $( ), which bash parses up front', () => {
    assert.throws(() => parse('x=$(echo ;;)\n'), ParseError);
    assert.deepEqual(unparsed('x=`echo ;;`\n'), [{ text: '`echo ;;`', at: ';;`' }]);
  });

  it('keeps an unclosed backquote a syntax error', () => {
    assert.throws(() => parse('x=`echo\n'), ParseError);
  });

  it('maps the stop to the script when backslashes were removed first', () => {
    // Inside double quotes `\"` loses its backslash; the inner `\`…\`` is a nested substitution,
    // which starts where its backquote is (past the backslash bash removes).
    const text = 'x="`echo \\"a\\" \\`echo )\\``"\n';
    const file = parse(text);
    assert.deepEqual(unparsed(text, file), [{ text: '`echo )\\`', at: ')\\`' }]);
    const outer = file.stmts[0];
    assert.ok(outer !== undefined && outer.end === text.length - 1);
  });

  it('keeps nothing the failed parse read: comments, here-documents pending', () => {
    const text = 'x=`cat <<E ) # note`\necho $y\nE\n';
    const file = parse(text);
    assert.deepEqual(unparsed(text, file), [{ text: '`cat <<E ) # note`', at: ') # note`' }]);
    assert.deepEqual(file.comments, []);
    // `echo $y` and `E` are commands, not the body of a here-document the backquotes opened.
    assert.equal(file.stmts.length, 3);
  });

  it('is left as it is by the fix, with a warning, and the rest of the script is fixed', () => {
    const text = '#!/bin/bash\nset -u\nx="`echo ${IN_IT})`"\necho "$x $AFTER"\n';
    const r = fixScript(text, { path: 'bq.sh', style: 'inline' });
    assert.equal(r.output, '#!/bin/bash\nset -u\nx="`echo ${IN_IT})`"\necho "$x ${AFTER:-}"\n');
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column]),
      [['backquote-syntax-error', 'warning', 3, 4]],
    );
  });
});
