// The build runner: named stages in order. Content errors of every page are collected;
// the output is swapped in only when there are none.
import { join } from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { applyLayouts, type LayoutContext } from './pipeline/apply-layouts.js';
import { indexSearch } from './pipeline/index-search.js';
import { prepareSite, type PreparedSite } from './pipeline/prepare-site.js';
import { renderPages, renderPagesInParallel, type RenderStats } from './pipeline/render-pages.js';
import { defaultWorkerCount, RenderPool } from './pipeline/render-pool.js';
import { ArticleCache } from './cache/article-cache.js';
import { locateCache } from './cache/cache-dir.js';
import { RenderCache } from './cache/render-cache.js';
import type { BuildContext, OutputFile, Page, RenderedPage } from './pipeline/types.js';
import type { RenderSettings } from './render-article.js';
import { copyFolder, copyStaticFiles, createStagingDir, discardStaging, swapIn, writeFiles } from './pipeline/write-output.js';
import { buildSiteModel, type SiteModel } from './site/site-model.js';
import { feedFiles } from './site/feed.js';
import { imageSizeLookup } from './site/image-size.js';
import { sitemapFiles } from './site/sitemap.js';
import { loadUiStrings } from './site/ui-strings.js';
import { siteViews, type View } from './site/views.js';

export interface BuildResult {
  ok: boolean;
  pages: number;
  locales: number;
  diagnostics: Diagnostic[];
  seconds: number;
  searchSeconds: number;
  generated: GeneratedSite;
}

/** Stages `faro dev` replaces to reuse unchanged work; the plain stages by default. */
export interface StageOverrides {
  renderPages?: (pages: Page[], settings: RenderSettings, context: BuildContext) => RenderedPage[];
  applyLayouts?: (views: View[], context: LayoutContext) => OutputFile[];
}

/** Everything a build produces, before anything is written (`faro check` and `faro dev` use it too). */
export interface GeneratedSite {
  site: PreparedSite;
  articles: RenderedPage[];
  model: SiteModel;
  views: View[];
  files: OutputFile[];
}

/** Options of `faro build` that change how, never what, it builds. */
export interface BuildOptions {
  /** Render threads (default: the machine's cores); 1 renders on the main thread. */
  workers?: number;
  /** Reuse renders from `.faro-cache/` (default true; `--no-cache` sets false). */
  cache?: boolean;
  /** Cache folder instead of `<site root>/.faro-cache` (tests). */
  cacheDir?: string;
  /** Informational lines (shown with `--verbose`). */
  onNote?: (text: string) => void;
}

export function generateSite(context: BuildContext, stages: StageOverrides = {}): GeneratedSite {
  const site = prepareSite(context);
  const articles = (stages.renderPages ?? renderPages)(site.pages, site.settings, context);
  return assembleSite(context, site, articles, stages);
}

/**
 * generateSite with the render stage in worker threads and from the cache. The pool starts
 * before the site is read when much will be rendered (no cache yet), so that the workers
 * load their modules meanwhile.
 */
export async function generateSiteInParallel(
  context: BuildContext,
  stages: StageOverrides,
  options: BuildOptions,
): Promise<GeneratedSite & { renderStats?: RenderStats }> {
  if (stages.renderPages) return generateSite(context, stages);
  const workers = Math.max(1, options.workers ?? defaultWorkerCount());
  const location = options.cache === false ? {} : locateCache(context.config.root, options.cacheDir);
  if (location.note) options.onNote?.(location.note);
  const store = location.dir ? RenderCache.load(join(location.dir, 'render')) : undefined;
  if (store?.discarded) options.onNote?.(`cache: ${store.discarded} damaged or foreign entries ignored`);
  let pool = workers > 1 && !store?.size ? RenderPool.start(workers) : undefined;
  try {
    const site = prepareSite(context);
    const cache = store ? new ArticleCache(store, site.settings) : undefined;
    const { pages: articles, stats } = await renderPagesInParallel(site.pages, site.settings, context, {
      cache,
      pool: () => (pool ??= workers > 1 ? RenderPool.start(workers) : undefined),
    });
    store?.save();
    options.onNote?.(`render: ${stats.articles} articles, ${stats.fromCache} from cache, ${stats.rendered} rendered (${stats.inWorkers} in ${pool?.size ?? 0} workers)`);
    return { ...assembleSite(context, site, articles, stages), renderStats: stats };
  } finally {
    await pool?.close();
  }
}

/** Stages 6–7 of a site whose articles are rendered: model, views, layouts, sitemap, feeds. */
export function assembleSite(context: BuildContext, site: PreparedSite, articles: RenderedPage[], stages: StageOverrides = {}): GeneratedSite {
  const model = buildSiteModel(site.config, articles, context.filters.locales);
  const views = siteViews(model, articles, loadUiStrings(site.config.layoutsDir), {
    imageSize: imageSizeLookup(site.config, site.staticFiles),
    diagnostics: context.diagnostics,
  });
  const sources = new Map(site.pages.map((p) => [p.sourcePath, { source: p.source, bodyOffset: p.bodyOffset }]));
  const files: OutputFile[] = [
    ...(stages.applyLayouts ?? applyLayouts)(views, { ...context, config: site.config, sources }),
    ...sitemapFiles(model, views),
    ...feedFiles(model),
  ];
  return { site, articles, model, views, files };
}

/** Writes a generated site (pages, static files, assets) into `dir`. */
export function writeSite(dir: string, { site, files }: GeneratedSite): void {
  copyStaticFiles(dir, site.staticFiles);
  if (site.config.assetsDir) copyFolder(site.config.assetsDir, join(dir, 'assets'));
  copyFolder(join(site.config.layoutsDir, 'static'), join(dir, 'assets', 'faro'));
  writeFiles(dir, files);
}

export async function build(context: BuildContext, stages: StageOverrides = {}, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const generated = await generateSiteInParallel(context, stages, options);
  const { site, model, views } = generated;
  const result = (ok: boolean, searchSeconds = 0): BuildResult => ({
    ok,
    pages: views.length,
    locales: model.locales.length,
    diagnostics: context.diagnostics,
    seconds: (performance.now() - started) / 1000,
    searchSeconds,
    generated,
  });
  if (hasErrors(context.diagnostics)) return result(false);

  const outDir = site.config.outDir;
  const staging = createStagingDir(outDir);
  try {
    writeSite(staging, generated);
    const search = await indexSearch(staging);
    swapIn(staging, outDir);
    return result(true, search.seconds);
  } catch (error) {
    discardStaging(staging);
    throw error;
  }
}
