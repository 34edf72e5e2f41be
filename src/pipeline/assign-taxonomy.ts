// Stage 4: each page's locale, categories and tags; unpublished pages and drafts dropped;
// applyFilters gives the --locale/--category subset. For a plain Jekyll folder, the site's locales
// and categories are inferred from front matter here.
import { diagnostic } from '../diagnostics.js';
import type { ResolvedCategory, ResolvedConfig, ResolvedLocale } from '../config/resolved-config.js';
import { lineOfKey } from './parse-front-matter.js';
import { inferCategories, inferLocales } from './infer-taxonomy.js';
import type { BuildContext, Page } from './types.js';

export interface Taxonomy {
  pages: Page[];
  /** The config with locales and categories completed (inferred ones included). */
  config: ResolvedConfig;
}

/**
 * Jekyll's publisher: drafts only with --drafts (`show_drafts`), `published: false` only with
 * `unpublished: true`, and posts dated after the build only with `future: true`.
 */
function isPublished(page: Page, site: Record<string, unknown>, drafts: boolean, now: number): boolean {
  if (page.kind === 'draft' && !drafts && site.show_drafts !== true) return false;
  if (page.data.published === false && !drafts && site.unpublished !== true) return false;
  // (A collection's future documents are still read; Jekyll only leaves them unwritten.)
  const isPost = page.kind === 'post' || page.kind === 'draft';
  if (isPost && site.future !== true && page.date !== undefined && page.date.getTime() > now) return false;
  return true;
}

export function assignTaxonomy(all: Page[], context: BuildContext): Taxonomy {
  const { filters } = context;
  const site = context.config.siteVariables;
  const now = Date.now();
  const published = all.filter((page) => isPublished(page, site, filters.drafts, now));
  const config = context.config.inferTaxonomy ? completeConfig(context.config, published) : context.config;
  const localeIds = new Set(config.locales.map((l) => l.id));
  const categoryIds = new Set(config.categories.map((c) => c.id));

  const pages: Page[] = [];
  for (const page of published) {
    const where = (key: string) => ({
      file: page.sourcePath,
      line: lineOfKey(page.source, key, page.bodyOffset),
      column: 1,
      source: page.source,
    });
    let locale = firstOf(page.data.locale) ?? localeFromPath(page.sourcePath, config.locales);
    if (locale === undefined) {
      locale = config.defaultLocale;
      context.diagnostics.push(
        diagnostic(where('title'), 'warning', 'no-locale', `no locale in front matter; using the default "${locale}"`),
      );
    } else if (!localeIds.has(locale)) {
      context.diagnostics.push(
        diagnostic(where('locale'), 'error', 'unknown-locale', `locale "${locale}" is not configured (known: ${[...localeIds].join(', ')})`),
      );
      continue;
    }
    for (const category of page.categories) {
      if (!categoryIds.has(category)) {
        context.diagnostics.push(
          diagnostic(where(page.data.categories === undefined ? 'category' : 'categories'), 'error', 'unknown-category', `category "${category}" is not configured (known: ${[...categoryIds].join(', ')})`),
        );
      }
    }
    pages.push({ ...page, locale, categories: page.categories.filter((c) => categoryIds.has(c)) });
  }

  return { pages, config };
}

/** The `--locale` / `--category` subset. */
export function applyFilters(pages: Page[], filters: BuildContext['filters']): Page[] {
  return pages.filter(
    (page) =>
      (filters.locales.length === 0 || filters.locales.includes(page.locale)) &&
      (filters.categories.length === 0 || page.categories.some((c) => filters.categories.includes(c))),
  );
}

function firstOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

function localeFromPath(path: string, locales: ResolvedLocale[]): string | undefined {
  const match = locales
    .filter((l) => l.path !== '' && path.startsWith(l.path + '/'))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.id;
}

function completeConfig(config: ResolvedConfig, pages: Page[]): ResolvedConfig {
  const locales = inferLocales(pages);
  const categories: ResolvedCategory[] = inferCategories(pages);
  const counts = new Map<string, number>();
  for (const page of pages) {
    const id = firstOf(page.data.locale);
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const configured = config.defaultLocale && locales.some((l) => l.id === config.defaultLocale);
  const defaultLocale = configured ? config.defaultLocale : (byCount[0]?.[0] ?? 'en');
  if (!locales.some((l) => l.id === defaultLocale)) {
    locales.push({ id: defaultLocale, lang: 'en', path: '', label: 'English', country: '' });
  }
  return { ...config, locales, categories, defaultLocale };
}
