import type { Code, Construct, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { scanHtmlBlock } from './html-scan.js';

// kramdown's block HTML in place of CommonMark's HTML blocks (which end at a blank line
// and come in seven kinds). A line starting (after up to three spaces) with a non-span
// start tag or a comment opens a block that runs to the element's end tag, however many
// lines and blank lines that takes (see html-scan.ts). It produces the usual `htmlFlow`
// tokens, so the mdast node is an ordinary `html` node.

const LESS_THAN = 60;
const GREATER_THAN = 62;

const tokenizeHtmlFlow: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  let buffer = '';
  let end: number | undefined;
  let firstLine = true;
  let dataOpen = false;

  const inside: State = (code) => {
    if (code === null || code < -2) return lineEnd(code);
    if (!dataOpen) effects.enter('htmlFlowData');
    dataOpen = true;
    effects.consume(code);
    if (code !== -1) buffer += code === -2 ? '\t' : String.fromCodePoint(code);
    if (code === GREATER_THAN && end === undefined) {
      const scan = scanHtmlBlock(buffer);
      if (scan.status === 'complete') end = scan.end;
    }
    return inside;
  };

  const lineEnd = (code: Code): State | undefined => {
    if (dataOpen) effects.exit('htmlFlowData');
    dataOpen = false;
    if (firstLine && end === undefined && scanHtmlBlock(buffer).status === 'invalid') return nok(code);
    // A comment line does not end a paragraph for kramdown: it stays inline there.
    if (firstLine && self.interrupt && buffer.startsWith('<!--')) return nok(code);
    firstLine = false;
    if (end !== undefined || code === null) return done(code);
    return effects.check(nonLazyLineEnding, nextLine, done)(code);
  };

  const nextLine: State = (code) => {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    buffer += '\n';
    return inside;
  };

  const done: State = (code) => {
    effects.exit('htmlFlow');
    return ok(code);
  };

  return (code) => {
    if (code !== LESS_THAN) return nok(code);
    effects.enter('htmlFlow');
    return inside(code);
  };
};

/** Succeeds when the next line continues the current containers (is not lazy). */
const nonLazyLineEnding: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    const self = this;
    return (code) => {
      if (code === null) return nok(code);
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return (next: Code) => (self.parser.lazy[self.now().line] ? nok(next) : ok(next));
    };
  },
};

export const kramdownHtmlFlow: Construct = {
  name: 'kramdownHtmlFlow',
  tokenize: tokenizeHtmlFlow,
  concrete: true,
};
