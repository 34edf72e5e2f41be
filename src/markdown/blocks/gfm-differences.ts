import type { Processor } from 'unified';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Extension } from 'micromark-util-types';
import { createKramdownHtmlFlow } from './html-flow.js';
import type { KramdownOptions } from '../options.js';
import { kramdownList } from './list-syntax.js';
import { captureSource } from './source-text.js';
import { kramdownLineEnding, kramdownLineWhitespaceFromMarkdown } from './line-whitespace.js';
import { seedFootnoteNames } from './footnote-names.js';
import { kramdownAttributeLines } from './attribute-lines.js';
import { htmlLineClosesContainers, kramdownBlockQuote } from './container-laziness.js';
import { kramdownBlockMath, kramdownDroppedEscape, kramdownEscapedBlockMath, kramdownInlineMath, kramdownMathFromMarkdown } from './math-syntax.js';
import { kramdownTable, kramdownTableFromMarkdown } from './table-flow.js';
import { kramdownFootnoteDefinition } from './footnote-syntax.js';
import { attributeListStop, lazyLineStop } from './lazy-lines.js';
import { kramdownAbbreviation, kramdownAbbreviationFromMarkdown } from './abbreviation-syntax.js';
import { kramdownDefinition } from './definition-list-syntax.js';
import { kramdownCodeIndented, kramdownCodeIndentedFromMarkdown } from './code-indented.js';
import { kramdownCodeFenced, kramdownCodeFencedFromMarkdown } from './code-fenced.js';
import { kramdownBlockExtension, kramdownBlockExtensionFromMarkdown } from './extension-flow.js';
import { kramdownSpanExtension, kramdownSpanExtensionFromMarkdown } from './extension-text.js';
import { kramdownHeadingAtx, kramdownSetextUnderline, kramdownThematicBreak } from './leaf-blocks.js';
import { kramdownEndOfBlock, kramdownEndOfBlockFromMarkdown } from './end-of-block.js';
import { kramdownDefinitionFromMarkdown } from './definition-list-tree.js';

// kramdown's GFM parser is not CommonMark: some remark-gfm/CommonMark constructs must go.

/**
 * Constructs kramdown does not have or has its own way (tables, HTML blocks, footnote
 * definitions, fenced code; no bare-URL autolinks). CommonMark's indented code stays
 * enabled, tried after kramdown's: micromark looks its name up to decide how far
 * indentation may go elsewhere.
 */
const DISABLED = ['wwwAutolink', 'protocolAutolink', 'emailAutolink', 'table', 'htmlFlow', 'gfmFootnoteDefinition', 'codeFenced'];
/** Replaced by stricter versions (see leaf-blocks.ts, list-syntax.ts). */
const REPLACED = ['headingAtx', 'thematicBreak', 'setextUnderline', 'list', 'blockQuote'];

const LIST_MARKERS = [42, 43, 45, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57]; // * + - 0-9

const FENCE = [kramdownCodeFenced];

/** The syntax extension; the options give what the parser decides by them (HTML blocks). */
export const createKramdownSyntax = (options: KramdownOptions): Extension => ({
  disable: { null: [...DISABLED, ...REPLACED] },
  document: {
    ...Object.fromEntries(LIST_MARKERS.map((code) => [code, kramdownList])),
    58: kramdownDefinition, // :
    62: kramdownBlockQuote, // >
    91: kramdownFootnoteDefinition, // [
    null: [captureSource, seedFootnoteNames, htmlLineClosesContainers],
  },
  flowInitial: { [-2]: kramdownCodeIndented, [-1]: kramdownCodeIndented, 32: kramdownCodeIndented },
  flow: {
    35: kramdownHeadingAtx, // #
    36: kramdownBlockMath, // $
    92: kramdownEscapedBlockMath, // backslash
    42: [kramdownAbbreviation, kramdownThematicBreak], // *
    45: [kramdownSetextUnderline, kramdownThematicBreak], // -
    60: createKramdownHtmlFlow(options), // <
    61: kramdownSetextUnderline, // =
    94: kramdownEndOfBlock, // ^
    95: kramdownThematicBreak, // _
    96: FENCE, // `
    123: [kramdownBlockExtension, kramdownAttributeLines], // {
    126: FENCE, // ~
    null: [kramdownTable, lazyLineStop, attributeListStop],
  },
  text: {
    [-5]: kramdownLineEnding,
    [-4]: kramdownLineEnding,
    [-3]: kramdownLineEnding,
    36: kramdownInlineMath,
    92: kramdownDroppedEscape,
    123: kramdownSpanExtension,
  },
});

/** How the kramdown constructs' tokens become mdast nodes. */
const KRAMDOWN_FROM_MARKDOWN: FromMarkdownExtension[] = [
  kramdownTableFromMarkdown,
  kramdownAbbreviationFromMarkdown,
  kramdownDefinitionFromMarkdown,
  kramdownEndOfBlockFromMarkdown,
  kramdownCodeIndentedFromMarkdown,
  kramdownCodeFencedFromMarkdown,
  kramdownBlockExtensionFromMarkdown,
  kramdownSpanExtensionFromMarkdown,
  kramdownMathFromMarkdown,
  kramdownLineWhitespaceFromMarkdown,
];

/** Drops remark-gfm's bare-URL autolink transform, which runs on text after parsing. */
export function withoutLiteralAutolinks(extensions: Array<FromMarkdownExtension | FromMarkdownExtension[]>) {
  const strip = (extension: FromMarkdownExtension): FromMarkdownExtension =>
    extension.enter && 'literalAutolink' in extension.enter ? { ...extension, transforms: [] } : extension;
  return extensions.map((entry) => (Array.isArray(entry) ? entry.map(strip) : strip(entry)));
}

/** Registers the syntax changes on a processor that already uses remark-gfm. */
export function useKramdownSyntax(processor: Processor, options: KramdownOptions): void {
  const data = processor.data();
  (data.micromarkExtensions ??= []).push(createKramdownSyntax(options));
  data.fromMarkdownExtensions = [...withoutLiteralAutolinks(data.fromMarkdownExtensions ?? []), ...KRAMDOWN_FROM_MARKDOWN];
}
