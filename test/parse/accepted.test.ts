// Real-world shapes the shells accept (bash -n; dash -n for posix/), where nounset once skipped
// the whole file: test/corpus/accepted/, checked against the shells by check-cases.sh. Each must
// parse, and what nounset reads as an opaque `${…}` must hide every reference inside it.

import assert from 'node:assert/strict';
import { fixScript, forEachNode, inspectScript, ParseError, parse } from '../../src/index.js';
import type { File, Span } from '../../src/parse/ast.js';
import { corpus } from '../support/corpus.js';

function opaqueSpans(file: File): Span[] {
  const spans: Span[] = [];
  forEachNode(file, (node) => {
    if (node.type === 'OpaqueParamExp') spans.push(node);
  });
  return spans;
}

const inside = (spans: readonly Span[], at: number): boolean => spans.some((s) => s.start <= at && at < s.end);

describe('files the shells accept parse', () => {
  const files = corpus('accepted');

  it('has bash and POSIX files', () => {
    assert.ok(files.some((f) => f.dialect === 'bash') && files.some((f) => f.dialect === 'posix'));
  });

  for (const f of files) {
    it(`${f.name} parses, and nothing inside an opaque \${…} is read or edited`, () => {
      const file = parse(f.text, { dialect: f.dialect, path: f.name });
      const spans = opaqueSpans(file);
      for (const s of spans) assert.equal(f.text[s.start], '$', `${f.name}: an opaque word starts at ${s.start}`);
      const refs = inspectScript(f.text, { path: f.name, dialect: f.dialect }).references;
      const hidden = refs.filter((r) => inside(spans, r.start));
      assert.deepEqual(
        hidden.map((r) => `${r.line}:${r.column} ${r.text}`),
        [],
      );
      for (const style of ['block', 'inline'] as const) {
        const r = fixScript(f.text, { path: f.name, dialect: f.dialect, style });
        assert.deepEqual(
          r.diagnostics
            .filter((d) => d.severity === 'error')
            .map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`),
          [],
        );
        assert.deepEqual(
          r.edits.filter((e) => inside(spans, e.start)).map((e) => `${e.line}:${e.column} ${e.before}`),
          [],
        );
      }
    });
  }

  it('reads zsh, ksh and bash 5.3 forms as opaque words, and no more than them', () => {
    const opaque = (text: string, dialect: 'bash' | 'posix' = 'bash'): string[] =>
      opaqueSpans(parse(text, { dialect })).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(opaque('unset ${(M)${(k)parameters[@]}:#_*}'), ['${(M)${(k)parameters[@]}:#_*}']);
    assert.deepEqual(opaque('echo "${BASH_SOURCE[0]:-${(%):-%x}}"'), ['${(%):-%x}']);
    assert.deepEqual(opaque('echo ${x y} ${.sh.version} ${ date;} ${|REPLY=1;}'), [
      '${x y}',
      '${.sh.version}',
      '${ date;}',
      '${|REPLY=1;}',
    ]);
    assert.deepEqual(opaque('echo ${(x)"}"} ${(x)\'}\'} ${(x)$(echo })}'), [
      '${(x)"}"}',
      "${(x)'}'}",
      '${(x)$(echo })}',
    ]);
    assert.deepEqual(opaque('echo ${BASH_SOURCE[0]%/*} ${!x} ${x@Q} ${#a[@]}', 'posix'), [
      '${BASH_SOURCE[0]%/*}',
      '${!x}',
      '${x@Q}',
      '${#a[@]}',
    ]);
    assert.deepEqual(opaque('echo ${BASH_SOURCE[0]%/*} ${!x} ${x@Q} ${#a[@]} ${x:-a} ${x//a/b}'), []);
    // Errors inside a known operator stay errors: bash reads x before it fails there.
    assert.throws(() => parse('echo ${x:1:2:3}'), ParseError);
    assert.throws(() => parse('echo ${x@QQ}'), ParseError);
    // A syntax error inside one is an error to bash -n too.
    assert.throws(() => parse('echo ${(x)$(if)}'), ParseError);
    assert.throws(() => parse('echo ${(x)'), ParseError);
    // dash drops the character after `${` that cannot start a name: `${"x"}` leaves `x"}` open.
    assert.throws(() => parse('echo ${"x"}', { dialect: 'posix' }), ParseError);
    assert.deepEqual(opaque('echo ${"x"}'), ['${"x"}']);
  });
});
