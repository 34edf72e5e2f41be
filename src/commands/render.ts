// `faro render`: every Markdown page's body (Jekyll's `{{ content }}` before layouts) to
// OUT/<relative path>.html, through the same stages as `faro build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Command } from '../cli/command.js';
import { stringOption } from '../cli/command.js';
import { prepareSite, type PreparedSite } from '../pipeline/prepare-site.js';
import { renderPages, renderPagesInParallel } from '../pipeline/render-pages.js';
import { defaultWorkerCount, RenderPool } from '../pipeline/render-pool.js';
import type { BuildContext, Page, RenderedPage } from '../pipeline/types.js';
import { ArticleCache } from '../cache/article-cache.js';
import { locateCache } from '../cache/cache-dir.js';
import { RenderCache } from '../cache/render-cache.js';
import { SPEED_OPTIONS, SPEED_OPTIONS_HELP, speedOptions } from './build.js';
import { createContext, loadSiteConfig, printDiagnostics, SITE_OPTIONS, SITE_OPTIONS_HELP } from './site-options.js';

export interface RenderedBodies {
  /** Body HTML by the source's relative path with `.html` for its extension. */
  bodies: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Renders the bodies of every Markdown page of a site (the fixture tests call this). */
export function renderBodies(context: BuildContext): RenderedBodies {
  const site = prepareSite(context);
  const rendered = renderPages(
    bodyPages(site),
    site.settings,
    context,
  );
  return { bodies: bodiesOf(rendered), diagnostics: context.diagnostics };
}

/** The Markdown pages Jekyll converts: those it writes, and the documents of unwritten collections. */
function bodyPages(site: PreparedSite): Page[] {
  return [...site.pages, ...site.unwritten].filter((page) => page.isMarkdown);
}

function bodiesOf(rendered: RenderedPage[]): Map<string, string> {
  const bodies = new Map<string, string>();
  // Jekyll's relative_path: a document's or post's path is from collections_dir
  for (const page of rendered) bodies.set((page.relativePath ?? page.sourcePath).replace(/\.[^./]+$/, '.html'), page.html);
  return bodies;
}

/** renderBodies with worker threads and the render cache (same bodies). */
export async function renderBodiesInParallel(context: BuildContext, options: { workers?: number; cache?: boolean } = {}): Promise<RenderedBodies> {
  const workers = Math.max(1, options.workers ?? defaultWorkerCount());
  const cacheDir = options.cache === false ? undefined : locateCache(context.config.root).dir;
  const store = cacheDir ? RenderCache.load(join(cacheDir, 'render')) : undefined;
  let pool: RenderPool | undefined;
  try {
    const site = prepareSite(context);
    const { pages } = await renderPagesInParallel(
      bodyPages(site),
      site.settings,
      context,
      { cache: store ? new ArticleCache(store, site.settings) : undefined, pool: () => (pool ??= workers > 1 ? RenderPool.start(workers) : undefined) },
    );
    store?.save();
    return { bodies: bodiesOf(pages), diagnostics: context.diagnostics };
  } finally {
    store?.release();
    await pool?.close();
  }
}

export const renderCommand: Command = {
  name: 'render',
  summary: "Write each Markdown page's rendered body (Jekyll's {{ content }}, no layout) to OUT/<path>.html.",
  usage: 'faro render --source DIR --out DIR [--config FILE] [--drafts] [--workers N] [--no-cache]',
  help: `${SITE_OPTIONS_HELP}\n  --drafts                 include _drafts/ and published: false\n${SPEED_OPTIONS_HELP}`,
  options: { ...SITE_OPTIONS, drafts: { type: 'boolean' }, ...SPEED_OPTIONS },
  async run(values, _positionals, io) {
    const out = stringOption(values, 'out');
    if (!out) throw new UsageError('--out DIR is required');
    const config = await loadSiteConfig({ ...values, out: undefined }, io);
    const context = createContext(config, { drafts: values.drafts === true });
    const { bodies, diagnostics } = await renderBodiesInParallel(context, speedOptions(values));
    const outDir = resolve(io.cwd, out);
    for (const [path, html] of bodies) {
      const target = join(outDir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, html);
    }
    const [errors, warnings] = printDiagnostics(diagnostics, io, { warnings: false, sourceDir: config.sourceDir });
    io.stderr(`faro render: ${bodies.size} bodies written to ${out} (${errors} errors, ${warnings} warnings)\n`);
    return hasErrors(diagnostics) ? 1 : 0;
  },
};
