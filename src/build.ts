// The build runner: named stages in order. Content errors of every page are collected;
// the output is swapped in only when there are none.
import { join } from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { applyLayouts } from './pipeline/apply-layouts.js';
import { indexSearch } from './pipeline/index-search.js';
import { prepareSite } from './pipeline/prepare-site.js';
import { renderPages } from './pipeline/render-pages.js';
import type { BuildContext, OutputFile } from './pipeline/types.js';
import { copyFolder, copyStaticFiles, createStagingDir, discardStaging, swapIn, writeFiles } from './pipeline/write-output.js';
import { buildSiteModel } from './site/site-model.js';
import { sitemapFiles } from './site/sitemap.js';
import { loadUiStrings } from './site/ui-strings.js';
import { siteViews } from './site/views.js';

export interface BuildResult {
  ok: boolean;
  pages: number;
  locales: number;
  diagnostics: Diagnostic[];
  seconds: number;
  searchSeconds: number;
}

export async function build(context: BuildContext): Promise<BuildResult> {
  const started = performance.now();
  const site = prepareSite(context);
  const articles = renderPages(site.pages, site.settings, context);
  const model = buildSiteModel(site.config, articles, context.filters.locales);
  const views = siteViews(model, articles, loadUiStrings(site.config.layoutsDir));
  const sources = new Map(site.pages.map((p) => [p.sourcePath, { source: p.source, bodyOffset: p.bodyOffset }]));
  const files: OutputFile[] = [
    ...applyLayouts(views, { ...context, config: site.config, sources }),
    ...sitemapFiles(model, views),
  ];
  const result = (ok: boolean, searchSeconds = 0): BuildResult => ({
    ok,
    pages: views.length,
    locales: model.locales.length,
    diagnostics: context.diagnostics,
    seconds: (performance.now() - started) / 1000,
    searchSeconds,
  });
  if (hasErrors(context.diagnostics)) return result(false);

  const outDir = site.config.outDir;
  const staging = createStagingDir(outDir);
  try {
    copyStaticFiles(staging, site.staticFiles);
    if (site.config.assetsDir) copyFolder(site.config.assetsDir, join(staging, 'assets'));
    copyFolder(join(site.config.layoutsDir, 'static'), join(staging, 'assets', 'faro'));
    writeFiles(staging, files);
    const search = await indexSearch(staging);
    swapIn(staging, outDir);
    return result(true, search.seconds);
  } catch (error) {
    discardStaging(staging);
    throw error;
  }
}
