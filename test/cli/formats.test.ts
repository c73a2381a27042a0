// --check as a CI gate, and the --format renderings: json (checked against the shipped schema),
// github workflow commands, summary.

import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { runCli, useTempDir } from '../support/cli.js';
import { ROOT } from '../support/corpus.js';

// `bash -u`: set -u is on, so an empty $D, which rm would take for `/`, stops the script.
const SCRIPT = '#!/bin/bash -u\necho "$A" "$1"\nrm -rf "$D/"\n';
const CLEAN = '#!/bin/bash\nx=1\necho "$x"\n';
const BAD = 'if true; then\n';

describe('nounset --check and --format', () => {
  const dir = useTempDir('nounset-format-');
  const write = (name: string, text: string): void => writeFileSync(join(dir(), name), text);

  it('--check prints the diff, writes nothing and exits 1 while a file would change, 0 once fixed', () => {
    write('a.sh', SCRIPT);
    write('b.sh', CLEAN);
    const pending = runCli(['--check', '.'], dir());
    assert.equal(pending.status, 1);
    assert.match(pending.stdout, /^--- a\/a\.sh\n\+\+\+ b\/a\.sh\n/);
    assert.equal(pending.log, '');
    assert.equal(readFileSync(join(dir(), 'a.sh'), 'utf8'), SCRIPT);
    assert.equal(runCli(['.'], dir()).status, 0);
    const clean = runCli(['--check', '.'], dir());
    assert.deepEqual([clean.status, clean.stdout, clean.log], [0, '', '']);
  });

  it('--check exits 3, not 1, when a file cannot be processed', () => {
    write('a.sh', SCRIPT);
    write('bad.sh', BAD);
    assert.equal(runCli(['--check', '.'], dir()).status, 3);
  });

  it('--format json prints one document valid against schemas/run-result.schema.json', () => {
    write('a.sh', SCRIPT);
    write('b.sh', CLEAN);
    write('bad.sh', BAD);
    const r = runCli(['--dry-run', '--format', 'json', '.'], dir());
    assert.equal(r.status, 3);
    const doc = JSON.parse(r.stdout) as {
      files: { path: string; status: string; edits: unknown[] }[];
      summary: Record<string, number>;
    };
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'run-result.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    assert.ok(validate(doc), JSON.stringify(validate.errors));
    assert.deepEqual(
      doc.files.map((f) => [f.path, f.status, f.edits.length]),
      [
        ['a.sh', 'changed', 3],
        ['b.sh', 'unchanged', 0],
        ['bad.sh', 'skipped', 0],
      ],
    );
    const { durationMs, ...counts } = doc.summary;
    // bad.sh does not parse: its status says skipped, the summary counts it as the error it is (exit 3).
    assert.deepEqual(counts, { scanned: 3, changed: 1, unchanged: 1, skipped: 0, errors: 1, edits: 3 });
    assert.ok(Number.isInteger(durationMs));
    // The schema is strict: an unknown field fails it.
    assert.equal(validate({ ...doc, extra: 1 }), false);
  });

  it('--format json marks a file that is not UTF-8 with encoding latin1, its diff holding the bytes as U+0080-U+00FF', () => {
    writeFileSync(join(dir(), 'l.sh'), Buffer.from('# caf\u00e9\necho "$A"\n', 'latin1'));
    const r = runCli(['--dry-run', '--style', 'inline', '--format', 'json', 'l.sh'], dir());
    assert.equal(r.status, 0);
    const doc = JSON.parse(r.stdout) as { files: { encoding?: string; diff?: string }[] };
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'run-result.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    assert.ok(validate(doc), JSON.stringify(validate.errors));
    assert.equal(doc.files[0]?.encoding, 'latin1');
    assert.match(doc.files[0]?.diff ?? '', /^ # caf\u00e9\n-echo "\$A"\n\+echo "\$\{A:-\}"\n$/m);
  });

  it("--format json gives a printed-code warning's suggestion, valid against the schema", () => {
    write('init.sh', '#!/bin/bash\ncat <<EOS\nexport PS1="(x) \\${PS1}"\nEOS\n');
    const r = runCli(['--dry-run', '--format', 'json', 'init.sh'], dir());
    assert.equal(r.status, 0);
    const doc = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; suggestion?: unknown }[] }[] };
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'run-result.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    assert.ok(validate(doc), JSON.stringify(validate.errors));
    assert.deepEqual(
      doc.files[0]?.diagnostics.filter((d) => d.code === 'printed-code-unset').map((d) => d.suggestion),
      [{ start: 38, end: 45, before: '\\${PS1}', after: '\\${PS1:-}' }],
    );
  });

  it('--format github prints one workflow command per edit and per diagnostic, escaped', () => {
    write('a,b.sh', SCRIPT);
    write('bad.sh', BAD);
    const r = runCli(['--check', '--format', 'github', '.'], dir());
    assert.equal(r.status, 3);
    assert.equal(r.log, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(
      lines[0] ?? '',
      /^::warning file=a%2Cb\.sh,line=2,col=1,title=nounset%3A env-init-block::insert the env-init block: /,
    );
    assert.match(
      lines[1] ?? '',
      /^::warning file=a%2Cb\.sh,line=2,col=12,title=nounset%3A default-empty::\$1 → \$\{1:-\}: no argument \$1 is guaranteed on the path from line 1 to line 2/,
    );
    assert.match(
      lines[2] ?? '',
      /^::warning file=a%2Cb\.sh,line=3,col=9,title=nounset%3A require-nonempty::\$D → \$\{D:\?D is not set\}/,
    );
    assert.match(lines[3] ?? '', /^::error file=bad\.sh,line=2,col=1,title=nounset%3A parse-error::/);
  });

  it('--format github in Actions: 10 annotations per level, the rest as a table in $GITHUB_STEP_SUMMARY', () => {
    write('many.sh', `#!/bin/bash\n${Array.from({ length: 14 }, (_, i) => `echo "$V${i}"`).join('\n')}\n`);
    // Beside the temp directory, not in it; removed at the end.
    const summary = join(dir(), '..', `${dir().split('/').pop()}-summary.md`);
    writeFileSync(summary, '# earlier steps wrote this\n');
    try {
      const r = runCli(['--check', '--format', 'github', '--style', 'inline', 'many.sh'], dir(), {
        GITHUB_STEP_SUMMARY: summary,
      });
      assert.equal(r.status, 1);
      const commands = r.stdout.trimEnd().split('\n');
      assert.equal(commands.length, 10);
      assert.ok(commands.every((l) => l.startsWith('::warning file=many.sh,')));
      const table = readFileSync(summary, 'utf8');
      assert.match(table, /^# earlier steps wrote this\n### nounset: 4 more finding\(s\)/, 'appended, not overwritten');
      assert.equal((table.match(/^\| warning \| `many\.sh:\d+:\d+` \| default-empty \| /gm) ?? []).length, 4);
    } finally {
      rmSync(summary, { force: true });
    }
    const all = runCli(['--check', '--format', 'github', '--style', 'inline', 'many.sh'], dir(), {
      GITHUB_STEP_SUMMARY: '',
    });
    assert.equal(all.stdout.trimEnd().split('\n').length, 14, 'outside Actions every annotation is printed');
  });

  it('--format summary lists the files that would change, also in a dry run; the closing line goes to stderr', () => {
    write('a.sh', SCRIPT);
    write('b.sh', 'echo ok\n');
    const r = runCli(['--dry-run', '--dialect', 'auto', '--format', 'summary', '.'], dir());
    assert.deepEqual([r.status, r.stdout, r.log], [0, 'a.sh: would be changed, 3 edits\n', '']);
    assert.equal(r.summary, 'nounset: 2 scripts, 1 would change, 1 unchanged, 0 skipped, 0 errors, 3 edits');
  });
});

describe('nounset --explain, --max-size, --quiet', () => {
  const dir = useTempDir('nounset-opts-');

  it('--explain KIND prints that paragraph and its page; --explain alone prints every kind; each page, docs/edits/<kind>.md, starts with it', () => {
    const one = runCli(['--explain', 'default-zero'], dir());
    assert.equal(one.status, 0);
    assert.match(one.stdout, /^default-zero\n {2}`x` → `\$\{x:-0\}` in arithmetic/);
    assert.match(
      one.stdout,
      /\n {2}More: https:\/\/github\.com\/nounset\/nounset\/blob\/main\/docs\/edits\/default-zero\.md\n$/,
    );
    const all = runCli(['--explain'], dir());
    const kinds = [...all.stdout.matchAll(/^([a-z-]+)$/gm)].map((m) => m[1] ?? '');
    assert.deepEqual(kinds, [
      'declare-empty',
      'default-empty',
      'default-list',
      'default-transform',
      'default-value',
      'default-zero',
      'env-init-block',
      'require-nonempty',
    ]);
    const blocks = [...all.stdout.matchAll(/^([a-z-]+)\n {2}(.+)\n {2}More: \S+\/(docs\/edits\/[a-z-]+\.md)$/gm)];
    assert.deepEqual(
      blocks.map((m) => [m[1], m[3]]),
      kinds.map((k) => [k, `docs/edits/${k}.md`]),
    );
    for (const [, kind, paragraph, page] of blocks) {
      const text = readFileSync(join(ROOT, ...(page ?? '').split('/')), 'utf8');
      assert.ok(text.startsWith(`# ${kind ?? ''}\n`), `${page ?? ''} is headed by its kind`);
      assert.ok(text.includes(`\n> ${paragraph ?? ''}\n`), `${page ?? ''} says what --explain says the kind does`);
      assert.match(text, /\n## In detail\n\n\S/, `${page ?? ''} explains the kind in full`);
    }
    const bad = runCli(['--explain', 'nope'], dir());
    assert.equal(bad.status, 2);
    assert.match(bad.log, /no edit kind "nope"/);
  });

  it('--max-size skips a larger file with a one-line reason, leaves it alone and exits 3', () => {
    const big = `#!/bin/bash\necho "$A"\n${'#'.repeat(3000)}\n`;
    writeFileSync(join(dir(), 'big.sh'), big);
    writeFileSync(join(dir(), 'small.sh'), SCRIPT);
    const r = runCli(['--max-size', '2000', '.'], dir());
    assert.equal(r.status, 3);
    assert.equal(r.log, 'big.sh: error: skipped: 3023 bytes, larger than --max-size 2000\n');
    assert.equal(readFileSync(join(dir(), 'big.sh'), 'utf8'), big);
    assert.notEqual(readFileSync(join(dir(), 'small.sh'), 'utf8'), SCRIPT);
    assert.equal(runCli(['--max-size', '0', '.'], dir()).status, 2);
  });

  it('--quiet prints no summary and only error diagnostics', () => {
    writeFileSync(join(dir(), 'a.sh'), '#!/bin/bash\n. ./lib.sh\necho "$A"\n');
    writeFileSync(join(dir(), 'bad.sh'), BAD);
    const r = runCli(['--quiet', '.'], dir());
    assert.equal(r.status, 3);
    assert.equal(r.stdout, '');
    assert.match(r.log, /^bad\.sh:2:1: error: skipped: .*\[parse-error\]\n$/);
  });
});

describe('nounset fix, --color, --jobs', () => {
  const dir = useTempDir('nounset-color-');

  it('`nounset fix PATHS` is the default command by name', () => {
    writeFileSync(join(dir(), 'a.sh'), SCRIPT);
    const named = runCli(['fix', '--dry-run', 'a.sh'], dir());
    const bare = runCli(['--dry-run', 'a.sh'], dir());
    assert.equal(named.status, 0);
    assert.equal(named.stdout, bare.stdout);
    assert.match(named.stdout, /^--- a\/a\.sh$/m);
  });

  it('colours the diff with --color or FORCE_COLOR, never with --no-color or when piped', () => {
    writeFileSync(join(dir(), 'a.sh'), SCRIPT);
    const plain = runCli(['--dry-run', 'a.sh'], dir());
    assert.doesNotMatch(plain.stdout, /\u001b\[/, 'stdout is a pipe here');
    const forced = runCli(['--dry-run', '--color', 'a.sh'], dir());
    assert.match(forced.stdout, /^\u001b\[1m--- a\/a\.sh\u001b\[0m$/m);
    assert.equal(forced.stdout.replace(/\u001b\[[0-9;]*m/g, ''), plain.stdout);
    assert.match(runCli(['--dry-run', 'a.sh'], dir(), { FORCE_COLOR: '1', NO_COLOR: '' }).stdout, /\u001b\[32m\+/);
    assert.doesNotMatch(runCli(['--dry-run', '--no-color', 'a.sh'], dir(), { FORCE_COLOR: '1' }).stdout, /\u001b\[/);
  });

  it('--jobs wants a positive whole number', () => {
    for (const bad of ['0', '-1', '1.5']) assert.equal(runCli(['--dry-run', '--jobs', bad, '.'], dir()).status, 2, bad);
  });
});
