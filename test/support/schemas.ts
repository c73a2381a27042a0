// The JSON schemas under test/schemas/ (draft 04: SARIF 2.1.0, reviewdog's rdjson), each compiled
// once for the whole test run.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { ROOT } from './corpus.js';

const SCHEMAS = join(ROOT, 'test', 'schemas');
const compiled = new Map<string, ValidateFunction>();

/** The validator of `test/schemas/<path…>`, `format` keywords not checked (no ajv-formats here). */
export function schemaValidator(...path: string[]): ValidateFunction {
  const file = join(SCHEMAS, ...path);
  let validate = compiled.get(file);
  if (validate === undefined) {
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false });
    validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    compiled.set(file, validate);
  }
  return validate;
}

/** The SARIF 2.1.0 schema. */
export const sarifValidator = (): ValidateFunction => schemaValidator('sarif-2.1.0', 'sarif-schema-2.1.0.json');
/** reviewdog's rdjson: one DiagnosticResult document. */
export const rdjsonValidator = (): ValidateFunction => schemaValidator('reviewdog-rdf', 'DiagnosticResult.json');
