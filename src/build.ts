// The build runner: named stages in order. Content errors of every page are collected;
// the output is swapped in only when there are none.
import { join } from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { applyLayouts, createLayoutEnvironment, type LayoutContext } from './pipeline/apply-layouts.js';
import { prepareSite, type PreparedSite } from './pipeline/prepare-site.js';
import { renderPages, renderPagesInParallel, type RenderStats } from './pipeline/render-pages.js';
import { defaultWorkerCount, MIN_PARALLEL_ARTICLES, RenderPool } from './pipeline/render-pool.js';
import { ArticleCache } from './cache/article-cache.js';
import { RenderCache } from './cache/render-cache.js';
import type { BuildContext, OutputFile, Page, RenderedPage } from './pipeline/types.js';
import type { RenderSettings } from './render-article.js';
import { copyFolder, copyStaticFiles, writeFiles } from './pipeline/write-output.js';
import { OutputSession, writeOutput, type OutputState, type SiteFiles } from './cache/incremental-output.js';
import { openOutputState } from './build-site.js';
import { buildSiteModel, type SiteModel } from './site/site-model.js';
import { feedFiles } from './site/feed.js';
import { imageSizeLookup } from './site/image-size.js';
import { sitemapFiles } from './site/sitemap.js';
import { loadUiStrings } from './site/ui-strings.js';
import { SiteViewBuilder, siteViews, type View } from './site/views.js';
import { LocaleLayouts, type OutputSink } from './pipeline/lay-out-by-locale.js';

export interface BuildResult {
  ok: boolean;
  pages: number;
  locales: number;
  diagnostics: Diagnostic[];
  seconds: number;
  searchSeconds: number;
  generated: GeneratedSite;
  /** What the render stage took from the cache and did in workers (absent with stage overrides). */
  renderStats?: RenderStats;
}

/** Stages `faro dev` replaces to reuse unchanged work; the plain stages by default. */
export interface StageOverrides {
  renderPages?: (pages: Page[], settings: RenderSettings, context: BuildContext) => RenderedPage[];
  applyLayouts?: (views: View[], context: LayoutContext) => OutputFile[];
}

/**
 * Everything a build produces, before anything is written (`faro check` and `faro dev` use it
 * too). A build streamed to its output lets go of what it has written: there the articles
 * keep no body and the views no variables (lay-out-by-locale.ts).
 */
export interface GeneratedSite {
  site: PreparedSite;
  articles: RenderedPage[];
  model: SiteModel;
  views: View[];
  files: OutputFile[];
  /** Pages laid out, and pages kept from the last build (when streamed to an output). */
  layoutStats?: { laidOut: number; kept: number };
}

/** Options of `faro build` that change how, never what, it builds. */
export interface BuildOptions {
  /** Render threads (default: the machine's cores); 1 renders on the main thread. */
  workers?: number;
  /** Use `.faro-cache/` (default true; `--no-cache` sets false: nothing read, nothing written). */
  cache?: boolean;
  /** Cache folder instead of `<site root>/.faro-cache` (tests). */
  cacheDir?: string;
  /** Informational lines (shown with `--verbose`). */
  onNote?: (text: string) => void;
  /** Fewest articles to render for workers to be used (default MIN_PARALLEL_ARTICLES; tests lower it). */
  parallelThreshold?: number;
  /** When nothing changed: replay every warning of the last build, not only the first WARNINGS_SHOWN. */
  replayAllWarnings?: boolean;
}

/** What build() passes on to generateSiteInParallel. */
interface InternalOptions extends BuildOptions {
  cacheDir?: string;
  /** Files in the source folder, when known: decides whether to start workers before reading. */
  sourceFiles?: number;
}

export function generateSite(context: BuildContext, stages: StageOverrides = {}): GeneratedSite {
  const site = prepareSite(context);
  const articles = (stages.renderPages ?? renderPages)(site.pages, site.settings, context);
  return assembleSite(context, site, articles, stages);
}

/**
 * generateSite with the render stage from the cache and in worker threads. The pool starts
 * before the site is read when much will be rendered (empty cache), so that the workers load
 * their modules meanwhile; otherwise only once enough articles turn out to need rendering.
 */
export async function generateSiteInParallel(
  context: BuildContext,
  stages: StageOverrides,
  options: InternalOptions,
  sink?: OutputSink,
): Promise<GeneratedSite & { renderStats?: RenderStats }> {
  if (stages.renderPages) return generateSite(context, stages);
  const workers = Math.max(1, options.workers ?? defaultWorkerCount());
  const store = options.cacheDir ? RenderCache.load(join(options.cacheDir, 'render')) : undefined;
  if (store?.discarded) options.onNote?.(`cache: ${store.discarded} damaged or foreign entries ignored`);
  const threshold = options.parallelThreshold ?? MIN_PARALLEL_ARTICLES;
  const early = workers > 1 && !store?.size && (options.sourceFiles ?? 0) >= threshold;
  let pool = early ? RenderPool.start(workers) : undefined;
  try {
    const timer = stageTimer();
    const site = prepareSite(context);
    const prepared = timer();
    const cache = store ? new ArticleCache(store, site.settings) : undefined;
    const streamed = sink ? localeLayoutsFor(sink, context, site, stages) : undefined;
    const rendering = renderPagesInParallel(site.pages, site.settings, context, {
      cache,
      pool: () => (pool ??= workers > 1 ? RenderPool.start(workers) : undefined),
      minParallel: options.parallelThreshold,
      rank: streamed?.layouts.rank,
      onRendered: streamed?.layouts.rendered,
    });
    await streamed?.layouts.layOutWhile(rendering);
    const { pages: articles, stats } = await rendering;
    const rendered = timer();
    const poolSize = pool?.size ?? 0;
    // The workers' memory is not needed past this point.
    await pool?.close();
    pool = undefined;
    store?.save();
    store?.release();
    const assembled = streamed ? await finishLocaleLayouts(streamed, context) : assembleSite(context, site, articles, stages);
    const laidOut = assembled.layoutStats ? ` (${assembled.layoutStats.laidOut} pages laid out, ${assembled.layoutStats.kept} kept)` : '';
    options.onNote?.(
      `read ${prepared}; rendered ${stats.articles} articles (${stats.fromCache} from cache, ${stats.inWorkers} in ${poolSize} workers), laying out each locale once rendered, ${rendered}; the rest of the layouts${laidOut} ${timer()}`,
    );
    return { ...assembled, renderStats: stats };
  } finally {
    // After a failure: the cache's unsaved entries go (after a save there are none).
    store?.release();
    await pool?.close();
  }
}

/** Seconds since the previous call (or creation), as text. */
function stageTimer(): () => string {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const seconds = ((now - last) / 1000).toFixed(2);
    last = now;
    return `${seconds} s, rss ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB`;
  };
}

/** Stages 6–7 of a site whose articles are rendered: model, views, layouts, sitemap, feeds. */
export function assembleSite(context: BuildContext, site: PreparedSite, articles: RenderedPage[], stages: StageOverrides = {}): GeneratedSite {
  const { model, views, layOut } = viewsOf(context, site, articles, stages);
  const files: OutputFile[] = [...layOut(views), ...sitemapFiles(model, views), ...feedFiles(model)];
  return { site, articles, model, views, files };
}

/**
 * Stage 6 for a build that streams to `sink`: the model from the pages' front matter, and
 * each locale laid out as soon as its articles are rendered (lay-out-by-locale.ts).
 */
function localeLayoutsFor(sink: OutputSink, context: BuildContext, site: PreparedSite, stages: StageOverrides) {
  // The articles as they will be once rendered: the model and views hold these objects.
  const articles: RenderedPage[] = site.pages.map((page) => ({ ...page, html: '', headings: [], links: [] }));
  const model = buildSiteModel(site.config, articles, context.filters.locales);
  const builder = new SiteViewBuilder(model, loadUiStrings(site.config.layoutsDir), {
    imageSize: imageSizeLookup(site.config, site.staticFiles),
    diagnostics: context.diagnostics,
  });
  const sources = sourcesOf(site);
  // Compiled once: the layouts run in many small steps.
  const environment = createLayoutEnvironment(site.config.layoutsDir);
  const layOut = (views: View[], diagnostics: Diagnostic[]) =>
    (stages.applyLayouts ?? applyLayouts)(views, { ...context, diagnostics, config: site.config, sources, environment });
  const layouts = new LocaleLayouts({ site, articles, model, builder, sink, layOut, keepUnchanged: !stages.applyLayouts });
  return { site, model, layouts };
}

async function finishLocaleLayouts({ site, model, layouts }: ReturnType<typeof localeLayoutsFor>, context: BuildContext): Promise<GeneratedSite> {
  const articles = layouts.renderedArticles();
  const views = await layouts.finish(articles);
  context.diagnostics.push(...layouts.diagnostics);
  return { site, articles, model, views, files: [], layoutStats: layouts.stats };
}

function viewsOf(context: BuildContext, site: PreparedSite, articles: RenderedPage[], stages: StageOverrides) {
  const model = buildSiteModel(site.config, articles, context.filters.locales);
  const views = siteViews(model, articles, loadUiStrings(site.config.layoutsDir), {
    imageSize: imageSizeLookup(site.config, site.staticFiles),
    diagnostics: context.diagnostics,
  });
  const sources = sourcesOf(site);
  const layOut = (list: View[]) => (stages.applyLayouts ?? applyLayouts)(list, { ...context, config: site.config, sources });
  return { model, views, layOut };
}

function sourcesOf(site: PreparedSite) {
  return new Map(site.pages.map((p) => [p.sourcePath, { source: p.source, bodyOffset: p.bodyOffset }]));
}

/** Files a generated site writes: pages, static files, and the asset folders copied whole. */
function siteFiles({ site, files }: GeneratedSite): SiteFiles {
  const folders: [string, string][] = [];
  if (site.config.assetsDir) folders.push([site.config.assetsDir, 'assets']);
  folders.push([join(site.config.layoutsDir, 'static'), 'assets/faro']);
  return { files, staticFiles: site.staticFiles, folders };
}

/** Writes a generated site (pages, static files, assets) into `dir`. */
export function writeSite(dir: string, generated: GeneratedSite): void {
  const { files, staticFiles, folders } = siteFiles(generated);
  copyStaticFiles(dir, staticFiles);
  for (const [from, prefix] of folders) copyFolder(from, join(dir, prefix));
  writeFiles(dir, files);
}

export async function build(
  context: BuildContext,
  stages: StageOverrides = {},
  options: BuildOptions = {},
  state: OutputState = openOutputState(context, options),
): Promise<BuildResult> {
  const started = performance.now();
  // Without stage overrides nobody needs the files in memory: they go to disk as laid out.
  const session = stages.renderPages || stages.applyLayouts ? undefined : new OutputSession(state);
  let generated: Awaited<ReturnType<typeof generateSiteInParallel>>;
  try {
    generated = await generateSiteInParallel(context, stages, { ...options, cacheDir: state.cacheDir, sourceFiles: state.sourceFiles }, session);
  } catch (error) {
    session?.abort();
    throw error;
  }
  const { model, views } = generated;
  const result = (ok: boolean, searchSeconds = 0): BuildResult => ({
    ok,
    pages: views.length,
    locales: model.locales.length,
    diagnostics: context.diagnostics,
    seconds: (performance.now() - started) / 1000,
    searchSeconds,
    generated,
    renderStats: generated.renderStats,
  });
  if (hasErrors(context.diagnostics)) {
    session?.abort();
    return result(false);
  }

  const summary = { pages: views.length, locales: model.locales.length, warnings: context.diagnostics };
  const volatile = (generated.renderStats?.volatile ?? 1) > 0;
  const report = session
    ? await session.finish(siteFiles(generated), summary, volatile)
    : await writeOutput(siteFiles(generated), state, summary, volatile);
  options.onNote?.(
    `wrote ${report.written} files, linked ${report.linked} unchanged ones; search index ${report.searchReused ? `reused (${report.searchLanguages.kept} languages)` : `built in ${report.searchActiveSeconds.toFixed(2)} s alongside the layouts (${report.searchLanguages.indexed} languages indexed, ${report.searchLanguages.kept} kept), waited ${report.searchSeconds.toFixed(2)} s for it at the end`}; peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (faro's process, workers included, Pagefind's not)`,
  );
  return result(true, report.searchSeconds);
}
