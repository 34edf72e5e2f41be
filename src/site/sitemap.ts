// sitemap.xml (with hreflang alternates between translations) and robots.txt.
import type { Alternate } from './article-view.js';
import type { View } from './views.js';
import type { SiteModel } from './site-model.js';
import type { OutputFile } from '../pipeline/types.js';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A page's `<url>` element in sitemap.xml; none for pages not listed (404, redirects, search). */
export interface SitemapEntry {
  url: string;
  xml: string;
}

export function sitemapEntry(model: SiteModel, view: View): SitemapEntry | undefined {
  if (view.layout === '404' || view.layout === 'redirect' || view.layout === 'search' || !view.outputPath.endsWith('.html')) return undefined;
  const absolute = (url: string) => `${model.config.url}${model.href(url)}`;
  const page = view.variables.page as { alternates?: Alternate[]; xDefault?: Alternate; date?: string } | undefined;
  // Every version lists all versions, itself included (as search engines ask).
  const versions = (page?.alternates ?? []).length > 1 ? page!.alternates! : [];
  const alternates = [...versions.map((a) => [a.lang, a.absolute]), ...(page?.xDefault ? [['x-default', page.xDefault.absolute]] : [])]
    .map(([lang, href]) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(lang!)}" href="${escapeXml(href!)}"/>`)
    .join('\n');
  const lastmod = page?.date ? `\n    <lastmod>${page.date.slice(0, 10)}</lastmod>` : '';
  return { url: view.url, xml: `  <url>\n    <loc>${escapeXml(absolute(view.url))}</loc>${lastmod}${alternates ? `\n${alternates}` : ''}\n  </url>` };
}

/** sitemap.xml and robots.txt of a site's views. */
export function sitemapFiles(model: SiteModel, views: View[]): OutputFile[] {
  return sitemapFromEntries(model, views.map((view) => sitemapEntry(model, view)));
}

/** sitemap.xml and robots.txt from every view's `sitemapEntry`, in view order. */
export function sitemapFromEntries(model: SiteModel, pages: (SitemapEntry | undefined)[]): OutputFile[] {
  const absolute = (url: string) => `${model.config.url}${model.href(url)}`;
  const entries = pages
    .filter((entry): entry is SitemapEntry => entry !== undefined)
    .sort((a, b) => a.url.localeCompare(b.url))
    .map((entry) => entry.xml);
  const sitemap = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
  const robots = `User-agent: *\nAllow: /\n\nSitemap: ${absolute('/sitemap.xml')}\n`;
  return [
    { path: 'sitemap.xml', content: sitemap },
    { path: 'robots.txt', content: robots },
  ];
}
