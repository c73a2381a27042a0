// The docs hold together: every relative link and `#anchor` in README.md and docs/ resolves, and so
// does every help link the review formats give (SARIF rules, rdjson codes, review comments).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTIC_MEANINGS, DOCS_BASE_URL, EDIT_KINDS } from '../../src/report/explain.js';
import { docsPath, docsUrl } from '../../src/review/docs-url.js';
import { ROOT } from '../support/corpus.js';
import { anchorsOf, type DocTree, deadReason, findDeadLinks, githubSlug, linksOf } from '../support/markdown-links.js';

const repository: DocTree = {
  kind(path) {
    const full = join(ROOT, ...path.split('/'));
    if (!existsSync(full)) return null;
    return statSync(full).isDirectory() ? 'dir' : 'file';
  },
  read: (path) => readFileSync(join(ROOT, ...path.split('/')), 'utf8'),
};

/** README.md and every Markdown page under docs/, sorted. */
function docPages(): string[] {
  const pages = ['README.md'];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, ...dir.split('/')), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) pages.push(path);
    }
  };
  walk('docs');
  return pages.sort();
}

/** A repository held in memory: files by path, and the folders they imply. */
function memoryTree(files: Record<string, string>): DocTree {
  const dirs = new Set(
    Object.keys(files).flatMap((f) =>
      f
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  return {
    kind: (path) => (path in files ? 'file' : dirs.has(path) ? 'dir' : null),
    read: (path) => files[path] ?? '',
  };
}

describe('docs: links', () => {
  it('every relative link and #anchor in README.md and docs/**/*.md resolves', () => {
    const pages = docPages();
    assert.ok(
      pages.includes('docs/how-it-works.md') && pages.includes('docs/edits/default-empty.md'),
      pages.join(', '),
    );
    const dead = findDeadLinks(pages, repository).map((d) => `${d.file}:${d.line}: ${d.target}: ${d.reason}`);
    assert.deepEqual(dead, []);
  });

  it('checks links of every kind: to pages, to anchors in other pages, to anchors in the same page', () => {
    const links = docPages().flatMap((page) => linksOf(repository.read(page)).map((l) => l.target));
    assert.ok(links.filter((t) => /^[^#:]+\.md#/.test(t)).length >= 20, 'links to an anchor of another page');
    assert.ok(
      links.some((t) => t.startsWith('#')),
      'a link to an anchor of the same page',
    );
    assert.ok(
      links.some((t) => /^docs\/edits\/[a-z-]+\.md$/.test(t)),
      'README links the edit pages',
    );
  });

  it('fails on a dead link and a dead anchor, and not on what only looks like a link', () => {
    const tree = memoryTree({
      'README.md': [
        '# Title',
        '',
        '## Two words, and `code`',
        'See [the page](docs/a.md), [its section](docs/a.md#sec-one), [its own anchor](docs/a.md#custom),',
        '[here](#two-words-and-code), [the folder](docs/) and [the site](https://example.com/missing.md).',
        'Dead: [a page](docs/missing.md), [an anchor](docs/a.md#nope), [a local one](#nowhere).',
        '`[in code](code.md)`',
        '```md',
        '[in a fence](fence.md)',
        '```',
      ].join('\n'),
      'docs/a.md': '# Sec: one\n\n<a id="custom"></a>Text.\n',
    });
    const dead = findDeadLinks(['README.md', 'docs/a.md'], tree).map((d) => [d.line, d.target, d.reason]);
    assert.deepEqual(dead, [
      [6, '#nowhere', 'README.md has no heading or <a id> "nowhere"'],
      [6, 'docs/a.md#nope', 'docs/a.md has no heading or <a id> "nope"'],
      [6, 'docs/missing.md', 'no file or folder docs/missing.md'],
    ]);
    assert.equal(deadReason('docs/a.md', '../../outside.md', tree), 'points outside the repository');
  });

  it('makes anchors as GitHub does', () => {
    assert.equal(githubSlug('Rewrites: the edit kinds'), 'rewrites-the-edit-kinds');
    assert.equal(githubSlug('What nounset changes, and why'), 'what-nounset-changes-and-why');
    assert.equal(githubSlug('env-init-block'), 'env-init-block');
    assert.deepEqual(
      [...anchorsOf('# A `b` c\n## A b c\n## Über (x)\n```\n# not a heading\n```\n<a id="own"></a>\n')],
      ['a-b-c', 'a-b-c-1', 'über-x', 'own'],
    );
  });

  it('every help link of the review formats names a page and an anchor that exist', () => {
    const codes = [...EDIT_KINDS, ...Object.keys(DIAGNOSTIC_MEANINGS), 'missing-input', 'no-such-code'];
    for (const code of codes) {
      const path = docsPath(code);
      assert.equal(docsUrl(code), `${DOCS_BASE_URL}${path}`);
      assert.equal(deadReason('README.md', path, repository), null, `${code}: ${path}`);
    }
    assert.equal(docsPath('default-zero'), 'docs/edits/default-zero.md');
    assert.equal(docsPath('needs-review'), 'docs/how-it-works.md#needs-review');
  });
});
