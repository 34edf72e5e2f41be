import { describe, expect, it } from 'vitest';
import { permalinkOf } from '../../src/pipeline/resolve-permalinks.js';

const page = (sourcePath: string, extra: Partial<Parameters<typeof permalinkOf>[0]> = {}) => ({
  sourcePath,
  kind: 'page' as const,
  data: {},
  categories: [],
  isMarkdown: /\.(md|markdown)$/.test(sourcePath),
  source: '',
  bodyOffset: 0,
  ...extra,
});

describe('permalinkOf (Jekyll 4.3 URL rules)', () => {
  it('drops the extension for a style without trailing slash or :output_ext', () => {
    expect(permalinkOf(page('co/es/conference-server.markdown'), '/:categories/:title')).toEqual({
      url: '/co/es/conference-server',
      outputPath: 'co/es/conference-server.html',
    });
  });
  it('keeps .html with the default date style', () => {
    expect(permalinkOf(page('co/es/a.md'), 'date').url).toBe('/co/es/a.html');
  });
  it('uses folders for pretty', () => {
    expect(permalinkOf(page('co/es/a.md'), 'pretty')).toEqual({ url: '/co/es/a/', outputPath: 'co/es/a/index.html' });
  });
  it('maps index pages to their folder', () => {
    expect(permalinkOf(page('co/es/index.md'), 'date')).toEqual({ url: '/co/es/', outputPath: 'co/es/index.html' });
  });
  it('honours a front matter permalink', () => {
    expect(permalinkOf(page('x.md', { data: { permalink: '/help/start/' } }), 'date')).toEqual({
      url: '/help/start/',
      outputPath: 'help/start/index.html',
    });
  });
  it('builds post URLs from the date and categories', () => {
    const post = page('_posts/2020-01-02-hello-world.md', {
      kind: 'post',
      date: new Date(Date.UTC(2020, 0, 2)),
      categories: ['News'],
    });
    expect(permalinkOf(post, 'date').url).toBe('/news/2020/01/02/hello-world.html');
    expect(permalinkOf(post, 'pretty').url).toBe('/news/2020/01/02/hello-world/');
    expect(permalinkOf(post, '/:categories/:title').url).toBe('/news/hello-world');
  });
  it('fills a post\'s date placeholders with its date in the site\'s zone', () => {
    // 2021-01-03 03:00 UTC is Saturday 2 January, 22:00 in New York (ISO week 53 of 2020).
    const post = page('_posts/2021-01-03-a.md', { kind: 'post', date: new Date(Date.UTC(2021, 0, 3, 3)) });
    const every = '/:year/:short_year/:month/:i_month/:short_month/:long_month/:day/:i_day/:y_day/:w_year/:week/:w_day/:short_day/:long_day/:hour/:minute/:second/:title/';
    expect(permalinkOf(post, every, undefined, undefined, 'America/New_York').url).toBe(
      '/2021/21/01/1/Jan/January/02/2/002/2020/53/6/Sat/Saturday/22/00/00/a/',
    );
    expect(permalinkOf(post, every).url).toBe('/2021/21/01/1/Jan/January/03/3/003/2020/53/7/Sun/Sunday/03/00/00/a/');
    const monday = page('_posts/2024-12-30-w.md', { kind: 'post', date: new Date(Date.UTC(2024, 11, 30, 5)) });
    expect(permalinkOf(monday, 'weekdate', undefined, undefined, 'America/New_York').url).toBe('/2024/W01/Mon/w.html');
  });
  it('percent-encodes non-ASCII in the URL but not in the file name', () => {
    expect(permalinkOf(page('es/configuración.md'), 'date')).toEqual({
      url: '/es/configuraci%C3%B3n.html',
      outputPath: 'es/configuración.html',
    });
  });
  it('never resolves outside the output folder', () => {
    for (const permalink of ['/../../etc/passwd', '/a/%2e%2e/%2e%2e/x', '/a/\\..\\x', '/a\0b']) {
      expect(() => permalinkOf(page('a.md', { data: { permalink } }), 'date'), permalink).toThrow(/would leave the output folder/);
    }
  });
});

describe('permalinkOf for collection documents', () => {
  const doc = (sourcePath: string, data: Record<string, unknown> = {}) => ({
    sourcePath,
    kind: 'document' as const,
    collection: 'guides',
    data,
    categories: [],
    isMarkdown: true,
    source: '',
    bodyOffset: 0,
  });

  it("uses the collection's template with Jekyll's document placeholders", () => {
    expect(permalinkOf(doc('_guides/setup/Install App.md'), 'date').url).toBe('/guides/setup/Install%20App.html');
    expect(permalinkOf(doc('_guides/Install App.md'), 'date', undefined, '/g/:name/').url).toBe('/g/install-app/');
    expect(permalinkOf(doc('_guides/a.md', { slug: 'My Slug' }), 'date', undefined, '/:collection/:title-:slug/').url).toBe('/guides/My-Slug-my-slug/');
    expect(permalinkOf(doc('_guides/a.md'), 'date', undefined, '/:collection/:path/').outputPath).toBe('guides/a/index.html');
  });
});
