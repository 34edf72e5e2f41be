import { describe, expect, it } from 'vitest';
import { discoverSources, matchesAny } from '../../src/pipeline/discover-sources.js';
import { memoryContext } from '../support/memory-site.js';

describe('discoverSources (Jekyll reader rules)', () => {
  const context = memoryContext({
    'co/es/a.markdown': '---\ntitle: A\n---\nbody',
    'co/es/b.md': '---\n---\nbody',
    'notes.md': 'no front matter: copied as is',
    'assets/x.png': 'png',
    '_includes/note.html': '<p>x</p>',
    '_posts/2020-01-02-hello.md': '---\ntitle: Hi\n---\nhi',
    '_posts/not-a-post.md': '---\n---\nx',
    '_drafts/idea.md': '---\n---\nx',
    '.hidden/a.md': '---\n---\nx',
    'node_modules/p/readme.md': '---\n---\nx',
    'vendor/bundle/x.md': '---\n---\nx',
    'backup.md~': '---\n---\nx',
  });
  const { pages, staticFiles } = discoverSources(context);
  const byPath = Object.fromEntries(pages.map((p) => [p.sourcePath, p.kind]));

  it('makes pages of files with front matter', () => {
    expect(byPath['co/es/a.markdown']).toBe('page');
    expect(byPath['co/es/b.md']).toBe('page');
  });
  it('reads dated files in _posts as posts, drafts from _drafts', () => {
    expect(byPath['_posts/2020-01-02-hello.md']).toBe('post');
    expect(byPath['_posts/not-a-post.md']).toBeUndefined();
    expect(byPath['_drafts/idea.md']).toBe('draft');
  });
  it('skips underscore, dot, excluded and backup files', () => {
    expect(Object.keys(byPath).sort()).toEqual(
      ['_drafts/idea.md', '_posts/2020-01-02-hello.md', 'co/es/a.markdown', 'co/es/b.md'].sort(),
    );
  });
  it('copies files without front matter, Markdown included', () => {
    expect(staticFiles.map((f) => f.sourcePath).sort()).toEqual(['assets/x.png', 'notes.md']);
  });
  it('matches exclude patterns as Jekyll does', () => {
    expect(matchesAny('docs/a.md', ['docs'])).toBe(true);
    expect(matchesAny('docs/a.md', ['docs/'])).toBe(true);
    expect(matchesAny('docsx/a.md', ['docs'])).toBe(false);
    expect(matchesAny('a/b.tmp', ['**/*.tmp'])).toBe(true);
    expect(matchesAny('README.md', ['*.md'])).toBe(true);
  });
});

describe('discoverSources with collections', () => {
  const files = {
    '_guides/a.md': '---\ntitle: A\n---\nbody',
    '_guides/deep/b.md': '---\n---\nbody',
    '_guides/_partial.md': '---\n---\nx',
    '_guides/plain.md': 'no front matter',
    '_undeclared/c.md': '---\n---\nx',
    'docs/_guides/d.md': '---\n---\nx',
    'coll/_notes/n.md': '---\n---\nx',
  };
  const read = (collections: unknown, collectionsDir = '') => {
    const context = memoryContext(files);
    context.config.siteVariables = { ...context.config.siteVariables, collections, collections_dir: collectionsDir };
    return discoverSources(context).pages.map((p) => [p.sourcePath, p.kind, p.collection ?? '', p.relativePath ?? '']);
  };

  it("reads a declared collection's files with front matter as its documents", () => {
    expect(read({ guides: { output: true } }).sort()).toEqual([
      ['_guides/a.md', 'document', 'guides', '_guides/a.md'],
      ['_guides/deep/b.md', 'document', 'guides', '_guides/deep/b.md'],
    ]);
    expect(read(['guides']).length).toBe(2);
  });
  it("copies a written collection's files without front matter where its template puts them", () => {
    const context = memoryContext({ ...files, '_guides/img/x.png': 'png' });
    context.config.siteVariables = { ...context.config.siteVariables, collections: { guides: { output: true, permalink: '/guides/:name/' } } };
    const copied = discoverSources(context).staticFiles.map((f) => [f.sourcePath, f.outputPath]);
    expect(copied).toEqual(expect.arrayContaining([['_guides/img/x.png', 'guides/x.png'], ['_guides/plain.md', 'guides/plain.md']]));
    context.config.siteVariables = { ...context.config.siteVariables, collections: { guides: {} } };
    expect(discoverSources(context).staticFiles.map((f) => f.sourcePath)).not.toContain('_guides/img/x.png');
  });
  it('finds collections under collections_dir, with paths relative to it', () => {
    expect(read({ notes: {} }, 'coll')).toEqual([['coll/_notes/n.md', 'document', 'notes', '_notes/n.md']]);
  });
});
