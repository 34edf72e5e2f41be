// The shape of `site.config.ts`. `defineConfig` only gives editors the types; checking
// happens in resolve-config.ts so a plain object (or a Jekyll _config.yml) gets the same checks.
import type { KramdownOptions } from '../markdown/options.js';

/** Text per locale id (`{ 'co-es': 'Conferencias', 'us-en': 'Conferencing' }`) or one text for all. */
export type LocalizedText = string | Record<string, string>;

export interface LocaleConfig {
  /** BCP 47 language tag written to `<html lang>`, e.g. `es-CO`. */
  lang: string;
  /** URL path of the locale's pages, e.g. `co/es`. Articles live in `content/<path>/`. */
  path: string;
  /** Name shown in language pickers, in the locale's own language. */
  label: string;
  /** Country name shown on the root page. */
  country?: string;
}

export interface CategoryConfig {
  title: LocalizedText;
  description?: LocalizedText;
}

export interface FaroConfig {
  title: LocalizedText;
  /** Absolute site URL without trailing slash, e.g. `https://help.example.com`. */
  url?: string;
  /** Sub-path the site is served under (Jekyll's `baseurl`), e.g. `/help`. */
  baseurl?: string;
  /** Folder with the articles (a Jekyll source folder). Default `content`. */
  source?: string;
  /** Output folder. Default `_site`. */
  out?: string;
  /** Folder with the nunjucks layouts. Default `layouts` (faro's own when absent). */
  layouts?: string;
  /** Folder copied to `<out>/assets`. Default `assets`. */
  assets?: string;
  /** Locale used for articles that name none. Default: the first of `locales`. */
  defaultLocale?: string;
  /** Published locales by id (`co-es`). */
  locales: Record<string, LocaleConfig>;
  /** Published categories by id (`wework`). */
  categories: Record<string, CategoryConfig>;
  /** Variables for Liquid's `site.*` (e.g. `office_link: { co: '…' }`). */
  site?: Record<string, unknown>;
  /** Jekyll permalink style or template; Jekyll's default is `date`. */
  permalink?: string;
  /** A Jekyll `_config.yml` (relative to this file) merged under `site`. */
  jekyllConfig?: string;
  /** kramdown options, as in Jekyll's `kramdown:` config key. */
  kramdown?: Partial<KramdownOptions>;
  /** Extra paths to leave out of the source, as Jekyll's `exclude`. */
  exclude?: string[];
}

export function defineConfig(config: FaroConfig): FaroConfig {
  return config;
}
