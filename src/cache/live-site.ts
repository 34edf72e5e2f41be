// A site kept in memory between edits, for `faro dev` (src/dev owns the server and the
// watching; this is the incremental part it can call):
//
//   const live = await LiveSite.open(context, { workers, cache: true });   // full render
//   const update = live.updateArticle('us/en/setup.md');   // one article, ~one render
//   // → update.file: that article's page, laid out with the current navigation; serve it now
//   const listings = live.refreshListings();                // listings, sitemap, feeds, and
//   // → pages that list other pages through Liquid, re-rendered; only files that changed
//
// updateArticle re-reads and re-renders only the edited article (front matter unchanged:
// same URL, locale, categories), swaps it into the navigation model in place and lays out
// its own page. Anything wider (front matter, new or deleted files, includes, data, config,
// layouts) is reported as `full: true`: the caller then builds again (the render cache
// makes that cheap).
import { assembleSite, generateSiteInParallel, type BuildOptions, type GeneratedSite } from '../build.js';
import type { Diagnostic } from '../diagnostics.js';
import { applyLayouts } from '../pipeline/apply-layouts.js';
import { siteVariables } from '../pipeline/liquid-variables.js';
import { parsePage } from '../pipeline/parse-front-matter.js';
import { articleInput } from '../pipeline/render-pages.js';
import { renderJob } from '../pipeline/render-job.js';
import type { BuildContext, OutputFile, RenderedPage } from '../pipeline/types.js';
import { articleView } from '../site/article-view.js';
import { imageSizeLookup } from '../site/image-size.js';
import { stableJson } from './fingerprint.js';
import { siteKeysIn } from './dependencies.js';

export interface ArticleUpdate {
  /** The article's page, laid out (undefined when `full` or when the article has errors). */
  file?: OutputFile;
  /** The article's own findings (errors leave the previous page in place). */
  diagnostics: Diagnostic[];
  /** The change reaches beyond this article: build the site again. */
  full: boolean;
  seconds: number;
}

export class LiveSite {
  /** Output files by path, as last produced. */
  private readonly files = new Map<string, OutputFile['content']>();
  private readonly changed = new Set<string>();

  private constructor(
    private readonly context: BuildContext,
    private generated: GeneratedSite,
  ) {
    for (const file of generated.files) this.files.set(file.path, file.content);
  }

  /** Renders the whole site (workers and cache as for `faro build`); nothing is written. */
  static async open(context: BuildContext, options: BuildOptions & { cacheDir?: string } = {}): Promise<LiveSite> {
    return new LiveSite(context, await generateSiteInParallel(context, {}, options));
  }

  get site(): GeneratedSite {
    return this.generated;
  }

  /** Every output file as last produced (for a first write of the output folder). */
  outputFiles(): OutputFile[] {
    return this.generated.files;
  }

  updateArticle(sourcePath: string): ArticleUpdate {
    const started = performance.now();
    const done = (update: Omit<ArticleUpdate, 'seconds'>): ArticleUpdate => ({ ...update, seconds: (performance.now() - started) / 1000 });
    const { site, articles, model, views } = this.generated;
    const index = site.pages.findIndex((page) => page.sourcePath === sourcePath);
    const old = site.pages[index];
    const text = this.context.fs.readText(sourcePath)?.replace(/^\uFEFF/, '');
    if (!old || text === undefined) return done({ diagnostics: [], full: true });
    if (text === old.source) return done({ diagnostics: [], full: false });

    const diagnostics: Diagnostic[] = [];
    let parsed;
    try {
      parsed = parsePage({ sourcePath, kind: old.kind, source: text, isMarkdown: old.isMarkdown }, diagnostics);
    } catch {
      return done({ diagnostics: [], full: true });
    }
    // URL, locale and categories come from the front matter: a change there moves the page.
    if (stableJson(parsed.data) !== stableJson(old.data) || diagnostics.length) return done({ diagnostics: [], full: true });
    const page = { ...old, source: text, body: parsed.body, bodyOffset: parsed.bodyOffset };
    const output = renderJob(articleInput(page), site.settings, false);
    if (output.html === undefined) return done({ diagnostics: output.diagnostics, full: false });

    site.pages[index] = page;
    const inAll = site.allPages.findIndex((p) => p.sourcePath === sourcePath);
    if (inAll >= 0) site.allPages[inAll] = page;
    const previous = articles.find((a) => a.sourcePath === sourcePath);
    const article: RenderedPage = { ...page, html: output.html, headings: output.headings, links: output.links };
    if (previous) replaceEverywhere(this.generated, previous, article);
    this.changed.add(sourcePath);

    const localeModel = model.locales.find((l) => l.locale.id === article.locale);
    const oldView = views.find((view) => view.sourcePath === sourcePath && view.outputPath === article.outputPath);
    if (!localeModel || !oldView || article.layout === null) return done({ diagnostics: output.diagnostics, full: true });
    const view = articleView(model, localeModel, article, oldView.variables, imageSizeLookup(site.config, site.staticFiles));
    views[views.indexOf(oldView)] = view;
    const sources = new Map([[sourcePath, { source: text, bodyOffset: page.bodyOffset }]]);
    const layoutDiagnostics: Diagnostic[] = [];
    const [file] = applyLayouts([view], { ...this.context, diagnostics: layoutDiagnostics, config: site.config, sources });
    if (file) this.files.set(file.path, file.content);
    return done({ file, diagnostics: [...output.diagnostics, ...layoutDiagnostics], full: false });
  }

  /**
   * After updates: re-renders the articles whose Liquid lists other pages (`site.pages`, …),
   * rebuilds navigation and listing pages, and returns the output files that changed.
   */
  refreshListings(): OutputFile[] {
    const { site, articles } = this.generated;
    if (this.changed.size === 0) return [];
    // `site.pages` and friends as Liquid sees them now (a new settings object: new engines).
    site.settings = { ...site.settings, site: siteVariables(site.config, site.allPages, site.settings.site.data as Record<string, unknown>) };
    const rerendered = new Set<string>();
    for (const [index, article] of articles.entries()) {
      const keys = new Set<string>();
      siteKeysIn(article.body, keys);
      if (keys.size === 0 || this.changed.has(article.sourcePath)) continue;
      const output = renderJob(articleInput(article), site.settings, false);
      if (output.html !== undefined) articles[index] = { ...article, html: output.html, headings: output.headings, links: output.links };
      rerendered.add(article.sourcePath);
    }
    const context: BuildContext = { ...this.context, diagnostics: [] };
    // Bodies changed, titles, URLs and tags did not: other articles' pages are as they were
    // (updateArticle laid out the edited ones); listings show summaries and need laying out.
    const previousFiles = this.files;
    this.generated = assembleSite(context, site, articles, {
      applyLayouts: (views, layoutContext) =>
        applyLayouts(views.filter((view) => !view.sourcePath || rerendered.has(view.sourcePath) || !previousFiles.has(view.outputPath)), layoutContext),
    });
    const laidOut = new Set(this.generated.files.map((file) => file.path));
    for (const [path, content] of previousFiles) if (!laidOut.has(path)) this.generated.files.push({ path, content });
    this.changed.clear();
    const changed: OutputFile[] = [];
    for (const file of this.generated.files) {
      const before = this.files.get(file.path);
      if (before === undefined || !sameContent(before, file.content)) changed.push(file);
      this.files.set(file.path, file.content);
    }
    return changed;
  }
}

/** Puts `next` where `previous` was in the article list and the navigation model. */
function replaceEverywhere(generated: GeneratedSite, previous: RenderedPage, next: RenderedPage): void {
  const swap = (list: RenderedPage[]) => {
    const at = list.indexOf(previous);
    if (at >= 0) list[at] = next;
  };
  swap(generated.articles);
  for (const locale of generated.model.locales) {
    swap(locale.articles);
    for (const category of locale.categories) swap(category.articles);
    for (const tag of locale.tags) swap(tag.articles);
  }
  for (const list of generated.model.translations.values()) swap(list);
}

function sameContent(a: OutputFile['content'], b: OutputFile['content']): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}
