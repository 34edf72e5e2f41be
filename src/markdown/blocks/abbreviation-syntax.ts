import { mayStartBlock } from './block-start.js';
import type { Construct, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Node } from 'unist';

// kramdown's abbreviation definitions: a line `*[ABBR]: expansion` (up to three spaces
// before it). The name runs to the first `]:`; the expansion is the rest of the line,
// trimmed, and may be empty. A definition line inside a paragraph is just text.

export interface AbbreviationDefinition extends Node {
  type: 'kramdownAbbreviationDefinition';
  name: string;
  title: string;
}

const DEFINITION_LINE = /^\*\[(.+?)\]:(.*)$/;
const ASTERISK = 42;

const tokenizeAbbreviation: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  let line = '';
  const inside: State = (code) => {
    if (code === null || code < -2) {
      if (!DEFINITION_LINE.test(line)) return nok(code);
      effects.exit('kramdownAbbreviationLine');
      effects.exit('kramdownAbbreviation');
      return ok(code);
    }
    effects.consume(code);
    if (code !== -1) line += code === -2 ? '\t' : String.fromCodePoint(code);
    return inside;
  };
  return (code) => {
    if (code !== ASTERISK || !mayStartBlock(self)) return nok(code);
    effects.enter('kramdownAbbreviation');
    effects.enter('kramdownAbbreviationLine');
    return inside(code);
  };
};

export const kramdownAbbreviation: Construct = { name: 'kramdownAbbreviation', tokenize: tokenizeAbbreviation };

/** mdast: a `kramdownAbbreviationDefinition` node that prints nothing. */
export const kramdownAbbreviationFromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownAbbreviation(this: CompileContext, token: Token) {
      const match = DEFINITION_LINE.exec(this.sliceSerialize(token))!;
      const node: AbbreviationDefinition = { type: 'kramdownAbbreviationDefinition', name: match[1]!, title: match[2]!.trim() };
      this.enter(node, token);
    },
  },
  exit: {
    kramdownAbbreviation(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

declare module 'mdast' {
  interface RootContentMap {
    kramdownAbbreviationDefinition: AbbreviationDefinition;
  }
  interface BlockContentMap {
    kramdownAbbreviationDefinition: AbbreviationDefinition;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownAbbreviation: 'kramdownAbbreviation';
    kramdownAbbreviationLine: 'kramdownAbbreviationLine';
  }
}
