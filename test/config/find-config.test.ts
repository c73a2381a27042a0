// Which config applies to a file: nearest wins, package.json only with a "nounset" key, cached
// per directory, and a bad or unreadable file is a ConfigError.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigLoader } from '../../src/config/index.js';
import { nodeIO } from '../../src/io/node-script-io.js';
import { fakeIO } from '../run/fake-io.js';

const rc = (config: object): string => JSON.stringify(config);

/** The thrown error's class and message. */
function thrown(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (err) {
    return [(err as Error).name, (err as Error).message];
  }
  assert.fail('expected an error');
}

describe('ConfigLoader', () => {
  it('takes the nearest config upward, whole: levels do not merge', () => {
    const io = fakeIO({
      '/r/.nounsetrc.json': rc({ style: 'inline', required: ['TOP'] }),
      '/r/a/b/.nounsetrc.json': rc({ dialect: 'bash' }),
      '/r/a/b/c/run.sh': '',
      '/r/a/x.sh': '',
    });
    const loader = new ConfigLoader(io);
    assert.deepEqual(loader.configFor('/r/a/b/c/run.sh'), {
      path: '/r/a/b/.nounsetrc.json',
      dir: '/r/a/b',
      config: { dialect: 'bash' },
    });
    assert.deepEqual(loader.configFor('/r/a/x.sh'), {
      path: '/r/.nounsetrc.json',
      dir: '/r',
      config: { style: 'inline', required: ['TOP'] },
    });
  });

  it('skips a package.json without a "nounset" key and goes on upward', () => {
    const io = fakeIO({
      '/r/package.json': rc({ name: 'root', nounset: { style: 'inline' } }),
      '/r/pkg/package.json': rc({ name: 'pkg', version: '1.0.0' }),
      '/r/pkg/bin/run.sh': '',
      '/r/list/package.json': '[1, 2]',
      '/r/list/x.sh': '',
    });
    const loader = new ConfigLoader(io);
    assert.deepEqual(loader.configFor('/r/pkg/bin/run.sh'), {
      path: '/r/package.json',
      dir: '/r',
      config: { style: 'inline' },
    });
    assert.equal(loader.configFor('/r/list/x.sh')?.path, '/r/package.json');
  });

  it('prefers .nounsetrc.json over package.json in the same directory', () => {
    const io = fakeIO({
      '/r/package.json': rc({ nounset: { style: 'inline' } }),
      '/r/.nounsetrc.json': rc({ style: 'block' }),
      '/r/run.sh': '',
    });
    assert.deepEqual(new ConfigLoader(io).configFor('/r/run.sh'), {
      path: '/r/.nounsetrc.json',
      dir: '/r',
      config: { style: 'block' },
    });
  });

  it('returns null when there is no config up to the root, and looks in each directory once', () => {
    const io = fakeIO({ '/r/a/one.sh': '', '/r/a/two.sh': '', '/r/b/three.sh': '' });
    const stat = io.stat.bind(io);
    io.stat = (path) => {
      io.calls.push(`stat ${path}`);
      return stat(path);
    };
    const loader = new ConfigLoader(io);
    assert.equal(loader.configFor('/r/a/one.sh'), null);
    assert.equal(loader.configFor('/r/a/two.sh'), null);
    assert.equal(loader.configFor('/r/b/three.sh'), null);
    assert.deepEqual(io.calls, [
      'stat /r/a/.nounsetrc.json',
      'stat /r/a/package.json',
      'stat /r/.nounsetrc.json',
      'stat /r/package.json',
      'stat /.nounsetrc.json',
      'stat /package.json',
      'stat /r/b/.nounsetrc.json',
      'stat /r/b/package.json',
    ]);
  });

  it('finds a config in the root directory', () => {
    const io = fakeIO({ '/.nounsetrc.json': rc({ ignoreVars: ['HOME'] }), '/x/y.sh': '' });
    assert.deepEqual(new ConfigLoader(io).configFor('/x/y.sh'), {
      path: '/.nounsetrc.json',
      dir: '/',
      config: { ignoreVars: ['HOME'] },
    });
  });

  it('raises a bad config for every file under it, reading it once', () => {
    const io = fakeIO({ '/r/.nounsetrc.json': rc({ styl: 'inline' }), '/r/a.sh': '', '/r/sub/b.sh': '' });
    const loader = new ConfigLoader(io);
    const expected: [string, string] = ['ConfigError', '/r/.nounsetrc.json: styl: unknown key; did you mean "style"?'];
    assert.deepEqual(
      thrown(() => loader.configFor('/r/sub/b.sh')),
      expected,
    );
    assert.deepEqual(
      thrown(() => loader.configFor('/r/a.sh')),
      expected,
    );
    assert.equal(io.calls.filter((c) => c === 'readFile /r/.nounsetrc.json').length, 1);
  });

  it('names the file, and the key under "nounset", for a bad package.json config', () => {
    const io = fakeIO({
      '/p/package.json': rc({ nounset: 'inline' }),
      '/p/a.sh': '',
      '/q/package.json': rc({ nounset: { overrides: [{ files: '*.sh', style: 'inlined' }] } }),
      '/q/a.sh': '',
      '/n/package.json': rc({ nounset: null }),
      '/n/a.sh': '',
    });
    const loader = new ConfigLoader(io);
    assert.deepEqual(
      thrown(() => loader.configFor('/p/a.sh')),
      ['ConfigError', '/p/package.json: nounset: must be an object, not "inline"'],
    );
    assert.deepEqual(
      thrown(() => loader.configFor('/q/a.sh')),
      ['ConfigError', '/q/package.json: nounset.overrides[0].style: must be one of "block", "inline", not "inlined"'],
    );
    assert.deepEqual(
      thrown(() => loader.configFor('/n/a.sh')),
      ['ConfigError', '/n/package.json: nounset: must be an object, not null'],
    );
  });

  it('reports invalid JSON with a line and column when V8 gives a position', () => {
    const io = fakeIO({
      '/a/.nounsetrc.json': '{\n  "style": "block",\n  \n}\n',
      '/a/x.sh': '',
      '/b/package.json': '{"name": "b"} extra',
      '/b/x.sh': '',
      '/c/.nounsetrc.json': '',
      '/c/x.sh': '',
    });
    const loader = new ConfigLoader(io);
    // The trailing comma: V8 points at the `}` after it.
    assert.deepEqual(
      thrown(() => loader.configFor('/a/x.sh')),
      ['ConfigError', '/a/.nounsetrc.json:4:1: invalid JSON: Expected double-quoted property name'],
    );
    assert.deepEqual(
      thrown(() => loader.configFor('/b/x.sh')),
      ['ConfigError', '/b/package.json:1:15: invalid JSON: Unexpected non-whitespace character after JSON'],
    );
    assert.deepEqual(
      thrown(() => loader.configFor('/c/x.sh')),
      ['ConfigError', '/c/.nounsetrc.json: invalid JSON: Unexpected end of JSON input'],
    );
  });

  it('keeps an invalid-JSON message on one line when V8 quotes the source without a position', () => {
    const io = fakeIO({ '/a/.nounsetrc.json': '{"style":\n x}', '/a/x.sh': '' });
    const [name, message] = thrown(() => new ConfigLoader(io).configFor('/a/x.sh'));
    assert.equal(name, 'ConfigError');
    assert.match(message, /^\/a\/\.nounsetrc\.json: invalid JSON: Unexpected token 'x'/);
    assert.ok(!message.includes('\n'), message);
  });

  it('accepts a byte-order mark', () => {
    const io = fakeIO({ '/a/.nounsetrc.json': `\uFEFF${rc({ style: 'inline' })}`, '/a/x.sh': '' });
    assert.deepEqual(new ConfigLoader(io).configFor('/a/x.sh')?.config, { style: 'inline' });
  });

  it('reads only config files that exist: a failing read elsewhere is not its business', () => {
    const io = fakeIO({ '/a/.nounsetrc.json': rc({ style: 'inline' }), '/a/b/x.sh': '' });
    io.fail.readFile = 'EACCES';
    assert.throws(
      () => new ConfigLoader(io).configFor('/a/b/x.sh'),
      /^ConfigError: \/a\/.nounsetrc.json: cannot read: EACCES$/,
    );
    assert.deepEqual(io.calls, ['readFile /a/.nounsetrc.json']);
  });

  it('turns a config file that exists but cannot be read into a ConfigError', () => {
    const io = fakeIO({ '/a/.nounsetrc.json': rc({}), '/a/x.sh': '', '/b/.nounsetrc.json/': '', '/b/x.sh': '' });
    const read = io.readFile.bind(io);
    io.readFile = (path) => {
      if (path === '/a/.nounsetrc.json') throw Object.assign(new Error(`EACCES: ${path}`), { code: 'EACCES' });
      return read(path);
    };
    const loader = new ConfigLoader(io);
    assert.deepEqual(
      thrown(() => loader.configFor('/a/x.sh')),
      ['ConfigError', '/a/.nounsetrc.json: cannot read: EACCES'],
    );
    assert.deepEqual(
      thrown(() => loader.configFor('/b/x.sh')),
      ['ConfigError', '/b/.nounsetrc.json: cannot read: not a regular file'],
    );
  });

  it('refuses a relative path', () => {
    assert.throws(() => new ConfigLoader(fakeIO({})).configFor('x.sh'), TypeError);
  });

  describe('on the real file system', () => {
    let dir = '';
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'nounset-config-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('finds the nearest config through nodeIO', () => {
      mkdirSync(join(dir, 'a', 'b'), { recursive: true });
      writeFileSync(join(dir, '.nounsetrc.json'), rc({ style: 'inline' }));
      writeFileSync(join(dir, 'a', 'package.json'), rc({ name: 'a' }));
      writeFileSync(join(dir, 'a', 'b', 'package.json'), rc({ nounset: { required: ['X'] } }));
      const loader = new ConfigLoader(nodeIO);
      assert.deepEqual(loader.configFor(join(dir, 'a', 'b', 'run.sh')), {
        path: join(dir, 'a', 'b', 'package.json'),
        dir: join(dir, 'a', 'b'),
        config: { required: ['X'] },
      });
      assert.deepEqual(loader.configFor(join(dir, 'a', 'run.sh')), {
        path: join(dir, '.nounsetrc.json'),
        dir,
        config: { style: 'inline' },
      });
    });

    it('names a file that is not UTF-8', () => {
      writeFileSync(join(dir, '.nounsetrc.json'), Buffer.from([0x7b, 0xff, 0x7d]));
      const [name, message] = thrown(() => new ConfigLoader(nodeIO).configFor(join(dir, 'x.sh')));
      assert.equal(name, 'ConfigError');
      assert.ok(message.startsWith(`${join(dir, '.nounsetrc.json')}: cannot read: `), message);
    });
  });
});
