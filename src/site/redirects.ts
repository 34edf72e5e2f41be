// jekyll-redirect-from: `redirect_from` writes a small page at each old URL pointing at the
// article; `redirect_to` replaces the article's own page with one pointing elsewhere.
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { lineOfKey } from '../pipeline/parse-front-matter.js';
import type { RenderedPage } from '../pipeline/types.js';
import type { SiteModel } from './site-model.js';
import type { View } from './views.js';

/** Front matter value as a list of non-empty strings (one string or a list). */
export function redirectList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

/**
 * The file written for an old URL, as Jekyll writes a page with that permalink:
 * `/old/` → `old/index.html`, `/old` → `old.html`, `/old.htm` → `old.htm`.
 * Undefined for URLs that would leave the output folder.
 */
export function redirectOutputPath(from: string): string | undefined {
  const path = from.replace(/[?#].*$/, '');
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    return undefined;
  }
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.includes('\\') || p.includes('\0')) || /^[A-Za-z]:/.test(parts[0] ?? '')) return undefined;
  if (decoded.endsWith('/') || parts.length === 0) return [...parts, 'index.html'].join('/');
  const last = parts[parts.length - 1]!;
  return /\.[^.]+$/.test(last) ? parts.join('/') : `${parts.join('/')}.html`;
}

/** URL of an output file (what a `redirect_from` page is reached at). */
function urlOfOutput(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

export interface RedirectInput {
  model: SiteModel;
  articles: RenderedPage[];
  /** Output paths already taken by real pages. */
  taken: Set<string>;
  variablesFor: (article: RenderedPage) => Record<string, unknown>;
  diagnostics?: Diagnostic[];
}

export function redirectFromViews(input: RedirectInput): View[] {
  const { model, taken } = input;
  const views: View[] = [];
  for (const article of input.articles) {
    for (const from of redirectList(article.data.redirect_from)) {
      const outputPath = redirectOutputPath(from);
      const where = { file: article.sourcePath, line: lineOfKey(article.source, 'redirect_from', article.bodyOffset), source: article.source };
      if (!outputPath) {
        input.diagnostics?.push(diagnostic(where, 'warning', 'redirect-outside-site', `redirect_from "${from}" leaves the site; no redirect written`));
        continue;
      }
      if (taken.has(outputPath)) {
        input.diagnostics?.push(diagnostic(where, 'warning', 'redirect-conflict', `redirect_from "${from}" would overwrite ${outputPath}; no redirect written`));
        continue;
      }
      taken.add(outputPath);
      views.push(redirectView(outputPath, urlOfOutput(outputPath), absoluteUrl(model, article.url), input.variablesFor(article)));
    }
  }
  return views;
}

export function redirectView(outputPath: string, url: string, to: string, variables: Record<string, unknown>, sourcePath?: string): View {
  return { outputPath, url, layout: 'redirect', sourcePath, variables: { ...variables, redirect: { to }, page: { title: to, redirect: { to } } } };
}

/** Absolute when the site has a `url`, as jekyll-redirect-from writes it. */
export function absoluteUrl(model: SiteModel, url: string): string {
  return `${model.config.url}${model.href(url)}`;
}
