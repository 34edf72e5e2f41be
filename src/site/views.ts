// Every page of the output as a view: a layout name and the variables it is rendered
// with. Articles use their front matter's layout; listing pages use faro's own.
import { localized } from '../config/resolved-config.js';
import type { RenderedPage } from '../pipeline/types.js';
import { formatDate, isoDate } from './format-date.js';
import { translationKeyOf, type LocaleModel, type SiteModel } from './site-model.js';
import { stringsFor, type UiStrings } from './ui-strings.js';

export interface View {
  /** Relative to the output folder. */
  outputPath: string;
  /** URL without baseurl. */
  url: string;
  layout: string;
  /** The author's file for messages (articles), else the layout. */
  sourcePath?: string;
  locale?: string;
  variables: Record<string, unknown>;
}

export function siteViews(model: SiteModel, articles: RenderedPage[], strings: Map<string, UiStrings>): View[] {
  const views: View[] = [];
  const common = commonVariables(model);
  views.push({
    outputPath: 'index.html',
    url: '/',
    layout: 'root',
    variables: { ...common, t: stringsFor(strings, 'en'), lang: 'en', page: { title: localized(model.config.title, 'en') } },
  });
  views.push({
    outputPath: '404.html',
    url: '/404.html',
    layout: '404',
    variables: { ...common, ...localeVariables(model, model.locales.find((l) => l.locale.id === model.config.defaultLocale) ?? model.locales[0], strings) },
  });
  for (const localeModel of model.locales) {
    const base = localeModel.locale.path ? `${localeModel.locale.path}/` : '';
    const vars = { ...common, ...localeVariables(model, localeModel, strings) };
    const t = vars.t as UiStrings;
    views.push({ outputPath: `${base}index.html`, url: `/${base}`, layout: 'home', locale: localeModel.locale.id, variables: { ...vars, page: { title: vars.siteTitle } } });
    views.push({ outputPath: `${base}search/index.html`, url: `/${base}search/`, layout: 'search', locale: localeModel.locale.id, variables: { ...vars, page: { title: t.search_title } } });
    if (base) views.push({ outputPath: `${base}404.html`, url: `/${base}404.html`, layout: '404', locale: localeModel.locale.id, variables: { ...vars, page: { title: t.not_found_title } } });
    for (const category of localeModel.categories) {
      const url = category.href.slice(model.config.baseurl.length);
      views.push({ outputPath: `${url.slice(1)}index.html`, url, layout: 'category', locale: localeModel.locale.id, variables: { ...vars, category, page: { title: category.title } } });
    }
    for (const tag of localeModel.tags) {
      const url = tag.href.slice(model.config.baseurl.length);
      views.push({ outputPath: `${decodeURIComponent(url.slice(1))}index.html`, url, layout: 'tag', locale: localeModel.locale.id, variables: { ...vars, tag, page: { title: tag.name } } });
    }
  }
  for (const article of articles) {
    const localeModel = model.locales.find((l) => l.locale.id === article.locale);
    if (!localeModel || article.layout === null) continue;
    views.push(articleView(model, localeModel, article, { ...common, ...localeVariables(model, localeModel, strings) }));
  }
  return views;
}

function commonVariables(model: SiteModel): Record<string, unknown> {
  return {
    baseurl: model.config.baseurl,
    siteUrl: model.config.url,
    locales: model.locales.map((l) => ({ ...l.locale, href: l.href, count: l.articles.length })),
  };
}

function localeVariables(model: SiteModel, localeModel: LocaleModel | undefined, strings: Map<string, UiStrings>): Record<string, unknown> {
  const lang = localeModel?.locale.lang ?? 'en';
  const recent = [...(localeModel?.articles ?? [])]
    .sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0) || a.title.localeCompare(b.title))
    .slice(0, 8)
    .map((a) => ({ title: a.title, href: model.href(a.url), dateText: formatDate(a.date, lang) }));
  return {
    lang,
    t: stringsFor(strings, lang),
    locale: localeModel?.locale,
    localeModel,
    recent,
    siteTitle: localized(model.config.title, localeModel?.locale.id ?? '', 'Help Center'),
  };
}

function articleView(model: SiteModel, localeModel: LocaleModel, article: RenderedPage, vars: Record<string, unknown>): View {
  const lang = localeModel.locale.lang;
  const primary = localeModel.categories.find((c) => article.categories.includes(c.id));
  const siblings = primary?.articles ?? [];
  const index = siblings.indexOf(article);
  const link = (a: RenderedPage | undefined) => (a ? { title: a.title, href: model.href(a.url) } : undefined);
  const related = localeModel.articles
    .filter((a) => a !== article)
    .map((a) => ({ a, shared: a.tags.filter((t) => article.tags.includes(t)).length }))
    .filter((x) => x.shared > 0)
    .sort((x, y) => y.shared - x.shared || x.a.title.localeCompare(y.a.title))
    .slice(0, 5)
    .map((x) => link(x.a));
  const translations = (model.translations.get(translationKeyOf(article, model.config.locales)) ?? [])
    .filter((a) => a !== article)
    .map((a) => {
      const other = model.config.locales.find((l) => l.id === a.locale)!;
      return { title: a.title, href: model.href(a.url), lang: other.lang, label: other.label, country: other.country, locale: other.id };
    })
    .sort((a, b) => a.locale.localeCompare(b.locale));
  return {
    outputPath: article.outputPath,
    url: article.url,
    layout: article.layout ?? 'default',
    sourcePath: article.sourcePath,
    locale: article.locale,
    variables: {
      ...vars,
      content: article.html,
      page: {
        title: article.title,
        url: article.url,
        href: model.href(article.url),
        canonical: model.config.url ? `${model.config.url}${model.href(article.url)}` : model.href(article.url),
        date: isoDate(article.date),
        dateText: formatDate(article.date, lang),
        headings: article.headings.filter((h) => h.depth >= 2 && h.depth <= 3),
        tags: article.tags.map((name) => localeModel.tags.find((t) => t.name === name)).filter(Boolean),
        categories: localeModel.categories.filter((c) => article.categories.includes(c.id)),
        category: primary,
        previous: link(siblings[index - 1]),
        next: link(index >= 0 ? siblings[index + 1] : undefined),
        related,
        translations,
        data: article.data,
      },
    },
  };
}
