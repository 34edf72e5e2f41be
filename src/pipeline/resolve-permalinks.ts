// Stage 3: each page's URL and output file by Jekyll 4.3's rules, so links into an
// existing Jekyll site keep working (`co/es/a.markdown` → `/co/es/a` with a permalink
// style such as `/:categories/:title`, `/co/es/a.html` with the default `date`).
import { ContainmentError, toDiagnostic } from '../diagnostics.js';
import { containedPath } from '../fs.js';
import { strftime } from '../liquid/filters/strftime.js';
import { localWallClock, siteTimeZone } from '../liquid/ruby-time.js';
import { customCollections } from './collections.js';
import type { BuildContext, Page } from './types.js';

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

const STYLE_TEMPLATES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

export function resolvePermalinks(pages: Page[], context: BuildContext): Page[] {
  const out: Page[] = [];
  const collections = new Map(customCollections(context.config.siteVariables).map((c) => [c.label, c.permalink]));
  const postsTemplate = postsPermalink(context.config.siteVariables) ?? context.config.permalink;
  const timeZone = siteTimeZone(context.config.siteVariables);
  for (const page of pages) {
    try {
      const collectionTemplate = page.kind === 'document' ? collections.get(page.collection ?? '') : undefined;
      const style = page.kind === 'post' || page.kind === 'draft' ? postsTemplate : context.config.permalink;
      out.push({ ...page, ...permalinkOf(page, style, context.config.markdownExtensions, collectionTemplate, timeZone) });
    } catch (error) {
      context.diagnostics.push(toDiagnostic(error, { file: page.sourcePath, source: page.source }));
    }
  }
  return out;
}

/** `collections: { posts: { permalink } }` overrides the site's style for posts. */
function postsPermalink(site: Record<string, unknown>): string | undefined {
  const collections = site.collections;
  if (typeof collections !== 'object' || collections === null || Array.isArray(collections)) return undefined;
  const posts = (collections as Record<string, unknown>).posts;
  const permalink = typeof posts === 'object' && posts !== null ? (posts as Record<string, unknown>).permalink : undefined;
  return typeof permalink === 'string' ? permalink : undefined;
}

export function permalinkOf(
  page: Pick<Page, 'sourcePath' | 'kind' | 'data' | 'date' | 'categories' | 'isMarkdown' | 'source' | 'bodyOffset' | 'collection' | 'relativePath'>,
  style: string,
  markdownExtensions: string[] = ['.md', '.markdown'],
  /** A collection document's URL template (the collection's `permalink`). */
  collectionTemplate = '/:collection/:path:output_ext',
  /** The site's time zone: a post's `:year`, `:day`, `:hour`… are its date there. */
  timeZone?: string,
): { url: string; outputPath: string } {
  // a post's folders (its categories) are from collections_dir, like a document's path
  const parts = (page.kind === 'page' ? page.sourcePath : (page.relativePath ?? page.sourcePath)).split('/');
  const fileName = parts.pop()!;
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot) : '';
  const basename = dot > 0 ? fileName.slice(0, dot) : fileName;
  const outputExt = page.isMarkdown || markdownExtensions.includes(extension.toLowerCase()) ? '.html' : extension;
  const dir = `/${parts.join('/')}${parts.length ? '/' : ''}`;
  const permalink = typeof page.data.permalink === 'string' ? page.data.permalink : undefined;

  let template: string;
  let placeholders: Record<string, string>;
  if (page.kind === 'page') {
    placeholders = { path: dir, basename, output_ext: outputExt, name: basename };
    template = permalink ?? pageTemplate(basename, outputExt, style);
  } else if (page.kind === 'document') {
    placeholders = documentPlaceholders(page, basename, extension, outputExt, timeZone);
    template = permalink ?? collectionTemplate;
  } else {
    placeholders = postPlaceholders(page, parts, basename, outputExt, timeZone);
    template = permalink ?? STYLE_TEMPLATES[style] ?? style;
  }
  if (permalink !== undefined) refuseEscapingPermalink(permalink, page);
  const url = sanitizeUrl(fillTemplate(template, placeholders));
  return { url, outputPath: outputPathOf(url, outputExt, page) };
}

function pageTemplate(basename: string, outputExt: string, style: string): string {
  if (!HTML_EXTENSIONS.has(outputExt)) return '/:path/:basename:output_ext';
  if (basename === 'index') return '/:path/';
  if (style === 'pretty') return '/:path/:basename/';
  if (style in STYLE_TEMPLATES) return '/:path/:basename:output_ext';
  if (style.endsWith('/')) return '/:path/:basename/';
  if (style.endsWith(':output_ext')) return '/:path/:basename:output_ext';
  return '/:path/:basename';
}

// Jekyll's UrlDrop: each date placeholder is `date.strftime(…)`.
const DATE_PLACEHOLDERS: Record<string, string> = {
  year: '%Y',
  month: '%m',
  day: '%d',
  hour: '%H',
  minute: '%M',
  second: '%S',
  i_day: '%-d',
  i_month: '%-m',
  short_month: '%b',
  long_month: '%B',
  short_year: '%y',
  w_year: '%G',
  week: '%V',
  w_day: '%u',
  short_day: '%a',
  long_day: '%A',
  y_day: '%j',
};

function postPlaceholders(
  page: Pick<Page, 'data' | 'date' | 'categories'>,
  folders: string[],
  basename: string,
  outputExt: string,
  timeZone: string | undefined,
): Record<string, string> {
  const clock = localWallClock(page.date ?? new Date(0), timeZone);
  const slugFromName = basename.replace(/^\d{2,4}-\d{1,2}-\d{1,2}-/, '');
  const slug = typeof page.data.slug === 'string' ? page.data.slug : slugFromName;
  // Only folders above `_posts/` are categories; folders inside it only organise files.
  const postsAt = folders.findIndex((f) => f === '_posts' || f === '_drafts');
  const folderCategories = postsAt < 0 ? folders : folders.slice(0, postsAt);
  const categories = [...new Set([...folderCategories, ...page.categories].map((c) => c.toLowerCase()))];
  const dates = Object.fromEntries(Object.entries(DATE_PLACEHOLDERS).map(([key, format]) => [key, strftime(clock, format)]));
  return {
    ...dates,
    title: slugify(slug),
    slug: slugify(slug),
    name: slugFromName,
    categories: categories.join('/'),
    output_ext: outputExt,
    path: `/${folders.join('/')}/${basename}`,
  };
}

/**
 * Where a collection's file without front matter is copied: Jekyll fills the collection's
 * template with the file's path and name, drops a trailing slash and adds the extension.
 */
export function collectionStaticOutputPath(relativePath: string, label: string, template: string): string | undefined {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot) : '';
  const cleaned = relativePath.slice(0, relativePath.length - extension.length).replace(/\.+$/, '').replace(`_${label}`, '');
  const basename = name.slice(0, name.length - extension.length).replace(/\.+$/, '');
  const placeholders = { collection: label, path: cleaned, output_ext: '', name: basename, title: '' };
  const url = sanitizeUrl(fillTemplate(template, placeholders)).replace(/\/$/, '') + extension;
  let path = url;
  try {
    path = decodeURIComponent(url);
  } catch {
    // A malformed escape stays as written.
  }
  const contained = containedPath(path.replace(/^\/+/, ''));
  return contained === '' ? undefined : contained;
}

/** Jekyll's UrlDrop for a collection document. */
function documentPlaceholders(
  page: Pick<Page, 'data' | 'date' | 'categories' | 'sourcePath' | 'collection' | 'relativePath'>,
  basename: string,
  extension: string,
  outputExt: string,
  timeZone: string | undefined,
): Record<string, string> {
  const label = page.collection ?? '';
  const relative = page.relativePath ?? page.sourcePath;
  // cleaned_relative_path: without the extension, the `_label` folder and trailing dots.
  const cleaned = relative.slice(0, relative.length - extension.length).replace(`_${label}`, '').replace(/\.+$/, '');
  const ownSlug = typeof page.data.slug === 'string' && page.data.slug !== '' ? page.data.slug : undefined;
  return {
    // A document keeps the site's build time as its date when it has none.
    ...postPlaceholders({ ...page, date: page.date ?? new Date() }, [], basename, outputExt, timeZone),
    collection: label,
    path: cleaned,
    name: defaultSlug(basename),
    title: slugify(ownSlug ?? basename),
    slug: defaultSlug(ownSlug ?? basename),
    categories: [...new Set(page.categories.map((c) => c.toLowerCase()))].join('/'),
  };
}

/** Jekyll's `default` slug mode: runs of anything but letters, marks and digits become `-`, lower case. */
function defaultSlug(text: string): string {
  return text.replace(/[^\p{M}\p{L}\p{Nd}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase();
}

/** Jekyll's `pretty` slug mode, case kept (used for `:title` of posts). */
function slugify(text: string): string {
  return text.replace(/[^\p{L}\p{N}._~!$&'()+,;=@]+/gu, '-').replace(/^-+|-+$/g, '');
}

function fillTemplate(template: string, placeholders: Record<string, string>): string {
  return template.replace(/(\/?):([a-z_]+)/g, (match, slash: string, key: string) => {
    if (!(key in placeholders)) return match;
    const value = placeholders[key]!;
    // An empty value drops its leading slash, as Jekyll's URL class does.
    if (value === '') return '';
    return slash + escapePath(value);
  });
}

/** Jekyll escapes URL components (Addressable's encode_component with path-safe characters). */
function escapePath(value: string): string {
  return value.replace(/[^A-Za-z0-9_.\-~!$&'()*+,;=:@/]/gu, (c) =>
    [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/**
 * Jekyll quietly rewrites `..` in permalinks; faro refuses them (and NUL, backslashes,
 * percent-encoded dots and slashes) so a typo or a hostile article cannot aim a page
 * outside the output folder.
 */
function refuseEscapingPermalink(permalink: string, page: Pick<Page, 'sourcePath' | 'source'>): void {
  let decoded = permalink;
  try {
    decoded = decodeURIComponent(permalink);
  } catch {
    // A malformed escape is checked as written.
  }
  const segments = decoded.split(/[\\/]/);
  if (segments.includes('..') || decoded.includes('\0') || decoded.includes('\\') || /%2e|%2f|%5c/i.test(decoded)) {
    throw new ContainmentError(`permalink "${permalink}" would leave the output folder`, {
      file: page.sourcePath,
      line: lineOfPermalink(page.source),
      source: page.source,
    });
  }
}

function sanitizeUrl(url: string): string {
  return `/${url}`.replace(/\.\./g, '/').replace(/\.\//g, '').replace(/\/{2,}/g, '/');
}

function outputPathOf(url: string, outputExt: string, page: Pick<Page, 'sourcePath' | 'source' | 'bodyOffset'>): string {
  let path: string;
  try {
    path = decodeURIComponent(url);
  } catch {
    path = url;
  }
  if (path.endsWith('/')) path += 'index';
  if (!path.endsWith(outputExt)) path += outputExt;
  const contained = containedPath(path.replace(/^\/+/, ''));
  if (contained === undefined || contained === '') {
    throw new ContainmentError(`permalink "${url}" resolves outside the output folder`, {
      file: page.sourcePath,
      line: lineOfPermalink(page.source),
      source: page.source,
    });
  }
  return contained;
}

function lineOfPermalink(source: string): number {
  const index = source.split(/\r\n|\r|\n/).findIndex((line) => line.startsWith('permalink:'));
  return index >= 0 ? index + 1 : 1;
}
