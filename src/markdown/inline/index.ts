import type { Processor } from 'unified';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { KramdownOptions } from '../options.js';
import { remarkTextLiterals } from '../source/text-literals.js';
import { applyBlockAttributeLists, applySpanAttributeLists } from '../attributes/remark-kramdown-attributes.js';
import { typesetOptions, typesetTree } from '../typography/remark-kramdown-typography.js';
import { assignHeadingIds } from '../ids/header-ids.js';
import { buildTableOfContents } from '../toc/build-toc.js';
import { collectLinks } from '../links/collect-links.js';
import { kramdownLinkHandlers } from '../links/link-handlers.js';
import { parseKramdownLinks, withoutCommonMarkLinks } from '../links/kramdown-links.js';
import { collectLinkDefinitions } from '../links/link-definitions.js';
import { SourceIndex } from '../source/offsets.js';
import { applyKramdownEmphasis, withoutCommonMarkEmphasis } from '../emphasis/apply-emphasis.js';
import { applySpanHtmlRules } from './span-html.js';
import { findXmlTags, normalizeSpanTags } from './span-tags.js';
import { applySpanTagRules } from '../blocks/span-html-tags.js';
import { createInlineCodeHandler, trimCodeSpanPadding } from './code-span.js';
import { kramdownCodeSpanSyntax } from './code-span-syntax.js';
import { kramdownStrikethroughFromMarkdown, kramdownStrikethroughSyntax } from './strikethrough-syntax.js';
import { applyKramdownAutolinks } from './autolinks.js';
import { applyHardWrap, backslashBreakFromMarkdown, keepBackslashBreaksInElements } from './element-line-breaks.js';
import { reportWarning, setHeadings, setLinks } from '../result-data.js';
import { documentOptions } from '../blocks/document-options.js';

/**
 * kramdown's span-level behaviour and everything that hangs on attributes: code spans,
 * autolinks, span HTML, links, emphasis, IALs/ALDs, smart quotes and typographic symbols,
 * header ids, the `{:toc}` table of contents, and the link list. micromark parses only
 * what kramdown and CommonMark agree on (its emphasis and link constructs are off, its
 * code spans replaced); the rest is read from the tree in kramdown's order of precedence.
 * Runs after the block-level transforms: block IALs end paragraphs before links and
 * emphasis are paired, attribute lists are read before quotes change, ids before the TOC
 * copies headers.
 */
export function remarkKramdownInline(this: Processor, options: KramdownOptions) {
  remarkTextLiterals.call(this as unknown as Processor<Root>);
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(kramdownCodeSpanSyntax, kramdownStrikethroughSyntax, withoutCommonMarkEmphasis, withoutCommonMarkLinks);
  (data.fromMarkdownExtensions ??= []).push(kramdownStrikethroughFromMarkdown, backslashBreakFromMarkdown);
  const configured = typesetOptions(options);
  return (tree: Root, file: VFile) => {
    // `{::options}` in the document (read by the block stage) count for all of it
    const effective = documentOptions(tree, options);
    const typeset = effective === options ? configured : typesetOptions(effective);
    const source = String(file.value);
    const index = new SourceIndex(source);
    const warnIal = (site: { line: number; column: number }, message: string) => reportWarning(file, 'kramdown-ial', site.line, site.column, message);
    trimCodeSpanPadding(tree, source);
    applyKramdownAutolinks(tree, index);
    findXmlTags(tree, index);
    // tags closed or turned to text as kramdown's span parser sees them, XML-named ones too
    applySpanTagRules(tree);
    const attributeDefinitions = applyBlockAttributeLists(tree, source, warnIal);
    const linkDefinitions = collectLinkDefinitions(tree, index);
    // links before raw HTML content: a tag written in a link target (`(<some page.html>)`)
    // is part of the url, not an element whose content would be kept raw
    const scannedEmphasis = parseKramdownLinks(tree, index, linkDefinitions, effective.parse_span_html !== false);
    applySpanHtmlRules(tree, source, effective.parse_span_html !== false);
    normalizeSpanTags(tree);
    applyKramdownEmphasis(tree, index, scannedEmphasis);
    keepBackslashBreaksInElements(tree, effective.hard_wrap === true);
    applySpanAttributeLists(tree, source, attributeDefinitions, warnIal);
    const { links, undefinedReferences } = collectLinks(tree, source, linkDefinitions);
    setLinks(file, links);
    for (const reference of undefinedReferences) {
      reportWarning(
        file,
        'undefined-reference',
        reference.line,
        reference.column,
        `no link definition for "[${reference.label}]"; it is printed as plain text`,
      );
    }
    typesetTree(tree, source, typeset);
    if (effective.hard_wrap === true) applyHardWrap(tree);
    setHeadings(file, assignHeadingIds(tree, effective));
    buildTableOfContents(tree, effective);
  };
}

/** remark-rehype handlers for kramdown's span-level HTML. */
export function kramdownInlineHandlers(options: KramdownOptions) {
  return { ...kramdownLinkHandlers, inlineCode: createInlineCodeHandler(options) };
}
