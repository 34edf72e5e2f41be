// Every page of the output as a view: a layout name and the variables it is rendered
// with. Articles use their front matter's layout; listing pages use faro's own.
import { localized } from '../config/resolved-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { RenderedPage } from '../pipeline/types.js';
import { articleView } from './article-view.js';
import { formatDate } from './format-date.js';
import type { ImageSizeLookup } from './image-size.js';
import { redirectFromViews, redirectList, redirectView } from './redirects.js';
import { localeName, type LocaleModel, type SiteModel } from './site-model.js';
import { summaryOf } from './summary.js';
import { countText, format, stringsFor, type UiStrings } from './ui-strings.js';

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

export interface ViewOptions {
  /** Image sizes, so article images declare `width`/`height`. */
  imageSize?: ImageSizeLookup;
  /** Where redirect conflicts are reported. */
  diagnostics?: Diagnostic[];
}

const RECENT_LIMIT = 8;

export function siteViews(model: SiteModel, articles: RenderedPage[], strings: Map<string, UiStrings>, options: ViewOptions = {}): View[] {
  const views: View[] = [];
  const common = commonVariables(model);
  const defaultLocale = model.locales.find((l) => l.locale.id === model.config.defaultLocale) ?? model.locales[0];
  const rootLang = defaultLocale?.locale.lang ?? 'en';
  // A locale served at the root makes its home the root page; otherwise the root chooses.
  const localeAtRoot = model.locales.some((l) => l.locale.path === '');
  if (!localeAtRoot) views.push({
    outputPath: 'index.html',
    url: '/',
    layout: 'root',
    variables: {
      ...common,
      t: stringsFor(strings, rootLang),
      lang: rootLang,
      siteTitle: localized(model.config.title, defaultLocale?.locale.id ?? '', 'Help Center'),
      countries: countriesOf(model),
      page: { title: localized(model.config.title, defaultLocale?.locale.id ?? '', 'Help Center') },
    },
  });
  const rootVars = { ...common, ...localeVariables(model, defaultLocale, strings) };
  views.push({ outputPath: '404.html', url: '/404.html', layout: '404', variables: { ...rootVars, page: { title: (rootVars.t as UiStrings).not_found_title } } });

  const varsByLocale = new Map<string, Record<string, unknown>>();
  for (const localeModel of model.locales) {
    const base = localeModel.locale.path ? `${localeModel.locale.path}/` : '';
    const vars = { ...common, ...localeVariables(model, localeModel, strings) };
    varsByLocale.set(localeModel.locale.id, vars);
    const t = vars.t as UiStrings;
    const lang = localeModel.locale.lang;
    const at = (url: string, layout: string, variables: Record<string, unknown>, outputPath = `${decodeURIComponent(url.slice(1))}index.html`): View => ({
      outputPath,
      url,
      layout,
      locale: localeModel.locale.id,
      variables: { ...vars, ...variables },
    });
    views.push(at(`/${base}`, 'home', { page: { title: vars.siteTitle } }));
    views.push(at(`/${base}search/`, 'search', { page: { title: t.search_title } }));
    if (base) views.push(at(`/${base}404.html`, '404', { page: { title: t.not_found_title } }, `${base}404.html`));
    for (const category of localeModel.categories) {
      const url = category.href.slice(model.config.baseurl.length);
      views.push(at(url, 'category', { category: { ...category, countText: countText(t, 'article_count', category.articles.length, lang) }, items: listItems(model, category.articles, lang), page: { title: category.title, description: category.description } }));
    }
    for (const tag of localeModel.tags) {
      const url = tag.href.slice(model.config.baseurl.length);
      views.push(at(url, 'tag', { tag, heading: format(t.tagged ?? '{tag}', { tag: tag.name }), items: listItems(model, tag.articles, lang), page: { title: tag.name } }));
    }
  }

  const articleVars = (article: RenderedPage) => varsByLocale.get(article.locale) ?? rootVars;
  for (const article of articles) {
    const localeModel = model.locales.find((l) => l.locale.id === article.locale);
    if (!localeModel || article.layout === null) continue;
    const redirectTo = redirectList(article.data.redirect_to)[0];
    if (redirectTo) {
      views.push(redirectView(article.outputPath, article.url, redirectTo, articleVars(article), article.sourcePath));
      continue;
    }
    views.push(articleView(model, localeModel, article, articleVars(article), options.imageSize));
  }
  const taken = new Set(views.map((v) => v.outputPath));
  const redirectable = articles.filter((a) => a.layout !== null && model.locales.some((l) => l.locale.id === a.locale));
  views.push(...redirectFromViews({ model, articles: redirectable, taken, variablesFor: articleVars, diagnostics: options.diagnostics }));
  return views;
}

function commonVariables(model: SiteModel): Record<string, unknown> {
  return {
    baseurl: model.config.baseurl,
    siteUrl: model.config.url,
    rootHref: model.href('/'),
    locales: model.locales.map((l) => ({ ...l.locale, name: localeName(l.locale), href: l.href, count: l.articles.length })),
  };
}

function localeVariables(model: SiteModel, localeModel: LocaleModel | undefined, strings: Map<string, UiStrings>): Record<string, unknown> {
  const lang = localeModel?.locale.lang ?? 'en';
  const t = stringsFor(strings, lang);
  const recent = [...(localeModel?.articles ?? [])]
    .sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0) || a.title.localeCompare(b.title))
    .slice(0, RECENT_LIMIT);
  const base = localeModel?.locale.path ? `/${localeModel.locale.path}` : '';
  return {
    lang,
    t,
    locale: localeModel?.locale,
    localeModel,
    categories: localeModel?.categories.map((c) => ({ ...c, countText: countText(t, 'article_count', c.articles.length, lang) })) ?? [],
    recent: listItems(model, recent, lang),
    feedHref: localeModel ? model.href(`${base}/feed.xml`) : undefined,
    siteTitle: localized(model.config.title, localeModel?.locale.id ?? '', 'Help Center'),
  };
}

/** What listings show of an article: title, link, date, first sentence. */
function listItems(model: SiteModel, articles: RenderedPage[], lang: string) {
  return articles.map((a) => ({
    title: a.title,
    href: model.href(a.url),
    date: a.date?.toISOString(),
    dateText: formatDate(a.date, lang),
    summary: summaryOf(a.html),
  }));
}

/**
 * The root page's choices: countries (by name), each with its languages. Within a
 * country card the country is dropped from a label (`English (Colombia)` → `English`)
 * unless two languages would then read the same.
 */
export function countriesOf(model: SiteModel): { name: string; locales: { label: string; href: string; lang: string; id: string }[] }[] {
  const byCountry = new Map<string, { label: string; href: string; lang: string; id: string }[]>();
  for (const l of model.locales) {
    const list = byCountry.get(l.locale.country) ?? [];
    list.push({ label: l.locale.label, href: l.href, lang: l.locale.lang, id: l.locale.id });
    byCountry.set(l.locale.country, list);
  }
  return [...byCountry.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([name, locales]) => {
      const short = (label: string) => (name ? label.replace(` (${name})`, '') : label);
      const shorts = locales.map((l) => short(l.label));
      const unique = new Set(shorts).size === shorts.length;
      return {
        name,
        locales: locales.map((l) => ({ ...l, label: unique ? short(l.label) : l.label })).sort((a, b) => a.label.localeCompare(b.label)),
      };
    });
}
