// `site.<label>` of a collection the config declares is a site collection like `site.posts`:
// a cached render depends on it only when its Liquid reads it, and is renewed when it changes.
import { describe, expect, it } from 'vitest';
import { ArticleCache } from '../../src/cache/article-cache.js';
import { collectionKeysOf, siteKeysIn } from '../../src/cache/dependencies.js';
import { RenderCache } from '../../src/cache/render-cache.js';
import type { MemoryFileSystem } from '../../src/fs.js';
import { prepareSite } from '../../src/pipeline/prepare-site.js';
import { renderPagesInParallel } from '../../src/pipeline/render-pages.js';
import type { BuildContext } from '../../src/pipeline/types.js';
import { memoryContext } from '../support/memory-site.js';

const front = (title: string) => `---\ntitle: ${title}\nlocale: us-en\n---\n`;

function guidesSite(): BuildContext {
  const context = memoryContext({
    '_guides/setup.md': `${front('Setup')}Set it up.\n`,
    'guides.md': `${front('Guides')}{% for guide in site.guides %}{{ guide.title }} {% endfor %}\n`,
    'plain.md': `${front('Plain')}Plain.\n`,
  });
  context.config.siteVariables = { ...context.config.siteVariables, collections: { guides: { output: true } } };
  return context;
}

async function buildWith(context: BuildContext, store: RenderCache) {
  context.diagnostics.length = 0;
  const site = prepareSite(context);
  const { pages, stats } = await renderPagesInParallel(site.pages, site.settings, context, { cache: new ArticleCache(store, site.settings) });
  return { bodies: new Map(pages.map((page) => [page.sourcePath, page.html])), stats };
}

describe('collection keys from the config', () => {
  it('include the labels of the collections the config declares', () => {
    const { settings } = prepareSite(guidesSite());
    const keys = collectionKeysOf(settings.site);
    expect(keys.has('guides')).toBe(true);
    expect(keys.has('posts')).toBe(true);
    expect(keys.has('title')).toBe(false);
    const found = new Set<string>();
    siteKeysIn('{{ site.guides | size }} {{ site.title }}', found, keys);
    expect([...found]).toEqual(['guides']);
  });

  it('renew exactly the pages that read a collection when one of its documents changes', async () => {
    const context = guidesSite();
    const store = new RenderCache('/nonexistent/faro-cache');
    const first = await buildWith(context, store);
    expect(first.bodies.get('guides.md')).toContain('Setup');
    expect(first.stats).toMatchObject({ articles: 3, rendered: 3 });

    (context.fs as MemoryFileSystem).write('_guides/setup.md', `${front('Installation')}Set it up.\n`);
    const edited = await buildWith(context, store);
    // The guide and the page listing guides; plain.md does not read site.guides.
    expect(edited.stats).toMatchObject({ fromCache: 1, rendered: 2 });
    expect(edited.bodies.get('guides.md')).toContain('Installation');
  });
});
