// Renders Liquid the way the pipeline does, on an in-memory site.
import { MemoryFileSystem, type SiteFileSystem } from '../../src/fs.js';
import { renderLiquid, type LiquidContext, type LiquidResult } from '../../src/liquid/render-liquid.js';

export interface RenderOptions {
  files?: Record<string, string>;
  fs?: SiteFileSystem;
  site?: Record<string, unknown>;
  page?: Record<string, unknown>;
  file?: string;
  /** Front matter lines before the template (positions are shifted by this). */
  frontMatter?: string;
  context?: Partial<LiquidContext>;
}

export function contextFor(options: RenderOptions = {}): LiquidContext {
  return {
    fs: options.fs ?? new MemoryFileSystem(options.files ?? {}),
    includesDir: '_includes',
    markdownify: (text) => `<p>${text}</p>\n`,
    ...options.context,
  };
}

export function render(template: string, options: RenderOptions = {}): LiquidResult {
  const frontMatter = options.frontMatter ?? '---\ntitle: Test page\n---\n';
  const lineOffset = frontMatter.split('\n').length - 1;
  return renderLiquid(
    {
      file: options.file ?? 'us/en/page.md',
      template,
      lineOffset,
      source: frontMatter + template,
      page: { title: 'Test page', ...options.page },
      site: { title: 'Help', baseurl: null, ...options.site },
    },
    contextFor(options),
  );
}

/** Output of a render that must produce no diagnostics. */
export function out(template: string, options: RenderOptions = {}): string {
  const result = render(template, options);
  if (result.diagnostics.length > 0) {
    throw new Error(`unexpected diagnostics: ${result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  }
  return result.output;
}
