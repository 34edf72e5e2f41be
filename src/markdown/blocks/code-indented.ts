import type { Construct, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code as CodeNode } from 'mdast';
import { ATTRIBUTE_LIST_LINE } from './block-start.js';
import { HTML_LINE_START, HTML_LINE_STOP } from './html-scan.js';
import { consumeLineEnding, lineMatching } from './line-lookahead.js';

// kramdown's indented code blocks: a line indented by a tab or four spaces (with text
// on it) starts one; indented lines continue it, blank lines too when an indented line
// follows them, and so does any other non-blank line right after a code line (a lazy
// line) unless it is an attribute list, an end-of-block marker or an HTML tag line.
// In the code, a lazy line is joined to the line before with a space, and each line
// loses one tab or four spaces of indentation. Trailing blank lines are not code.

const INDENTED_LINE = /^(?:\t| {4})[ \t]*\S/;
const BLANK_LINE = /^[ \t]*$/;
const END_OF_BLOCK_LINE = /^\^[ \t]*$/;

function isLazyLine(line: string): boolean {
  if (BLANK_LINE.test(line)) return false;
  return !ATTRIBUTE_LIST_LINE.test(line) && !END_OF_BLOCK_LINE.test(line) && !HTML_LINE_START.test(line) && !HTML_LINE_STOP.test(line);
}

/** The code text of a block's lines (as the flow saw them). */
export function indentedCodeValue(text: string): string {
  return text
    .replace(/\n( {0,3}\S)/g, ' $1')
    .replace(/^(?:\t| {4})/gm, '')
    .replace(/\n$/, '');
}

const tokenizeCodeIndented: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  let line = '';
  let open = false;

  const inLine: State = (code) => {
    if (code === null || code < -2) {
      if (open) effects.exit('kramdownCodeLine');
      open = false;
      return code === null ? done(code) : effects.attempt(nextLines, lineStart, done)(code);
    }
    if (!open) effects.enter('kramdownCodeLine');
    open = true;
    effects.consume(code);
    if (code !== -1) line += code === -2 ? '\t' : String.fromCodePoint(code);
    return inLine;
  };
  const lineStart: State = (code) => {
    line = '';
    return inLine(code);
  };
  const done: State = (code) => {
    effects.exit('kramdownCodeIndented');
    return ok(code);
  };

  return (code) => {
    if (code !== 32 && code !== -2) return nok(code);
    effects.enter('kramdownCodeIndented');
    return effects.check(firstLine, inLine, nok)(code);
  };
};

const blankLine = lineMatching((text) => BLANK_LINE.test(text));

/** The first line must be indented and hold text. */
const firstLine = lineMatching((text) => INDENTED_LINE.test(text));

/**
 * From a line ending: the blank lines and the line that continue the block (consumed
 * up to that line's start), or nothing.
 */
const nextLines: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    let blankLines = 0;
    let lineOpen = false;
    const ending: State = (code) => {
      consumeLineEnding(effects, code);
      return effects.check(peekLine, ok, blankOrNot);
    };
    // The next line continues the block: an indented line, or a lazy one right after code.
    const peekLine = lineMatching((text) => INDENTED_LINE.test(text) || (blankLines === 0 && isLazyLine(text)));
    const blankOrNot: State = (code) => {
      if (code === null) return nok(code);
      return effects.check(blankLine, afterBlank, nok)(code);
    };
    const afterBlank: State = (code) => {
      blankLines++;
      return blank(code);
    };
    // Keep the blank line (it may be inside the code) and look at the one after it.
    const blank: State = (code) => {
      if (code === null || code < -2) {
        if (lineOpen) effects.exit('kramdownCodeLine');
        lineOpen = false;
        return code === null ? nok(code) : ending(code);
      }
      if (!lineOpen) effects.enter('kramdownCodeLine');
      lineOpen = true;
      effects.consume(code);
      return blank;
    };
    return ending;
  },
};

// Not `concrete`: a new list or blockquote after the code (a blank line between) must
// be seen while the code looks ahead for more lines. (A lazy line that starts a
// container ends the code, where kramdown would take it into the code.)
export const kramdownCodeIndented: Construct = {
  name: 'kramdownCodeIndented',
  add: 'before',
  tokenize: tokenizeCodeIndented,
};

export const kramdownCodeIndentedFromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownCodeIndented(this: CompileContext, token: Token) {
      const node: CodeNode = { type: 'code', lang: null, meta: null, value: indentedCodeValue(this.sliceSerialize(token)) };
      this.enter(node, token);
    },
  },
  exit: {
    kramdownCodeIndented(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownCodeIndented: 'kramdownCodeIndented';
    kramdownCodeLine: 'kramdownCodeLine';
  }
}
