// Per-locale Atom feed of the most recent articles: `<locale path>/feed.xml`.
import { localized } from '../config/resolved-config.js';
import type { OutputFile, RenderedPage } from '../pipeline/types.js';
import type { LocaleModel, SiteModel } from './site-model.js';
import { summaryOfArticle } from './summary.js';

export const FEED_LIMIT = 20;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function feedPath(localeModel: LocaleModel): string {
  return localeModel.locale.path ? `${localeModel.locale.path}/feed.xml` : 'feed.xml';
}

/** Newest first; undated articles last, by title, so the feed is deterministic. */
export function recentArticles(articles: RenderedPage[], limit = FEED_LIMIT): RenderedPage[] {
  return [...articles]
    .filter((a) => a.layout !== null)
    .sort((a, b) => (b.date?.getTime() ?? -Infinity) - (a.date?.getTime() ?? -Infinity) || a.title.localeCompare(b.title) || a.url.localeCompare(b.url))
    .slice(0, limit);
}

export function feedFiles(model: SiteModel): OutputFile[] {
  return model.locales.map((localeModel) => feedFile(model, localeModel));
}

/** One locale's feed (its articles rendered). */
export function feedFile(model: SiteModel, localeModel: LocaleModel): OutputFile {
  return { path: feedPath(localeModel), content: atomFeed(model, localeModel) };
}

export function atomFeed(model: SiteModel, localeModel: LocaleModel): string {
  const absolute = (url: string) => `${model.config.url}${model.href(url)}`;
  const entries = recentArticles(localeModel.articles);
  const newest = entries.map((a) => a.date?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  const title = localized(model.config.title, localeModel.locale.id, 'Help Center');
  const selfUrl = absolute(`/${feedPath(localeModel)}`);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(localeModel.locale.lang)}">`,
    `  <title>${escapeXml(title)}</title>`,
    `  <id>${escapeXml(selfUrl)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="${escapeXml(localeModel.locale.lang)}" href="${escapeXml(absolute(localeModel.href.slice(model.config.baseurl.length)))}"/>`,
    `  <updated>${new Date(newest).toISOString()}</updated>`,
    '  <generator>faro</generator>',
  ];
  for (const article of entries) {
    const url = absolute(article.url);
    const updated = (article.date ?? new Date(0)).toISOString();
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(article.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <id>${escapeXml(url)}</id>`,
      `    <published>${updated}</published>`,
      `    <updated>${updated}</updated>`,
      `    <author><name>${escapeXml(title)}</name></author>`,
      ...article.categories.map((c) => `    <category term="${escapeXml(c)}"/>`),
      `    <summary>${escapeXml(summaryOfArticle(article))}</summary>`,
      `    <content type="html" xml:base="${escapeXml(url)}">${escapeXml(article.html)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
