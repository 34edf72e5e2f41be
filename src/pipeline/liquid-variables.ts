// What Liquid sees as `page` and `site`, shaped like Jekyll's drops.
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Page } from './types.js';

export function pageVariables(page: Page, baseurl = ''): Record<string, unknown> {
  const parts = page.sourcePath.split('/');
  const name = parts[parts.length - 1]!;
  const dir = `/${parts.slice(0, -1).join('/')}${parts.length > 1 ? '/' : ''}`;
  const variables: Record<string, unknown> = {
    ...page.data,
    url: page.url,
    path: page.sourcePath,
    name,
    dir,
    title: page.data.title,
    categories: page.categories,
    tags: page.tags,
    content: page.body,
  };
  if (page.date) variables.date = page.date;
  if (page.kind !== 'page') {
    const slug = name.replace(/\.[^.]+$/, '').replace(/^\d{2,4}-\d{1,2}-\d{1,2}-/, '');
    Object.assign(variables, {
      id: page.url.replace(/\.html$/, ''),
      slug,
      collection: 'posts',
      relative_path: page.sourcePath,
      draft: page.kind === 'draft',
      ext: name.slice(name.lastIndexOf('.')),
      excerpt: firstParagraph(page.body),
    });
  }
  void baseurl;
  return variables;
}

function firstParagraph(body: string): string {
  return body.trim().split(/\r?\n\s*\r?\n/)[0] ?? '';
}

/** `site.*`: the config's variables plus pages, posts, data, categories and tags. */
export function siteVariables(
  config: ResolvedConfig,
  pages: Page[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  const pageDrops = pages.filter((p) => p.kind === 'page').map((p) => pageVariables(p));
  const posts = pages
    .filter((p) => p.kind !== 'page')
    .sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0) || a.sourcePath.localeCompare(b.sourcePath))
    .map((p) => pageVariables(p));
  const groupBy = (key: 'categories' | 'tags') => {
    const out: Record<string, unknown[]> = {};
    for (const post of posts) for (const value of post[key] as string[]) (out[value] ??= []).push(post);
    return out;
  };
  return {
    ...config.siteVariables,
    pages: pageDrops,
    html_pages: pageDrops,
    posts,
    documents: posts,
    data,
    categories: groupBy('categories'),
    tags: groupBy('tags'),
    collections: [{ label: 'posts', docs: posts }],
    static_files: [],
  };
}
