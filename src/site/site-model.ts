// The help center's navigation, derived from the rendered articles: per locale its
// categories and tags, translations of each article, previous/next and related articles.
import { localized, type ResolvedConfig, type ResolvedLocale } from '../config/resolved-config.js';
import type { RenderedPage } from '../pipeline/types.js';

export interface ArticleLink {
  title: string;
  /** URL with baseurl. */
  href: string;
  date?: Date;
  locale: string;
}

export interface CategoryModel {
  id: string;
  title: string;
  description: string;
  href: string;
  articles: RenderedPage[];
}

export interface TagModel {
  name: string;
  href: string;
  articles: RenderedPage[];
}

export interface LocaleModel {
  locale: ResolvedLocale;
  href: string;
  articles: RenderedPage[];
  categories: CategoryModel[];
  tags: TagModel[];
  searchHref: string;
}

export interface SiteModel {
  config: ResolvedConfig;
  locales: LocaleModel[];
  /** Articles sharing a translation key, by key. */
  translations: Map<string, RenderedPage[]>;
  href: (url: string) => string;
}

export function buildSiteModel(config: ResolvedConfig, articles: RenderedPage[], onlyLocales: string[] = []): SiteModel {
  const href = (url: string) => `${config.baseurl}${url}`;
  const byTitle = (a: RenderedPage, b: RenderedPage) =>
    a.title.localeCompare(b.title) || a.sourcePath.localeCompare(b.sourcePath);
  const locales = config.locales
    .filter((locale) => onlyLocales.length === 0 || onlyLocales.includes(locale.id))
    .map((locale): LocaleModel => {
      const base = locale.path ? `/${locale.path}` : '';
      const own = articles.filter((a) => a.locale === locale.id).sort(byTitle);
      const categories = config.categories
        .map((category) => ({
          id: category.id,
          title: localized(category.title, locale.id, category.id),
          description: localized(category.description, locale.id),
          href: href(`${base}/categories/${encodeSegment(category.id)}/`),
          articles: own.filter((a) => a.categories.includes(category.id)),
        }))
        .filter((c) => c.articles.length > 0);
      const tagNames = [...new Set(own.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b));
      const tags = tagNames.map((name) => ({
        name,
        href: href(`${base}/tags/${encodeSegment(name)}/`),
        articles: own.filter((a) => a.tags.includes(name)),
      }));
      return { locale, href: href(`${base}/`), articles: own, categories, tags, searchHref: href(`${base}/search/`) };
    });
  const translations = new Map<string, RenderedPage[]>();
  for (const article of articles) {
    const key = translationKeyOf(article, config.locales);
    translations.set(key, [...(translations.get(key) ?? []), article]);
  }
  return { config, locales, translations, href };
}

/**
 * Articles are translations of each other when they share `translation_key`, or else the
 * same path below their locale's folder (`co/es/a.md` and `us/en/a.md`).
 */
export function translationKeyOf(article: RenderedPage, locales: ResolvedLocale[]): string {
  if (article.translationKey) return `key:${article.translationKey}`;
  const locale = locales.find((l) => l.id === article.locale);
  const prefix = locale?.path ? `${locale.path}/` : '';
  const relative = prefix && article.sourcePath.startsWith(prefix) ? article.sourcePath.slice(prefix.length) : article.sourcePath.split('/').pop()!;
  return `path:${relative.replace(/\.[^./]+$/, '')}`;
}

export function encodeSegment(text: string): string {
  return encodeURIComponent(text.toLowerCase().replace(/\s+/g, '-'));
}

/** A locale as readers name it: its label, with its country unless the label says it. */
export function localeName(locale: { label: string; country: string }): string {
  if (!locale.country || locale.label.includes(locale.country)) return locale.label;
  return `${locale.label} (${locale.country})`;
}
