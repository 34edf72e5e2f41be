import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { fromMarkdown, type Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Extension } from 'micromark-util-types';

// The content of an HTML element kramdown parses with the span model (`<p markdown="1">`,
// `<h2 markdown="1">`, any element with markdown="span") is read by its span parser only:
// a line starting with `- `, `# `, `>` or four spaces is text there, not a list, heading,
// quote or code block. So that content is parsed with every block construct but the
// paragraph turned off (blank lines still end a paragraph; the caller joins them).

/** The block constructs (CommonMark's, GFM's and ours) a span-model element's content has none of. */
const BLOCK_CONSTRUCTS = [
  // containers
  'blockQuote',
  'list',
  'gfmFootnoteDefinition',
  'kramdownList',
  'kramdownBlockQuote',
  'kramdownDefinition',
  'kramdownFootnoteDefinition',
  // leaf blocks
  'codeIndented',
  'codeFenced',
  'headingAtx',
  'setextUnderline',
  'thematicBreak',
  'htmlFlow',
  'definition',
  'table',
  'kramdownCodeIndented',
  'kramdownCodeFenced',
  'kramdownHeadingAtx',
  'kramdownSetextUnderline',
  'kramdownThematicBreak',
  'kramdownHtmlFlow',
  'kramdownTable',
  'kramdownBlockMath',
  'kramdownEscapedBlockMath',
  'kramdownAbbreviation',
  'kramdownEndOfBlock',
  'kramdownBlockExtension',
  'kramdownAttributeLines',
  // what ends a paragraph early in flow
  'kramdownLazyLineStop',
  'kramdownAttributeListStop',
  'kramdownFenceLineStop',
];

const SPANS_ONLY: Extension = { disable: { null: BLOCK_CONSTRUCTS } };

/** Parses text as span content only, with the processor's own syntax extensions (as remark-parse would). */
export function createSpanContentParser(processor: Processor): (text: string) => Root {
  return (text) =>
    fromMarkdown(text, {
      extensions: [...((processor.data('micromarkExtensions') as Extension[] | undefined) ?? []), SPANS_ONLY],
      mdastExtensions: (processor.data('fromMarkdownExtensions') as FromMarkdownExtension[] | undefined) ?? [],
    });
}
