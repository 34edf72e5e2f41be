// `post.content` seen from another article is the rendered body, in Jekyll's render order
// (tests/fixtures/jekyll/liquid-rendered-content has Jekyll's own output); here: which
// articles are content readers, the order, and that the render cache keeps such an article
// exactly as long as what it saw is unchanged.
import { describe, expect, it } from 'vitest';
import { ArticleCache } from '../../src/cache/article-cache.js';
import { RenderCache } from '../../src/cache/render-cache.js';
import type { MemoryFileSystem } from '../../src/fs.js';
import { prepareSite } from '../../src/pipeline/prepare-site.js';
import { contentReaders, jekyllRenderOrder, readsContent } from '../../src/pipeline/rendered-content.js';
import { MemoryFileSystem as MemoryFs } from '../../src/fs.js';
import { renderPagesInParallel } from '../../src/pipeline/render-pages.js';
import type { BuildContext } from '../../src/pipeline/types.js';
import { memoryContext } from '../support/memory-site.js';

const front = (title: string, extra = '') => `---\ntitle: ${title}\nlocale: us-en\n${extra}---\n`;

describe('content readers', () => {
  it('are Liquid texts that read a content property or print whole values', () => {
    expect(readsContent('{{ post.content }}')).toBe(true);
    expect(readsContent('{% for p in site.posts %}{{ p["content"] | strip_html }}{% endfor %}')).toBe(true);
    expect(readsContent('{{ site.posts | map: "content" | join: "" }}')).toBe(true);
    expect(readsContent('{{ site.pages | jsonify }}')).toBe(true);
    expect(readsContent('{{ page.title | inspect }}')).toBe(true);
  });

  it('are not texts that only mention content outside Liquid, or the layout variable', () => {
    expect(readsContent('This article has no .content property to read.')).toBe(false);
    expect(readsContent('{{ content }}')).toBe(false);
    expect(readsContent('{{ post.title }} {{ post.contents }}')).toBe(false);
  });
});

describe('content readers through included files', () => {
  const fs = new MemoryFs({
    '_includes/list.html': '{% for p in site.posts %}{{ p.content }}{% endfor %}',
    '_includes/plain.html': 'Signed',
    'docs/parts/news.md': '{% for p in site.posts %}{{ p.content }}{% endfor %}',
    'docs/parts/outer.md': '{% include_relative parts/news.md %}',
    'docs/parts/titles.md': '{% for p in site.posts %}{{ p.title }}{% endfor %}',
    'docs/parts/self.md': '{% include_relative parts/self.md %}',
  });
  const isReader = contentReaders({ fs, includesDir: '_includes' } as unknown as Parameters<typeof contentReaders>[0]);
  const page = (sourcePath: string, body: string) => ({ sourcePath, body });

  it('follow include and include_relative (from the page folder, nested files too)', () => {
    expect(isReader(page('a.md', '{% include list.html %}'))).toBe(true);
    expect(isReader(page('docs/news.md', '{% include_relative parts/news.md %}'))).toBe(true);
    expect(isReader(page('docs/outer.md', '{%- include_relative parts/outer.md -%}'))).toBe(true);
    // a file named by a variable may be any file
    expect(isReader(page('docs/any.md', '{% include_relative {{ page.part }} %}'))).toBe(true);
  });

  it('are not pages whose included files only read titles, or are missing', () => {
    expect(isReader(page('docs/titles.md', '{% include_relative parts/titles.md %}'))).toBe(false);
    // the same name from another folder is another (missing) file
    expect(isReader(page('news.md', '{% include_relative parts/news.md %}'))).toBe(false);
  });

  it('end at the include depth limit for a file that includes itself (counted as a reader: it may be)', () => {
    expect(isReader(page('docs/self.md', '{% include_relative parts/self.md %}'))).toBe(true);
  });
});

describe("Jekyll's render order", () => {
  it('is posts by date, then the collections in config order, then pages by file name', () => {
    const context = memoryContext({
      '_posts/2024-01-02-later.md': front('Later'),
      '_posts/2024-01-01-earlier.md': front('Earlier'),
      '_notes/n.md': front('Note'),
      '_guides/g.md': front('Guide'),
      'zeta.md': front('Zeta'),
      'docs/alpha.md': front('Alpha'),
      'beta.md': front('Beta'),
    });
    context.config.siteVariables = { ...context.config.siteVariables, collections: { notes: { output: false }, guides: { output: true } } };
    const site = prepareSite(context);
    expect(jekyllRenderOrder(site.config, site.allPages).map((page) => page.title)).toEqual(['Earlier', 'Later', 'Note', 'Guide', 'Alpha', 'Beta', 'Zeta']);
    expect(site.unwritten.map((page) => page.title)).toEqual(['Note']);
  });
});

/** One build of a memory site with a shared render cache store: the bodies and what was rendered. */
async function buildWith(context: BuildContext, store: RenderCache) {
  context.diagnostics.length = 0;
  const site = prepareSite(context);
  const { pages, stats } = await renderPagesInParallel(site.pages, site.settings, context, { cache: new ArticleCache(store, site.settings) });
  const bodies = new Map(pages.map((page) => [page.sourcePath, page.html]));
  return { bodies, stats };
}

describe('the render cache and rendered content', () => {
  const files = {
    '_includes/sign.html': 'Signed {{ include.who }}',
    '_posts/2024-01-01-one.md': `${front('One')}One *first* {% include sign.html who="Ana" %}.\n`,
    '_posts/2024-01-02-two.md': `${front('Two')}Two *second*.\n`,
    'bodies.md': `${front('Bodies')}{% for post in site.posts %}<div>{{ post.content }}</div>\n{% endfor %}`,
    'titles.md': `${front('Titles')}{% for post in site.posts %}{{ post.title }} {% endfor %}\n`,
    'plain.md': `${front('Plain')}Plain.\n`,
  };

  it('gives a listing page the posts as rendered, and keeps it while they are unchanged', async () => {
    const context = memoryContext(files);
    const store = new RenderCache('/nonexistent/faro-cache');
    const first = await buildWith(context, store);
    expect(first.bodies.get('bodies.md')).toContain('<p>One <em>first</em> Signed Ana.</p>');
    expect(first.bodies.get('bodies.md')).toContain('<p>Two <em>second</em>.</p>');
    expect(first.stats).toMatchObject({ articles: 5, fromCache: 0, rendered: 5 });

    const again = await buildWith(context, store);
    expect(again.stats).toMatchObject({ fromCache: 5, rendered: 0 });
    expect(again.bodies).toEqual(first.bodies);
  });

  it('renders a listing page again when a post renders differently, its source unchanged', async () => {
    const context = memoryContext(files);
    const store = new RenderCache('/nonexistent/faro-cache');
    await buildWith(context, store);
    // Only the post's include changes: the post and the page showing its body are stale.
    (context.fs as MemoryFileSystem).write('_includes/sign.html', 'Written by {{ include.who }}');
    const edited = await buildWith(context, store);
    expect(edited.stats).toMatchObject({ fromCache: 3, rendered: 2 });
    expect(edited.bodies.get('bodies.md')).toContain('<p>One <em>first</em> Written by Ana.</p>');
    expect(edited.bodies.get('_posts/2024-01-01-one.md')).toContain('Written by Ana');
  });
});
