// `collections_dir`: Jekyll reads posts (and drafts) only below it, and every document's
// relative_path, hence faro render's output path, is from it
// (tests/fixtures/jekyll/collections-dir-posts has Jekyll's own output for the Liquid side).
import { describe, expect, it } from 'vitest';
import { renderBodies } from '../../src/commands/render.js';
import { prepareSite } from '../../src/pipeline/prepare-site.js';
import { memoryContext } from '../support/memory-site.js';

function collectionsSite() {
  const front = (title: string) => `---\ntitle: ${title}\nlocale: us-en\n---\n`;
  const context = memoryContext({
    'content/_posts/2024-01-01-inside.md': `${front('Inside')}In *posts*.\n`,
    'content/news/_posts/2024-02-01-nested.md': `${front('Nested')}Nested.\n`,
    'content/_guides/start.md': `${front('Start')}Start.\n`,
    'contents/_posts/2024-03-01-prefix.md': `${front('Prefix')}Jekyll compares folder names as text.\n`,
    '_posts/2024-04-01-root.md': `${front('Root')}Not read.\n`,
    'blog/_posts/2024-05-01-blog.md': `${front('Blog')}Not read.\n`,
    'index.md': `${front('Index')}Index.\n`,
  });
  context.config.siteVariables = { ...context.config.siteVariables, collections_dir: 'content', collections: { guides: { output: true } } };
  return context;
}

describe('collections_dir', () => {
  it('holds the only posts Jekyll reads, with folders below it (not itself) in their URLs', () => {
    const site = prepareSite(collectionsSite());
    const posts = site.pages.filter((page) => page.kind === 'post');
    expect(posts.map((page) => page.sourcePath).sort()).toEqual([
      'content/_posts/2024-01-01-inside.md',
      'content/news/_posts/2024-02-01-nested.md',
      'contents/_posts/2024-03-01-prefix.md',
    ]);
    const nested = posts.find((page) => page.title === 'Nested')!;
    // the site's permalink style here is faro's `/:categories/:title`
    expect(nested.url).toBe('/news/nested');
    expect(posts.find((page) => page.title === 'Inside')!.url).toBe('/inside');
  });

  it('is left out of the relative paths faro render writes bodies to', () => {
    const { bodies } = renderBodies(collectionsSite());
    expect([...bodies.keys()].sort()).toEqual([
      '_guides/start.html',
      '_posts/2024-01-01-inside.html',
      'contents/_posts/2024-03-01-prefix.html',
      'index.html',
      'news/_posts/2024-02-01-nested.html',
    ]);
    expect(bodies.get('_posts/2024-01-01-inside.html')?.trim()).toBe('<p>In <em>posts</em>.</p>');
  });
});
