// Interface strings per language: `layouts/i18n/<language>.json`. Adding a language is
// adding a file; a missing key falls back to English.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../diagnostics.js';

export type UiStrings = Record<string, string>;

export function loadUiStrings(layoutsDir: string): Map<string, UiStrings> {
  const dir = join(layoutsDir, 'i18n');
  const table = new Map<string, UiStrings>();
  if (!existsSync(dir)) return table;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = join(dir, name);
    try {
      table.set(name.slice(0, -5).toLowerCase(), JSON.parse(readFileSync(file, 'utf8')) as UiStrings);
    } catch (error) {
      throw new ConfigError(`invalid strings file: ${(error as Error).message}`, { file }, { cause: error });
    }
  }
  return table;
}

/** Strings for a BCP 47 tag: exact (`es-co`), then language (`es`), then English. */
export function stringsFor(table: Map<string, UiStrings>, lang: string): UiStrings {
  const english = table.get('en') ?? {};
  const exact = table.get(lang.toLowerCase());
  const language = table.get(lang.split('-')[0]!.toLowerCase());
  return { ...english, ...language, ...exact };
}

/** `{n} articles` style interpolation. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/**
 * A count in words, by the language's plural rules: `article_count_one`, then
 * `article_count_other`, then plain `article_count`, each with `{n}`.
 */
export function countText(strings: UiStrings, key: string, n: number, lang: string): string {
  const category = new Intl.PluralRules(lang).select(n);
  const template = strings[`${key}_${category}`] ?? strings[`${key}_other`] ?? strings[key] ?? `{n}`;
  return format(template, { n: new Intl.NumberFormat(lang).format(n) });
}
