// Stages 1–4, shared by build, render and check: read the source folder into pages
// with URLs, locales and categories, and the settings every article is rendered with.
import type { RenderSettings } from '../render-article.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { applyFilters, assignTaxonomy } from './assign-taxonomy.js';
import { customCollections } from './collections.js';
import { discoverSources } from './discover-sources.js';
import { renderExcerpts, siteUsesExcerpts } from './excerpts.js';
import { collectionDocuments, siteVariables } from './liquid-variables.js';
import { loadSiteData } from './load-site-data.js';
import { parseFrontMatter } from './parse-front-matter.js';
import { resolvePermalinks } from './resolve-permalinks.js';
import type { BuildContext, Page, StaticFile } from './types.js';

export interface PreparedSite {
  config: ResolvedConfig;
  /** Pages to render (after filters). */
  pages: Page[];
  /** Every published page, filters aside: what links and listings may point at. */
  allPages: Page[];
  staticFiles: StaticFile[];
  settings: RenderSettings;
}

export function prepareSite(context: BuildContext): PreparedSite {
  const sources = discoverSources(context);
  const parsed = parseFrontMatter(sources.pages, context);
  const linked = resolvePermalinks(parsed, context);
  const { pages: allPages, config } = assignTaxonomy(linked, context);
  linkNeighbours(config, allPages);
  // Documents of a collection without `output: true` are listed in `site.*` but not published.
  const unpublished = new Set(customCollections(config.siteVariables).filter((c) => !c.output).map((c) => c.label));
  const pages = applyFilters(allPages, context.filters).filter((page) => page.kind !== 'document' || !unpublished.has(page.collection ?? ''));
  // `data_dir` and `includes_dir` may rename the folders (inside the source folder).
  const folder = (key: string, fallback: string) => {
    const value = config.siteVariables[key];
    const trimmed = typeof value === 'string' ? value.replace(/^\.?\/+|\/+$/g, '') : '';
    return trimmed === '' || trimmed.split('/').includes('..') ? fallback : trimmed;
  };
  const data = loadSiteData(context, folder('data_dir', '_data'));
  const settings: RenderSettings = {
    site: siteVariables(config, allPages, data, sources.staticFiles),
    kramdown: config.kramdown,
    fs: context.fs,
    includesDir: folder('includes_dir', '_includes'),
  };
  if (siteUsesExcerpts(allPages, context.fs, settings.includesDir)) {
    // Excerpts render against the site as it is; then the site is remade to carry them.
    renderExcerpts(allPages, settings);
    settings.site = siteVariables(config, allPages, data, sources.staticFiles);
  }
  return { config, pages, allPages, staticFiles: sources.staticFiles, settings };
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
