import type { Construct, ParseContext, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Node } from 'unist';
import { ATTRIBUTE_LIST_LINE, approveLine, atBlockBoundary, isApprovedLine, mayStartBlock } from './block-start.js';
import { consumeLineEnding, multiLineSpan } from './line-lookahead.js';
import { currentLineMatches, documentSource, laterLineMatches } from './source-text.js';

// kramdown's math: `$$…$$`. As a block it must stand alone: it starts a block (start of
// its container, after a blank line, an end-of-block marker or an attribute list),
// nothing but whitespace follows the closing `$$` on its line, and a block boundary (a
// blank line, `^`, an attribute list or the end) comes right after. Anything else is
// math inside a paragraph. The content is trimmed.

export interface MathNode extends Node {
  type: 'kramdownMath' | 'kramdownInlineMath';
  value: string;
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownMath: MathNode;
  }
  interface BlockContentMap {
    kramdownMath: MathNode;
  }
  interface PhrasingContentMap {
    kramdownInlineMath: MathNode;
  }
}

const DOLLAR = 36;
const BOUNDARY_LINE = new RegExp(String.raw`^(?:[ \t]*|\^[ \t]*|${ATTRIBUTE_LIST_LINE.source.slice(1, -1)})$`);
const isLineEnd = (code: number | null) => code === null || code < -2;
const charOf = (code: number) => (code === -2 ? '\t' : code === -1 ? '' : String.fromCodePoint(code));

const tokenizeBlockMath: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  let text = '';
  let dollars = 0;
  const opening: State = (code) => {
    if (code !== DOLLAR) return nok(code);
    effects.consume(code);
    return ++dollars === 2 ? body : opening;
  };
  // Runs to the first `$$` after the opening one.
  const body: State = (code) => {
    if (code === null) return nok(code);
    if (code < -2) {
      effects.exit('kramdownMathData');
      consumeLineEnding(effects, code);
      text += '\n';
      return lineStart;
    }
    effects.consume(code);
    text += charOf(code);
    return text.endsWith('$$') ? after : body;
  };
  const lineStart: State = (code) => {
    effects.enter('kramdownMathData');
    return body(code);
  };
  const after: State = (code) => {
    if (isLineEnd(code)) return effects.check(boundaryAfter, done, nok)(code);
    if (code !== 32 && code !== -2 && code !== -1) return nok(code);
    effects.consume(code);
    return after;
  };
  const done: State = (code) => {
    effects.exit('kramdownMathData');
    effects.exit('kramdownMath');
    return ok(code);
  };
  return (code) => {
    if (code !== DOLLAR) return nok(code);
    // After an attribute list line the paragraph holding it is closed first (see approveLine).
    if (self.interrupt && mayStartBlock(self)) approveLine(self, 'math');
    if (self.interrupt ? !mayStartBlock(self) : !atBlockBoundary(self) && !isApprovedLine(self, 'math')) return nok(code);
    if (!currentLineMatches(self, /^\$\$.*\$\$/) && !laterLineMatches(self, /\$\$/)) return nok(code);
    effects.enter('kramdownMath');
    effects.enter('kramdownMathData');
    return opening(code);
  };
};

/** The line after the math is a block boundary (or there is none). */
const boundaryAfter: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    let line = '';
    let open = false;
    const inLine: State = (code) => {
      if (isLineEnd(code)) {
        if (open) effects.exit('kramdownMathData');
        return BOUNDARY_LINE.test(line) ? ok(code) : nok(code);
      }
      if (!open) effects.enter('kramdownMathData');
      open = true;
      effects.consume(code);
      line += charOf(code!);
      return inLine;
    };
    return (code) => {
      if (code === null) return ok(code);
      consumeLineEnding(effects, code);
      return inLine;
    };
  },
};

export const kramdownBlockMath: Construct = { name: 'kramdownBlockMath', tokenize: tokenizeBlockMath, concrete: true };

const tokenizeInlineMath: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  let dollars = 0;
  let text = '';
  const span = multiLineSpan(effects);
  const opening: State = (code) => {
    if (code !== DOLLAR) return nok(code);
    span.consume(code);
    return ++dollars === 2 ? body : opening;
  };
  const body: State = (code) => {
    if (code === null) return nok(code);
    span.consume(code);
    text += code < -2 ? '\n' : charOf(code);
    if (!text.endsWith('$$')) return body;
    span.close();
    effects.exit('kramdownInlineMath');
    return ok;
  };
  return (code) => {
    if (code !== DOLLAR) return nok(code);
    effects.enter('kramdownInlineMath');
    return opening(code);
  };
};

export const kramdownInlineMath: Construct = { name: 'kramdownInlineMath', tokenize: tokenizeInlineMath };

// `\$$…$$` where a math block could start is no math block, but kramdown then drops the
// backslash and reads on from `$$` as a paragraph (so `$$…$$` is inline math), provided
// the first closing `$$` ends its line; otherwise the backslash escapes the `$` as usual.
// The flow construct notes such a backslash (and never matches); the text construct drops it.

const BACKSLASH = 92;
const droppedEscapes = new WeakMap<ParseContext, Set<number>>();

/** `\$$`, up to the first closing `$$`, then nothing but whitespace to the line's end. */
function escapedMathBlockAt(source: string, offset: number): boolean {
  if (!source.startsWith('\\$$', offset)) return false;
  const close = source.indexOf('$$', offset + 3);
  if (close < 0) return false;
  const lineEnd = source.indexOf('\n', close + 2);
  return /^[ \t\r\f\v]*$/.test(source.slice(close + 2, lineEnd < 0 ? undefined : lineEnd));
}

export const kramdownEscapedBlockMath: Construct = {
  name: 'kramdownEscapedBlockMath',
  tokenize(effects, ok, nok) {
    const self = this;
    return (code) => {
      const source = documentSource(self);
      const offset = self.now().offset;
      const blockStart = !self.interrupt && (atBlockBoundary(self) || isApprovedLine(self, 'math'));
      if (code === BACKSLASH && blockStart && source !== undefined && escapedMathBlockAt(source, offset)) {
        let offsets = droppedEscapes.get(self.parser);
        if (!offsets) droppedEscapes.set(self.parser, (offsets = new Set()));
        offsets.add(offset);
      }
      return nok(code);
    };
  },
};

export const kramdownDroppedEscape: Construct = {
  name: 'kramdownDroppedEscape',
  tokenize(effects, ok, nok) {
    const self = this;
    return (code) => {
      if (code !== BACKSLASH || !droppedEscapes.get(self.parser)?.has(self.now().offset)) return nok(code);
      effects.enter('kramdownDroppedEscape');
      effects.consume(code);
      effects.exit('kramdownDroppedEscape');
      return ok;
    };
  },
};

/** The math between the `$$` pairs of a token's text, trimmed. */
function mathValue(text: string): string {
  const start = text.indexOf('$$') + 2;
  return text.slice(start, text.indexOf('$$', start)).trim();
}

export const kramdownMathFromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownMath(this: CompileContext, token: Token) {
      this.enter({ type: 'kramdownMath', value: mathValue(this.sliceSerialize(token)) }, token);
    },
    kramdownInlineMath(this: CompileContext, token: Token) {
      this.enter({ type: 'kramdownInlineMath', value: mathValue(this.sliceSerialize(token)) }, token);
    },
  },
  exit: {
    kramdownMath(this: CompileContext, token: Token) {
      this.exit(token);
    },
    kramdownInlineMath(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownMath: 'kramdownMath';
    kramdownMathData: 'kramdownMathData';
    kramdownInlineMath: 'kramdownInlineMath';
    kramdownDroppedEscape: 'kramdownDroppedEscape';
  }
}
