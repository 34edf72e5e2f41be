// Stage 3: each page's URL and output file by Jekyll 4.3's rules, so links into an
// existing Jekyll site keep working (`co/es/a.markdown` → `/co/es/a` with a permalink
// style such as `/:categories/:title`, `/co/es/a.html` with the default `date`).
import { ContainmentError, toDiagnostic } from '../diagnostics.js';
import { containedPath } from '../fs.js';
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
  for (const page of pages) {
    try {
      out.push({ ...page, ...permalinkOf(page, context.config.permalink, context.config.markdownExtensions) });
    } catch (error) {
      context.diagnostics.push(toDiagnostic(error, { file: page.sourcePath, source: page.source }));
    }
  }
  return out;
}

export function permalinkOf(
  page: Pick<Page, 'sourcePath' | 'kind' | 'data' | 'date' | 'categories' | 'isMarkdown' | 'source' | 'bodyOffset'>,
  style: string,
  markdownExtensions: string[] = ['.md', '.markdown'],
): { url: string; outputPath: string } {
  const parts = page.sourcePath.split('/');
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
  } else {
    placeholders = postPlaceholders(page, parts, basename, outputExt);
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

function postPlaceholders(
  page: Pick<Page, 'data' | 'date' | 'categories'>,
  folders: string[],
  basename: string,
  outputExt: string,
): Record<string, string> {
  const date = page.date ?? new Date(0);
  const pad = (n: number) => String(n).padStart(2, '0');
  const slugFromName = basename.replace(/^\d{2,4}-\d{1,2}-\d{1,2}-/, '');
  const slug = typeof page.data.slug === 'string' ? page.data.slug : slugFromName;
  const folderCategories = folders.filter((f) => f !== '_posts' && f !== '_drafts');
  const categories = [...new Set([...folderCategories, ...page.categories].map((c) => c.toLowerCase()))];
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  const yDay = Math.floor((date.getTime() - start) / 86_400_000) + 1;
  return {
    year: String(date.getUTCFullYear()),
    short_year: String(date.getUTCFullYear()).slice(-2),
    month: pad(date.getUTCMonth() + 1),
    i_month: String(date.getUTCMonth() + 1),
    day: pad(date.getUTCDate()),
    i_day: String(date.getUTCDate()),
    y_day: String(yDay).padStart(3, '0'),
    hour: pad(date.getUTCHours()),
    minute: pad(date.getUTCMinutes()),
    second: pad(date.getUTCSeconds()),
    title: slugify(slug),
    slug: slugify(slug),
    name: slugFromName,
    categories: categories.join('/'),
    output_ext: outputExt,
    path: `/${folders.join('/')}/${basename}`,
  };
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
