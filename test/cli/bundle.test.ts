// The bundled bin (dist/bundle/main.cjs, what users run) against the unbundled CLI it is built
// from: the bundle swaps in its own string-width (src/cli/string-width.ts), so help text must come
// out the same; and --version must find package.json from the bundle's directory.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import stringWidth from '../../src/cli/string-width.js';
import { BIN } from '../support/cli.js';
import { ROOT } from '../support/corpus.js';

const UNBUNDLED = join(ROOT, 'dist', 'src', 'cli', 'main.js');

function out(bin: string, args: string[]): string {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('the bundled bin', () => {
  for (const args of [['--help'], ['inspect', '--help'], ['parse', '--help']]) {
    it(`prints the same \`${args.join(' ')}\` as the unbundled CLI`, () => {
      assert.equal(out(BIN, args), out(UNBUNDLED, args));
    });
  }

  it('loads the bundle with a code cache that this Node accepts', () => {
    const loader = createRequire(import.meta.url)(BIN) as {
      BUNDLE: string;
      compileBundle: (cache?: Buffer) => { cachedDataRejected?: boolean };
    };
    const script = loader.compileBundle(readFileSync(`${loader.BUNDLE}.cache`));
    assert.equal(script.cachedDataRejected, false);
  });

  it('runs the same without its code cache, or with one V8 rejects', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nounset-bundle-'));
    try {
      cpSync(join(BIN, '..'), dir, { recursive: true });
      const copy = join(dir, 'main.cjs');
      const example = join(ROOT, 'examples', 'kata-deploy.sh');
      const expected = out(BIN, ['--dry-run', example]);
      writeFileSync(join(dir, 'nounset.cjs.cache'), 'not a code cache');
      assert.equal(out(copy, ['--dry-run', example]), expected);
      rmSync(join(dir, 'nounset.cjs.cache'));
      assert.equal(out(copy, ['--dry-run', example]), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--version prints the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(out(BIN, ['--version']), `${pkg.version}\n`);
  });
});

describe("the bundle's string-width", () => {
  it('counts columns as terminals do', () => {
    assert.equal(stringWidth(''), 0);
    assert.equal(stringWidth('--dry-run  write nothing'), 24);
    assert.equal(stringWidth('\u001b[31mred\u001b[0m'), 3, 'colour codes take no columns');
    assert.equal(stringWidth('\u001b]8;;https://x\u0007link\u001b]8;;\u0007'), 4, 'a hyperlink shows its text');
    assert.equal(stringWidth('日本語'), 6, 'CJK is wide');
    assert.equal(stringWidth('e\u0301'), 1, 'a combining accent takes no column');
    assert.equal(stringWidth('🚀 go'), 5, 'an emoji is wide');
    assert.equal(stringWidth('a\tb'), 2, 'control characters take none');
  });
});
