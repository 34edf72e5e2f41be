import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { KramdownOptions } from './options.js';
import type { MarkdownResult } from './types.js';

// One frozen processor per options object: building it is the expensive part, and a
// worker renders thousands of articles with the same options.
const processors = new WeakMap<KramdownOptions, Processor>();

function processorFor(options: KramdownOptions): Processor {
  let processor = processors.get(options);
  if (!processor) {
    processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true })
      .freeze() as unknown as Processor;
    processors.set(options, processor);
  }
  return processor;
}

/** Renders Markdown (after Liquid) to HTML the way Jekyll 4.3's kramdown does. */
export function renderMarkdown(markdown: string, options: KramdownOptions): MarkdownResult {
  const html = String(processorFor(options).processSync(markdown));
  return { html, headings: [], links: [], diagnostics: [] };
}
