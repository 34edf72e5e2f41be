// Stage 5: every page's body through Liquid and Markdown (renderArticle), collecting
// each page's diagnostics. The per-page work is pure, so it can move to workers.
import { toDiagnostic } from '../diagnostics.js';
import { renderArticle, type RenderSettings } from '../render-article.js';
import { pageVariables } from './liquid-variables.js';
import type { BuildContext, Page, RenderedPage } from './types.js';

export function renderPages(pages: Page[], settings: RenderSettings, context: BuildContext): RenderedPage[] {
  const rendered: RenderedPage[] = [];
  for (const page of pages) {
    try {
      const result = renderArticle(
        {
          file: page.sourcePath,
          source: page.source,
          body: page.body,
          bodyOffset: page.bodyOffset,
          isMarkdown: page.isMarkdown,
          page: pageVariables(page),
        },
        settings,
      );
      context.diagnostics.push(...result.diagnostics);
      if (result.diagnostics.some((d) => d.severity === 'error')) continue;
      rendered.push({ ...page, html: result.html, headings: result.headings, links: result.links });
    } catch (error) {
      context.diagnostics.push(toDiagnostic(error, { file: page.sourcePath, source: page.source }));
    }
  }
  return rendered;
}
