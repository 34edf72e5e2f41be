import type { Processor } from 'unified';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Construct, Extension, TokenizeContext } from 'micromark-util-types';
import { list } from 'micromark-core-commonmark';
import { kramdownHtmlFlow } from './html-flow.js';
import { kramdownTable, kramdownTableFromMarkdown } from './table-flow.js';
import { kramdownFootnoteDefinition } from './footnote-syntax.js';
import { lazyLineStop } from './lazy-lines.js';
import { kramdownAbbreviation, kramdownAbbreviationFromMarkdown } from './abbreviation-syntax.js';
import { kramdownDefinition } from './definition-list-syntax.js';
import { kramdownEndOfBlock, kramdownEndOfBlockFromMarkdown } from './end-of-block.js';
import { kramdownDefinitionFromMarkdown } from './definition-list-tree.js';

// kramdown's GFM parser is not CommonMark: some remark-gfm/CommonMark constructs must go.

/**
 * Constructs kramdown does not have or has its own way (tables, HTML blocks, footnote
 * definitions; no bare-URL autolinks).
 */
const DISABLED = ['wwwAutolink', 'protocolAutolink', 'emailAutolink', 'table', 'htmlFlow', 'gfmFootnoteDefinition'];

// With `gfm_quirks: paragraph_end` any list marker ends a paragraph (CommonMark lets only
// "1." and non-empty items interrupt one). The list construct is CommonMark's, run as if
// it were not interrupting, tried before CommonMark's (which stays enabled: the list
// continuation looks it up by name to start the next item).
const kramdownList: Construct = {
  ...list,
  name: 'kramdownList',
  add: 'before',
  tokenize(effects, ok, nok) {
    const context: TokenizeContext = Object.create(this, { interrupt: { value: undefined } });
    return list.tokenize.call(context, effects, ok, nok);
  },
};

const LIST_MARKERS = [42, 43, 45, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57]; // * + - 0-9

export const kramdownSyntax: Extension = {
  disable: { null: DISABLED },
  document: { ...Object.fromEntries(LIST_MARKERS.map((code) => [code, kramdownList])), 58: kramdownDefinition, 91: kramdownFootnoteDefinition },
  flow: { 42: kramdownAbbreviation, 60: kramdownHtmlFlow, 94: kramdownEndOfBlock, null: [kramdownTable, lazyLineStop] },
};

/** Drops remark-gfm's bare-URL autolink transform, which runs on text after parsing. */
export function withoutLiteralAutolinks(extensions: Array<FromMarkdownExtension | FromMarkdownExtension[]>) {
  const strip = (extension: FromMarkdownExtension): FromMarkdownExtension =>
    extension.enter && 'literalAutolink' in extension.enter ? { ...extension, transforms: [] } : extension;
  return extensions.map((entry) => (Array.isArray(entry) ? entry.map(strip) : strip(entry)));
}

/** Registers the syntax changes on a processor that already uses remark-gfm. */
export function useKramdownSyntax(processor: Processor): void {
  const data = processor.data();
  (data.micromarkExtensions ??= []).push(kramdownSyntax);
  data.fromMarkdownExtensions = [...withoutLiteralAutolinks(data.fromMarkdownExtensions ?? []), kramdownTableFromMarkdown, kramdownAbbreviationFromMarkdown, kramdownDefinitionFromMarkdown, kramdownEndOfBlockFromMarkdown];
}
