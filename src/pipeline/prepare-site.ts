// Stages 1–4, shared by build, render and check: read the source folder into pages
// with URLs, locales and categories, and the settings every article is rendered with.
import type { ResolvedConfig } from '../config/resolved-config.js';
import { applyFilters, assignTaxonomy } from './assign-taxonomy.js';
import { customCollections } from './collections.js';
import { discoverSources } from './discover-sources.js';
import { renderExcerpts, siteUsesExcerpts } from './excerpts.js';
import { byDateThenPath, collectionDocuments, siteVariables } from './liquid-variables.js';
import { loadSiteData } from './load-site-data.js';
import { parseFrontMatter } from './parse-front-matter.js';
import { shareTemplatesAsJekyll } from './shared-templates.js';
import { jekyllRenderOrder, type SiteRenderSettings } from './rendered-content.js';
import { resolvePermalinks } from './resolve-permalinks.js';
import { siteFolders } from './site-folders.js';
import type { BuildContext, Page, StaticFile } from './types.js';

export interface PreparedSite {
  config: ResolvedConfig;
  /** Pages to render and write (after filters). */
  pages: Page[];
  /**
   * Documents of collections without `output: true` (after filters): Jekyll renders them
   * (their `content` is HTML to other pages' Liquid) but writes no page for them.
   */
  unwritten: Page[];
  /** Every published page, filters aside: what links and listings may point at. */
  allPages: Page[];
  staticFiles: StaticFile[];
  settings: SiteRenderSettings;
}

export function prepareSite(context: BuildContext): PreparedSite {
  const sources = discoverSources(context);
  const parsed = parseFrontMatter(sources.pages, context);
  const linked = resolvePermalinks(parsed, context);
  const taxonomy = assignTaxonomy(linked, context);
  const config = taxonomy.config;
  const allPages = limitPosts(taxonomy.pages, config.siteVariables.limit_posts);
  linkNeighbours(config, allPages);
  // Documents of a collection without `output: true` are listed in `site.*` but not published.
  const unpublished = new Set(customCollections(config.siteVariables).filter((c) => !c.output).map((c) => c.label));
  const isWritten = (page: Page) => page.kind !== 'document' || !unpublished.has(page.collection ?? '');
  const selected = applyFilters(allPages, context.filters);
  // `data_dir` and `includes_dir` may rename the folders (inside the source folder).
  const folders = siteFolders(config.siteVariables);
  const data = loadSiteData(context, folders.data);
  const settings: SiteRenderSettings = {
    site: siteVariables(config, allPages, data, sources.staticFiles),
    kramdown: config.kramdown,
    fs: context.fs,
    includesDir: folders.includes,
  };
  if (siteUsesExcerpts(allPages, context.fs, settings.includesDir)) {
    // Excerpts render against the site as it is; then the site is remade to carry them.
    renderExcerpts(allPages, settings);
    settings.site = siteVariables(config, allPages, data, sources.staticFiles);
  }
  const order = jekyllRenderOrder(config, allPages);
  shareTemplatesAsJekyll(order, context.fs);
  settings.contentOrder = {
    pages: order,
    siteWith: (rendered) => siteVariables(config, allPages, data, sources.staticFiles, rendered),
  };
  return {
    config,
    pages: selected.filter(isWritten),
    unwritten: selected.filter((page) => !isWritten(page)),
    allPages,
    staticFiles: sources.staticFiles,
    settings,
  };
}

/**
 * Jekyll's `limit_posts`: only the newest N posts (drafts shown count as posts) are read;
 * the others are neither rendered nor listed. 0, the default, keeps them all.
 */
function limitPosts(pages: Page[], limit: unknown): Page[] {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit <= 0) return pages;
  const posts = pages.filter((page) => page.kind === 'post' || page.kind === 'draft').sort(byDateThenPath);
  if (posts.length <= limit) return pages;
  const dropped = new Set(posts.slice(0, posts.length - limit));
  return pages.filter((page) => !dropped.has(page));
}

/** Jekyll's `previous`/`next`: the documents on either side in each collection's order. */
function linkNeighbours(config: ResolvedConfig, pages: Page[]): void {
  for (const docs of collectionDocuments(config, pages).values()) {
    docs.forEach((doc, index) => {
      doc.previous = docs[index - 1];
      doc.next = docs[index + 1];
    });
  }
}
