import type { Construct, ParseContext, TokenizeContext } from 'micromark-util-types';
import { ATTRIBUTE_LIST_LINE, previousLineIsAttributeList } from './block-start.js';
import { restOfLine } from './line-lookahead.js';

// CommonMark lets a paragraph run on into any line its containers do not claim (a
// "lazy" line). kramdown is stricter in places: after the first line of a footnote
// definition, for instance, an unindented line is no longer part of it. A container
// whose continuation turns a line down can mark that line as closed to laziness; the
// flow construct below then interrupts the open paragraph at that line, so the line
// starts a new block outside the container.

const strictLines = new WeakMap<ParseContext, Set<number>>();

/** Marks the line the tokenizer is at as one that must not continue a paragraph lazily. */
export function forbidLazyContinuation(context: TokenizeContext): void {
  let lines = strictLines.get(context.parser);
  if (!lines) strictLines.set(context.parser, (lines = new Set()));
  lines.add(context.now().line);
}

/** Whether a line was marked with `forbidLazyContinuation`. */
export function isStrictLine(context: TokenizeContext, line: number): boolean {
  return strictLines.get(context.parser)?.has(line) ?? false;
}

/** Interrupts a paragraph at a lazy line that a container marked as strict. */
export const lazyLineStop: Construct = {
  name: 'kramdownLazyLineStop',
  tokenize(effects, ok, nok) {
    const self = this;
    return (code) => {
      const line = self.now().line;
      return self.interrupt && self.parser.lazy[line] && isStrictLine(self, line) ? ok(code) : nok(code);
    };
  },
};

const attributeListLine = restOfLine(ATTRIBUTE_LIST_LINE);

/**
 * Ends a paragraph after an attribute list line, as kramdown does (see block-start.ts);
 * attribute list lines in a row stay together (they all apply to the block before).
 */
export const attributeListStop: Construct = {
  name: 'kramdownAttributeListStop',
  tokenize(effects, ok, nok) {
    const self = this;
    return (code) => (self.interrupt && previousLineIsAttributeList(self) ? effects.check(attributeListLine, nok, ok)(code) : nok(code));
  },
};
