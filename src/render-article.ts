// The per-article render: Liquid, then Markdown, exactly as Jekyll 4.3 makes `{{ content }}`.
// A pure function of the article and the resolved settings, so it can run in a worker
// and be cached by content hash.
import type { Diagnostic } from './diagnostics.js';
import { lineAt, MarkdownError } from './diagnostics.js';
import { MAX_MARKDOWN_BYTES, MAX_NESTING_DEPTH, nestingDepth } from './limits.js';
import type { SiteFileSystem } from './fs.js';
import { renderLiquid, type LiquidContext } from './liquid/render-liquid.js';
import type { KramdownOptions } from './markdown/options.js';
import { renderMarkdown } from './markdown/render-markdown.js';
import type { Heading, LinkReference } from './markdown/types.js';

export interface ArticleInput {
  /** Author's path relative to the source folder (for messages and include_relative). */
  file: string;
  /** Whole file text, to quote source lines in messages. */
  source: string;
  /** Text after the front matter. */
  body: string;
  /** Lines before `body` in the file. */
  bodyOffset: number;
  /** Markdown pages go through kramdown after Liquid; other pages only through Liquid. */
  isMarkdown: boolean;
  /** Liquid's `page.*`. */
  page: Record<string, unknown>;
  /** Files include_relative reads as their page body (Jekyll's shared template, see shared-templates.ts). */
  includedBodies?: Record<string, string>;
}

export interface RenderSettings {
  /** Liquid's `site.*`, pages and data included. */
  site: Record<string, unknown>;
  kramdown: KramdownOptions;
  /** The source folder, for `_includes/` and `include_relative`. */
  fs: SiteFileSystem;
  includesDir: string;
}

export interface RenderedArticle {
  html: string;
  headings: Heading[];
  links: LinkReference[];
  diagnostics: Diagnostic[];
}

// The Liquid engine (and its parsed includes) is cached per LiquidContext object, so every
// article rendered with the same settings must get the same context object.
const liquidContexts = new WeakMap<RenderSettings, LiquidContext>();

function liquidContextFor(settings: RenderSettings): LiquidContext {
  let context = liquidContexts.get(settings);
  if (!context) {
    const markdownify = (text: string) => renderMarkdown(text, settings.kramdown).html;
    context = { fs: settings.fs, includesDir: settings.includesDir, markdownify };
    liquidContexts.set(settings, context);
  }
  return context;
}

export function renderArticle(input: ArticleInput, settings: RenderSettings): RenderedArticle {
  const liquid = renderLiquid(
    {
      file: input.file,
      template: input.body,
      lineOffset: input.bodyOffset,
      source: input.source,
      page: input.page,
      site: settings.site,
      includedBodies: input.includedBodies,
    },
    liquidContextFor(settings),
  );
  if (liquid.diagnostics.some((d) => d.severity === 'error')) {
    return { html: '', headings: [], links: [], diagnostics: liquid.diagnostics };
  }
  if (!input.isMarkdown) {
    return { html: liquid.output, headings: [], links: [], diagnostics: liquid.diagnostics };
  }
  const tooLarge = limitProblem(liquid.output);
  if (tooLarge) {
    const failure = new MarkdownError(tooLarge, { file: input.file, line: input.bodyOffset + 1, source: input.source });
    return { html: '', headings: [], links: [], diagnostics: [...liquid.diagnostics, failure.toDiagnostic()] };
  }
  let markdown: ReturnType<typeof renderMarkdown>;
  try {
    markdown = renderMarkdown(liquid.output, settings.kramdown);
  } catch (error) {
    // Pathological nesting exhausts the stack of the tree utilities; any other exception
    // is a parser defect. Either way this article is reported and the build goes on.
    const overflow = error instanceof RangeError && /call stack/i.test(error.message);
    const message = overflow
      ? 'the Markdown nests too deeply to render (thousands of nested lists, quotes or brackets); flatten it'
      : `faro's Markdown parser failed on this article (${error instanceof Error ? error.message : String(error)}); this is a faro bug, please report it with the article`;
    const failure = new MarkdownError(
      message,
      { file: input.file, line: input.bodyOffset + 1, source: input.source },
      { cause: error },
    );
    return { html: '', headings: [], links: [], diagnostics: [...liquid.diagnostics, failure.toDiagnostic()] };
  }
  const sourceLines = input.source;
  // Markdown positions are in the Liquid output; Liquid rarely changes line counts in
  // articles, so the body offset maps them back to the author's file.
  const toFile = (line: number) => line + input.bodyOffset;
  return {
    html: markdown.html,
    headings: markdown.headings,
    links: markdown.links.map((link) => ({ ...link, line: toFile(link.line) })),
    diagnostics: [
      ...liquid.diagnostics,
      ...markdown.diagnostics.map((d) => ({
        ...d,
        file: input.file,
        line: toFile(d.line),
        sourceLine: lineAt(sourceLines, toFile(d.line)),
      })),
    ],
  };
}

function limitProblem(markdown: string): string | undefined {
  const bytes = Buffer.byteLength(markdown, 'utf8');
  if (bytes > MAX_MARKDOWN_BYTES) {
    return `the article is ${(bytes / 1048576).toFixed(1)} MiB of Markdown; the limit is ${MAX_MARKDOWN_BYTES / 1048576} MiB (split it)`;
  }
  const depth = nestingDepth(markdown);
  if (depth > MAX_NESTING_DEPTH) {
    return `lists or blockquotes nest more than ${MAX_NESTING_DEPTH} levels deep; flatten them`;
  }
  return undefined;
}
