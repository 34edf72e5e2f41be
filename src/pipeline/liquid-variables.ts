// What Liquid sees as `page` and `site`, shaped like Jekyll's drops.
import type { ResolvedConfig } from '../config/resolved-config.js';
import { customCollections } from './collections.js';
import type { Page, StaticFile } from './types.js';

/**
 * `page` as Liquid sees it. `content` is the body as written, or `rendered` when given: once
 * Jekyll has rendered a page or document, its `content` is the converted body.
 */
export function pageVariables(page: Page, rendered?: string): Record<string, unknown> {
  return variablesOf(page, true, rendered);
}

function variablesOf(page: Page, withNeighbours: boolean, rendered?: string): Record<string, unknown> {
  const parts = page.sourcePath.split('/');
  const name = parts[parts.length - 1]!;
  const variables: Record<string, unknown> = {
    ...page.data,
    url: page.url,
    path: page.sourcePath,
    name,
    title: page.data.title,
    categories: page.categories,
    tags: page.tags,
    content: rendered ?? page.body,
  };
  // A post's or document's date as Jekyll reads it; a page's `date` stays as written.
  if (page.date && page.kind !== 'page') variables.date = page.date;
  // A front matter `excerpt:` stays as written; otherwise the rendered one, when computed
  // (documents always, pages with `page_excerpts`).
  if (page.data.excerpt === undefined && page.excerpt !== undefined) variables.excerpt = page.excerpt;
  // A page's folder is its URL's (a permalink moves it); documents have none.
  if (page.kind === 'page') variables.dir = urlFolder(page.url);
  if (page.kind !== 'page') {
    const relativePath = page.relativePath ?? page.sourcePath;
    const slug = typeof page.data.slug === 'string' ? page.data.slug : name.replace(/\.[^.]+$/, '').replace(/^\d{2,4}-\d{1,2}-\d{1,2}-/, '');
    Object.assign(variables, {
      id: documentId(page.url, slug),
      slug,
      collection: page.collection ?? 'posts',
      path: relativePath,
      relative_path: relativePath,
      draft: page.kind === 'draft',
      ext: name.slice(name.lastIndexOf('.')),
    });
    if (withNeighbours) {
      variables.previous = page.previous ? neighbourVariables(page.previous) : null;
      variables.next = page.next ? neighbourVariables(page.next) : null;
    }
  }
  return variables;
}

/** Jekyll's Page#dir: the URL when it ends in a slash, else its folder. */
function urlFolder(url: string): string {
  if (url.endsWith('/')) return url;
  const folder = url.slice(0, url.lastIndexOf('/') + 1);
  return folder === '' ? '/' : folder;
}

/**
 * Jekyll's neighbours are whole drops; one level without the body is what templates use
 * (titles, URLs, dates), and keeps every post from carrying three bodies.
 */
function neighbourVariables(page: Page): Record<string, unknown> {
  const { content: _content, ...rest } = variablesOf(page, false);
  return rest;
}

/** Jekyll's Document#id: the URL's folder and the slug (`/2024/01/15/welcome`). */
function documentId(url: string, slug: string): string {
  const folder = url.replace(/\/+$/, '').replace(/\/[^/]*$/, '');
  return `${folder}/${slug}`;
}

/** Jekyll's order of a collection's documents: by date, then by path (bytewise). */
export function byDateThenPath(a: Page, b: Page): number {
  // A document without a front matter date has none yet when Jekyll sorts: then the paths decide.
  const difference = a.date && b.date ? a.date.getTime() - b.date.getTime() : 0;
  if (difference !== 0 && !Number.isNaN(difference)) return difference;
  return a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0;
}

/** Each collection's documents in Jekyll's order: posts first, then the config's collections. */
export function collectionDocuments(config: ResolvedConfig, pages: Page[]): Map<string, Page[]> {
  const collections = new Map<string, Page[]>([['posts', pages.filter((p) => p.kind === 'post' || p.kind === 'draft').sort(byDateThenPath)]]);
  for (const spec of customCollections(config.siteVariables)) {
    const docs = pages.filter((p) => p.kind === 'document' && p.collection === spec.label).sort(byDateThenPath);
    collections.set(spec.label, spec.sortBy ? sortByKey(docs, spec.sortBy) : docs);
  }
  return collections;
}

/** `sort_by:` — documents with the key in its order, then the others in the usual order. */
function sortByKey(docs: Page[], key: string): Page[] {
  const withKey = docs.filter((doc) => doc.data[key] !== undefined && doc.data[key] !== null);
  const without = docs.filter((doc) => !withKey.includes(doc));
  const value = (doc: Page) => doc.data[key] as string | number;
  return [...withKey.sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : byDateThenPath(a, b))), ...without];
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const fileName = (page: Page): string => page.sourcePath.slice(page.sourcePath.lastIndexOf('/') + 1);
/** Jekyll's order of site.pages (and of rendering them): by file name, not path, bytewise. */
export const byName = (a: Page, b: Page): number => compareText(fileName(a), fileName(b));

/**
 * `site.*`: the config's variables plus pages, posts, collections, data, categories and tags.
 * `rendered` gives the converted body of the pages and documents already rendered, by source path.
 */
export function siteVariables(
  config: ResolvedConfig,
  pages: Page[],
  data: Record<string, unknown>,
  staticFiles: StaticFile[] = [],
  rendered?: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const dropOf = (page: Page) => pageVariables(page, rendered?.get(page.sourcePath));
  const sitePages = pages.filter((p) => p.kind === 'page').sort(byName);
  const pageDrops = sitePages.map(dropOf);
  // Pages whose output extension is HTML's (Markdown converts to .html; not feed.xml, robots.txt, …).
  const htmlPages = pageDrops.filter((_, index) => sitePages[index]!.isMarkdown || /\.(html|htm|xhtml)$/i.test(sitePages[index]!.sourcePath));
  const collections = collectionDocuments(config, pages);
  const drops = new Map([...collections].map(([label, docs]) => [label, docs.map(dropOf)]));
  // Jekyll lists posts newest first (on the same date, by path descending).
  const posts = [...drops.get('posts')!].reverse();
  const groupBy = (key: 'categories' | 'tags') => {
    const out: Record<string, unknown[]> = {};
    // Jekyll fills site.tags and site.categories going through the posts oldest first (the
    // keys' order), then sorts each list newest first, as site.posts.
    for (const post of [...posts].reverse()) for (const value of post[key] as string[]) (out[value] ??= []).push(post);
    for (const list of Object.values(out)) list.reverse();
    return out;
  };
  const specs = new Map(customCollections(config.siteVariables).map((spec) => [spec.label, spec]));
  const collectionDrops = [...drops]
    .map(([label, docs]) => {
      const spec = specs.get(label);
      const metadata = spec ? spec.metadata : { output: true, permalink: config.permalink };
      return { ...metadata, label, docs, files: [], output: spec ? spec.output : true, relative_directory: `_${label}` };
    })
    // Liquid sees the collections sorted by label (Jekyll's SiteDrop).
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const custom: Record<string, unknown> = {};
  for (const [label, docs] of drops) if (label !== 'posts') custom[label] = docs;
  return {
    ...config.siteVariables,
    ...custom,
    pages: pageDrops,
    html_pages: htmlPages,
    posts,
    documents: [...drops.values()].flat(),
    data,
    categories: groupBy('categories'),
    tags: groupBy('tags'),
    collections: collectionDrops,
    static_files: staticFileDrops(staticFiles),
  };
}

/**
 * Jekyll's StaticFileDrop: a site file's `path` is its relative path with a leading slash
 * (`{% link %}` finds it by that), a collection file's is from collections_dir. Site files
 * come sorted by path, then each collection's.
 */
function staticFileDrops(files: StaticFile[]): Record<string, unknown>[] {
  const ordered = [...files.filter((f) => !f.collection).sort((a, b) => compareText(a.sourcePath, b.sourcePath)), ...files.filter((f) => f.collection)];
  return ordered.map((file) => {
    const name = file.sourcePath.slice(file.sourcePath.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    const extname = dot > 0 ? name.slice(dot) : '';
    const inCollection = file.collection ? file.sourcePath.slice(file.sourcePath.indexOf(`_${file.collection}/`)) : undefined;
    const drop: Record<string, unknown> = {
      name,
      basename: name.slice(0, name.length - extname.length),
      extname,
      path: inCollection ?? `/${file.sourcePath}`,
      collection: file.collection ?? null,
    };
    if (file.mtimeMs !== undefined) drop.modified_time = new Date(file.mtimeMs);
    // Jekyll's drop has no `url` for templates, but `{% link %}` reads the file's URL: kept
    // out of iteration and jsonify (a template asking for `url` by name still gets it).
    Object.defineProperty(drop, 'url', { value: `/${file.outputPath}`, enumerable: false });
    return drop;
  });
}
