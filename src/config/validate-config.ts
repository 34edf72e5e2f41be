// Checks a loaded site.config.ts and names the first wrong key, with the line it is on.
import { ConfigError } from '../diagnostics.js';
import type { FaroConfig } from './define-config.js';

interface ConfigSource {
  file: string;
  source: string;
}

const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const LOCALE_ID = /^[a-z0-9][a-z0-9_-]*$/i;

export function validateFaroConfig(value: unknown, where: ConfigSource): FaroConfig {
  const fail = (key: string, problem: string): never => {
    const line = lineOfKey(where.source, key);
    throw new ConfigError(`${key}: ${problem}`, { file: where.file, line, column: 1, source: where.source });
  };
  if (!isRecord(value)) return fail('default export', 'must be an object (use `export default defineConfig({...})`)');
  const config = value as Record<string, unknown>;

  if (!isText(config.title)) fail('title', 'must be a string or an object of strings per locale');
  for (const key of ['url', 'baseurl', 'source', 'out', 'layouts', 'assets', 'permalink', 'jekyllConfig', 'defaultLocale']) {
    if (config[key] !== undefined && typeof config[key] !== 'string') fail(key, 'must be a string');
  }
  if (typeof config.url === 'string' && config.url !== '' && !/^https?:\/\/[^/\s]+/.test(config.url)) {
    fail('url', 'must be an absolute http(s) URL such as https://help.example.com');
  }

  if (!isRecord(config.locales) || Object.keys(config.locales).length === 0) {
    fail('locales', 'must define at least one locale, e.g. { "co-es": { lang: "es-CO", path: "co/es", label: "Español" } }');
  }
  const locales = config.locales as Record<string, unknown>;
  const paths = new Map<string, string>();
  for (const [id, locale] of Object.entries(locales)) {
    const key = `locales.${id}`;
    if (!LOCALE_ID.test(id)) fail(key, 'locale ids use letters, digits, - and _');
    if (!isRecord(locale)) fail(key, 'must be an object with lang, path and label');
    const l = locale as Record<string, unknown>;
    if (typeof l.lang !== 'string' || !BCP47.test(l.lang)) fail(`${key}.lang`, 'must be a BCP 47 language tag such as es-CO');
    if (typeof l.path !== 'string' || l.path.split('/').some((part) => part === '..')) {
      fail(`${key}.path`, 'must be a URL path inside the site such as co/es');
    }
    if (typeof l.label !== 'string' || l.label === '') fail(`${key}.label`, 'must be a non-empty string');
    if (l.country !== undefined && typeof l.country !== 'string') fail(`${key}.country`, 'must be a string');
    const path = String(l.path).replace(/^\/+|\/+$/g, '');
    if (paths.has(path)) fail(`${key}.path`, `is the same as locales.${paths.get(path)}.path`);
    paths.set(path, id);
  }
  if (typeof config.defaultLocale === 'string' && !(config.defaultLocale in locales)) {
    fail('defaultLocale', `"${config.defaultLocale}" is not one of the locales (${Object.keys(locales).join(', ')})`);
  }

  if (!isRecord(config.categories)) fail('categories', 'must be an object of categories by id');
  for (const [id, category] of Object.entries(config.categories as Record<string, unknown>)) {
    const key = `categories.${id}`;
    if (!isRecord(category)) fail(key, 'must be an object with a title');
    const c = category as Record<string, unknown>;
    if (!isText(c.title)) fail(`${key}.title`, 'must be a string or an object of strings per locale');
    if (c.description !== undefined && !isText(c.description)) {
      fail(`${key}.description`, 'must be a string or an object of strings per locale');
    }
  }
  if (config.site !== undefined && !isRecord(config.site)) fail('site', 'must be an object of Liquid variables');
  if (config.kramdown !== undefined && !isRecord(config.kramdown)) fail('kramdown', 'must be an object of kramdown options');
  if (config.exclude !== undefined && !(Array.isArray(config.exclude) && config.exclude.every((e) => typeof e === 'string'))) {
    fail('exclude', 'must be a list of paths');
  }
  return config as unknown as FaroConfig;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): boolean {
  return typeof value === 'string' || (isRecord(value) && Object.values(value).every((v) => typeof v === 'string'));
}

/** Line of the last segment of a dotted key in the config source (1 when not found). */
function lineOfKey(source: string, dotted: string): number {
  const segments = dotted.split('.');
  let from = 0;
  let line = 1;
  const lines = source.split('\n');
  for (const segment of segments) {
    const pattern = new RegExp(`(^|[\\s{,])['"]?${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*:`);
    const found = lines.findIndex((text, index) => index >= from && pattern.test(text));
    if (found < 0) break;
    from = found;
    line = found + 1;
  }
  return line;
}
