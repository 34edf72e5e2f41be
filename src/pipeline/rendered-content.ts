// `post.content` and `page.content` as Jekyll gives them to another article's Liquid. Jekyll
// renders every document first (posts, then each collection in the config's order, each in
// its collection's order), then every page (by file name), and once an item is rendered its
// `content` is its converted body. So an article that reads other items' `content` sees the
// HTML of those rendered before it and the source of the others, itself included: a page
// listing posts sees their HTML, the newest post sees the older ones' HTML and its own
// source. Such an article is rendered against that view of `site`; any other article's
// output cannot depend on it, and it is rendered against the site as read.
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { RenderSettings } from '../render-article.js';
import { byName, collectionDocuments } from './liquid-variables.js';
import type { Page } from './types.js';
import { includeRelativeFolder, includeRelativeTargets, MAX_INCLUDE_DEPTH } from '../liquid/tags/include-tags.js';

/** Jekyll's render order and the `site` an article sees at each point of it. */
export interface ContentOrder {
  /** Every page and document of the site (filters aside), in the order Jekyll renders them. */
  pages: Page[];
  /** `site` with the given items' `content` (by source path) as rendered. */
  siteWith(rendered: ReadonlyMap<string, string>): Record<string, unknown>;
}

/** The render settings of a prepared site: with the render order, when the site knows it. */
export interface SiteRenderSettings extends RenderSettings {
  contentOrder?: ContentOrder;
}

/** Documents (posts first, then the config's collections), then pages by file name. */
export function jekyllRenderOrder(config: ResolvedConfig, pages: Page[]): Page[] {
  const documents = [...collectionDocuments(config, pages).values()].flat();
  return [...documents, ...pages.filter((page) => page.kind === 'page').sort(byName)];
}

// `x.content`, `x["content"]`, or "content" as a filter's key (map, where, sort, group_by…).
const CONTENT_PROPERTY = /\.\s*content\b|["']content["']/;
// Filters that print a whole drop, `content` included.
const WHOLE_DROP = /\|\s*(jsonify|inspect)\b/;
const LIQUID_MARKUP = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * Whether Liquid text may read another item's `content`: inside its tags and outputs, a
 * `content` property or key, or a whole value printed by `jsonify`/`inspect`. (The bare
 * `{{ content }}` is the layout's variable, not another item's.)
 */
export function readsContent(text: string): boolean {
  if (!text.includes('content') && !text.includes('jsonify') && !text.includes('inspect')) return false;
  for (const [markup] of text.matchAll(LIQUID_MARKUP)) if (CONTENT_PROPERTY.test(markup) || WHOLE_DROP.test(markup)) return true;
  return false;
}

/**
 * Which articles must see rendered content: those whose body reads it, or includes a file
 * that may (from the includes folder, or beside the page with `include_relative`, followed
 * into what that file includes). Include texts are read once per settings object.
 */
export function contentReaders(settings: RenderSettings): (page: Pick<Page, 'body' | 'sourcePath'>) => boolean {
  let includesRead: boolean | undefined;
  const includesReadContent = () =>
    (includesRead ??= settings.fs.listFiles(settings.includesDir).some((entry) => readsContent(settings.fs.readText(entry.path) ?? '')));
  const reads = (text: string, folder: string, depth: number): boolean =>
    readsContent(text) || (INCLUDE.test(text) && includesReadContent()) || relativeFilesRead(text, folder, depth);
  const relativeFilesRead = (text: string, folder: string, depth: number): boolean =>
    includeRelativeTargets(text, folder).some((path) => {
      // a file named at render time, or nested past reason: it may be any file
      if (path === null || depth >= MAX_INCLUDE_DEPTH) return true;
      const included = settings.fs.readText(path);
      return included !== undefined && reads(included, folder, depth + 1);
    });
  return (page) => reads(page.body, includeRelativeFolder(page.sourcePath), 0);
}

const INCLUDE = /\{%-?\s*include\s/;

/** What to render for some pages when some of them read other items' content. */
export interface ContentPlan {
  /** The pages asked for, then the ones rendered only for their content (not reported). */
  pages: Page[];
  /** Indexes into `pages` of the content readers, in render order, each with its place in it. */
  readers: { index: number; position: number }[];
}

/**
 * The pages to render for `pages`: when some read other items' content, every item rendered
 * before the last of them in Jekyll's order is needed too (an unwritten document, or a page
 * another `--locale` leaves out).
 */
export function planContent(pages: Page[], settings: SiteRenderSettings): ContentPlan {
  const order = settings.contentOrder?.pages;
  if (!order) return { pages, readers: [] };
  const isReader = contentReaders(settings);
  const positions = new Map(order.map((page, position) => [page.sourcePath, position]));
  const positionOf = (page: Page) => positions.get(page.sourcePath);
  let last = -1;
  for (const page of pages) if (isReader(page)) last = Math.max(last, positionOf(page) ?? -1);
  if (last < 0) return { pages, readers: [] };
  const asked = new Set(pages.map((page) => page.sourcePath));
  const all = [...pages, ...order.slice(0, last).filter((page) => !asked.has(page.sourcePath))];
  const readers = all
    .map((page, index) => ({ index, position: positionOf(page) ?? -1, page }))
    .filter(({ position, page }) => position >= 0 && position <= last && isReader(page))
    .sort((a, b) => a.position - b.position)
    .map(({ index, position }) => ({ index, position }));
  return { pages: all, readers };
}
