import type { Construct, State, Token, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { ATTRIBUTE_LIST_LINE } from './block-start.js';
import { nextLineInContainers, restOfLine } from './line-lookahead.js';

// A run of block attribute list lines starting a block is a block of its own for
// kramdown: whatever follows starts anew (an indented line is code, not the run's
// continuation). The run is tokenized as paragraph content, so it stays an ordinary
// paragraph in the tree, which the attribute step reads. Inside a paragraph such lines
// stay where they are.

const attributeLine = restOfLine(ATTRIBUTE_LIST_LINE);

const tokenizeAttributeLines: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  let previous: Token | undefined;
  const inside: State = (code) => {
    if (code === null) return end(code);
    if (code < -2) return effects.check(nextAttributeLine, next, end)(code);
    effects.consume(code);
    return inside;
  };
  const next: State = (code) => {
    effects.consume(code);
    effects.exit('chunkContent');
    const chunk = effects.enter('chunkContent', { contentType: 'content', previous });
    previous!.next = chunk;
    previous = chunk;
    return inside;
  };
  const end: State = (code) => {
    effects.exit('chunkContent');
    effects.exit('content');
    return ok(code);
  };
  return (code) => {
    if (self.interrupt || code !== 123) return nok(code);
    return effects.check(attributeLine, start, nok)(code);
  };
  function start(code: number | null) {
    effects.enter('content');
    previous = effects.enter('chunkContent', { contentType: 'content' });
    return inside(code);
  }
};

/** The next line (same containers) is an attribute list line too. */
const nextAttributeLine = nextLineInContainers(attributeLine);

export const kramdownAttributeLines: Construct = { name: 'kramdownAttributeLines', tokenize: tokenizeAttributeLines };
