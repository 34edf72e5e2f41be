// Stage 6 while stage 5 runs: a locale's pages are laid out (and handed to the search index)
// as soon as the last of its articles is rendered, on the main thread, while the workers
// render the next locale. A locale's pages read nothing of other locales but front matter
// (see layout-keys.ts), so each is laid out from the same inputs as when the whole site is
// rendered first, and the output is the same.
//
// What a written locale no longer needs is let go, so that a build's memory does not grow
// with everything it has written: the views keep only their paths (and sitemap entries), the
// articles their front matter (listings summarise a body once, before; the feed is written
// with the locale).
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Diagnostic } from '../diagnostics.js';
import { layoutKeys } from '../cache/layout-keys.js';
import { feedFile } from '../site/feed.js';
import type { SiteModel, LocaleModel } from '../site/site-model.js';
import { sitemapEntry, sitemapFromEntries, type SitemapEntry } from '../site/sitemap.js';
import type { SiteViewBuilder, View } from '../site/views.js';
import type { PreparedSite } from './prepare-site.js';
import type { RenderJobOutput } from './render-job.js';
import type { OutputFile, RenderedPage } from './types.js';

/** Where streamed output goes: files as they are laid out, and a pause between chunks. */
export interface OutputSink {
  file(path: string, content: string | Uint8Array, layoutKey?: string): void;
  /** Keeps the last build's page when it was laid out from the same key (then true). */
  reuse?(path: string, layoutKey: string): boolean;
  /** Lets the search indexer catch up (bounded memory) before the next chunk. */
  flush(): Promise<void>;
}

export interface LocaleLayoutInput {
  site: PreparedSite;
  /** Every page of `site.pages` as it will be once rendered (html filled in by `rendered`). */
  articles: RenderedPage[];
  model: SiteModel;
  builder: SiteViewBuilder;
  sink: OutputSink;
  /** Lays out views; its diagnostics go to the list given. */
  layOut: (views: View[], diagnostics: Diagnostic[]) => OutputFile[];
  /** Keep pages whose layout inputs are unchanged (off when layouts are overridden). */
  keepUnchanged: boolean;
}

/** Views laid out between two turns of the event loop (the workers wait for replies meanwhile). */
const CHUNK = 16;

export class LocaleLayouts {
  readonly stats = { laidOut: 0, kept: 0 };
  /** Layout diagnostics, to follow the render's (which arrive in page order at the end). */
  readonly diagnostics: Diagnostic[] = [];
  private readonly remaining = new Map<string, number>();
  private readonly failed = new Set<number>();
  private readonly ready: LocaleModel[] = [];
  /** Each written locale's views, without their variables. */
  private readonly viewsByLocale = new Map<string, View[]>();
  private readonly sitemap = new WeakMap<View, SitemapEntry | undefined>();
  private readonly rankOf: Map<string, number>;
  private readonly keys: ReturnType<typeof layoutKeys> | undefined;
  private wake?: () => void;

  constructor(private readonly input: LocaleLayoutInput) {
    const { model, articles, site } = input;
    this.rankOf = new Map(model.locales.map((l, rank) => [l.locale.id, rank]));
    for (const l of model.locales) this.remaining.set(l.locale.id, 0);
    for (const article of articles) {
      const count = this.remaining.get(article.locale);
      if (count !== undefined) this.remaining.set(article.locale, count + 1);
    }
    this.keys = input.sink.reuse && input.keepUnchanged ? layoutKeys({ config: site.config, articles, staticFiles: site.staticFiles }) : undefined;
    for (const l of model.locales) if (this.remaining.get(l.locale.id) === 0) this.ready.push(l);
  }

  /** Render order: pages outside the site's locales first (nothing waits on them), then locale by locale. */
  readonly rank = (page: { locale: string }): number => this.rankOf.get(page.locale) ?? -1;

  /** A page's render output: fills in its article, and marks its locale ready after the last. */
  readonly rendered = (index: number, output: RenderJobOutput): void => {
    const article = this.input.articles[index]!;
    if (output.html === undefined) this.failed.add(index);
    else Object.assign(article, { html: output.html, headings: output.headings, links: output.links });
    const left = this.remaining.get(article.locale);
    if (left === undefined) return;
    this.remaining.set(article.locale, left - 1);
    if (left === 1) {
      this.ready.push(this.input.model.locales[this.rankOf.get(article.locale)!]!);
      this.wake?.();
    }
  };

  /** Lays out locales as they become ready, until `rendering` settles. */
  async layOutWhile(rendering: Promise<unknown>): Promise<void> {
    let settled = false;
    const settle = () => {
      settled = true;
      this.wake?.();
    };
    void rendering.then(settle, settle);
    for (;;) {
      const next = this.ready.shift();
      if (next) await this.layOutLocale(next);
      else if (settled) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /**
   * After the render: the locales not laid out yet, the root pages, redirects, sitemap and
   * feeds. Returns every view in the order `siteViews` gives them.
   */
  async finish(rendered: RenderedPage[]): Promise<View[]> {
    for (let next = this.ready.shift(); next; next = this.ready.shift()) await this.layOutLocale(next);
    const { builder, model } = this.input;
    const rootViews = builder.rootViews();
    const views = [...rootViews];
    for (const l of model.locales) views.push(...(this.viewsByLocale.get(l.locale.id) ?? []).filter((view) => !view.sourcePath));
    const articleViews = new Map<string, View>();
    for (const list of this.viewsByLocale.values()) for (const view of list) if (view.sourcePath) articleViews.set(view.sourcePath, view);
    for (const article of rendered) {
      const view = articleViews.get(article.sourcePath);
      if (view) views.push(view);
    }
    const redirects = builder.redirectViews(rendered, new Set(views.map((v) => v.outputPath)));
    views.push(...redirects);
    await this.write([...rootViews, ...redirects]);
    const entries = views.map((view) => (this.sitemap.has(view) ? this.sitemap.get(view) : sitemapEntry(model, view)));
    for (const file of sitemapFromEntries(model, entries)) this.input.sink.file(file.path, file.content);
    return views;
  }

  /** The articles rendered without errors, in page order (the objects the model holds). */
  renderedArticles(): RenderedPage[] {
    return this.input.articles.filter((_, index) => !this.failed.has(index));
  }

  private async layOutLocale(localeModel: LocaleModel): Promise<void> {
    const { builder, articles } = this.input;
    const own = articles.filter((article, index) => article.locale === localeModel.locale.id && !this.failed.has(index));
    const views = builder.listingViews(localeModel);
    for (const article of own) {
      const view = builder.articleView(article);
      if (view) views.push(view);
    }
    const keyOf = this.keys?.forLocale(localeModel.locale.id, own.map((a) => a.html));
    await this.write(views, keyOf);
    const feed = feedFile(this.input.model, localeModel);
    this.input.sink.file(feed.path, feed.content);
    this.viewsByLocale.set(localeModel.locale.id, views.map((view) => this.written(view)));
    for (const article of own) Object.assign(article, { html: '', headings: [], links: [] });
  }

  /** A written view as the rest of the build needs it: its paths, and its sitemap entry. */
  private written(view: View): View {
    const { outputPath, url, layout, sourcePath, locale } = view;
    const slim: View = { outputPath, url, layout, sourcePath, locale, variables: {} };
    this.sitemap.set(slim, sitemapEntry(this.input.model, view));
    return slim;
  }

  private async write(views: View[], keyOf?: (view: View) => string | undefined): Promise<void> {
    const { sink, layOut } = this.input;
    for (let start = 0; start < views.length; start += CHUNK) {
      const keys = new Map<string, string>();
      const chunk = views.slice(start, start + CHUNK);
      const stale = chunk.filter((view) => {
        const key = keyOf?.(view);
        if (key === undefined) return true;
        keys.set(view.outputPath, key);
        return !sink.reuse!(view.outputPath, key);
      });
      this.stats.laidOut += stale.length;
      this.stats.kept += chunk.length - stale.length;
      for (const file of layOut(stale, this.diagnostics)) sink.file(file.path, file.content, keys.get(file.path));
      await sink.flush();
      await nextTurn();
    }
  }
}
