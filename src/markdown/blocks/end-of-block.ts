import type { Construct, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Node } from 'unist';

// kramdown's end-of-block marker: a line holding only `^` (trailing whitespace allowed)
// ends the block before it, a paragraph or a list included, and prints nothing. Two
// lists with a marker between them stay two lists. The node stays in the tree so later
// steps see the separation.

export interface EndOfBlock extends Node {
  type: 'kramdownEndOfBlock';
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownEndOfBlock: EndOfBlock;
  }
  interface BlockContentMap {
    kramdownEndOfBlock: EndOfBlock;
  }
}

const CARET = 94;

const tokenizeEndOfBlock: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const after: State = (code) => {
    if (code === 32 || code === -2 || code === -1) {
      effects.consume(code);
      return after;
    }
    if (code !== null && code >= -2) return nok(code);
    effects.exit('kramdownEndOfBlock');
    return ok(code);
  };
  return (code) => {
    if (code !== CARET) return nok(code);
    effects.enter('kramdownEndOfBlock');
    effects.consume(code);
    return after;
  };
};

export const kramdownEndOfBlock: Construct = { name: 'kramdownEndOfBlock', tokenize: tokenizeEndOfBlock };

export const kramdownEndOfBlockFromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownEndOfBlock(this: CompileContext, token: Token) {
      this.enter({ type: 'kramdownEndOfBlock' }, token);
    },
  },
  exit: {
    kramdownEndOfBlock(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

/** The marker prints nothing. */
export function kramdownEndOfBlockHandler(): undefined {
  return undefined;
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownEndOfBlock: 'kramdownEndOfBlock';
  }
}
