// validateConfig: what it returns for a good config, and the exact one-line message for each
// kind of mistake.

import assert from 'node:assert/strict';
import { ConfigError, validateConfig } from '../../src/config/index.js';

const PATH = '/repo/.nounsetrc.json';

/** The message validateConfig throws for `value`, after checking the error's fields. */
function problem(value: unknown): string {
  try {
    validateConfig(value, PATH);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    assert.equal(err.code, 'usage-error');
    assert.equal(err.path, PATH);
    assert.equal(err.message, err.key ? `${PATH}: ${err.key}: ${err.reason}` : `${PATH}: ${err.reason}`);
    return err.message.slice(PATH.length + 2);
  }
  assert.fail(`accepted ${JSON.stringify(value)}`);
}

describe('validateConfig', () => {
  it('returns a full config normalized: files as arrays, $schema dropped', () => {
    const config = validateConfig(
      {
        $schema: './node_modules/nounset/schemas/nounsetrc.schema.json',
        style: 'block',
        dialect: 'auto',
        defaults: { LANG: 'C.UTF-8', EMPTY: '', _X1: 'a "quoted" $value' },
        required: ['DEPLOY_ENV'],
        ignoreVars: ['PS1'],
        exclude: ['vendor/', '*.generated.sh'],
        overrides: [
          { files: 'ci/**', excludeFiles: 'ci/legacy.sh', style: 'inline' },
          {
            files: ['*.bash', 'lib/*.sh'],
            excludeFiles: [],
            dialect: 'bash',
            defaults: { A: '1' },
            required: [],
            ignoreVars: ['B'],
          },
        ],
      },
      PATH,
    );
    assert.deepEqual(config, {
      style: 'block',
      dialect: 'auto',
      defaults: { LANG: 'C.UTF-8', EMPTY: '', _X1: 'a "quoted" $value' },
      required: ['DEPLOY_ENV'],
      ignoreVars: ['PS1'],
      exclude: ['vendor/', '*.generated.sh'],
      overrides: [
        { files: ['ci/**'], excludeFiles: ['ci/legacy.sh'], style: 'inline' },
        {
          files: ['*.bash', 'lib/*.sh'],
          excludeFiles: [],
          dialect: 'bash',
          defaults: { A: '1' },
          required: [],
          ignoreVars: ['B'],
        },
      ],
    });
    assert.deepEqual(validateConfig({}, PATH), {});
  });

  it('keeps a default for a variable called __proto__ as plain data', () => {
    const config = validateConfig(JSON.parse('{"defaults": {"__proto__": "x"}}'), PATH);
    assert.deepEqual(Object.entries(config.defaults ?? {}), [['__proto__', 'x']]);
    assert.equal(Object.getPrototypeOf(config.defaults), Object.prototype);
  });

  it('refuses a file that is not an object', () => {
    assert.equal(problem([]), 'must be an object, not an array');
    assert.equal(problem(null), 'must be an object, not null');
    assert.equal(problem('block'), 'must be an object, not "block"');
  });

  it('refuses unknown keys, suggesting the nearest known one within two edits', () => {
    assert.equal(problem({ overide: [] }), 'overide: unknown key; did you mean "overrides"?');
    assert.equal(problem({ stlye: 'block' }), 'stlye: unknown key; did you mean "style"?');
    assert.equal(problem({ ignoreVar: [] }), 'ignoreVar: unknown key; did you mean "ignoreVars"?');
    assert.equal(problem({ Exclude: [] }), 'Exclude: unknown key; did you mean "exclude"?');
    assert.equal(
      problem({ transforms: [] }),
      'transforms: unknown key (known keys: $schema, style, dialect, defaults, required, ignoreVars, sourcedUnknown, guardDestructive, keepLineNumbers, bashVersion, includeGenerated, exclude, overrides, contract)',
    );
    assert.equal(
      problem({ overrides: [{ files: '*', dialekt: 'sh' }] }),
      'overrides[0].dialekt: unknown key; did you mean "dialect"?',
    );
    assert.equal(
      problem({ overrides: [{ files: '*', overrides: [] }] }),
      'overrides[0].overrides: unknown key (known keys: files, excludeFiles, style, dialect, defaults, required, ignoreVars, sourcedUnknown, guardDestructive, keepLineNumbers, bashVersion, includeGenerated)',
    );
    assert.equal(problem({ contract: { manifest: [] } }), 'contract.manifest: unknown key; did you mean "manifests"?');
    assert.equal(
      problem({ contract: { map: { '/opt/x': '' } } }),
      'contract.map["/opt/x"]: must not be an empty string',
    );
    assert.equal(
      problem({ 'my key': 1 }),
      '["my key"]: unknown key (known keys: $schema, style, dialect, defaults, required, ignoreVars, sourcedUnknown, guardDestructive, keepLineNumbers, bashVersion, includeGenerated, exclude, overrides, contract)',
    );
  });

  it('reports the first problem in file order', () => {
    assert.equal(problem({ style: 'x', dialect: 'y' }), 'style: must be one of "block", "inline", not "x"');
    assert.equal(
      problem({ dialect: 'y', style: 'x' }),
      'dialect: must be one of "auto", "bash", "sh", "posix", not "y"',
    );
  });

  it('refuses bad enum values and wrong types', () => {
    assert.equal(problem({ style: 1 }), 'style: must be one of "block", "inline", not 1');
    assert.equal(problem({ dialect: 'zsh' }), 'dialect: must be one of "auto", "bash", "sh", "posix", not "zsh"');
    assert.equal(problem({ dialect: ['bash'] }), 'dialect: must be one of "auto", "bash", "sh", "posix", not an array');
    assert.equal(problem({ $schema: 7 }), '$schema: must be a string, not 7');
    assert.equal(problem({ required: 'X' }), 'required: must be an array of variable names, not "X"');
    assert.equal(problem({ ignoreVars: { X: true } }), 'ignoreVars: must be an array of variable names, not an object');
    assert.equal(problem({ required: ['A', 2] }), 'required[1]: must be a string, not 2');
    assert.equal(problem({ exclude: 'vendor/' }), 'exclude: must be an array of globs, not "vendor/"');
    assert.equal(problem({ exclude: ['a', false] }), 'exclude[1]: must be a string, not false');
    assert.equal(problem({ exclude: [''] }), 'exclude[0]: must not be an empty string');
    assert.equal(
      problem({ defaults: ['A=1'] }),
      'defaults: must be an object mapping variable names to strings, not an array',
    );
    assert.equal(problem({ defaults: { PORT: 8080 } }), 'defaults.PORT: must be a string, not 8080');
    assert.equal(problem({ overrides: {} }), 'overrides: must be an array of objects, not an object');
    assert.equal(problem({ overrides: [{ files: '*' }, 'x'] }), 'overrides[1]: must be an object, not "x"');
  });

  it('cuts a long value short in a message', () => {
    assert.equal(
      problem({ style: 'x'.repeat(50) }),
      `style: must be one of "block", "inline", not "${'x'.repeat(36)}..."`,
    );
  });

  it('refuses bad variable names', () => {
    const rule = '(letters, digits and _, not starting with a digit)';
    assert.equal(problem({ required: ['OK', '1X'] }), `required[1]: "1X" is not a valid variable name ${rule}`);
    assert.equal(problem({ ignoreVars: ['A-B'] }), `ignoreVars[0]: "A-B" is not a valid variable name ${rule}`);
    assert.equal(problem({ ignoreVars: [''] }), `ignoreVars[0]: "" is not a valid variable name ${rule}`);
    assert.equal(problem({ defaults: { 'MY VAR': 'x' } }), `defaults["MY VAR"]: not a valid variable name ${rule}`);
    assert.equal(
      problem({ overrides: [{ files: '*', defaults: { $X: '' } }] }),
      `overrides[0].defaults.$X: not a valid variable name ${rule}`,
    );
  });

  it('refuses default values with a NUL or a line break', () => {
    assert.equal(problem({ defaults: { A: 'x\0y' } }), 'defaults.A: must not contain a NUL character');
    assert.equal(problem({ defaults: { A: 'line\nbreak' } }), 'defaults.A: must not contain a line break');
    assert.equal(problem({ defaults: { A: 'cr\r' } }), 'defaults.A: must not contain a line break');
  });

  it('checks overrides: files is required and not empty, excludeFiles may be empty', () => {
    assert.equal(
      problem({ overrides: [{ style: 'inline' }] }),
      'overrides[0].files: missing: an override needs the globs of the files it applies to',
    );
    assert.equal(problem({ overrides: [{ files: [] }] }), 'overrides[0].files: must not be an empty array');
    assert.equal(problem({ overrides: [{ files: '' }] }), 'overrides[0].files: must not be an empty string');
    assert.equal(problem({ overrides: [{ files: ['a', ''] }] }), 'overrides[0].files[1]: must not be an empty string');
    assert.equal(
      problem({ overrides: [{ files: 3 }] }),
      'overrides[0].files: must be a glob or an array of globs, not 3',
    );
    assert.equal(
      problem({ overrides: [{ files: '*', excludeFiles: [1] }] }),
      'overrides[0].excludeFiles[0]: must be a string, not 1',
    );
    assert.equal(
      problem({ overrides: [{ files: '*' }, { files: '*', style: 'blok' }] }),
      'overrides[1].style: must be one of "block", "inline", not "blok"',
    );
    assert.equal(
      problem({ overrides: [{ files: '*', required: ['9'] }] }),
      'overrides[0].required[0]: "9" is not a valid variable name (letters, digits and _, not starting with a digit)',
    );
    assert.deepEqual(validateConfig({ overrides: [{ files: 'a', excludeFiles: [] }] }, PATH), {
      overrides: [{ files: ['a'], excludeFiles: [] }],
    });
  });
});
