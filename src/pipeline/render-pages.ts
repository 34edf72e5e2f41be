// Stage 5: every page's body through Liquid and Markdown (renderArticle), collecting each
// page's diagnostics in page order. Two ways, same output: `renderPages` on the calling
// thread (sync; fixture tests and `faro dev` use it), and `renderPagesInParallel`, which
// takes what it can from the render cache and gives the rest to a worker pool when there
// are enough of them to be worth it.
import { serialize } from 'node:v8';
import { ArticleCache } from '../cache/article-cache.js';
import { COLLECTION_KEYS, siteKeysIn } from '../cache/dependencies.js';
import { NodeFileSystem } from '../fs.js';
import type { ArticleInput, RenderSettings } from '../render-article.js';
import { pageVariables } from './liquid-variables.js';
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
  /** Told of each page's output as soon as it is known (from the cache or rendered), in no particular order. */
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
    body: page.body,
    bodyOffset: page.bodyOffset,
    isMarkdown: page.isMarkdown,
    page: pageVariables(page),
  };
}

export function renderPages(pages: Page[], settings: RenderSettings, context: BuildContext, options: RenderOptions = {}): RenderedPage[] {
  const plan = planRender(pages, options, context);
  for (const task of plan.tasks) plan.complete(task.index, renderJob(task.input, settings, options.cache !== undefined));
  return plan.assemble();
}

export async function renderPagesInParallel(
  pages: Page[],
  settings: RenderSettings,
  context: BuildContext,
  options: RenderOptions = {},
): Promise<{ pages: RenderedPage[]; stats: RenderStats }> {
  const record = options.cache !== undefined;
  const plan = planRender(pages, options, context);
  let inWorkers = 0;
  const enough = plan.tasks.length >= (options.minParallel ?? MIN_PARALLEL_ARTICLES);
  const pool = enough && settings.fs instanceof NodeFileSystem ? options.pool?.() : undefined;
  if (pool && settings.fs instanceof NodeFileSystem) {
    try {
      const site = siteForWorkers(settings, plan.tasks);
      const payload: WorkerSettings = { root: settings.fs.root, site, kramdown: settings.kramdown, includesDir: settings.includesDir, record };
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
  const rendered = plan.assemble();
  const volatile = record ? plan.volatile() : plan.tasks.length;
  return { pages: rendered, stats: { articles: pages.length, fromCache: pages.length - plan.tasks.length, rendered: plan.tasks.length, inWorkers, volatile } };
}

interface RenderPlan {
  /** Articles the cache could not answer. */
  tasks: RenderTask[];
  complete(index: number, output: RenderJobOutput): void;
  isDone(index: number): boolean;
  /** Rendered articles that depend on the build time. */
  volatile(): number;
  /** Rendered pages and diagnostics (pushed to the context) in page order. */
  assemble(): RenderedPage[];
}

function planRender(pages: Page[], { cache, rank, onRendered }: RenderOptions, context: BuildContext): RenderPlan {
  const outputs: (RenderJobOutput | undefined)[] = new Array(pages.length);
  const inputs = pages.map(articleInput);
  const keys: string[] = [];
  const tasks: RenderTask[] = [];
  let done = 0;
  const progress = () => context.onProgress?.(++done, pages.length);
  for (const [index, input] of inputs.entries()) {
    if (cache) {
      const key = cache.keyOf(input);
      keys[index] = key;
      const hit = cache.lookup(input, key);
      if (hit) {
        outputs[index] = { html: hit.html, headings: hit.headings, links: hit.links, diagnostics: hit.diagnostics };
        onRendered?.(index, outputs[index]!);
        progress();
        continue;
      }
    }
    tasks.push({ index, input });
  }
  if (rank) {
    const ranks = new Map(tasks.map((task) => [task, rank(pages[task.index]!)]));
    tasks.sort((a, b) => ranks.get(a)! - ranks.get(b)! || a.index - b.index);
  }
  return {
    tasks,
    complete(index, output) {
      outputs[index] = output;
      const deps = output.deps;
      if (cache && deps && output.html !== undefined) {
        cache.remember(inputs[index]!, keys[index]!, { html: output.html, headings: output.headings, links: output.links, diagnostics: output.diagnostics }, deps);
      }
      onRendered?.(index, output);
      progress();
    },
    isDone: (index) => outputs[index] !== undefined,
    volatile: () => tasks.filter((task) => outputs[task.index]?.deps?.volatile).length,
    assemble() {
      const rendered: RenderedPage[] = [];
      for (const [index, page] of pages.entries()) {
        const output = outputs[index]!;
        context.diagnostics.push(...output.diagnostics);
        if (output.html !== undefined) rendered.push({ ...page, html: output.html, headings: output.headings, links: output.links });
      }
      return rendered;
    },
  };
}

/**
 * The `site` the workers need: without the collections (every page's drop, its body
 * included) that no article to render and no include mentions, so each worker does not hold
 * a copy of the whole site. `include_relative` can read any file: then everything goes.
 */
function siteForWorkers(settings: RenderSettings, tasks: RenderTask[]): Record<string, unknown> {
  const keys = new Set<string>();
  for (const task of tasks) {
    if (task.input.body.includes('include_relative')) return settings.site;
    siteKeysIn(task.input.body, keys);
  }
  for (const entry of settings.fs.listFiles(settings.includesDir)) siteKeysIn(settings.fs.readText(entry.path) ?? '', keys);
  if (keys.has('*')) return settings.site;
  const site: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(settings.site)) if (!COLLECTION_KEYS.includes(name) || keys.has(name)) site[name] = value;
  return site;
}
