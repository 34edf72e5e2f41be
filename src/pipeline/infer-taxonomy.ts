// For a plain Jekyll folder: the site's locales and categories as its articles' front
// matter names them (`locale: [co-es]`, `country: [Colombia]`, `language: [Spanish]`).
import type { ResolvedCategory, ResolvedLocale } from '../config/resolved-config.js';
import type { Page } from './types.js';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

const first = (value: unknown): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
};

export function inferLocales(pages: Page[]): ResolvedLocale[] {
  const byId = new Map<string, Page[]>();
  for (const page of pages) {
    const id = first(page.data.locale);
    if (id) byId.set(id, [...(byId.get(id) ?? []), page]);
  }
  // Locales with more articles choose their folder first; a stray id (a typo such as
  // `colgarlas-es` on one article in co/es/) gets its own path instead of taking over.
  const claimed = new Set<string>();
  return [...byId.entries()]
    .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
    .map(([id, members]) => {
      const lang = languageTag(id, first(members[0]!.data.language), first(members[0]!.data.country));
      const folder = mostCommon(members.map((p) => p.sourcePath.split('/').slice(0, -1).join('/')));
      const path = claimed.has(folder) ? id : folder;
      claimed.add(path);
      const region = lang.split('-')[1];
      const country = first(members[0]!.data.country) ?? (region ? (regionNames.of(region) ?? '') : '');
      return { id, lang, path, label: labelOf(lang), country };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function inferCategories(pages: Page[]): ResolvedCategory[] {
  const ids = [...new Set(pages.flatMap((p) => p.categories))].sort();
  return ids.map((id) => ({ id, title: humanize(id), description: '' }));
}

/**
 * `co-es` + Spanish → `es-CO`; `en-us` → `en-US`. Ids mix country-language and
 * language-country orders, so the front matter's language name decides when present.
 */
export function languageTag(id: string, languageName?: string, countryName?: string): string {
  const tag = guessLanguageTag(id, languageName, countryName);
  // Ids in real sites have typos (`colgarlas-es`): keep only what is a valid tag.
  const [language, region] = tag.split('-') as [string, string | undefined];
  const valid = (candidate: string) => {
    try {
      return Intl.getCanonicalLocales(candidate)[0];
    } catch {
      return undefined;
    }
  };
  if (region && /^[A-Z]{2}$/.test(region) && valid(tag)) return valid(tag)!;
  return valid(language) && /^[a-z]{2,3}$/.test(language) ? language : 'en';
}

function guessLanguageTag(id: string, languageName?: string, countryName?: string): string {
  const parts = id.toLowerCase().split(/[-_]/);
  if (parts.length !== 2) return languageNames.of(parts[0]!) ? parts[0]! : 'en';
  const [a, b] = parts as [string, string];
  const nameOfLanguage = (code: string) => languageNames.of(code)?.toLowerCase();
  const nameOfRegion = (code: string) => regionNames.of(code.toUpperCase())?.toLowerCase();
  const wantLanguage = languageName?.toLowerCase();
  const wantCountry = countryName?.toLowerCase();
  const asCountryLanguage = `${b}-${a.toUpperCase()}`;
  const asLanguageCountry = `${a}-${b.toUpperCase()}`;
  if (wantLanguage) {
    if (nameOfLanguage(b) === wantLanguage) return asCountryLanguage;
    if (nameOfLanguage(a) === wantLanguage) return asLanguageCountry;
  }
  if (wantCountry) {
    if (nameOfRegion(a) === wantCountry) return asCountryLanguage;
    if (nameOfRegion(b) === wantCountry) return asLanguageCountry;
  }
  if (nameOfRegion(a) && nameOfLanguage(b) && !nameOfRegion(b)) return asCountryLanguage;
  return nameOfLanguage(a) ? asLanguageCountry : asCountryLanguage;
}

function labelOf(lang: string): string {
  const own = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return own.charAt(0).toLocaleUpperCase(lang) + own.slice(1);
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
