import type { Construct } from 'micromark-util-types';
import { blockQuote } from 'micromark-core-commonmark';
import { ATTRIBUTE_LIST_LINE, restOfLine } from './block-start.js';
import { HTML_LINE_START, HTML_LINE_STOP } from './html-scan.js';

// kramdown collects a container's lines before it parses them, and it is generous with
// lines that lack the container's marker: a blockquote takes every following line up to
// a blank one, and a list item every line right after a non-blank line of it. Such
// "lazy" lines become content of the container whatever they hold (a header, a list),
// except an attribute list line, an end-of-block marker and an HTML tag line, which end
// the container. CommonMark only lets a paragraph run on lazily.

/** A line that kramdown takes into a blockquote or list item as it is. */
export const lazyContentLine = restOfLine(
  new RegExp(
    String.raw`^(?!\s*$)(?!${ATTRIBUTE_LIST_LINE.source.slice(1)})(?!\^\s*$)(?!${HTML_LINE_START.source.slice(1)})(?!${HTML_LINE_STOP.source.slice(1)})`,
  ),
);

/** CommonMark's blockquote, continued by any line kramdown would take in. */
export const kramdownBlockQuote: Construct = {
  ...blockQuote,
  name: 'kramdownBlockQuote',
  continuation: {
    tokenize(effects, ok, nok) {
      return effects.attempt(blockQuote.continuation!, ok, effects.check(lazyContentLine, ok, nok));
    },
  },
};
