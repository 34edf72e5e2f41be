import type { KramdownOptions } from '../markdown/options.js';
import type { LocalizedText } from './define-config.js';

export interface ResolvedLocale {
  id: string;
  lang: string;
  /** URL path without leading/trailing slash, e.g. `co/es`. */
  path: string;
  label: string;
  country: string;
}

export interface ResolvedCategory {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
}

/** Everything a build needs to know, with every default applied and every path absolute. */
export interface ResolvedConfig {
  /** Folder the config was found in; relative paths in the config are from here. */
  root: string;
  /** The config file used, when there was one (for messages). */
  configFile?: string;
  sourceDir: string;
  outDir: string;
  /** Folder of nunjucks layouts. */
  layoutsDir: string;
  /** Extra folder copied to `<out>/assets`, when it exists. */
  assetsDir?: string;
  title: LocalizedText;
  url: string;
  baseurl: string;
  permalink: string;
  defaultLocale: string;
  locales: ResolvedLocale[];
  categories: ResolvedCategory[];
  /**
   * True when locales and categories come from the articles' front matter rather than
   * from a site.config.ts (building a plain Jekyll folder with `--source`).
   */
  inferTaxonomy: boolean;
  /** Liquid's `site.*` before pages, posts and data are added. */
  siteVariables: Record<string, unknown>;
  kramdown: KramdownOptions;
  exclude: string[];
  include: string[];
  markdownExtensions: string[];
}

export interface BuildFilters {
  locales: string[];
  categories: string[];
  drafts: boolean;
}

export function localized(text: LocalizedText | undefined, locale: string, fallback = ''): string {
  if (text === undefined) return fallback;
  if (typeof text === 'string') return text;
  return text[locale] ?? text[locale.split('-')[1] ?? ''] ?? Object.values(text)[0] ?? fallback;
}
