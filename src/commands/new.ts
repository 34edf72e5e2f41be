// `faro new "Title" --locale co-es --category wework`: a new article in the locale's folder,
// with the front matter the site's other articles have, never overwriting anything.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UsageError, ContentError } from '../diagnostics.js';
import { listOption, stringOption, type Command } from '../cli/command.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { prepareSite } from '../pipeline/prepare-site.js';
import { permalinkOf } from '../pipeline/resolve-permalinks.js';
import type { BuildContext, Page } from '../pipeline/types.js';
import { createContext, loadSiteConfig } from './site-options.js';

export interface NewArticleRequest {
  title: string;
  locale: string;
  category?: string;
  tags: string[];
  now: Date;
}

export interface NewArticle {
  /** Relative to the source folder. */
  sourcePath: string;
  text: string;
  /** URL with baseurl. */
  url: string;
}

/** Lower-case words joined by hyphens, accents folded ("Configuración" → "configuracion"). */
export function slugOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The new article's path and text; throws UsageError when the locale, category or URL does not fit the site. */
export function planArticle(context: BuildContext, request: NewArticleRequest): NewArticle {
  const { config, allPages } = prepareSite(context);
  const locale = config.locales.find((l) => l.id === request.locale);
  if (!locale) throw new UsageError(`unknown locale "${request.locale}" (known: ${config.locales.map((l) => l.id).join(', ')})`);
  const category = request.category ?? (config.categories.length === 1 ? config.categories[0]!.id : undefined);
  if (category === undefined && config.categories.length > 0) {
    throw new UsageError(`--category is required (one of: ${config.categories.map((c) => c.id).join(', ')})`);
  }
  if (category !== undefined && !config.categories.some((c) => c.id === category)) {
    throw new UsageError(`unknown category "${category}" (known: ${config.categories.map((c) => c.id).join(', ')})`);
  }
  const slug = slugOf(request.title);
  if (slug === '') throw new UsageError(`cannot make a file name from the title "${request.title}"`);

  const siblings = allPages.filter((page) => page.locale === locale.id);
  const extension = mostCommon(siblings.filter((p) => p.isMarkdown).map((p) => p.sourcePath.slice(p.sourcePath.lastIndexOf('.')))) ?? '.md';
  const sourcePath = locale.path ? `${locale.path}/${slug}${extension}` : `${slug}${extension}`;
  const fields: [string, string][] = [
    ['layout', 'post'],
    ['title', yamlScalar(request.title.trim())],
    ['date', frontMatterDate(request.now)],
    ...listField('country', mostCommonValue(siblings, 'country') ?? (locale.country ? [locale.country] : [])),
    ...listField('language', mostCommonValue(siblings, 'language') ?? [languageName(locale.lang)]),
    ['locale', yamlList([locale.id])],
    ...(category === undefined ? [] : ([['category', yamlList([category])]] as [string, string][])),
    ['tags', yamlList(request.tags)],
  ];
  const text = `---\n${fields.map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n\n`;
  const { url } = permalinkOf(
    { sourcePath, kind: 'page', data: {}, date: request.now, categories: category ? [category] : [], isMarkdown: true, source: text, bodyOffset: fields.length + 2 },
    config.permalink,
    config.markdownExtensions,
  );
  if (context.fs.isFile(sourcePath)) throw new ContentError(`${sourcePath} already exists; nothing was written`, { file: sourcePath });
  const taken = allPages.find((page) => page.url === url);
  if (taken) throw new ContentError(`${url} is already the URL of ${taken.sourcePath}; choose another title`, { file: taken.sourcePath });
  return { sourcePath, text, url: `${config.baseurl}${url}` };
}

/** Writes the article; refuses (throws) when the file appeared meanwhile. */
export function writeArticle(config: ResolvedConfig, article: NewArticle): string {
  const target = join(config.sourceDir, article.sourcePath);
  try {
    writeFileSync(target, article.text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ContentError(`${article.sourcePath} already exists; nothing was written`, { file: article.sourcePath });
    if (code === 'ENOENT') {
      throw new ContentError(`the locale's folder ${relative(config.root, join(config.sourceDir, article.sourcePath, '..'))} does not exist`, { file: article.sourcePath });
    }
    throw error;
  }
  return target;
}

export const newCommand: Command = {
  name: 'new',
  summary: 'Create an article with its front matter in the locale’s folder (never overwrites).',
  usage: 'faro new "Title" --locale ID [--category ID] [--tags a,b] [--config FILE] [--source DIR]',
  help: [
    '  --locale ID              the article’s locale (e.g. co-es); its folder receives the file',
    '  --category ID            its category (required when the site has more than one)',
    '  --tags a,b               tags, comma-separated or repeated',
    '  --config FILE            site config (default: ./site.config.ts)',
    '  --source DIR             source folder; a plain Jekyll folder (with _config.yml) works too',
  ].join('\n'),
  options: {
    locale: { type: 'string' },
    category: { type: 'string' },
    tags: { type: 'string', multiple: true },
    config: { type: 'string' },
    source: { type: 'string' },
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    const title = positionals.join(' ').trim();
    if (title === '') throw new UsageError('the title is required: faro new "Title" --locale ID');
    const locale = stringOption(values, 'locale');
    if (!locale) throw new UsageError('--locale ID is required');
    const config = await loadSiteConfig(values, io);
    const article = planArticle(createContext(config), {
      title,
      locale,
      category: stringOption(values, 'category'),
      tags: listOption(values, 'tags'),
      now: new Date(),
    });
    const written = writeArticle(config, article);
    io.stdout(`created ${relative(io.cwd, written) || written}\nurl     ${article.url}${config.url ? `  (${config.url}${article.url})` : ''}\n`);
    return 0;
  },
};

function frontMatterDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +00:00`;
}

/** How the locale's other articles write a field (`country: [Colombia]`), as a list. */
function mostCommonValue(pages: Page[], key: string): string[] | undefined {
  const values = pages
    .map((page) => page.data[key])
    .filter((v) => v !== undefined && v !== null)
    .map((v) => (Array.isArray(v) ? v.map(String) : [String(v)]));
  const chosen = mostCommon(values.map((v) => JSON.stringify(v)));
  return chosen === undefined ? undefined : (JSON.parse(chosen) as string[]);
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

function languageName(lang: string): string {
  const language = lang.split('-')[0] ?? lang;
  return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }).of(language) ?? language;
}

const yamlList = (items: string[]): string => `[${items.map(yamlScalar).join(', ')}]`;
/** A front matter line for a list, none when the list is empty. */
const listField = (key: string, items: string[]): [string, string][] => (items.length ? [[key, yamlList(items)]] : []);

/** Plain when YAML reads it back as the same string, else double-quoted. */
function yamlScalar(text: string): string {
  const plain =
    /^[\p{L}\p{N}][\p{L}\p{N} _.\-/()¿¡!?'’]*$/u.test(text) &&
    !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(text) &&
    !/^[-+]?(\d[\d_]*)?(\.\d+)?([eE][-+]?\d+)?$/.test(text) &&
    !/^\d{4}-\d{2}-\d{2}/.test(text) &&
    !/\s$/.test(text);
  return plain ? text : JSON.stringify(text);
}
