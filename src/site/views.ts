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
import { summaryOfArticle } from './summary.js';
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

/**
 * A site's views, piece by piece: a locale's pages can be made as soon as that locale's
 * articles are rendered (their listings show the locale's bodies' first sentences), which
 * lets a build lay out one locale while the workers render the next.
 */
export class SiteViewBuilder {
  private readonly common: Record<string, unknown>;
  private readonly varsByLocale = new Map<string, Record<string, unknown>>();
  private readonly defaultLocale: LocaleModel | undefined;

  constructor(
    private readonly model: SiteModel,
    private readonly strings: Map<string, UiStrings>,
    private readonly options: ViewOptions = {},
  ) {
    this.common = commonVariables(model);
    this.defaultLocale = model.locales.find((l) => l.locale.id === model.config.defaultLocale) ?? model.locales[0];
  }

  /** The root page (when no locale is served at the root) and the root 404: after the default locale. */
  rootViews(): View[] {
    const { model, defaultLocale } = this;
    const views: View[] = [];
    const rootLang = defaultLocale?.locale.lang ?? 'en';
    const siteTitle = localized(model.config.title, defaultLocale?.locale.id ?? '', 'Help Center');
    // A locale served at the root makes its home the root page; otherwise the root chooses.
    if (!model.locales.some((l) => l.locale.path === '')) {
      const variables = { ...this.common, t: stringsFor(this.strings, rootLang), lang: rootLang, siteTitle, countries: countriesOf(model), page: { title: siteTitle } };
      views.push({ outputPath: 'index.html', url: '/', layout: 'root', variables });
    }
    const rootVars = this.rootVariables();
    views.push({ outputPath: '404.html', url: '/404.html', layout: '404', variables: { ...rootVars, page: { title: (rootVars.t as UiStrings).not_found_title } } });
    return views;
  }

  /** A locale's home, search, 404, category and tag pages: once its articles are rendered. */
  listingViews(localeModel: LocaleModel): View[] {
    const { model } = this;
    const views: View[] = [];
    const base = localeModel.locale.path ? `${localeModel.locale.path}/` : '';
    const vars = this.localeVars(localeModel);
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
    return views;
  }

  /** An article's page (or the redirect page `redirect_to` asks for); none outside the site's locales or without a layout. */
  articleView(article: RenderedPage): View | undefined {
    const localeModel = this.model.locales.find((l) => l.locale.id === article.locale);
    if (!localeModel || article.layout === null) return undefined;
    const redirectTo = redirectList(article.data.redirect_to)[0];
    if (redirectTo) return redirectView(article.outputPath, article.url, redirectTo, this.localeVars(localeModel), article.sourcePath);
    return articleView(this.model, localeModel, article, this.localeVars(localeModel), this.options.imageSize);
  }

  /** Pages `redirect_from` asks for, where no page in `taken` is: after every article. */
  redirectViews(articles: RenderedPage[], taken: Set<string>): View[] {
    const { model } = this;
    const redirectable = articles.filter((a) => a.layout !== null && model.locales.some((l) => l.locale.id === a.locale));
    const variablesFor = (article: RenderedPage) => {
      const localeModel = model.locales.find((l) => l.locale.id === article.locale);
      return localeModel ? this.localeVars(localeModel) : this.rootVariables();
    };
    return redirectFromViews({ model, articles: redirectable, taken, variablesFor, diagnostics: this.options.diagnostics });
  }

  private localeVars(localeModel: LocaleModel): Record<string, unknown> {
    let vars = this.varsByLocale.get(localeModel.locale.id);
    if (!vars) {
      vars = { ...this.common, ...localeVariables(this.model, localeModel, this.strings) };
      this.varsByLocale.set(localeModel.locale.id, vars);
    }
    return vars;
  }

  private rootVariables(): Record<string, unknown> {
    return this.defaultLocale ? this.localeVars(this.defaultLocale) : { ...this.common, ...localeVariables(this.model, undefined, this.strings) };
  }
}

export function siteViews(model: SiteModel, articles: RenderedPage[], strings: Map<string, UiStrings>, options: ViewOptions = {}): View[] {
  const builder = new SiteViewBuilder(model, strings, options);
  const views = [...builder.rootViews(), ...model.locales.flatMap((l) => builder.listingViews(l))];
  for (const article of articles) {
    const view = builder.articleView(article);
    if (view) views.push(view);
  }
  views.push(...builder.redirectViews(articles, new Set(views.map((v) => v.outputPath))));
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
    summary: summaryOfArticle(a),
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
