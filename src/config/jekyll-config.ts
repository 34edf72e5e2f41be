// Reading a Jekyll `_config.yml`, with Jekyll 4.3's defaults for what it leaves out.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../diagnostics.js';
import { parseYaml } from '../yaml.js';

/** Jekyll's own defaults that templates can see as `site.*` (Jekyll::Configuration::DEFAULTS). */
export const JEKYLL_SITE_DEFAULTS: Record<string, unknown> = {
  source: '.',
  destination: './_site',
  collections_dir: '',
  cache_dir: '.jekyll-cache',
  plugins_dir: '_plugins',
  layouts_dir: '_layouts',
  data_dir: '_data',
  includes_dir: '_includes',
  collections: {},
  safe: false,
  include: ['.htaccess'],
  exclude: [],
  keep_files: ['.git', '.svn'],
  encoding: 'utf-8',
  markdown_ext: 'markdown,mkdown,mkdn,mkd,md',
  strict_front_matter: false,
  show_drafts: null,
  limit_posts: 0,
  future: false,
  unpublished: false,
  whitelist: [],
  plugins: [],
  markdown: 'kramdown',
  highlighter: 'rouge',
  lsi: false,
  excerpt_separator: '\n\n',
  incremental: false,
  detach: false,
  port: '4000',
  host: '127.0.0.1',
  baseurl: null,
  show_dir_listing: false,
  permalink: 'date',
  paginate_path: '/page:num',
  timezone: null,
  quiet: false,
  verbose: false,
  defaults: [],
  liquid: { error_mode: 'warn', strict_filters: false, strict_variables: false },
  kramdown: {},
};

/** Jekyll excludes these even when _config.yml says nothing. */
export const JEKYLL_DEFAULT_EXCLUDES = [
  '.sass-cache',
  '.jekyll-cache',
  '.faro-cache',
  'gemfiles',
  'Gemfile',
  'Gemfile.lock',
  'node_modules',
  'vendor/bundle/',
  'vendor/cache/',
  'vendor/gems/',
  'vendor/ruby/',
  '_site',
];

export function readJekyllConfig(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${path}`, { file: path }, { cause: error });
  }
  const data = parseYaml(text, path, 0, ConfigError);
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError('_config.yml must be a mapping of keys to values', { file: path, source: text });
  }
  return data as Record<string, unknown>;
}
