import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { KramdownOptions } from './options.js';
import type { MarkdownResult } from './types.js';
import { remarkKramdownBlocks, kramdownBlockHandlers } from './blocks/index.js';
import { remarkKramdownInline, kramdownInlineHandlers } from './inline/index.js';
import { diagnosticsOf, headingsOf, linksOf } from './result-data.js';

// One frozen processor per options object: building it is the expensive part, and a
// worker renders thousands of articles with the same options.
const processors = new WeakMap<KramdownOptions, Processor>();

function processorFor(options: KramdownOptions): Processor {
  let processor = processors.get(options);
  if (!processor) {
    processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkKramdownBlocks, options)
      .use(remarkKramdownInline, options)
      .use(remarkRehype, { allowDangerousHtml: true, handlers: { ...kramdownBlockHandlers(options), ...kramdownInlineHandlers(options) } })
      .use(rehypeStringify, { allowDangerousHtml: true })
      .freeze() as unknown as Processor;
    processors.set(options, processor);
  }
  return processor;
}

/** Renders Markdown (after Liquid) to HTML the way Jekyll 4.3's kramdown does. */
export function renderMarkdown(markdown: string, options: KramdownOptions): MarkdownResult {
  const file = processorFor(options).processSync(markdown);
  return { html: String(file), headings: headingsOf(file), links: linksOf(file), diagnostics: diagnosticsOf(file) };
}
