// The builds behind `faro dev`: the first one (and any after a config or layout change)
// is the normal atomic build; after that, a change re-renders only the pages whose source
// changed, lays out those pages and the listing pages, and writes only the files that
// differ. Nothing is written while the site has errors, so the last good build stays served.
import { join, relative, resolve, sep } from 'node:path';
import { build, generateSite, type GeneratedSite, type StageOverrides } from '../build.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { hasErrors, toDiagnostic, type Diagnostic } from '../diagnostics.js';
import { applyLayouts, type LayoutContext } from '../pipeline/apply-layouts.js';
import { indexSearch } from '../pipeline/index-search.js';
import { refreshSearchLanguages } from './dev-search.js';
import { renderPages } from '../pipeline/render-pages.js';
import type { BuildContext, OutputFile, Page, RenderedPage } from '../pipeline/types.js';
import type { RenderSettings } from '../render-article.js';
import type { View } from '../site/views.js';
import { createContext } from '../commands/site-options.js';
import { LiveSite } from '../cache/live-site.js';
import { ServedFiles } from './served-files.js';
import { collectionKeysOf, siteKeysIn } from '../cache/dependencies.js';

/** What a change touches, from least to most work. */
export type ChangeKind = 'content' | 'site-wide' | 'layouts' | 'config';

/** An edited article's own page, written ahead of the rebuild that updates the rest. */
export interface QuickUpdate {
  /** Output paths written. */
  written: string[];
  diagnostics: Diagnostic[];
  seconds: number;
}

export interface DevBuildResult {
  ok: boolean;
  /** Every finding of this build (the cached pages' warnings included). */
  diagnostics: Diagnostic[];
  /** Atomic whole-site build (first build, config or layout change). */
  full: boolean;
  rendered: number;
  written: number;
  removed: number;
  seconds: number;
}

interface CachedRender {
  source: string;
  rendered?: RenderedPage;
  diagnostics: Diagnostic[];
}

// Pages that list other pages through Liquid (`site.pages`, `site.posts`, a collection of
// the config…) must be rendered again whenever any page changes.
const usesSiteCollections = (source: string, site: Record<string, unknown>): boolean => {
  const keys = new Set<string>();
  siteKeysIn(source, keys, collectionKeysOf(site));
  return keys.size > 0;
};

export class DevBuilder {
  private readonly renders = new Map<string, CachedRender>();
  private readonly layouts = new Map<string, OutputFile>();
  /** What the served folder holds, and what the search index has not seen yet. */
  private readonly served = new ServedFiles();
  private lastMetadata = '';
  private hasOutput = false;
  /** The last build's site, files in memory: edited articles are updated in it first. */
  private live?: LiveSite;
  /** Articles the quick path updated since the last rebuild (their locales' listings are due). */
  private readonly quickEdited = new Set<string>();

  constructor(
    public config: ResolvedConfig,
    private readonly loadConfig: () => Promise<ResolvedConfig>,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  async rebuild(changes: ReadonlySet<ChangeKind>): Promise<DevBuildResult> {
    const started = performance.now();
    if (changes.has('config')) {
      try {
        this.config = await this.loadConfig();
      } catch (error) {
        return this.failed([toDiagnostic(error, { file: this.config.configFile ?? this.config.root })], started);
      }
    }
    const full = !this.hasOutput || changes.has('config') || changes.has('layouts');
    if (changes.has('config') || changes.has('site-wide')) this.renders.clear();
    if (full) this.layouts.clear();

    const context: BuildContext = { ...createContext(this.config), onProgress: this.onProgress };
    // Articles the quick path updated count as rendered by this build until it succeeds.
    const fresh = new Set<string>(this.quickEdited);
    this.live = undefined;
    const stages: StageOverrides = {
      renderPages: (pages, settings, ctx) => this.renderChanged(pages, settings, ctx, fresh),
      applyLayouts: (views, ctx) => this.layOutChanged(views, ctx, fresh),
    };
    if (full) {
      // Nothing in memory yet: the build's own render stage (disk cache, worker threads) is
      // quicker; the plain layout stage is named so that the files stay in memory.
      const cold = this.renders.size === 0;
      const result = await build(context, cold ? { applyLayouts } : stages);
      if (!result.ok) return this.failed(result.diagnostics, started, fresh.size);
      if (cold) this.adopt(result.generated, result.diagnostics);
      // The build indexed every page.
      this.served.remember(result.generated);
      this.live = LiveSite.adopt(context, result.generated);
      this.quickEdited.clear();
      this.hasOutput = true;
      const rendered = cold ? result.generated.articles.length : fresh.size;
      return { ok: true, diagnostics: unique(result.diagnostics), full, rendered, written: result.generated.files.length, removed: 0, seconds: seconds(started) };
    }
    const generated = generateSite(context, stages);
    if (hasErrors(context.diagnostics)) return this.failed(unique(context.diagnostics), started, fresh.size);
    const { written, removed } = this.served.writeChanges(this.config.outDir, generated);
    this.live = LiveSite.adopt(context, generated);
    this.quickEdited.clear();
    return { ok: true, diagnostics: unique(context.diagnostics), full, rendered: fresh.size, written, removed, seconds: seconds(started) };
  }

  /**
   * The quick path for edited article bodies: each article is rendered again and its own
   * page laid out (with the navigation as it was) and written at once, before the rebuild
   * that updates listings, sitemap and search. Undefined when the edit reaches further
   * (front matter, new files, errors): the rebuild alone handles it then.
   */
  quickUpdate(paths: string[]): QuickUpdate | undefined {
    const started = performance.now();
    const live = this.live;
    if (!live) return undefined;
    const sources = [...new Set(paths)].map((path) => relative(this.config.sourceDir, resolve(path)).split(sep).join('/'));
    if (sources.some((path) => path.startsWith('..') || !this.renders.has(path))) return undefined;
    const updates = [];
    for (const sourcePath of sources) {
      const update = live.updateArticle(sourcePath);
      if (update.full || hasErrors(update.diagnostics)) {
        // The site in memory is now partly updated: it must not be used again.
        this.live = undefined;
        return undefined;
      }
      updates.push({ sourcePath, update });
    }
    const files: OutputFile[] = [];
    for (const { sourcePath, update } of updates) {
      if (!update.file || !update.article) continue;
      files.push(update.file);
      this.renders.set(sourcePath, { source: update.article.source, rendered: update.article, diagnostics: update.diagnostics });
      this.layouts.set(update.file.path, update.file);
      this.quickEdited.add(sourcePath);
    }
    this.served.write(this.config.outDir, files);
    return { written: files.map((f) => f.path), diagnostics: updates.flatMap((u) => u.update.diagnostics), seconds: seconds(started) };
  }

  /** Prepares the site in memory for the next quick update (see LiveSite.warmUp). */
  warmUp(): void {
    try {
      this.live?.warmUp();
    } catch {
      // Only a head start: the next change reports whatever is wrong.
    }
  }

  /**
   * The search index after incremental writes: the languages of the pages written since the
   * last refresh are indexed again; when pages were removed (or that fails), the whole folder.
   */
  async refreshSearch(): Promise<void> {
    if (!this.hasOutput) return;
    const { stale, whole } = this.served.takeSearchWork();
    if (!whole && stale.length === 0) return;
    if (!whole) {
      try {
        await refreshSearchLanguages(this.config.outDir, this.served.htmlPages(), stale);
        return;
      } catch {
        // A bundle not in per-language form, or a failed part: index everything below.
      }
    }
    await indexSearch(this.config.outDir);
  }

  private failed(diagnostics: Diagnostic[], started: number, rendered = 0): DevBuildResult {
    return { ok: false, diagnostics, full: false, rendered, written: 0, removed: 0, seconds: seconds(started) };
  }

  private renderChanged(pages: Page[], settings: RenderSettings, context: BuildContext, fresh: Set<string>): RenderedPage[] {
    const anyChanged =
      fresh.size > 0 ||
      pages.some((page) => this.renders.get(page.sourcePath)?.source !== page.source) || this.renders.size !== pages.length;
    const stale = pages.filter((page) => {
      const cached = this.renders.get(page.sourcePath);
      return !cached || cached.source !== page.source || (anyChanged && usesSiteCollections(page.source, settings.site));
    });
    const live = new Set(pages.map((p) => p.sourcePath));
    for (const path of this.renders.keys()) if (!live.has(path)) this.renders.delete(path);
    for (const [index, page] of stale.entries()) {
      const own: BuildContext = { ...context, diagnostics: [], onProgress: undefined };
      const [rendered] = renderPages([page], settings, own);
      this.renders.set(page.sourcePath, { source: page.source, rendered, diagnostics: own.diagnostics });
      fresh.add(page.sourcePath);
      context.onProgress?.(index + 1, stale.length);
    }
    const out: RenderedPage[] = [];
    for (const page of pages) {
      const cached = this.renders.get(page.sourcePath)!;
      context.diagnostics.push(...cached.diagnostics);
      if (cached.rendered) out.push(cached.rendered);
    }
    const metadata = metadataOf(out);
    // Titles, dates and tags of every article appear on the others' pages (related, next, translations).
    if (metadata !== this.lastMetadata) this.layouts.clear();
    this.lastMetadata = metadata;
    return out;
  }

  /** Takes the articles and pages of a whole build as the starting point of the next ones. */
  private adopt(generated: GeneratedSite, diagnostics: Diagnostic[]): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    this.renders.clear();
    for (const article of generated.articles) {
      this.renders.set(article.sourcePath, { source: article.source, rendered: article, diagnostics: byFile.get(article.sourcePath) ?? [] });
    }
    this.layouts.clear();
    for (const file of generated.files) this.layouts.set(file.path, file);
    this.lastMetadata = metadataOf(generated.articles);
  }

  private layOutChanged(views: View[], context: LayoutContext, fresh: Set<string>): OutputFile[] {
    // Listing pages show summaries of their locale's articles: only those of a changed locale.
    const locales = new Set([...fresh].map((path) => this.renders.get(path)?.rendered?.locale));
    const stale = views.filter(
      (view) =>
        !this.layouts.has(view.outputPath) ||
        (view.sourcePath ? fresh.has(view.sourcePath) : view.locale === undefined || locales.has(view.locale)),
    );
    const files = applyLayouts(stale, context);
    for (const file of files) this.layouts.set(file.path, file);
    const live = new Set(views.map((v) => v.outputPath));
    for (const path of this.layouts.keys()) if (!live.has(path)) this.layouts.delete(path);
    return views.map((view) => this.layouts.get(view.outputPath)).filter((file): file is OutputFile => file !== undefined);
  }
}

function metadataOf(articles: RenderedPage[]): string {
  return JSON.stringify(articles.map((a) => [a.sourcePath, a.url, a.title, a.date, a.tags, a.categories, a.locale, a.layout, a.translationKey]));
}

/** Build diagnostics once each (cached pages bring theirs back with every build). */
function unique(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}



const seconds = (started: number) => (performance.now() - started) / 1000;
