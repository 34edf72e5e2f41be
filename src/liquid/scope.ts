// What a page's Liquid sees at the top level, as Jekyll 4.3 builds it: `site`, `page`,
// `jekyll`, and the names Jekyll always defines (as nil) such as `paginator` and `layout`.
// Keys Jekyll always gives a page are filled in when the caller left them out, so that
// reading them is never reported as undefined.
import type { LiquidInput } from './render-liquid.js';

export const JEKYLL_VERSION = '4.3.1';

const MARKDOWN_FILE = /\.(?:markdown|mkdown|mkdn|mkd|md)$/i;

/** Site keys Jekyll's SiteDrop answers besides the configuration. */
const SITE_KEYS: Record<string, () => unknown> = {
  time: () => new Date(),
  pages: () => [],
  posts: () => [],
  static_files: () => [],
  html_pages: () => [],
  documents: () => [],
  collections: () => [],
  related_posts: () => [],
  categories: () => ({}),
  tags: () => ({}),
  data: () => ({}),
  config: () => null,
};

/** `site` with Jekyll's always-present keys added where the caller left them out. */
export function siteScope(site: Record<string, unknown>): Record<string, unknown> {
  const missing = Object.keys(SITE_KEYS).filter((key) => !(key in site));
  if (missing.length === 0) return site;
  const full = { ...site };
  for (const key of missing) full[key] = SITE_KEYS[key]!();
  return full;
}

/** `page` with the keys Jekyll always defines for pages, and for posts when under `_posts/`. */
export function pageScope(input: LiquidInput): Record<string, unknown> {
  const page: Record<string, unknown> = { ...input.page };
  const name = input.file.slice(input.file.lastIndexOf('/') + 1);
  const defaults: Record<string, unknown> = {
    content: input.template,
    dir: null,
    excerpt: null,
    name,
    path: input.file,
    url: null,
  };
  const post = /(?:^|\/)_posts\/(?:.*\/)?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]+?)(\.[^./]+)?$/.exec(input.file);
  if (post) {
    Object.assign(defaults, {
      collection: 'posts',
      relative_path: input.file,
      slug: post[2],
      ext: post[3] ?? '',
      id: null,
      date: null,
      categories: [],
      tags: [],
      next: null,
      previous: null,
      draft: false,
      output: null,
      title: null,
    });
  }
  for (const [key, value] of Object.entries(defaults)) if (!(key in page)) page[key] = value;
  return page;
}

/** The whole top-level scope of a page render. */
export function rootScope(input: LiquidInput, site: Record<string, unknown>): Record<string, unknown> {
  // Jekyll hands Markdown pages a highlighter prefix and suffix of one newline each, which
  // `{% highlight %}` puts around its output.
  const highlighterAffix = MARKDOWN_FILE.test(input.file) ? '\n' : null;
  return {
    site,
    page: pageScope(input),
    jekyll: { version: JEKYLL_VERSION, environment: process.env.JEKYLL_ENV ?? 'development' },
    paginator: null,
    layout: null,
    content: null,
    highlighter_prefix: highlighterAffix,
    highlighter_suffix: highlighterAffix,
  };
}
