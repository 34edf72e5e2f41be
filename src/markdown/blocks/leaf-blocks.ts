import type { Code, Construct, Event, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { headingAtx, setextUnderline, thematicBreak } from 'micromark-core-commonmark';
import { approveLine, isApprovedLine, mayStartBlock } from './block-start.js';
import { restOfLine } from './line-lookahead.js';

// Headers and rules as kramdown's GFM parser reads them:
// - an ATX header starts at the line's first column: 1–6 `#`, a space or tab, and text;
// - a setext header is a single line of text that starts a block (at the start of its
//   container, after a blank line or an end-of-block marker), underlined from the
//   first column by `-` or `=` characters (mixed; the first one gives the level); a
//   longer paragraph keeps such a line as text; the underline may be a lazy line (kramdown
//   takes lazy lines into lists and blockquotes before it looks for blocks);
// - a horizontal rule does not interrupt a paragraph, unless it looks like a list item.

const ATX_LINE = /^#{1,6}[\t ]+\S/;
const atxLine = restOfLine(ATX_LINE);

function afterLinePrefix(context: TokenizeContext): boolean {
  const tail = context.events.at(-1);
  return tail !== undefined && tail[1].type === 'linePrefix';
}

export const kramdownHeadingAtx: Construct = {
  name: 'kramdownHeadingAtx',
  resolve: headingAtx.resolve!,
  tokenize(effects, ok, nok) {
    const self = this;
    return (code) => {
      if (code !== 35 || afterLinePrefix(self)) return nok(code);
      return effects.check(atxLine, headingAtx.tokenize.call(self, effects, ok, nok), nok)(code);
    };
  },
};

// A rule like `* * *` also looks like a list item, which does end a paragraph.
const listLikeLine = restOfLine(/^[*+-][\t ]/);

export const kramdownThematicBreak: Construct = {
  name: 'kramdownThematicBreak',
  tokenize(effects, ok, nok) {
    const self = this;
    return (code) => {
      const rule = thematicBreak.tokenize.call(self, effects, ok, nok);
      return mayStartBlock(self) ? rule(code) : effects.check(listLikeLine, rule, nok)(code);
    };
  },
};

const isUnderlineCode = (code: Code) => code === 45 || code === 61;
const isSpaceCode = (code: Code) => code === 32 || code === -2 || code === -1;

const tokenizeSetextUnderline: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  const sequence: State = (code) => {
    if (isUnderlineCode(code)) {
      effects.consume(code);
      return sequence;
    }
    effects.exit('setextHeadingLineSequence');
    return suffix(code);
  };
  let suffixOpen = false;
  const suffix: State = (code) => {
    if (isSpaceCode(code)) {
      if (!suffixOpen) effects.enter('lineSuffix');
      suffixOpen = true;
      effects.consume(code);
      return suffix;
    }
    if (suffixOpen) effects.exit('lineSuffix');
    if (code !== null && code >= -2) return nok(code);
    effects.exit('setextHeadingLine');
    return ok(code);
  };
  return (code) => {
    if (!isUnderlineCode(code) || afterLinePrefix(self)) return nok(code);
    if (self.interrupt && singleLineAtBlockStart(self.events)) approveLine(self, 'setext');
    if (!isApprovedLine(self, 'setext')) return nok(code);
    effects.enter('setextHeadingLine');
    effects.enter('setextHeadingLineSequence');
    return sequence(code);
  };
};

/** Whether the open paragraph has one line and starts a block. */
function singleLineAtBlockStart(events: Event[]): boolean {
  let lines = 0;
  let index = events.length - 1;
  for (; index >= 0; index--) {
    const [kind, token] = events[index]!;
    if (kind === 'enter' && token.type === 'chunkContent') lines++;
    if (kind === 'enter' && token.type === 'content') break;
  }
  if (lines !== 1) return false;
  for (index--; index >= 0; index--) {
    const type = events[index]![1].type;
    if (type === 'lineEnding' || type === 'linePrefix') continue;
    return type === 'lineEndingBlank' || type === 'kramdownEndOfBlock';
  }
  return true;
}

export const kramdownSetextUnderline: Construct = {
  name: 'kramdownSetextUnderline',
  tokenize: tokenizeSetextUnderline,
  resolveTo: setextUnderline.resolveTo!,
};
