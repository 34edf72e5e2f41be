// The dev server's search index after an edit: only the languages whose pages changed are
// indexed again (from the pages in memory) and swapped into the served bundle; the other
// languages' parts stay as they are. A bundle that is not in per-language form (or missing)
// is rebuilt whole.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { indexPages } from '../cache/search-indexer.js';
import { adoptLanguageOutput, BUNDLE, readEntry, removeLanguageFiles, searchLanguageOf, writeEntry, type LanguagePart } from '../cache/search-bundle.js';

export interface DevSearchUpdate {
  /** Languages indexed again. */
  languages: string[];
}

/**
 * Re-indexes the languages of `changed` pages. `pages` is every HTML page of the output
 * (path → text) as now served.
 */
export async function refreshSearchLanguages(outDir: string, pages: Map<string, string>, changed: Iterable<string>): Promise<DevSearchUpdate> {
  const bundle = join(outDir, BUNDLE);
  const entry = readEntry(bundle);
  if (!entry) throw new Error(`no search bundle in ${bundle}`);
  const byLanguage = new Map<string, [string, string][]>();
  for (const [path, html] of pages) {
    const lang = searchLanguageOf(html);
    if (lang === undefined) continue;
    byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), [path, html]]);
  }
  const stale = new Set<string>();
  for (const path of changed) {
    const html = pages.get(path);
    const lang = html === undefined ? undefined : searchLanguageOf(html);
    if (lang !== undefined) stale.add(lang);
  }
  // Languages gone from the site, or new to it, change the entry too.
  for (const lang of Object.keys(entry.languages)) if (!byLanguage.has(lang)) stale.add(lang);
  for (const lang of byLanguage.keys()) if (!(lang in entry.languages)) stale.add(lang);

  const work = join(outDir, '.faro-search');
  const parts: LanguagePart[] = Object.entries(entry.languages)
    .filter(([lang]) => !stale.has(lang))
    .map(([lang, language]) => ({ key: '', languages: { [lang]: language }, files: [] }));
  try {
    for (const lang of [...stale].sort()) {
      const before = entry.languages[lang];
      if (before) removeLanguageFiles(bundle, { [lang]: before });
      const own = byLanguage.get(lang);
      if (!own) continue;
      const output = join(work, lang);
      await indexPages(outDir, own.map(([path, html]): [string, () => string] => [path, () => html]), output);
      const adopted = adoptLanguageOutput(output, bundle, false);
      parts.push({ key: '', languages: adopted.languages, files: adopted.files });
    }
    const { languages: _languages, ...common } = entry;
    void _languages;
    writeEntry(bundle, common, parts);
    return { languages: [...stale].sort() };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
