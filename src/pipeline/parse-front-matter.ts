// Stage 2: YAML front matter (gray-matter, with js-yaml so errors carry positions) and
// the fields faro reads from it, under the config's front matter `defaults`. Every bad
// file is reported; the others go on.
import matter from 'gray-matter';
import { FrontMatterError, type Diagnostic, diagnostic, toDiagnostic } from '../diagnostics.js';
import { toRubyDate } from '../liquid/filters/date-filters.js';
import { CalendarDate, RubyTime } from '../liquid/ruby-time.js';
import { parseYaml } from '../yaml.js';
import { deepMerge, defaultsFor, readDefaultsSets, type DefaultsSet } from './front-matter-defaults.js';
import type { BuildContext, Page, SourcePage } from './types.js';

export function parseFrontMatter(sources: SourcePage[], context: BuildContext): Page[] {
  const pages: Page[] = [];
  const sets = defaultsSetsOf(context.config.siteVariables);
  for (const source of sources) {
    try {
      pages.push(parsePage(source, context.diagnostics, sets));
    } catch (error) {
      context.diagnostics.push(toDiagnostic(error, { file: source.sourcePath, source: source.source }));
    }
  }
  return pages;
}

/** The config's front matter `defaults` (pass them to parsePage when re-reading one page). */
export function defaultsSetsOf(site: Record<string, unknown>): DefaultsSet[] {
  return readDefaultsSets(site.defaults, typeof site.collections_dir === 'string' ? site.collections_dir : '');
}

/** Jekyll's type of a file for `defaults` scopes. */
export function defaultsType(source: Pick<SourcePage, 'kind' | 'collection'>): string {
  if (source.kind === 'page') return 'pages';
  return source.collection ?? 'posts';
}

export function parsePage(source: SourcePage, diagnostics: Diagnostic[], defaults: DefaultsSet[] = []): Page {
  const file = source.sourcePath;
  const parsed = matter(source.source, {
    engines: { yaml: (text: string) => parseYaml(text, file, 0, FrontMatterError, source.source) as object },
  });
  const data: unknown = parsed.data ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FrontMatterError('front matter must be a mapping of keys to values', {
      file,
      line: 2,
      source: source.source,
    });
  }
  const own = data as Record<string, unknown>;
  const fromDefaults = defaults.length ? defaultsFor(defaults, source.relativePath ?? source.sourcePath, defaultsType(source)) : {};
  const merged = Object.keys(fromDefaults).length ? deepMerge(fromDefaults, own) : own;
  // Jekyll asks a page's own data for `published` (Hash#fetch skips the defaults), so a
  // default `published: false` hides posts and documents but never pages.
  if (source.kind === 'page' && own.published === undefined && merged !== own) delete merged.published;
  // Jekyll titles an untitled post or document after its file name's slug.
  const fields = source.kind !== 'page' && (merged.title === undefined || merged.title === null || merged.title === false)
    ? { ...merged, title: titleizeSlug(fileSlug(source.sourcePath)) }
    : merged;
  const bodyOffset = (parsed.matter.match(/\n/g)?.length ?? 0) + 2;
  const where = (key: string) => ({ file, line: lineOfKey(source.source, key, bodyOffset), column: 1, source: source.source });

  const date = readDate(fields.date, source.sourcePath, source.kind === 'document');
  if (fields.date !== undefined && date === undefined) {
    diagnostics.push(diagnostic(where('date'), 'error', 'front-matter', `date: "${String(fields.date)}" is not a valid date`));
  }
  const layout = fields.layout === undefined ? 'default' : fields.layout === null || fields.layout === 'none' || fields.layout === false ? null : String(fields.layout);

  return {
    ...source,
    data: fields,
    body: parsed.content,
    bodyOffset,
    url: '',
    outputPath: '',
    title: typeof fields.title === 'string' || typeof fields.title === 'number' ? String(fields.title).trim() : '',
    date,
    locale: '',
    categories: withFolderCategories(source.relativePath ?? source.sourcePath, list(fields.categories ?? fields.category)),
    tags: list(fields.tags ?? fields.tag),
    layout,
    translationKey: typeof fields.translation_key === 'string' ? fields.translation_key : '',
  };
}

/** A post's or document's slug from its file name: no folders, date, extension or trailing dots. */
export function fileSlug(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/^\d{2,4}-\d{1,2}-\d{1,2}-/, '').replace(/\.[^.]*$/, '').replace(/\.+$/, '');
}

/** Ruby's `slug.split("-").map(&:capitalize).join(" ")`. */
function titleizeSlug(slug: string): string {
  return slug.replace(/-+$/, '').split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join(' ');
}

/** Jekyll accepts a YAML list or a space-separated string for categories and tags. */
export function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map((v) => String(v).trim()).filter(Boolean);
  return String(value).split(/\s+/).filter(Boolean);
}

const POST_DATE = /(?:^|\/)(\d{2,4})-(\d{1,2})-(\d{1,2})-[^/]*$/;

/**
 * Front matter date, else the date in a post's file name. Jekyll reads a post's date with
 * `Time.parse(…).localtime`: a day or a time without a zone is local to the site's
 * `timezone`, any other time is shown in that zone. A page keeps what its YAML holds.
 */
function readDate(value: unknown, path: string, isDocument: boolean): Date | undefined {
  const post = isDocument || /(?:^|\/)_(?:posts|drafts)\//.test(path);
  if (value instanceof CalendarDate && post) return new RubyTime(value.getTime(), 'local');
  if (value instanceof RubyTime && value.mode !== 'local' && post) return new Date(value.getTime());
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = toRubyDate(value.trim());
    return parsed instanceof RubyTime && parsed.mode !== 'local' ? new Date(parsed.getTime()) : parsed;
  }
  if (value !== undefined) return undefined;
  const match = POST_DATE.exec(path);
  return match ? new RubyTime(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])), 'local') : undefined;
}

/** Jekyll puts the folders above a post's `_posts/` first among its categories. */
function withFolderCategories(path: string, own: string[]): string[] {
  const folders = path.split('/').slice(0, -1);
  const postsAt = folders.findIndex((folder) => folder === '_posts' || folder === '_drafts');
  return postsAt <= 0 ? own : [...new Set([...folders.slice(0, postsAt), ...own])];
}

/** The line of `key:` inside the front matter (for messages about a field). */
export function lineOfKey(source: string, key: string, bodyOffset: number): number {
  const lines = source.split(/\r\n|\r|\n/).slice(0, bodyOffset);
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : 1;
}
