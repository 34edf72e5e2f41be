// Stages 1–4, shared by build, render and check: read the source folder into pages
// with URLs, locales and categories, and the settings every article is rendered with.
import type { RenderSettings } from '../render-article.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { applyFilters, assignTaxonomy } from './assign-taxonomy.js';
import { discoverSources } from './discover-sources.js';
import { siteVariables } from './liquid-variables.js';
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
  const pages = applyFilters(allPages, context.filters);
  const data = loadSiteData(context);
  const settings: RenderSettings = {
    site: siteVariables(config, allPages, data),
    kramdown: config.kramdown,
    fs: context.fs,
    includesDir: '_includes',
  };
  return { config, pages, allPages, staticFiles: sources.staticFiles, settings };
}
