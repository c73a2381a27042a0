// Adversarial input: huge, deep, binary, broken or empty scripts. Through the library, each case
// returns within a time bound, never throws, and either fixes the script soundly or leaves it
// alone with a diagnostic saying why. Through the built CLI, a file nounset gives up on is left
// byte for byte as it was, with a one-line reason, and no write ever leaves half a file.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { fixScript } from '../../src/index.js';
import type { FixResult, FixStyle } from '../../src/types/script.js';
import { BIN, runCli, useTempDir } from '../support/cli.js';
import { NOUNSET_MESSAGE, runShell } from '../support/shells.js';

/** fixScript, asserting it returns within `seconds` (a hang or a quadratic blow-up fails). */
function fixWithin(seconds: number, text: string, style: FixStyle = 'block'): FixResult {
  const t0 = performance.now();
  const r = fixScript(text, { style });
  const took = (performance.now() - t0) / 1000;
  assert.ok(took < seconds, `took ${took.toFixed(1)} s, bound ${seconds} s`);
  assert.deepEqual(
    r.diagnostics.filter((d) => d.code === 'unsafe-edit'),
    [],
  );
  return r;
}

function gaveUp(r: FixResult, text: string, why: RegExp): void {
  assert.equal(r.output, text);
  assert.equal(r.changed, false);
  assert.ok(
    r.diagnostics.some((d) => d.severity === 'error' && why.test(d.message)),
    JSON.stringify(r.diagnostics),
  );
}

/** About 10 MB: long comment and quoted lines, a reference every 50 lines. */
function tenMegabytes(): string {
  const lines = ['#!/bin/bash'];
  for (let k = 0, size = 0; size < 10_000_000; k++) {
    const line =
      k % 50 === 0 ? `echo "$V${k % 7}" '${'q'.repeat(60)}' # ${'c'.repeat(60)}` : `# ${'comment é 😀 '.repeat(8)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

const NESTED: Record<string, string> = {
  '1,000 nested $(': `echo ${'$('.repeat(1000)}$X${')'.repeat(1000)}\n`,
  '1,000 nested { }': `${'{ '.repeat(1000)}echo $X; ${'}; '.repeat(1000)}\n`,
  '1,000 nested ${x:-': `echo ${'${x:-'.repeat(1000)}$X${'}'.repeat(1000)}\n`,
  '1,000 nested ( )': `${'('.repeat(1000)}echo $X${')'.repeat(1000)}\n`,
};

describe('adversarial input', () => {
  describe('through the library: bounded time, no crash, a sound fix or a diagnostic', () => {
    it('a 10 MB script', function () {
      this.timeout(120_000);
      const text = tenMegabytes();
      for (const style of ['block', 'inline'] as const) {
        const r = fixWithin(30, text, style);
        assert.ok(r.changed && r.edits.length > 0);
        assert.equal(
          r.output.length - text.length,
          r.edits.reduce((n, e) => n + e.after.length - e.before.length, 0),
        );
      }
    });

    it('a 100,000-character line with 25,000 references', function () {
      this.timeout(60_000);
      const text = `echo ${'"$X" '.repeat(25_000)}\n`;
      assert.ok(text.length > 100_000);
      assert.equal(fixWithin(20, text, 'inline').edits.length, 25_000);
      assert.equal(fixWithin(20, text, 'block').edits.length, 1);
    });

    for (const [name, text] of Object.entries(NESTED)) {
      it(`${name}: a "nesting too deep" parse error, no stack overflow`, () => {
        gaveUp(fixWithin(5, text), text, /nesting too deep/);
      });
    }

    it('NUL bytes and a lone surrogate are kept as they are', () => {
      for (const text of ['echo $X\0 y\n', 'echo "$X \uD800" \uDC00\n']) {
        const r = fixWithin(5, text, 'inline');
        assert.equal(r.output, text.replace('$X', '${X:-}'));
      }
    });

    it('an empty file, a shebang alone, a comment alone: unchanged, no diagnostic', () => {
      for (const text of ['', '#!/bin/bash\n', '#!/bin/sh', '# only $X here\n', '\n\n']) {
        const r = fixWithin(5, text);
        assert.deepEqual([r.output, r.changed, r.diagnostics], [text, false, []]);
      }
    });

    it('a here-document without its terminator: read to the end, as bash reads it', async () => {
      const text = 'cat <<EOF\nX is $X\n';
      const r = fixWithin(5, text, 'inline');
      assert.equal(r.output, 'cat <<EOF\nX is ${X:-}\n');
      const quoted = "cat <<'EOF'\nX is $X\n";
      assert.equal(fixWithin(5, quoted).changed, false);
      const run = await runShell({ shell: 'bash', script: r.output, env: {}, shellOptions: ['-u'] });
      assert.equal(run.stdout, 'X is \n');
      assert.ok(!run.stderr.includes(NOUNSET_MESSAGE.bash), run.stderr);
    });

    it('a 50,000-line here-document', function () {
      this.timeout(60_000);
      const text = `cat <<EOF\n${'line $X ${Y}\n'.repeat(50_000)}EOF\n`;
      const r = fixWithin(30, text);
      assert.deepEqual(
        r.edits.map((e) => e.kind),
        ['env-init-block'],
      );
    });

    it('`\\r`-only line endings: one line to bash, and to nounset', async () => {
      const text = 'echo $X\recho $Y\r';
      const r = fixWithin(5, text, 'inline');
      assert.equal(r.output, 'echo ${X:-}\recho ${Y:-}\r');
      const envs: Record<string, string>[] = [{ X: 'a', Y: 'b' }, {}];
      for (const env of envs) {
        const before = await runShell({ shell: 'bash', script: text, env, shellOptions: ['-u'] });
        const after = await runShell({ shell: 'bash', script: r.output, env, shellOptions: ['-u'] });
        if (!before.stderr.includes(NOUNSET_MESSAGE.bash))
          assert.deepEqual([after.stdout, after.status], [before.stdout, before.status]);
        assert.ok(!after.stderr.includes(NOUNSET_MESSAGE.bash), after.stderr);
      }
    });
  });

  describe('through the built CLI: a file nounset gives up on is untouched, with a reason', () => {
    const dir = useTempDir('nounset-adversarial-');
    const files = (): string[] => readdirSync(dir()).sort();

    const cases: [string, Buffer | string, RegExp][] = [
      ['a NUL byte', Buffer.from('echo $X\n\0\n'), /binary file \(a NUL byte on line 2\)/],
      ['1,000 nested $(', NESTED['1,000 nested $('] ?? '', /nesting too deep/],
      ['a 10 MB script (over the default --max-size)', tenMegabytes(), /larger than/],
    ];
    for (const [what, content, reason] of cases) {
      it(what, function () {
        this.timeout(60_000);
        writeFileSync(join(dir(), 'x.sh'), content);
        const r = runCli(['x.sh'], dir());
        assert.equal(r.status, 3);
        assert.match(r.log, reason);
        assert.deepEqual(readFileSync(join(dir(), 'x.sh')), Buffer.from(content));
        assert.deepEqual(files(), ['x.sh']);
      });
    }

    it('bytes that are not UTF-8 (and a lone continuation byte, a truncated sequence): fixed, every byte kept', () => {
      const tail = Buffer.from([0x23, 0x20, 0xe9, 0x80, 0xff, 0xc3, 0x0a, 0x65, 0x63, 0x68, 0x6f, 0x20, 0xe9, 0x0a]);
      writeFileSync(join(dir(), 'x.sh'), Buffer.concat([Buffer.from('echo $X\n'), tail]));
      const r = runCli(['--style', 'inline', 'x.sh'], dir());
      assert.deepEqual([r.status, r.log], [0, '']);
      assert.deepEqual(readFileSync(join(dir(), 'x.sh')), Buffer.concat([Buffer.from('echo ${X:-}\n'), tail]));
      assert.deepEqual(files(), ['x.sh']);
    });

    it('an empty file and a shebang alone: unchanged, exit 0', () => {
      writeFileSync(join(dir(), 'empty.sh'), '');
      writeFileSync(join(dir(), 'shebang.sh'), '#!/bin/sh\n');
      const r = runCli(['empty.sh', 'shebang.sh'], dir());
      assert.deepEqual([r.status, r.stdout, r.log], [0, '', '']);
      assert.match(r.summary, /2 scripts, 0 changed, 2 unchanged/);
    });

    it('a write that fails half-way (file size limit) leaves the original whole and no temp file', () => {
      const text = `#!/bin/bash\n${'echo "$X" line\n'.repeat(20_000)}`;
      writeFileSync(join(dir(), 'big.sh'), text);
      // ulimit -f counts 512-byte blocks: the fixed text does not fit in 100.
      const r = spawnSync('bash', ['-c', `ulimit -f 100; exec "${process.execPath}" "${BIN}" big.sh`], {
        cwd: dir(),
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      assert.equal(r.status, 3, r.stderr);
      assert.match(r.stderr, /big\.sh: error: cannot write: EFBIG/);
      assert.equal(readFileSync(join(dir(), 'big.sh'), 'utf8'), text);
      assert.deepEqual(files(), ['big.sh']);
    });
  });
});
