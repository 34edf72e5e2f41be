import type { Construct, Effects, ParseContext, State, TokenizeContext } from 'micromark-util-types';
import { blockQuote } from 'micromark-core-commonmark';
import { ATTRIBUTE_LIST_LINE, nestsTooDeep } from './block-start.js';
import { restOfLine } from './line-lookahead.js';
import { HTML_LINE_START, HTML_LINE_STOP } from './html-scan.js';
import { itemLineMark } from './item-chunks.js';

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

/**
 * An HTML tag line (a block-level start or end tag) ends a container for kramdown, and the
 * HTML block it starts begins outside it. micromark would take such a line lazily into
 * the container's paragraph or, when it interrupts the paragraph, start the HTML block in
 * the container on a lazy line, where it ends with the line. So the container that turns
 * the line down marks it, and `htmlLineClosesContainers` closes the open containers before
 * it, as a blank line would.
 */
export const htmlTagLine = restOfLine(new RegExp(`(?:${HTML_LINE_START.source})|(?:${HTML_LINE_STOP.source})`));

const closingLines = new WeakMap<ParseContext, Set<number>>();

/** Where a container's lazy lines end (see htmlTagLine): `ended` runs after the mark. */
export function endLazyContent(self: TokenizeContext, effects: Effects, ended: State): State {
  const mark: State = (code) => {
    let lines = closingLines.get(self.parser);
    if (!lines) closingLines.set(self.parser, (lines = new Set()));
    lines.add(self.now().line);
    return ended(code);
  };
  return (code) => effects.check(htmlTagLine, mark, ended)(code);
}

/**
 * A "new container" of no width at a marked line: micromark then closes the open
 * containers before the line. It answers once (micromark's check), so the attempt that
 * follows finds no container and the line starts a block outside.
 */
export const htmlLineClosesContainers: Construct = {
  name: 'kramdownHtmlLineClosesContainers',
  tokenize(effects, ok, nok) {
    const self = this;
    return (code) => (closingLines.get(self.parser)?.delete(self.now().line) ? ok(code) : nok(code));
  },
};

/**
 * kramdown's blockquote ends at a blank line or an attribute list line without its `>`
 * (an IAL then applies to the blockquote), so no later line belongs to it, not even a
 * lazy one or one with a `>`. micromark may keep the blockquote open over such a line: a
 * paragraph takes the IAL lazily, indented code looks past the blank line for more code.
 * So the blockquote remembers the line and turns down every line after it.
 */
interface BlockQuoteState {
  endedAtLine?: number;
}

const blockQuoteEndLine = restOfLine(new RegExp(String.raw`^(?:[ \t]*$|${ATTRIBUTE_LIST_LINE.source.slice(1)})`));

/**
 * A blockquote marker: `>` and one optional space (kramdown's `> ?`; CommonMark would
 * take a tab too, which kramdown leaves to the content: `>\tcode` is indented code).
 * Refused when nesting too deep.
 */
const blockQuoteMarker: Construct = {
  tokenize(effects, ok, nok) {
    const state = this.containerState as BlockQuoteState & { open?: boolean };
    const afterMarker: State = (code) => {
      if (code !== 32) {
        effects.exit('blockQuotePrefix');
        return ok(code);
      }
      effects.enter('blockQuotePrefixWhitespace');
      effects.consume(code);
      effects.exit('blockQuotePrefixWhitespace');
      effects.exit('blockQuotePrefix');
      return ok;
    };
    return (code) => {
      if (code !== 62 || nestsTooDeep(this)) return nok(code);
      if (!state.open) {
        effects.enter('blockQuote', { _container: true });
        state.open = true;
      }
      effects.enter('blockQuotePrefix');
      effects.enter('blockQuoteMarker');
      effects.consume(code);
      effects.exit('blockQuoteMarker');
      return afterMarker;
    };
  },
};

/** Up to three spaces, then the blockquote marker. */
const markedLine: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    const marker = effects.attempt(blockQuoteMarker, ok, nok);
    let size = 0;
    const prefix: State = (code) => {
      if ((code === 32 || code === -2 || code === -1) && size < 3) {
        if (size === 0) effects.enter('linePrefix');
        size++;
        effects.consume(code);
        return prefix;
      }
      if (size > 0) effects.exit('linePrefix');
      return marker(code);
    };
    return prefix;
  },
};

/**
 * CommonMark's blockquote (which is disabled: micromark refuses a disabled construct
 * even where another construct uses it), continued by any line kramdown would take in.
 */
export const kramdownBlockQuote: Construct = {
  name: 'kramdownBlockQuote',
  tokenize: blockQuoteMarker.tokenize,
  continuation: {
    tokenize(effects, ok, nok) {
      // An enclosing list item began a new piece here (see item-chunks.ts).
      if (itemLineMark(this) === 'newPiece') return nok;
      const state = this.containerState as BlockQuoteState;
      const line = this.now().line;
      // The blockquote ended at a blank or attribute list line before this one (see above).
      if (state.endedAtLine !== undefined && state.endedAtLine < line) return nok;
      const refuse: State = (code) => {
        state.endedAtLine = line;
        return nok(code);
      };
      // A line without the marker is taken as it is, its leading whitespace included.
      const unmarked = effects.check(lazyContentLine, ok, effects.check(blockQuoteEndLine, refuse, endLazyContent(this, effects, nok)));
      return effects.attempt(markedLine, ok, unmarked);
    },
  },
  exit: blockQuote.exit!,
};
