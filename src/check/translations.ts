// Translation coverage: which articles each locale lacks compared with the locale that
// has the most, and translations older than their source (`outdated-translation`,
// warning) — by last git commit when both files have one, else by front matter `date`.
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { lineOfKey } from '../pipeline/parse-front-matter.js';
import type { Page } from '../pipeline/types.js';
import { translationKeyOf } from '../site/site-model.js';
import { isArticle } from './front-matter-rules.js';

export interface MissingTranslation {
  /** The article in the reference locale that has no translation here. */
  sourcePath: string;
  title: string;
}

export interface LocaleCoverage {
  locale: string;
  articles: number;
  missing: MissingTranslation[];
}

export interface TranslationCoverage {
  /** The locale with the most articles, which the others are compared with. */
  reference?: string;
  locales: LocaleCoverage[];
  outdated: Diagnostic[];
}

export function translationCoverage(
  pages: Page[],
  config: ResolvedConfig,
  commitTimes?: Map<string, number>,
): TranslationCoverage {
  const articles = pages.filter((page) => isArticle(page) && page.locale !== '');
  const groups = new Map<string, Map<string, Page>>();
  for (const page of articles) {
    const key = translationKeyOf({ ...page, html: '', headings: [], links: [] }, config.locales);
    const group = groups.get(key) ?? new Map<string, Page>();
    if (!group.has(page.locale)) group.set(page.locale, page);
    groups.set(key, group);
  }
  const counts = new Map(config.locales.map((l) => [l.id, 0]));
  for (const group of groups.values()) for (const locale of group.keys()) counts.set(locale, (counts.get(locale) ?? 0) + 1);
  const ranked = [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || Number(b[0] === config.defaultLocale) - Number(a[0] === config.defaultLocale) || a[0].localeCompare(b[0]),
  );
  const reference = ranked[0]?.[0];
  if (reference === undefined) return { locales: [], outdated: [] };

  const locales = ranked
    .filter(([locale]) => locale !== reference)
    .map(([locale, count]): LocaleCoverage => {
      const missing = [...groups.values()]
        .filter((group) => group.has(reference) && !group.has(locale))
        .map((group) => group.get(reference)!)
        .map((page) => ({ sourcePath: page.sourcePath, title: page.title }))
        .sort((a, b) => a.sourcePath.localeCompare(b.sourcePath));
      return { locale, articles: count, missing };
    });
  const source = (counts.get(config.defaultLocale) ?? 0) > 0 ? config.defaultLocale : reference;
  return { reference, locales, outdated: outdatedTranslations(groups, source, commitTimes) };
}

function outdatedTranslations(
  groups: Map<string, Map<string, Page>>,
  sourceLocale: string,
  commitTimes: Map<string, number> | undefined,
): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const group of groups.values()) {
    const original = group.get(sourceLocale);
    if (!original) continue;
    for (const [locale, translation] of group) {
      if (locale === sourceLocale) continue;
      const committed = [commitTimes?.get(original.sourcePath), commitTimes?.get(translation.sourcePath)];
      const byGit = committed[0] !== undefined && committed[1] !== undefined;
      const [originalTime, translationTime] = byGit
        ? committed.map((s) => s! * 1000)
        : [original.date?.getTime(), translation.date?.getTime()];
      if (originalTime === undefined || translationTime === undefined || translationTime >= originalTime) continue;
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      findings.push(
        diagnostic(
          { file: translation.sourcePath, line: byGit ? 1 : lineOfKey(translation.source, 'date', translation.bodyOffset), source: translation.source },
          'warning',
          'outdated-translation',
          `older than its source ${original.sourcePath} (${byGit ? 'last commit' : 'date'} ${day(translationTime)} < ${day(originalTime)})`,
        ),
      );
    }
  }
  return findings;
}
