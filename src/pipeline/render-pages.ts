// Stage 5: every page's body through Liquid and Markdown (renderArticle), collecting each
// page's diagnostics in page order. Two ways, same output: `renderPages` on the calling
// thread (sync; fixture tests and `faro dev` use it), and `renderPagesInParallel`, which
// takes what it can from the render cache and gives the rest to a worker pool when there
// are enough of them to be worth it. Articles that read other items' `content` come last,
// on this thread and in Jekyll's order, each against the site as it stands at its turn
// (rendered-content.ts).
import { serialize } from 'node:v8';
import { ArticleCache } from '../cache/article-cache.js';
import { packRubyDates } from '../liquid/ruby-values.js';
import { collectionKeysOf, siteKeysIn } from '../cache/dependencies.js';
import { NodeFileSystem } from '../fs.js';
import type { ArticleInput, RenderSettings } from '../render-article.js';
import { pageVariables } from './liquid-variables.js';
import { planContent, type SiteRenderSettings } from './rendered-content.js';
import { renderJob, type RenderJobOutput } from './render-job.js';
import { MIN_PARALLEL_ARTICLES, RenderPool, type RenderTask } from './render-pool.js';
import type { WorkerSettings } from './render-worker.js';
import type { BuildContext, Page, RenderedPage } from './types.js';

export interface RenderOptions {
  /** Reuse and store renders (see src/cache). */
  cache?: ArticleCache;
  /** The worker pool, asked for only when there are enough articles to render (none: in-process). */
  pool?: () => RenderPool | undefined;
  /** Fewest articles to render for the pool to be used (default MIN_PARALLEL_ARTICLES). */
  minParallel?: number;
  /** Renders pages of a lower rank first (stable); page order by default. */
  rank?: (page: Page) => number;
  /**
   * Told of each asked page's output as soon as it is known (from the cache or rendered), in
   * no particular order. The body is then the listener's: the result's pages have none,
   * unless content readers need the bodies (`faro build` lets each go once written).
   */
  onRendered?: (index: number, output: RenderJobOutput) => void;
}

/** What the render stage did, for `--verbose` lines and the benchmark. */
export interface RenderStats {
  articles: number;
  fromCache: number;
  rendered: number;
  inWorkers: number;
  /** Rendered articles whose output changes on every build (`site.time`), or all of them when unknown (no cache). */
  volatile: number;
}

export function articleInput(page: Page): ArticleInput {
  return {
    file: page.sourcePath,
    source: page.source,
    body: page.templateFromFile ? page.source : page.body,
    bodyOffset: page.templateFromFile ? 0 : page.bodyOffset,
    isMarkdown: page.isMarkdown,
    page: pageVariables(page),
    ...(page.includedBodies && { includedBodies: page.includedBodies }),
  };
}

export function renderPages(pages: Page[], settings: SiteRenderSettings, context: BuildContext, options: RenderOptions = {}): RenderedPage[] {
  const plan = planRender(pages, settings, options, context);
  for (const task of plan.tasks) plan.complete(task.index, renderJob(task.input, settings, options.cache !== undefined));
  plan.renderContentReaders();
  return plan.assemble();
}

export async function renderPagesInParallel(
  pages: Page[],
  settings: SiteRenderSettings,
  context: BuildContext,
  options: RenderOptions = {},
): Promise<{ pages: RenderedPage[]; stats: RenderStats }> {
  const record = options.cache !== undefined;
  const plan = planRender(pages, settings, options, context);
  let inWorkers = 0;
  const enough = plan.tasks.length >= (options.minParallel ?? MIN_PARALLEL_ARTICLES);
  const pool = enough && settings.fs instanceof NodeFileSystem ? options.pool?.() : undefined;
  if (pool && settings.fs instanceof NodeFileSystem) {
    try {
      // dates keep their offset or day-only form across the clone (see packRubyDates)
      const site = packRubyDates(siteForWorkers(settings, plan.tasks)) as Record<string, unknown>;
      const collectionKeys = [...collectionKeysOf(settings.site)];
      const payload: WorkerSettings = { root: settings.fs.root, site, kramdown: settings.kramdown, includesDir: settings.includesDir, collectionKeys, record };
      pool.configure(serialize(payload));
      await pool.run(plan.tasks, (index, output) => {
        plan.complete(index, output);
        inWorkers++;
      });
    } catch {
      // A site the workers cannot receive (values that do not clone) or a crashed worker:
      // whatever is left renders here, with the same result.
    }
  }
  for (const task of plan.tasks) if (!plan.isDone(task.index)) plan.complete(task.index, renderJob(task.input, settings, record));
  const readers = plan.renderContentReaders();
  const rendered = plan.assemble();
  const renderedCount = plan.tasks.length + readers.rendered;
  const volatile = record ? plan.volatile() : renderedCount;
  const stats = { articles: pages.length, fromCache: plan.jobs - renderedCount, rendered: renderedCount, inWorkers, volatile };
  return { pages: rendered, stats };
}

interface RenderPlan {
  /** Articles to render, the asked ones and those needed for their content. */
  jobs: number;
  /** Articles the cache could not answer, content readers aside. */
  tasks: RenderTask[];
  complete(index: number, output: RenderJobOutput): void;
  isDone(index: number): boolean;
  /** After the tasks: the content readers, in order, from the cache or rendered here. */
  renderContentReaders(): { rendered: number };
  /** Rendered articles that depend on the build time. */
  volatile(): number;
  /** Rendered pages and diagnostics (pushed to the context) in page order. */
  assemble(): RenderedPage[];
}

function planRender(asked: Page[], settings: SiteRenderSettings, { cache, rank, onRendered }: RenderOptions, context: BuildContext): RenderPlan {
  const content = planContent(asked, settings);
  const pages = content.pages;
  const readers = new Set(content.readers.map((reader) => reader.index));
  const outputs: (RenderJobOutput | undefined)[] = new Array(pages.length);
  const inputs = pages.map(articleInput);
  const keys: string[] = [];
  const tasks: RenderTask[] = [];
  /** Indexes rendered (not taken from the cache), content readers included. */
  const renderedHere: number[] = [];
  let done = 0;
  const progress = () => context.onProgress?.(++done, pages.length);
  const told = (index: number) => {
    if (index >= asked.length || !onRendered) return;
    const output = outputs[index]!;
    onRendered(index, output);
    if (readers.size === 0) outputs[index] = withoutBody(output);
  };
  const cached = (index: number, from: ArticleCache): boolean => {
    const key = (keys[index] = from.keyOf(inputs[index]!));
    const hit = from.lookup(inputs[index]!, key);
    if (hit) {
      outputs[index] = { html: hit.html, headings: hit.headings, links: hit.links, diagnostics: hit.diagnostics };
      told(index);
      progress();
    }
    return hit !== undefined;
  };
  // Renders are kept for the next call with the same settings, which may need them only for
  // their content (`faro dev` renders one page per call); a site without content readers
  // never asks, and keeping every render would hold the whole site's output twice as long.
  const memo = content.readers.length > 0 ? contentOnlyRenders(settings) : undefined;
  const remembered = (index: number): boolean => {
    const known = index >= asked.length ? memo?.get(pages[index]!.sourcePath) : undefined;
    if (known?.source !== pages[index]!.source) return false;
    outputs[index] = known.output;
    progress();
    return true;
  };
  const complete = (index: number, output: RenderJobOutput, into = cache) => {
    outputs[index] = output;
    memo?.set(pages[index]!.sourcePath, { source: pages[index]!.source, output });
    renderedHere.push(index);
    const deps = output.deps;
    if (into && deps && output.html !== undefined) {
      into.remember(inputs[index]!, keys[index]!, { html: output.html, headings: output.headings, links: output.links, diagnostics: output.diagnostics }, deps);
    }
    told(index);
    progress();
  };
  for (const [index, input] of inputs.entries()) {
    if (readers.has(index) || remembered(index) || (cache && cached(index, cache))) continue;
    tasks.push({ index, input });
  }
  if (rank) {
    const ranks = new Map(tasks.map((task) => [task, rank(pages[task.index]!)]));
    tasks.sort((a, b) => ranks.get(a)! - ranks.get(b)! || a.index - b.index);
  }
  return {
    jobs: pages.length,
    tasks,
    complete,
    isDone: (index) => outputs[index] !== undefined,
    renderContentReaders() {
      const before = renderedHere.length;
      const order = settings.contentOrder;
      if (!order || content.readers.length === 0) return { rendered: 0 };
      const indexOf = new Map(pages.map((page, index) => [page.sourcePath, index]));
      // Bodies rendered so far, in Jekyll's order: what the next reader sees as `content`.
      const rendered = new Map<string, string>();
      let next = 0;
      for (const reader of content.readers) {
        for (; next < reader.position; next++) {
          const path = order.pages[next]!.sourcePath;
          const html = outputs[indexOf.get(path) ?? -1]?.html;
          if (html !== undefined) rendered.set(path, html);
        }
        if (remembered(reader.index)) continue;
        // A settings object of its own (and a cache that hashes this `site`), so the render
        // stays a function of its inputs and its cache entry of the site it saw.
        const view: RenderSettings = { ...settings, site: order.siteWith(rendered) };
        const viewCache = cache && new ArticleCache(cache.store, view);
        if (viewCache && cached(reader.index, viewCache)) continue;
        complete(reader.index, renderJob(inputs[reader.index]!, view, cache !== undefined), viewCache);
      }
      return { rendered: renderedHere.length - before };
    },
    volatile: () => renderedHere.filter((index) => outputs[index]?.deps?.volatile).length,
    assemble() {
      const rendered: RenderedPage[] = [];
      for (const [index, page] of asked.entries()) {
        const output = outputs[index]!;
        context.diagnostics.push(...output.diagnostics);
        if (output.html !== undefined) rendered.push({ ...page, html: output.html, headings: output.headings, links: output.links });
      }
      return rendered;
    },
  };
}

/** What the plan needs of an output once its body is handed over: success, diagnostics, deps. */
function withoutBody(output: RenderJobOutput): RenderJobOutput {
  return { html: output.html === undefined ? undefined : '', headings: [], links: [], diagnostics: output.diagnostics, deps: output.deps };
}

const contentOnly = new WeakMap<RenderSettings, Map<string, { source: string; output: RenderJobOutput }>>();

function contentOnlyRenders(settings: RenderSettings): Map<string, { source: string; output: RenderJobOutput }> {
  let renders = contentOnly.get(settings);
  if (!renders) contentOnly.set(settings, (renders = new Map()));
  return renders;
}

/**
 * The `site` the workers need: without the collections (every page's drop, its body
 * included) that no article to render and no include mentions, so each worker does not hold
 * a copy of the whole site. `include_relative` can read any file: then everything goes.
 */
function siteForWorkers(settings: RenderSettings, tasks: RenderTask[]): Record<string, unknown> {
  const keys = new Set<string>();
  const collectionKeys = collectionKeysOf(settings.site);
  for (const task of tasks) {
    if (task.input.body.includes('include_relative')) return settings.site;
    siteKeysIn(task.input.body, keys, collectionKeys);
  }
  for (const entry of settings.fs.listFiles(settings.includesDir)) siteKeysIn(settings.fs.readText(entry.path) ?? '', keys, collectionKeys);
  if (keys.has('*')) return settings.site;
  const site: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(settings.site)) if (!collectionKeys.has(name) || keys.has(name)) site[name] = value;
  return site;
}
