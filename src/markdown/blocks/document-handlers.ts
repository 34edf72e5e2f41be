import type { ElementContent, Root as HastRoot } from 'hast';
import type { Root, Text } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import type { KramdownOptions } from '../options.js';
import { abbreviateText, collectAbbreviations, type AbbreviationMatcher } from './abbreviations.js';
import { finishFootnotes, footnoteSettings, startFootnotes } from './footnote-handlers.js';
import { documentOptions, setConversionOptions } from './document-options.js';
import { measureCodeDepths } from './code-handler.js';
import { isRawText } from '../inline/span-html.js';
import { escapeHtmlText } from './html-scan.js';

// What kramdown's converter does for the document as a whole: footnotes are numbered as
// their markers are met and printed after the content; abbreviations defined anywhere
// apply to all text.

const abbreviationMatchers = new WeakMap<State, AbbreviationMatcher>();

/** Root handler: converts the document, then its footnotes. */
export function createRootHandler(options: KramdownOptions) {
  return (state: State, node: Root): HastRoot => {
    const effective = documentOptions(node, options);
    setConversionOptions(state, effective);
    startFootnotes(state, node, footnoteSettings(effective));
    measureCodeDepths(state, node);
    const matcher = collectAbbreviations(node);
    if (matcher) abbreviationMatchers.set(state, matcher);
    const result: HastRoot = { type: 'root', children: state.wrap(state.all(node)) };
    finishFootnotes(state, result);
    // kramdown ends every block with a line break, the last one too (it shows where an
    // element left open at the end holds the rest of the document).
    if (result.children.length > 0) result.children.push({ type: 'text', value: '\n' });
    state.patch(node, result);
    return state.applyData(node, result) as HastRoot;
  };
}

/** Text, with the document's abbreviations marked up. */
export function kramdownText(state: State, node: Text): ElementContent | ElementContent[] {
  // Raw span content (inside `code`, `kbd`, …) is the author's text: kramdown keeps its
  // entity references and escapes only what would otherwise be markup.
  if (isRawText(node)) return { type: 'raw', value: escapeHtmlText(node.value) } as unknown as ElementContent;
  const result = defaultHandlers.text(state, node);
  const matcher = abbreviationMatchers.get(state);
  if (!matcher || result.type !== 'text') return result;
  return abbreviateText(result, matcher);
}

/** Abbreviation definitions print nothing. */
export function kramdownAbbreviationDefinition(): undefined {
  return undefined;
}
