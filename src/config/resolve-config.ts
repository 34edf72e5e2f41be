// Finds and loads the configuration for a build: a faro `site.config.ts`, or, for a plain
// Jekyll folder given with `--source`, its `_config.yml` (locales and categories then come
// from the articles' front matter).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../diagnostics.js';
import { resolveKramdownOptions } from '../markdown/options.js';
import type { ResolvedConfig } from './resolved-config.js';
import { readJekyllConfig, JEKYLL_SITE_DEFAULTS, JEKYLL_DEFAULT_EXCLUDES } from './jekyll-config.js';
import { validateFaroConfig } from './validate-config.js';

export const CONFIG_FILE_NAME = 'site.config.ts';

/** faro's own layouts, shipped in the package (dist/config → ../../layouts). */
export const DEFAULT_LAYOUTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../layouts');

export interface ConfigRequest {
  cwd: string;
  configFile?: string;
  sourceDir?: string;
  outDir?: string;
}

export async function resolveConfig(request: ConfigRequest): Promise<ResolvedConfig> {
  const configFile = findConfigFile(request);
  const resolved = configFile
    ? await fromFaroConfig(configFile, request)
    : fromJekyllFolder(resolve(request.cwd, request.sourceDir ?? '.'), request);
  return resolved;
}

function findConfigFile(request: ConfigRequest): string | undefined {
  if (request.configFile) {
    const file = resolve(request.cwd, request.configFile);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${file}`, { file: request.configFile });
    return file;
  }
  const folder = resolve(request.cwd, request.sourceDir ?? '.');
  if (existsSync(join(folder, CONFIG_FILE_NAME))) return join(folder, CONFIG_FILE_NAME);
  if (request.sourceDir === undefined) {
    throw new ConfigError(`no ${CONFIG_FILE_NAME} here; use --config FILE, or --source DIR for a Jekyll folder`, {
      file: CONFIG_FILE_NAME,
    });
  }
  return undefined;
}

async function loadModule(file: string): Promise<unknown> {
  // Loaded only for a TypeScript config: a Jekyll folder's _config.yml never needs it.
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false });
  try {
    return await jiti.import(file, { default: true });
  } catch (error) {
    throw new ConfigError(`cannot load config: ${(error as Error).message}`, { file }, { cause: error });
  }
}

async function fromFaroConfig(configFile: string, request: ConfigRequest): Promise<ResolvedConfig> {
  const root = dirname(configFile);
  const text = readFileSync(configFile, 'utf8');
  const config = validateFaroConfig(await loadModule(configFile), { file: configFile, source: text });
  const sourceDir = resolve(request.cwd, request.sourceDir ?? resolve(root, config.source ?? 'content'));
  const jekyll = config.jekyllConfig ? readJekyllConfig(resolve(root, config.jekyllConfig)) : {};
  const layoutsDir = resolve(root, config.layouts ?? 'layouts');
  const assetsDir = resolve(root, config.assets ?? 'assets');
  const locales = Object.entries(config.locales).map(([id, l]) => ({
    id,
    lang: l.lang,
    path: trimSlashes(l.path),
    label: l.label,
    country: l.country ?? '',
  }));
  const baseurl = normaliseBaseurl(config.baseurl ?? (jekyll.baseurl as string | undefined) ?? '');
  const url = (config.url ?? (jekyll.url as string | undefined) ?? '').replace(/\/+$/, '');
  return {
    root,
    configFile,
    sourceDir,
    outDir: resolve(request.cwd, request.outDir ?? resolve(root, config.out ?? '_site')),
    layoutsDir: existsSync(layoutsDir) ? layoutsDir : DEFAULT_LAYOUTS_DIR,
    assetsDir: existsSync(assetsDir) ? assetsDir : undefined,
    title: config.title,
    url,
    baseurl,
    permalink: config.permalink ?? (jekyll.permalink as string | undefined) ?? 'date',
    defaultLocale: config.defaultLocale ?? locales[0]!.id,
    locales,
    categories: Object.entries(config.categories).map(([id, c]) => ({
      id,
      title: c.title,
      description: c.description ?? '',
    })),
    inferTaxonomy: false,
    siteVariables: {
      ...JEKYLL_SITE_DEFAULTS,
      ...jekyll,
      ...config.site,
      title: typeof config.title === 'string' ? config.title : (jekyll.title ?? Object.values(config.title)[0]),
      url,
      baseurl,
    },
    kramdown: resolveKramdownOptions({ ...(jekyll.kramdown as object), ...config.kramdown }),
    exclude: [...JEKYLL_DEFAULT_EXCLUDES, ...stringList(jekyll.exclude), ...(config.exclude ?? [])],
    include: stringList(jekyll.include),
    markdownExtensions: markdownExtensions(jekyll.markdown_ext),
  };
}

function fromJekyllFolder(sourceDir: string, request: ConfigRequest): ResolvedConfig {
  if (!existsSync(sourceDir)) throw new ConfigError(`source folder not found: ${sourceDir}`, { file: sourceDir });
  const configPath = join(sourceDir, '_config.yml');
  const jekyll = existsSync(configPath) ? readJekyllConfig(configPath) : {};
  const baseurl = normaliseBaseurl((jekyll.baseurl as string | undefined) ?? '');
  const url = String(jekyll.url ?? '').replace(/\/+$/, '');
  return {
    root: sourceDir,
    configFile: existsSync(configPath) ? configPath : undefined,
    sourceDir,
    outDir: resolve(request.cwd, request.outDir ?? join(sourceDir, '_site')),
    layoutsDir: DEFAULT_LAYOUTS_DIR,
    assetsDir: undefined,
    title: String(jekyll.title ?? 'Help Center'),
    url,
    baseurl,
    permalink: String(jekyll.permalink ?? 'date'),
    defaultLocale: String((jekyll.faro as { default_locale?: string } | undefined)?.default_locale ?? ''),
    locales: [],
    categories: [],
    inferTaxonomy: true,
    siteVariables: { ...JEKYLL_SITE_DEFAULTS, ...jekyll },
    kramdown: resolveKramdownOptions(jekyll.kramdown as Record<string, unknown> | undefined),
    exclude: [...JEKYLL_DEFAULT_EXCLUDES, ...stringList(jekyll.exclude)],
    include: stringList(jekyll.include),
    markdownExtensions: markdownExtensions(jekyll.markdown_ext),
  };
}

const trimSlashes = (path: string): string => path.replace(/^\/+|\/+$/g, '');

function normaliseBaseurl(baseurl: string): string {
  const trimmed = trimSlashes(String(baseurl ?? ''));
  return trimmed ? `/${trimmed}` : '';
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

function markdownExtensions(value: unknown): string[] {
  const text = typeof value === 'string' ? value : 'markdown,mkdown,mkdn,mkd,md';
  return text.split(',').map((ext) => `.${ext.trim().toLowerCase()}`);
}
