import { describe, expect, it } from 'vitest';
import { atomFeed, feedFiles, recentArticles } from '../../src/site/feed.js';
import { sitemapFiles } from '../../src/site/sitemap.js';
import { siteViews } from '../../src/site/views.js';
import { model, page, STRINGS } from './fixtures.js';

describe('Atom feed per locale', () => {
  const articles = [
    page('us/en/old.md', { title: 'Old', date: new Date('2019-05-01T00:00:00Z') }),
    page('us/en/new.md', { title: 'New & <shiny>', date: new Date('2021-03-04T10:00:00Z'), html: '<p>Fresh <b>news</b>.</p>' }),
    page('us/en/undated.md', { title: 'Undated' }),
    page('co/es/nuevo.md', { title: 'Nuevo', date: new Date('2020-01-01T00:00:00Z') }),
  ];
  const site = model(articles);

  it('writes <locale path>/feed.xml for each locale', () => {
    expect(feedFiles(site).map((f) => f.path)).toEqual(['us/en/feed.xml', 'co/es/feed.xml']);
  });

  it('lists the newest articles first, undated last, with escaped titles and HTML content', () => {
    expect(recentArticles(site.locales[0]!.articles).map((a) => a.title)).toEqual(['New & <shiny>', 'Old', 'Undated']);
    const xml = atomFeed(site, site.locales[0]!);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">');
    expect(xml).toContain('<updated>2021-03-04T10:00:00.000Z</updated>');
    expect(xml).toContain('<title>New &amp; &lt;shiny&gt;</title>');
    expect(xml).toContain('<id>https://help.example.com/us/en/new</id>');
    expect(xml).toContain('<content type="html" xml:base="https://help.example.com/us/en/new">&lt;p&gt;Fresh &lt;b&gt;news&lt;/b&gt;.&lt;/p&gt;</content>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://help.example.com/us/en/feed.xml"/>');
    expect(xml.indexOf('New &amp;')).toBeLessThan(xml.indexOf('<title>Old'));
    expect(xml).not.toContain('Nuevo');
  });
});

describe('sitemap', () => {
  const articles = [page('us/en/a.md', { date: new Date('2020-02-03T00:00:00Z') }), page('co/es/a.md'), page('us/en/solo.md', { data: { redirect_from: '/gone/' } })];
  const site = model(articles);
  const [sitemap, robots] = sitemapFiles(site, siteViews(site, articles, STRINGS));
  const xml = String(sitemap!.content);

  it('lists translations as hreflang alternates, itself and x-default included', () => {
    const entry = xml.split('<url>').find((u) => u.includes('<loc>https://help.example.com/us/en/a</loc>'))!;
    expect(entry).toContain('<lastmod>2020-02-03</lastmod>');
    expect(entry).toContain('<xhtml:link rel="alternate" hreflang="en-US" href="https://help.example.com/us/en/a"/>');
    expect(entry).toContain('<xhtml:link rel="alternate" hreflang="es-CO" href="https://help.example.com/co/es/a"/>');
    expect(entry).toContain('<xhtml:link rel="alternate" hreflang="x-default" href="https://help.example.com/us/en/a"/>');
    const solo = xml.split('<url>').find((u) => u.includes('/us/en/solo<'))!;
    expect(solo).not.toContain('xhtml:link');
  });

  it('leaves out 404, search and redirect pages; robots.txt points at it', () => {
    expect(xml).not.toMatch(/404|\/search\/|\/gone\//);
    expect(robots!.content).toBe('User-agent: *\nAllow: /\n\nSitemap: https://help.example.com/sitemap.xml\n');
  });
});
