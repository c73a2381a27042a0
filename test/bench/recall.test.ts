// The recall benchmark's own parts: the blind sed baseline, the static judge for bash < 4.4,
// the abort matcher, and the cases on disk (they all load; running them is `npm run bench:recall`).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { blindSed } from '../../bench/recall/blind-sed.js';
import { loadCases } from '../../bench/recall/case-spec.js';
import { findUnguarded } from '../../bench/recall/old-bash.js';
import { isAbortOn, parseAborts } from '../../bench/recall/sandbox.js';
import { ROOT } from '../support/corpus.js';

describe('bench:recall', () => {
  describe('blindSed', () => {
    it('rewrites $NAME, ${NAME} and $1 outside single quotes, and nothing else', () => {
      assert.equal(
        blindSed(`echo "$A it's \${B}" '$C' \${D:-x} \${E[0]} $1 \${10} $@ $# $0\n`),
        `echo "\${A:-} it's \${B:-}" '$C' \${D:-x} \${E[0]} \${1:-} \${10:-} $@ $# $0\n`,
      );
    });
    it("reads $'…' with its escapes as quoted, and skips comments", () => {
      assert.equal(blindSed(`x=$'a\\'$B' # don't $C\necho $D\n`), `x=$'a\\'$B' # don't $C\necho \${D:-}\n`);
    });
    it('rewrites here-document bodies without reading quotes there, and \\$X as sed would', () => {
      assert.equal(
        blindSed(`cat <<'EOF'\ndon't $A\nEOF\necho \\$B $C\n`),
        `cat <<'EOF'\ndon't \${A:-}\nEOF\necho \\\${B:-} \${C:-}\n`,
      );
    });
  });

  describe('findUnguarded', () => {
    it('finds "${a[@]}" and slices, not the guarded forms or the length', () => {
      const text = 'f "${a[@]}"\ng ${a[@]+"${a[@]}"} ${a:+"${a[@]}"} ${a[@]-x}\nh "${a[@]:1}"\necho ${#a[@]}\n';
      assert.deepEqual(
        findUnguarded(text, 'a').map((u) => u.line),
        [1, 3],
      );
    });
    it('takes a length test in an enclosing if (else branch included) or earlier on the line', () => {
      const text =
        'if [ ${#a[@]} -eq 0 ]; then\n  run\nelse\n  run "${a[@]}"\nfi\n(( ${#a[@]} )) && run "${a[@]}"\nrun "${a[@]}"\n';
      assert.deepEqual(
        findUnguarded(text, 'a').map((u) => u.line),
        [7],
      );
    });
    it('judges the braced "${@}" of bash 3.2, not "$@" or ${@+"$@"}', () => {
      assert.deepEqual(
        findUnguarded('for x in "${@}"; do :; done\nf "$@" ${@+"$@"}\n', '@').map((u) => u.line),
        [1],
      );
    });
  });

  it('matches what bash and dash name: $1, COMPREPLY[0], !ref', () => {
    assert.ok(isAbortOn('$1', '1'));
    assert.ok(isAbortOn('COMPREPLY[i]', 'COMPREPLY'));
    assert.ok(isAbortOn('roles[${ii:-}]', 'roles'));
    assert.ok(isAbortOn('!ref', '!ref'));
    assert.ok(!isAbortOn('ref', '!ref'));
    assert.ok(!isAbortOn('SHIMS_X', 'SHIMS'));
  });

  it('reads the stops bash and dash report, in the work directory or not', () => {
    const bash = 'cluster/../cluster/ubuntu/util.sh: line 25: roles[${ii:-}]: unbound variable\nother line\n';
    assert.deepEqual(parseAborts(bash, 'bash', '/w'), [
      { subject: 'roles[${ii:-}]', file: 'cluster/ubuntu/util.sh', line: 25 },
    ]);
    const dash = 'docker-entrypoint.sh: 9: /w/docker-entrypoint.d/15-local-resolvers.envsh: NGX: parameter not set\n';
    assert.deepEqual(parseAborts(dash, 'sh', '/w'), [
      { subject: 'NGX', file: 'docker-entrypoint.d/15-local-resolvers.envsh', line: 9 },
    ]);
  });

  it('loads every case under bench/recall/cases without an error', () => {
    const errors = loadCases(join(ROOT, 'bench', 'recall', 'cases')).flatMap((c) =>
      c.kind === 'error' ? [`${c.id}: ${c.message}`] : [],
    );
    assert.deepEqual(errors, []);
  });
});
