// schemas/nounsetrc.schema.json (for editors) and validateConfig (what nounset runs) describe one
// language: the same table goes through both, and they must agree on every case.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { ConfigError, validateConfig } from '../../src/config/index.js';
import { CONTRACT_KEYS, OVERRIDE_KEYS, TOP_LEVEL_KEYS } from '../../src/config/validate-config.js';
import { ROOT } from '../support/corpus.js';

interface Case {
  readonly name: string;
  readonly config: unknown;
  readonly valid: boolean;
}

const CASES: readonly Case[] = [
  { name: 'empty object', config: {}, valid: true },
  { name: '$schema', config: { $schema: './node_modules/nounset/schemas/nounsetrc.schema.json' }, valid: true },
  {
    name: 'every top-level key',
    config: {
      style: 'inline',
      dialect: 'posix',
      defaults: { A: 'x y' },
      required: ['R'],
      ignoreVars: ['I'],
      exclude: ['vendor/'],
      overrides: [],
    },
    valid: true,
  },
  { name: 'style block', config: { style: 'block' }, valid: true },
  { name: 'includeGenerated true', config: { includeGenerated: true }, valid: true },
  { name: 'includeGenerated a string', config: { includeGenerated: 'yes' }, valid: false },
  {
    name: 'each dialect',
    config: { overrides: ['auto', 'bash', 'sh', 'posix'].map((dialect) => ({ files: '*', dialect })) },
    valid: true,
  },
  { name: 'empty default value', config: { defaults: { A: '' } }, valid: true },
  { name: 'default with quotes, $ and unicode', config: { defaults: { _A1: 'it\'s "$HOME" – ok\t' } }, valid: true },
  { name: 'empty lists', config: { required: [], ignoreVars: [], exclude: [] }, valid: true },
  { name: 'duplicate names', config: { required: ['A', 'A'] }, valid: true },
  { name: 'override with one glob', config: { overrides: [{ files: 'ci/**', style: 'inline' }] }, valid: true },
  {
    name: 'override with every key',
    config: {
      overrides: [
        {
          files: ['a', '!b'],
          excludeFiles: 'c',
          style: 'block',
          dialect: 'bash',
          defaults: { D: '1' },
          required: ['R'],
          ignoreVars: ['I'],
        },
      ],
    },
    valid: true,
  },
  {
    name: 'override with empty excludeFiles',
    config: { overrides: [{ files: ['a'], excludeFiles: [] }] },
    valid: true,
  },
  { name: 'not an object', config: [], valid: false },
  { name: 'null', config: null, valid: false },
  { name: 'unknown top-level key', config: { stlye: 'block' }, valid: false },
  { name: 'unknown override key', config: { overrides: [{ files: '*', exclude: ['x'] }] }, valid: false },
  { name: 'exclude at top level in override form', config: { excludeFiles: ['x'] }, valid: false },
  { name: 'bad style', config: { style: 'Block' }, valid: false },
  { name: 'bad dialect', config: { dialect: 'zsh' }, valid: false },
  { name: 'style not a string', config: { style: true }, valid: false },
  { name: '$schema not a string', config: { $schema: {} }, valid: false },
  { name: 'defaults as an array', config: { defaults: [] }, valid: false },
  { name: 'default value a number', config: { defaults: { PORT: 80 } }, valid: false },
  { name: 'default value null', config: { defaults: { A: null } }, valid: false },
  { name: 'default name with a dash', config: { defaults: { 'A-B': 'x' } }, valid: false },
  { name: 'default name starting with a digit', config: { defaults: { '1A': 'x' } }, valid: false },
  { name: 'default value with a newline', config: { defaults: { A: 'a\nb' } }, valid: false },
  { name: 'default value with a carriage return', config: { defaults: { A: 'a\rb' } }, valid: false },
  { name: 'default value with a NUL', config: { defaults: { A: 'a\u0000b' } }, valid: false },
  { name: 'required as a string', config: { required: 'A' }, valid: false },
  { name: 'required with a bad name', config: { required: ['A B'] }, valid: false },
  { name: 'ignoreVars with an empty name', config: { ignoreVars: [''] }, valid: false },
  { name: 'ignoreVars with a number', config: { ignoreVars: [1] }, valid: false },
  { name: 'exclude as a string', config: { exclude: 'vendor/' }, valid: false },
  { name: 'exclude with an empty glob', config: { exclude: [''] }, valid: false },
  { name: 'overrides as an object', config: { overrides: { files: '*' } }, valid: false },
  { name: 'override not an object', config: { overrides: ['*.sh'] }, valid: false },
  { name: 'override without files', config: { overrides: [{ style: 'inline' }] }, valid: false },
  { name: 'override with empty files', config: { overrides: [{ files: [] }] }, valid: false },
  { name: 'override with an empty glob', config: { overrides: [{ files: '' }] }, valid: false },
  { name: 'override files a number', config: { overrides: [{ files: 1 }] }, valid: false },
  {
    name: 'override excludeFiles with a number',
    config: { overrides: [{ files: '*', excludeFiles: [2] }] },
    valid: false,
  },
  { name: 'override with a bad dialect', config: { overrides: [{ files: '*', dialect: 'ksh' }] }, valid: false },
  {
    name: 'override with a bad default name',
    config: { overrides: [{ files: '*', defaults: { 'x.y': '' } }] },
    valid: false,
  },
  { name: 'override nesting overrides', config: { overrides: [{ files: '*', overrides: [] }] }, valid: false },
  {
    name: 'contract with map and manifests',
    config: {
      contract: {
        map: { '/opt/kata-artifacts/scripts': 'tools/scripts' },
        manifests: ['deploy/**/*.yaml', 'Dockerfile'],
      },
    },
    valid: true,
  },
  { name: 'empty contract', config: { contract: {} }, valid: true },
  { name: 'contract not an object', config: { contract: [] }, valid: false },
  { name: 'contract with an unknown key', config: { contract: { maps: {} } }, valid: false },
  { name: 'contract map to an empty path', config: { contract: { map: { '/opt/x': '' } } }, valid: false },
  { name: 'contract map from an empty path', config: { contract: { map: { '': 'x' } } }, valid: false },
  { name: 'contract map to a number', config: { contract: { map: { '/opt/x': 1 } } }, valid: false },
  { name: 'contract manifests as a string', config: { contract: { manifests: 'x.yaml' } }, valid: false },
  { name: 'contract manifests with an empty glob', config: { contract: { manifests: [''] } }, valid: false },
  { name: 'contract in an override', config: { overrides: [{ files: '*', contract: {} }] }, valid: false },
];

function acceptedByValidator(config: unknown): boolean {
  try {
    validateConfig(config, '.nounsetrc.json');
    return true;
  } catch (err) {
    if (err instanceof ConfigError) return false;
    throw err;
  }
}

describe('schemas/nounsetrc.schema.json', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'nounsetrc.schema.json'), 'utf8')) as {
    properties: Record<string, unknown>;
    definitions: Record<string, unknown>;
  };
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  it('has at least 25 cases, valid and invalid', () => {
    assert.ok(CASES.length >= 25);
    assert.ok(CASES.some((c) => c.valid) && CASES.some((c) => !c.valid));
  });

  for (const c of CASES) {
    it(`agrees with validateConfig: ${c.name} (${c.valid ? 'valid' : 'invalid'})`, () => {
      assert.equal(validate(c.config), c.valid, `schema: ${JSON.stringify(validate.errors)}`);
      assert.equal(acceptedByValidator(c.config), c.valid, 'validateConfig');
    });
  }

  it('lists the same keys as validateConfig', () => {
    const overrideItems = (schema.properties.overrides as { items: { properties: Record<string, unknown> } }).items;
    assert.deepEqual(Object.keys(schema.properties), [...TOP_LEVEL_KEYS]);
    assert.deepEqual(Object.keys(overrideItems.properties), [...OVERRIDE_KEYS]);
    assert.deepEqual(Object.keys((schema.properties.contract as { properties: Record<string, unknown> }).properties), [
      ...CONTRACT_KEYS,
    ]);
  });
});
