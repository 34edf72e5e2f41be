// Stage 2: YAML front matter (gray-matter, with js-yaml so errors carry positions) and
// the fields faro reads from it, under the config's front matter `defaults`. Every bad
// file is reported; the others go on.
import matter from 'gray-matter';
import { FrontMatterError, type Diagnostic, diagnostic, toDiagnostic } from '../diagnostics.js';
import { siteTimeZone } from '../liquid/ruby-time.js';
import { parseYaml } from '../yaml.js';
import { readDocumentDate } from './document-dates.js';
import { deepMerge, defaultsFor, readDefaultsSets, type DefaultsSet } from './front-matter-defaults.js';
import type { BuildContext, Page, SourcePage } from './types.js';

export function parseFrontMatter(sources: SourcePage[], context: BuildContext): Page[] {
  const pages: Page[] = [];
  const sets = defaultsSetsOf(context.config.siteVariables);
  const timeZone = siteTimeZone(context.config.siteVariables);
  for (const source of sources) {
    try {
      pages.push(parsePage(source, context.diagnostics, sets, timeZone));
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

/** `timeZone`: the site's (siteTimeZone), in which post dates are read. */
export function parsePage(source: SourcePage, diagnostics: Diagnostic[], defaults: DefaultsSet[] = [], timeZone?: string): Page {
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

  const { date, problem } = readDocumentDate(fields.date, source.sourcePath, source.kind !== 'page', timeZone);
  if (problem) {
    // Jekyll stops on a post's or document's bad date, but never reads a page's.
    const where = { file, source: source.source, ...dateValuePosition(source.source, bodyOffset, fields.date !== undefined) };
    diagnostics.push(diagnostic(where, source.kind === 'page' ? 'warning' : 'error', 'front-matter', problem));
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

/** Jekyll puts the folders above a post's `_posts/` first among its categories. */
function withFolderCategories(path: string, own: string[]): string[] {
  const folders = path.split('/').slice(0, -1);
  const postsAt = folders.findIndex((folder) => folder === '_posts' || folder === '_drafts');
  return postsAt <= 0 ? own : [...new Set([...folders.slice(0, postsAt), ...own])];
}

/** Where a date problem shows: the `date:` value in the front matter, else the file's first line. */
function dateValuePosition(source: string, bodyOffset: number, inFrontMatter: boolean): { line: number; column: number } {
  if (!inFrontMatter) return { line: 1, column: 1 };
  const line = lineOfKey(source, 'date', bodyOffset);
  const key = /^date:[ \t]*/.exec(source.split(/\r\n|\r|\n/)[line - 1] ?? '');
  return { line, column: key ? key[0].length + 1 : 1 };
}

/** The line of `key:` inside the front matter (for messages about a field). */
export function lineOfKey(source: string, key: string, bodyOffset: number): number {
  const lines = source.split(/\r\n|\r|\n/).slice(0, bodyOffset);
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : 1;
}
