import type { Processor } from 'unified';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Handlers } from 'mdast-util-to-hast';
import type { KramdownOptions } from '../options.js';
import { reportWarning } from '../result-data.js';
import { remarkKramdownLists } from './list-paragraphs.js';
import { kramdownList, kramdownListItem } from './list-handlers.js';
import { createCodeHandler, kramdownInlineCode } from './code-handler.js';
import { kramdownTableHandler } from './table-handler.js';
import { useKramdownSyntax } from './gfm-differences.js';
import { footnoteMessage, resolveFootnotes } from './footnote-tree.js';
import { kramdownFootnoteDefinition, kramdownFootnoteReference } from './footnote-handlers.js';
import { buildDefinitionLists } from './definition-list-tree.js';
import { kramdownDefinitionDescription, kramdownDefinitionList, kramdownDefinitionTerm } from './definition-list-handlers.js';
import { kramdownEndOfBlockHandler } from './end-of-block.js';
import { kramdownOptionsHandler } from './extension-flow.js';
import { createMathHandlers } from './math-handler.js';
import { expandHtmlBlocks } from './html-blocks-tree.js';
import { parseInDocument } from './footnote-names.js';
import { createSpanContentParser } from './span-content-parser.js';
import { createHeadingHandler } from './heading-handler.js';
import { kramdownHtml, kramdownHtmlElement } from './html-element-handler.js';
import { kramdownParagraph } from './paragraph-handler.js';
import { collectDocumentOptions } from './document-options.js';
import { createRootHandler, kramdownAbbreviationDefinition, kramdownText } from './document-handlers.js';

/**
 * kramdown's block-level syntax on top of remark-parse + remark-gfm: registers the
 * micromark/mdast extensions and the tree transforms. Use after remark-gfm.
 */
export function remarkKramdownBlocks(this: Processor, options: KramdownOptions) {
  useKramdownSyntax(this, options);
  // HTML elements whose content is Markdown have it parsed with the same parser.
  const parse = (text: string) => this.parse(text) as Root;
  const parseSpans = createSpanContentParser(this);
  const lists = remarkKramdownLists();
  return (tree: Root, file: VFile) => {
    const source = String(file);
    // HTML first: the content it brings in goes through all the steps after it.
    expandHtmlBlocks(tree, (text, spansOnly) => parseInDocument(source, () => (spansOnly ? parseSpans(text) : parse(text))), source, options);
    collectDocumentOptions(tree);
    buildDefinitionLists(tree, source);
    lists(tree, file);
    for (const problem of resolveFootnotes(tree)) {
      reportWarning(file, 'kramdown-footnote', problem.line, problem.column, footnoteMessage(problem));
    }
  };
}

/** remark-rehype handlers for kramdown's block-level HTML output. */
export function kramdownBlockHandlers(options: KramdownOptions): Partial<Handlers> {
  return {
    root: createRootHandler(options) as unknown as Handlers['root'],
    text: kramdownText as Handlers['text'],
    paragraph: kramdownParagraph as Handlers['paragraph'],
    kramdownAbbreviationDefinition: kramdownAbbreviationDefinition as Handlers['kramdownAbbreviationDefinition'],
    list: kramdownList as Handlers['list'],
    listItem: kramdownListItem as Handlers['listItem'],
    code: createCodeHandler(options) as Handlers['code'],
    heading: createHeadingHandler(options) as Handlers['heading'],
    inlineCode: kramdownInlineCode as Handlers['inlineCode'],
    table: kramdownTableHandler as Handlers['table'],
    kramdownDefinitionList: kramdownDefinitionList as Handlers['kramdownDefinitionList'],
    kramdownDefinitionTerm: kramdownDefinitionTerm as Handlers['kramdownDefinitionTerm'],
    kramdownDefinitionDescription: kramdownDefinitionDescription as Handlers['kramdownDefinitionDescription'],
    kramdownEndOfBlock: kramdownEndOfBlockHandler as Handlers['kramdownEndOfBlock'],
    kramdownOptions: kramdownOptionsHandler as Handlers['kramdownOptions'],
    ...(createMathHandlers(options) as Pick<Handlers, 'kramdownMath' | 'kramdownInlineMath'>),
    kramdownHtmlElement: kramdownHtmlElement as Handlers['kramdownHtmlElement'],
    html: kramdownHtml as Handlers['html'],
    footnoteReference: kramdownFootnoteReference as Handlers['footnoteReference'],
    footnoteDefinition: kramdownFootnoteDefinition as Handlers['footnoteDefinition'],
  };
}
