// Elements of associative arrays (src/analyze/elements.ts): how a key is spelled to the flow
// analysis, and what fixScript does with a read of a key that may be missing. Whether bash stops
// is checked against bash by the flow cases arr-assoc-* (test/flow).

import assert from 'node:assert/strict';
import { elementName, elementOfWord, elementParts, literalKeys } from '../../src/analyze/elements.js';
import { fixScript, inspectScript } from '../../src/index.js';
import { type ParamExp, parse, type Word } from '../../src/parse/index.js';

/** The element names of every subscripted `${…}` on the script's one line. */
function readNames(line: string): string[] {
  const out: string[] = [];
  JSON.stringify(parse(line, { dialect: 'bash', path: 'x.sh' }), (_, v) => {
    const p = v as ParamExp | null;
    if (p?.type === 'ParamExp' && p.index) out.push(elementName(p.param.value, p.index));
    return v;
  });
  return out;
}

/** The arguments after the command name of the script's one simple command. */
function argsOf(line: string): Word[] {
  const cmd = parse(line, { dialect: 'bash', path: 'x.sh' }).stmts[0]?.cmd;
  assert.ok(cmd?.type === 'CallExpr');
  return cmd.args.slice(1);
}

describe('elements of associative arrays', () => {
  it('one key however it is quoted or braced; a computed key is "?"', () => {
    assert.deepEqual(readNames('echo ${m[$k]} ${m["$k"]} ${m[${k}]} ${m["${k}"]}'), [
      'm[$k]',
      'm[$k]',
      'm[$k]',
      'm[$k]',
    ]);
    assert.deepEqual(readNames(`echo \${m[foo]} \${m["foo"]} \${m['foo']} \${m[a b]}`), [
      'm[foo]',
      'm[foo]',
      'm[foo]',
      'm[a b]',
    ]);
    // What nounset writes for a key variable that may be unset names the same element.
    assert.deepEqual(readNames('echo ${m[${k:-}]} ${m["${k-}"]}'), ['m[$k]', 'm[$k]']);
    assert.deepEqual(readNames('echo ${m[$(cmd)]} ${m[a-b]} ${m[${k:-x}]} ${m[$k$j]}'), [
      'm[?]',
      'm[?]',
      'm[?]',
      'm[$k$j]',
    ]);
  });

  it('the words of unset and -v name an element, single quotes or not (the command expands the key)', () => {
    assert.deepEqual(argsOf(`unset 'm[$k]' "m[$k]" m[foo] 'm["$k"]' "m[$(cmd)]" m plain`).map(elementOfWord), [
      'm[$k]',
      'm[$k]',
      'm[foo]',
      'm[$k]',
      'm[?]',
      null,
      null,
    ]);
  });

  it('an element name gives its array and the variables its key reads', () => {
    assert.deepEqual(elementParts('m[$k$j]'), { array: 'm', keyReads: ['k', 'j'], unknown: false });
    assert.deepEqual(elementParts('m[?]'), { array: 'm', keyReads: [], unknown: true });
    assert.equal(elementParts('m[@]'), null);
    assert.equal(elementParts('plain'), null);
  });

  it('a for list of plain words gives its keys; a word that splits, globs or expands gives none', () => {
    assert.deepEqual(literalKeys(argsOf('x feat "fix" v1.2')), ['feat', 'fix', 'v1.2']);
    assert.equal(literalKeys(argsOf('x feat $t')), null);
    assert.equal(literalKeys(argsOf('x a*')), null);
  });

  it('a read of a key the script may not have is defaulted where it is read, never in the env-init block', () => {
    const text = '#!/bin/bash\nset -u\ndeclare -A m=([a]=1)\nk=${1:-a}\necho "${m[a]} ${m[$k]}"\n';
    const fix = fixScript(text, { path: 'x.sh' });
    assert.equal(fix.output, text.replace('${m[$k]}', '${m[$k]:-}'));
    assert.equal(fix.edits.length, 1);
    assert.match(
      fix.edits[0]?.reason ?? '',
      /^m\[\$k\] names another element once k changes; it is read on line 5; defaulted to empty/,
    );
    const computed = inspectScript('set -u\ndeclare -A m=([a]=1)\necho "${m[$(date)]}"\n', { path: 'x.sh' });
    assert.match(computed.references[0]?.reason ?? '', /the key of this element of m is computed/);
  });

  it('an indexed array is followed as its element 0: a later element is defaulted unless a loop shows it is there', () => {
    const verdict = (text: string): string | undefined =>
      inspectScript(text, { path: 'x.sh' }).references.find((r) => r.text.startsWith('${a['))?.verdict;
    assert.equal(verdict('set -u\na=(1 2)\necho "${a[0]}"\n'), 'safe');
    assert.equal(verdict('set -u\na=(1 2)\necho "${a[1]}"\n'), 'unsafe');
    assert.equal(verdict('set -u\na=(1 2)\nfor k in "${!a[@]}"; do echo "${a[$k]}"; done\n'), 'safe');
    assert.equal(verdict('set -u\na=(1 2)\nfor k in "${!a[@]}"; do unset "a[$k]"; echo "${a[$k]}"; done\n'), 'unsafe');
  });
});
