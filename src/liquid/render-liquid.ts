// The Liquid stage: renders a page's Liquid as Jekyll 4.3 does, before Markdown.
// Undefined variables render empty (as in Jekyll) and are reported as warnings; syntax and
// render errors become diagnostics at the author's line and column, never exceptions.
import type { Diagnostic } from '../diagnostics.js';
import type { SiteFileSystem } from '../fs.js';
import { JekyllLiquid, type LiquidLimits } from './engine.js';

export { DEFAULT_LIQUID_LIMITS, JekyllLiquid, type LiquidLimits } from './engine.js';
export { MAX_INCLUDE_DEPTH } from './tags/include-tags.js';

export interface LiquidInput {
  /** Author's file (relative to the site root), for messages and include_relative. */
  file: string;
  /** The text to render: the page body after its front matter. */
  template: string;
  /** Lines of the file before `template` starts (front matter), so positions point at the file. */
  lineOffset: number;
  /** The whole file text, to quote the author's source line in messages. */
  source: string;
  /** Front matter plus what Jekyll adds (`url`, `path`, …); missing Jekyll keys are filled in. */
  page: Record<string, unknown>;
  /**
   * `site.*`: configuration, `data` (from `_data/`), `pages`, `posts`, `static_files`, … Pages
   * and posts are objects with `url` and `path` (or `relative_path`), which `{% link %}` and
   * `{% post_url %}` look up.
   */
  site: Record<string, unknown>;
  /** Files include_relative reads as this text instead (a page's body, by path). */
  includedBodies?: Record<string, string>;
}

export interface LiquidContext {
  fs: SiteFileSystem;
  /** Folder of includes relative to the site root (Jekyll: `_includes`). */
  includesDir: string;
  /** Jekyll's `markdownify` filter renders with the same Markdown stage. */
  markdownify: (text: string) => string;
  /** Bounds on one page's render (defaults: DEFAULT_LIQUID_LIMITS). */
  limits?: Partial<LiquidLimits>;
}

export interface LiquidResult {
  output: string;
  diagnostics: Diagnostic[];
}

const engines = new WeakMap<LiquidContext, JekyllLiquid>();

/** The engine for a site: build it once per (site, file system) and render every page with it. */
export function createLiquidEngine(context: LiquidContext): JekyllLiquid {
  return new JekyllLiquid(context);
}

/**
 * Renders the Liquid of one page as Jekyll 4.3 does, before Markdown. The engine behind it
 * is cached per `context` object, so pass the same context for every page of a site.
 */
export function renderLiquid(input: LiquidInput, context: LiquidContext): LiquidResult {
  let engine = engines.get(context);
  if (!engine) {
    engine = createLiquidEngine(context);
    engines.set(context, engine);
  }
  return engine.render(input);
}
