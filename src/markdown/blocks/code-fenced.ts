import type { Code, Construct, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code as CodeNode } from 'mdast';
import { containerPrefix, laterLineMatches } from './source-text.js';
import { consumeLineEnding } from './line-lookahead.js';

// kramdown-parser-gfm's fenced code blocks: a line of three or more `~` or backticks
// (up to three spaces before), then at most one word (the language, an optional
// `?query` after it), opens a block that needs a closing line repeating the opening run
// (it may be longer); without one there is no code block, and the line is text. The
// lines in between are the code, as they are (no indentation is taken off). A fence
// line that makes no code block goes on the paragraph before it: kramdown ends the
// paragraph there, finds no code block, and adds the line to that paragraph again.

const FENCE_LINE = /^ {0,3}([~`]{3,})[ \t]*(\S+)?[ \t]*$/;
const isEnd = (code: Code) => code === null || code < -2;

function closingLine(run: string, indent = ' {0,3}'): RegExp {
  const escape = (text: string) => text.replace(/[`~]/g, (char) => `\\${char}`);
  const last = escape(run.at(-1)!);
  // a run of one character as a count: a long run spelled out makes too large a pattern
  const fence = /^(.)\1*$/.test(run) ? `${last}{${run.length},}` : `${escape(run)}${last}*`;
  return new RegExp(`^${indent}${fence}[ \\t]*$`);
}

/** Reads one line (into a throwaway token) and hands its text on. */
function readLine(effects: Parameters<Tokenizer>[0], then: (text: string) => State): State {
  let text = '';
  let open = false;
  const inside: State = (code) => {
    if (isEnd(code)) {
      if (open) effects.exit('kramdownCodeLine');
      return then(text)(code);
    }
    if (!open) effects.enter('kramdownCodeLine');
    open = true;
    effects.consume(code);
    if (code !== -1) text += code === -2 ? '\t' : String.fromCodePoint(code!);
    return inside;
  };
  return inside;
}

const tokenizeCodeFenced: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  const tail = self.events.at(-1);
  const prefix = tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
  let closing: RegExp | undefined;
  let container: string | undefined;

  const lineEnding: State = (code) => {
    if (code === null) return nok(code);
    consumeLineEnding(effects, code);
    return readLine(effects, (text) => (closing!.test(text) ? close : lineEnding));
  };
  const close: State = (code) => {
    effects.exit('kramdownCodeFenced');
    return ok(code);
  };

  return (code) => {
    if ((code !== 96 && code !== 126) || prefix > 3) return nok(code);
    container = containerPrefix(self, self.now().offset, prefix);
    effects.enter('kramdownCodeFenced');
    return readLine(effects, (text) => {
      const match = FENCE_LINE.exec(' '.repeat(prefix) + text);
      if (!match) return nok;
      closing = closingLine(match[1]!);
      // the closing line must be in the same containers (kramdown reads a list item's or quote's text alone)
      if (!laterLineMatches(self, closingLine(match[1]!, '[ \\t]*'), container)) return nok;
      // Asked whether it interrupts a paragraph, the opening line is the answer: reading on
      // to the closing line would keep the paragraph open over lines that may be lazy
      // ones, which micromark then takes into the paragraph's containers.
      return self.interrupt ? ok : lineEnding;
    })(code);
  };
};

export const kramdownCodeFenced: Construct = { name: 'kramdownCodeFenced', tokenize: tokenizeCodeFenced, concrete: true };

export const kramdownCodeFencedFromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownCodeFenced(this: CompileContext, token: Token) {
      const lines = this.sliceSerialize(token).split(/\r?\n|\r/);
      const info = FENCE_LINE.exec(lines[0]!.replace(/^[ \t]*/, ''))?.[2] ?? null;
      const node: CodeNode = { type: 'code', lang: info, meta: null, value: lines.slice(1, -1).join('\n') };
      this.enter(node, token);
    },
  },
  exit: {
    kramdownCodeFenced(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownCodeFenced: 'kramdownCodeFenced';
  }
}
