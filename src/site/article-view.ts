// One article's page: breadcrumbs (with schema.org JSON-LD), table of contents,
// previous/next in its category, related articles by shared tags, translations.
import type { RenderedPage } from '../pipeline/types.js';
import { formatDate, isoDate } from './format-date.js';
import { lazyImages } from './lazy-images.js';
import type { ImageSizeLookup } from './image-size.js';
import { localeName, translationKeyOf, type LocaleModel, type SiteModel } from './site-model.js';
import { summaryOfArticle } from './summary.js';
import type { View } from './views.js';

export interface LinkItem {
  title: string;
  href: string;
}

export interface Alternate {
  lang: string;
  href: string;
  /** Absolute (with the site's url) for `<link rel="alternate">` and the sitemap. */
  absolute: string;
  label: string;
  country: string;
  /** Label with country, as links to it read. */
  name: string;
  locale: string;
  title: string;
}

const RELATED_LIMIT = 5;

export function articleView(
  model: SiteModel,
  localeModel: LocaleModel,
  article: RenderedPage,
  vars: Record<string, unknown>,
  sizeOf?: ImageSizeLookup,
): View {
  const lang = localeModel.locale.lang;
  const link = (a: RenderedPage | undefined): LinkItem | undefined => (a ? { title: a.title, href: model.href(a.url) } : undefined);
  const primary = localeModel.categories.find((c) => article.categories.includes(c.id));
  const siblings = primary?.articles ?? [];
  const index = siblings.indexOf(article);
  const alternates = alternatesOf(model, article);
  const breadcrumbs: LinkItem[] = [
    { title: String(vars.siteTitle), href: localeModel.href },
    ...(primary ? [{ title: primary.title, href: primary.href }] : []),
    { title: article.title, href: model.href(article.url) },
  ];
  const absolute = (href: string) => `${model.config.url}${href}`;
  return {
    outputPath: article.outputPath,
    url: article.url,
    layout: article.layout ?? 'default',
    sourcePath: article.sourcePath,
    locale: article.locale,
    variables: {
      ...vars,
      // Computed when the layout reads it: a site's views all exist at once, their bodies need not.
      get content() {
        return lazyImages(article.html, { pageUrl: article.url, baseurl: model.config.baseurl, sizeOf });
      },
      page: {
        title: article.title,
        url: article.url,
        href: model.href(article.url),
        canonical: absolute(model.href(article.url)),
        description: summaryOfArticle(article),
        date: isoDate(article.date),
        dateText: formatDate(article.date, lang),
        headings: article.headings.filter((h) => h.depth >= 2 && h.depth <= 3),
        tags: article.tags.map((name) => localeModel.tags.find((t) => t.name === name)).filter(Boolean),
        categories: localeModel.categories.filter((c) => article.categories.includes(c.id)),
        category: primary,
        previous: index > 0 ? link(siblings[index - 1]) : undefined,
        next: index >= 0 ? link(siblings[index + 1]) : undefined,
        related: relatedArticles(localeModel, article).map((a) => link(a)!),
        translations: alternates.filter((a) => a.locale !== article.locale),
        alternates,
        xDefault: alternates.length > 1 ? alternates.find((a) => a.locale === model.config.defaultLocale) : undefined,
        breadcrumbs,
        breadcrumbList: breadcrumbJsonLd(breadcrumbs.map((b) => ({ title: b.title, href: absolute(b.href) }))),
        data: article.data,
      },
    },
  };
}

// Choosing related articles must stay linear in the locale's size: articles are grouped once
// per locale by their exact tag list, and the ranking is computed once per distinct tag list
// over the groups (only the first few of each group, in title order, can make the top).
interface RankedGroups {
  groups: { tags: string[]; members: RenderedPage[] }[];
  rank: Map<RenderedPage, number>;
  top: Map<string, { a: RenderedPage; shared: number }[]>;
}
const rankedGroups = new WeakMap<RenderedPage[], RankedGroups>();

function groupsOf(articles: RenderedPage[]): RankedGroups {
  let ranked = rankedGroups.get(articles);
  if (!ranked) {
    const ordered = [...articles].sort((x, y) => x.title.localeCompare(y.title) || x.url.localeCompare(y.url));
    const byTags = new Map<string, { tags: string[]; members: RenderedPage[] }>();
    for (const a of ordered) {
      const key = JSON.stringify(a.tags);
      const group = byTags.get(key) ?? { tags: a.tags, members: [] };
      group.members.push(a);
      byTags.set(key, group);
    }
    ranked = { groups: [...byTags.values()], rank: new Map(ordered.map((a, i) => [a, i])), top: new Map() };
    rankedGroups.set(articles, ranked);
  }
  return ranked;
}

/** Articles of the locale sharing the most tags with this one (ties by title, then URL). */
export function relatedArticles(localeModel: LocaleModel, article: RenderedPage, limit = RELATED_LIMIT): RenderedPage[] {
  if (article.tags.length === 0 || limit <= 0) return [];
  const { groups, rank, top } = groupsOf(localeModel.articles);
  const key = `${limit}\0${JSON.stringify(article.tags)}`;
  let best = top.get(key);
  if (!best) {
    // The best `limit + 1` (the article itself may be among them), most shared tags first.
    const tags = new Set(article.tags);
    const ranking: { a: RenderedPage; shared: number }[] = [];
    const before = (x: { a: RenderedPage; shared: number }, y: { a: RenderedPage; shared: number }) =>
      x.shared > y.shared || (x.shared === y.shared && rank.get(x.a)! < rank.get(y.a)!);
    for (const group of groups) {
      let shared = 0;
      for (const tag of group.tags) if (tags.has(tag)) shared++;
      if (shared === 0) continue;
      for (const a of group.members.slice(0, limit + 1)) {
        const candidate = { a, shared };
        if (ranking.length > limit && !before(candidate, ranking[limit]!)) break;
        let at = ranking.length;
        while (at > 0 && before(candidate, ranking[at - 1]!)) at--;
        ranking.splice(at, 0, candidate);
        if (ranking.length > limit + 1) ranking.pop();
      }
    }
    best = ranking;
    top.set(key, best);
  }
  return best
    .filter((x) => x.a !== article && x.a.sourcePath !== article.sourcePath)
    .slice(0, limit)
    .map((x) => x.a);
}

/** The article in every built locale, itself included, in locale order. */
export function alternatesOf(model: SiteModel, article: RenderedPage): Alternate[] {
  const built = new Set(model.locales.map((l) => l.locale.id));
  const members = (model.translations.get(translationKeyOf(article, model.config.locales)) ?? []).filter(
    (a) => built.has(a.locale) && a.layout !== null,
  );
  // One page per locale: a second article with the same key in a locale is not a translation.
  const perLocale = new Map<string, RenderedPage>();
  for (const member of members) {
    const current = perLocale.get(member.locale);
    if (!current || member === article) perLocale.set(member.locale, member);
  }
  return [...perLocale.values()]
    .map((a) => {
      const locale = model.config.locales.find((l) => l.id === a.locale)!;
      const href = model.href(a.url);
      return { lang: locale.lang, href, absolute: `${model.config.url}${href}`, label: locale.label, country: locale.country, name: localeName(locale), locale: locale.id, title: a.title };
    })
    .sort((a, b) => a.locale.localeCompare(b.locale));
}

export function breadcrumbJsonLd(items: LinkItem[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.title, item: item.href })),
  };
}
