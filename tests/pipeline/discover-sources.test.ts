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
