// The review formats on a diagnostic that carries a suggestion (a read in shell code the script
// prints, which nounset reports and does not edit): rdjson gives it as a suggestion, SARIF as a fix,
// both at the suggestion's range and valid against their schemas.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixScript } from '../../src/fix/fix-script.js';
import { renderRdjson, renderSarif } from '../../src/review/index.js';
import { reviewFile } from '../../src/review/review-file.js';
import { ROOT } from '../support/corpus.js';
import { rdjsonValidator, sarifValidator } from '../support/schemas.js';

interface RdjsonDoc {
  diagnostics: {
    code: { value: string };
    location: { range: { start: { line: number; column: number }; end?: { line: number; column: number } } };
    suggestions?: { range: { start: { line: number; column: number } }; text: string }[];
  }[];
}
interface SarifDoc {
  runs: {
    results: {
      ruleId: string;
      locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[];
      fixes?: { artifactChanges: { replacements: { insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

describe('review formats: a diagnostic with a suggestion', () => {
  const text = readFileSync(join(ROOT, 'fixtures/default-unset-refs/printed-code.input.sh'), 'utf8');
  const result = fixScript(text, { path: 'tool-init' });
  const lines = text.split('\n').length;
  const file = reviewFile({
    path: 'tool-init',
    text,
    result,
    changed: { path: 'tool-init', status: 'added', ranges: [[1, lines]], removals: [] },
    allLines: true,
  });
  const printed = result.diagnostics.filter((d) => d.code === 'printed-code-unset');

  it('rdjson: the suggestion at its range, with what to print instead', () => {
    const doc = renderRdjson([file]) as RdjsonDoc;
    const validate = rdjsonValidator();
    assert.ok(validate(doc), JSON.stringify(validate.errors));
    const got = doc.diagnostics.filter((d) => d.code.value === 'printed-code-unset');
    assert.equal(got.length, printed.length);
    assert.ok(got.length >= 3);
    for (const [i, d] of got.entries()) {
      const s = printed[i]?.suggestion;
      assert.ok(s);
      assert.deepEqual(
        d.suggestions?.map((x) => x.text),
        [s.after],
      );
      assert.equal(d.location.range.start.line, printed[i]?.line);
      assert.ok(d.location.range.end, 'the range covers the text to replace');
    }
  });

  it('SARIF: the suggestion as a fix replacing its region', () => {
    const doc = renderSarif([file], { version: '0.0.0' }) as SarifDoc;
    const validate = sarifValidator();
    assert.ok(validate(doc), JSON.stringify(validate.errors));
    const got = (doc.runs[0]?.results ?? []).filter((r) => r.ruleId === 'printed-code-unset');
    assert.equal(got.length, printed.length);
    for (const [i, r] of got.entries()) {
      const d = printed[i];
      assert.deepEqual(
        r.fixes?.flatMap((f) => f.artifactChanges.flatMap((c) => c.replacements.map((x) => x.insertedContent.text))),
        [d?.suggestion?.after],
      );
      assert.equal(r.locations[0]?.physicalLocation.region.startLine, d?.line);
      assert.equal(r.locations[0]?.physicalLocation.region.startColumn, d?.column);
    }
  });

  it('a diagnostic without one keeps its point location and no fix', () => {
    const plain = reviewFile({
      path: 'x.sh',
      text: '#!/bin/sh\n. "$CONF"\necho "$A"\n',
      result: fixScript('#!/bin/sh\n. "$CONF"\necho "$A"\n', { path: 'x.sh' }),
      changed: { path: 'x.sh', status: 'added', ranges: [[1, 3]], removals: [] },
      allLines: true,
    });
    assert.ok(plain.diagnostics.length > 0);
    const doc = renderRdjson([plain]) as RdjsonDoc;
    const diags = doc.diagnostics.filter((d) => d.code.value === plain.diagnostics[0]?.code);
    assert.ok(diags.length > 0);
    for (const d of diags) {
      assert.equal(d.suggestions, undefined);
      assert.equal(d.location.range.end, undefined);
    }
  });
});
