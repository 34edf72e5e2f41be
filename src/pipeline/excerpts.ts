// Jekyll's `excerpt` of posts and collection documents (and of pages, with `page_excerpts:
// true`): the body up to the first `excerpt_separator` (site-wide or per page, "\n\n" by
// default), rendered through Liquid and Markdown like the body itself (renderArticle). Only
// computed when some Liquid of the site mentions `excerpt`, since a large blog would
// otherwise render every post twice for nothing.
import { renderArticle, type RenderSettings } from '../render-article.js';
import type { SiteFileSystem } from '../fs.js';
import { pageVariables } from './liquid-variables.js';
import type { Page } from './types.js';

// Liquid's block tags (and Jekyll's): an excerpt cut inside one gets its closing tag.
const BLOCK_TAGS = new Set(['if', 'unless', 'for', 'case', 'capture', 'comment', 'raw', 'tablerow', 'highlight']);
const LIQUID_TAG = /\{%-?\s*(\w+)\s*[\s\S]*?-?%\}/g;
const LINK_DEFINITION = /^ {0,3}(\[[^\]]+\])(:.+)$/gm;

/** Whether any page or include of the site reads an `excerpt`. */
export function siteUsesExcerpts(pages: Page[], fs: SiteFileSystem, includesDir: string): boolean {
  if (pages.some((page) => page.body.includes('excerpt'))) return true;
  return fs.listFiles(includesDir).some((entry) => (fs.readText(entry.path) ?? '').includes('excerpt'));
}

/** The separator a page's excerpt ends at (empty: no excerpt). */
export function excerptSeparator(page: Page, site: Record<string, unknown>): string {
  const own = page.data.excerpt_separator;
  const value = own !== undefined && own !== null ? own : site.excerpt_separator;
  return value === undefined || value === null ? '' : String(value);
}

/** Jekyll's Excerpt#extract_excerpt: the head, with its open Liquid blocks closed and the link definitions it uses. */
export function extractExcerpt(body: string, separator: string): string {
  const at = body.indexOf(separator);
  if (at < 0) return body;
  let head = body.slice(0, at);
  const tail = body.slice(at + separator.length);
  if (tail === '') return head;
  if (head.includes('{%')) head = closeOpenBlocks(head);
  const definitions = [...tail.matchAll(LINK_DEFINITION)].filter((match) => head.includes(match[1]!)).map((match) => match[1]! + match[2]!);
  return definitions.length ? `${head}\n\n${definitions.join('\n')}` : head;
}

function closeOpenBlocks(head: string): string {
  const names = [...head.matchAll(LIQUID_TAG)].map((match) => match[1]!);
  let closed = head;
  for (const name of names.reverse()) {
    if (!BLOCK_TAGS.has(name)) continue;
    if (new RegExp(`\\{%-?\\s*end${name}[\\s\\S]*?\\s*-?%\\}`).test(closed)) continue;
    closed += `\n{% end${name} %}`;
  }
  return closed;
}

/**
 * Whether Jekyll gives `page` an excerpt of its own: documents always; pages only with the
 * site's `page_excerpts`, and only those written as HTML (Markdown converts to .html).
 */
function hasExcerpt(page: Page, site: Record<string, unknown>): boolean {
  if (page.kind !== 'page') return true;
  return isTruthy(site.page_excerpts) && (page.isMarkdown || /\.(html|htm|xhtml)$/i.test(page.sourcePath));
}

/** Ruby truthiness: everything but nil and false. */
const isTruthy = (value: unknown): boolean => value !== undefined && value !== null && value !== false;

/**
 * Renders the excerpt of every post and document (and page, with `page_excerpts`) that has
 * none in its front matter and stores it on the page. Problems in it are reported by the
 * page's own render, not twice.
 */
export function renderExcerpts(pages: Page[], settings: RenderSettings): void {
  for (const page of pages) {
    if (!hasExcerpt(page, settings.site) || page.data.excerpt !== undefined) continue;
    const separator = excerptSeparator(page, settings.site);
    if (separator === '') continue;
    const excerpt = renderArticle(
      {
        file: page.sourcePath,
        source: page.source,
        body: extractExcerpt(page.body, separator),
        bodyOffset: page.bodyOffset,
        isMarkdown: page.isMarkdown,
        page: pageVariables(page),
      },
      settings,
    );
    page.excerpt = excerpt.html;
  }
}
