import { describe, expect, it } from 'vitest';
import { alternatesOf, relatedArticles } from '../../src/site/article-view.js';
import { siteViews, type View } from '../../src/site/views.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { model, page, STRINGS } from './fixtures.js';

const byPath = (views: View[], path: string) => views.find((v) => v.outputPath === path);
const pageVars = (view: View | undefined) => view?.variables.page as Record<string, any>;

describe('siteViews', () => {
  const articles = [
    page('us/en/a.md', { title: 'Alpha', tags: ['calls', 'setup'], date: new Date('2020-01-02T00:00:00Z'), headings: [{ depth: 1, id: 't', text: 'T' }, { depth: 2, id: 'one', text: 'One' }, { depth: 3, id: 'sub', text: 'Sub' }, { depth: 4, id: 'deep', text: 'Deep' }] }),
    page('us/en/b.md', { title: 'Beta', tags: ['calls'] }),
    page('us/en/c.md', { title: 'Gamma', tags: ['billing'], categories: ['billing'] }),
    page('co/es/a.md', { title: 'Alfa', tags: ['calls'], date: new Date('2020-01-02T00:00:00Z') }),
  ];
  const site = model(articles);
  const views = siteViews(site, articles, STRINGS);

  it('has a root chooser, per-locale home, search, 404, category and tag pages', () => {
    const paths = views.map((v) => v.outputPath);
    for (const path of ['index.html', '404.html', 'us/en/index.html', 'us/en/search/index.html', 'us/en/404.html', 'us/en/categories/wework/index.html', 'us/en/tags/calls/index.html', 'co/es/index.html', 'co/es/categories/wework/index.html']) {
      expect(paths).toContain(path);
    }
    expect(new Set(paths).size).toBe(paths.length);
    expect(byPath(views, 'index.html')!.layout).toBe('root');
  });

  it('counts category articles with the language’s plural rules', () => {
    const home = byPath(views, 'us/en/index.html')!;
    const categories = home.variables.categories as { id: string; countText: string }[];
    expect(categories.map((c) => [c.id, c.countText])).toEqual([['wework', '2 articles'], ['billing', '1 article']]);
    const es = byPath(views, 'co/es/index.html')!.variables.categories as { countText: string }[];
    expect(es[0]!.countText).toBe('1 artículo');
  });

  it('gives an article breadcrumbs, TOC headings of depth 2–3, date in the locale, previous/next and related', () => {
    const a = pageVars(byPath(views, 'us/en/a.html'));
    expect(a.breadcrumbs.map((b: { title: string }) => b.title)).toEqual(['Help', 'WeWork', 'Alpha']);
    expect(a.breadcrumbList.itemListElement[2]).toEqual({ '@type': 'ListItem', position: 3, name: 'Alpha', item: 'https://help.example.com/us/en/a' });
    expect(a.headings.map((h: { id: string }) => h.id)).toEqual(['one', 'sub']);
    expect(a.dateText).toBe('January 2, 2020');
    expect(a.previous).toBeUndefined();
    expect(a.next).toEqual({ title: 'Beta', href: '/us/en/b' });
    expect(a.related).toEqual([{ title: 'Beta', href: '/us/en/b' }]);
    expect(pageVars(byPath(views, 'co/es/a.html')).dateText).toBe('2 de enero de 2020');
  });

  it('links translations by relative path, with hreflang alternates and x-default', () => {
    const a = pageVars(byPath(views, 'co/es/a.html'));
    expect(a.translations.map((t: { lang: string; href: string }) => [t.lang, t.href])).toEqual([['en-US', '/us/en/a']]);
    expect(a.alternates.map((t: { absolute: string }) => t.absolute)).toEqual(['https://help.example.com/co/es/a', 'https://help.example.com/us/en/a']);
    expect(a.xDefault.absolute).toBe('https://help.example.com/us/en/a');
    expect(pageVars(byPath(views, 'us/en/b.html')).translations).toEqual([]);
  });

  it('adds lazy loading to article images without changing the article', () => {
    const withImage = page('us/en/i.md', { html: '<p><img src="/assets/x.png" alt="x"></p>' });
    const list = siteViews(model([withImage]), [withImage], STRINGS, { imageSize: (path) => (path === '/assets/x.png' ? { width: 10, height: 20 } : undefined) });
    expect(byPath(list, 'us/en/i.html')!.variables.content).toBe('<p><img src="/assets/x.png" alt="x" loading="lazy" decoding="async" width="10" height="20"></p>');
    expect(withImage.html).toBe('<p><img src="/assets/x.png" alt="x"></p>');
  });

  it('skips the root chooser when a locale is served at the root', () => {
    const only = page('a.md', { locale: 'us-en' });
    const list = siteViews(model([only], { locales: [{ id: 'us-en', lang: 'en-US', path: '', label: 'English', country: '' }] }), [only], STRINGS);
    expect(list.filter((v) => v.outputPath === 'index.html').map((v) => v.layout)).toEqual(['home']);
  });
});

describe('redirects', () => {
  it('writes a redirect page for each redirect_from and reports conflicts', () => {
    const a = page('us/en/a.md', { data: { redirect_from: ['/old/', '/older', '/us/en/b'] }, source: '---\ntitle: A\nredirect_from: [x]\n---\n' });
    const b = page('us/en/b.md');
    const diagnostics: Diagnostic[] = [];
    const views = siteViews(model([a, b]), [a, b], STRINGS, { diagnostics });
    const redirects = views.filter((v) => v.layout === 'redirect');
    expect(redirects.map((v) => [v.outputPath, (v.variables.redirect as { to: string }).to])).toEqual([
      ['old/index.html', 'https://help.example.com/us/en/a'],
      ['older.html', 'https://help.example.com/us/en/a'],
    ]);
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([['redirect-conflict', 3]]);
  });

  it('replaces a page with redirect_to by a redirect to that URL', () => {
    const a = page('us/en/a.md', { data: { redirect_to: 'https://elsewhere.example/x' } });
    const view = siteViews(model([a]), [a], STRINGS).find((v) => v.outputPath === 'us/en/a.html')!;
    expect(view.layout).toBe('redirect');
    expect(view.variables.redirect).toEqual({ to: 'https://elsewhere.example/x' });
  });
});

describe('article relations', () => {
  it('orders related articles by shared tags, then title', () => {
    const a = page('us/en/a.md', { tags: ['x', 'y', 'z'] });
    const list = [a, page('us/en/b.md', { title: 'B', tags: ['x'] }), page('us/en/c.md', { title: 'C', tags: ['x', 'y'] }), page('us/en/d.md', { title: 'A', tags: ['z'] }), page('us/en/e.md', { tags: [] })];
    const site = model(list);
    expect(relatedArticles(site.locales[0]!, a).map((r) => r.title)).toEqual(['C', 'A', 'B']);
  });

  it('matches translations by translation_key before path, one per locale', () => {
    const en = page('us/en/setup.md', { translationKey: 'setup' });
    const es = page('co/es/configuracion.md', { translationKey: 'setup' });
    const sameName = page('co/es/setup.md');
    const site = model([en, es, sameName]);
    expect(alternatesOf(site, en).map((a) => a.href)).toEqual(['/co/es/configuracion', '/us/en/setup']);
    expect(alternatesOf(site, sameName)).toHaveLength(1);
  });
});

describe('locale names', () => {
  it('adds the country unless the label says it; root cards drop it when unambiguous', async () => {
    const { localeName } = await import('../../src/site/site-model.js');
    const { countriesOf } = await import('../../src/site/views.js');
    expect(localeName({ label: 'English', country: 'United States' })).toBe('English (United States)');
    expect(localeName({ label: 'English (France)', country: 'France' })).toBe('English (France)');
    expect(localeName({ label: 'Español', country: '' })).toBe('Español');
    const site = model([], {
      locales: [
        { id: 'co-en', lang: 'en-CO', path: 'co/en', label: 'English (Colombia)', country: 'Colombia' },
        { id: 'co-es', lang: 'es-CO', path: 'co/es', label: 'Español (Colombia)', country: 'Colombia' },
        { id: 'fr-a', lang: 'fr-FR', path: 'fr/a', label: 'Français (France)', country: 'France' },
        { id: 'fr-b', lang: 'fr', path: 'fr/b', label: 'Français', country: 'France' },
      ],
    });
    expect(countriesOf(site).map((c) => [c.name, c.locales.map((l) => l.label)])).toEqual([
      ['Colombia', ['English', 'Español']],
      ['France', ['Français', 'Français (France)']],
    ]);
  });
});
