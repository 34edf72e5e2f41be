import type { Construct, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Html } from 'mdast';
import { extensionHtml, optionValues, readStartTag, stopTagPattern, type ExtensionTag } from './extension-tags.js';
import { recordParseOptions } from './extension-flow.js';
import { multiLineSpan } from './line-lookahead.js';

// Span extensions: `{::comment}…{:/}`, `{::nomarkdown}…{:/}` and `{::options … /}`
// inside a paragraph. The body runs to the first `{:/name}` or `{:/}`, across lines if
// need be; without one, or for an unknown name, the `{` is plain text.

const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const ANY_START_TAG = /^\{::\w+(?:\s(?:\\\}|[^}])*?|)\/?\}$/;
/** Longest tag or body looked at, so a stray `{::` cannot make parsing quadratic. */
const MAX_LENGTH = 100_000;

const tokenizeSpanExtension: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  let text = '';
  let tag: ExtensionTag | undefined;
  let stop: RegExp | undefined;

  const span = multiLineSpan(effects);
  const take = (code: number) => {
    span.consume(code);
    text += code < 0 ? (code === -2 ? '\t' : code === -1 ? '' : '\n') : String.fromCodePoint(code);
  };

  const inTag: State = (code) => {
    if (code === null || text.length > MAX_LENGTH) return nok(code);
    take(code);
    if (text.length <= 3) return text === '{::'.slice(0, text.length) ? inTag : nok;
    if (code !== RIGHT_BRACE) return inTag;
    if (!ANY_START_TAG.test(text)) return text.endsWith('\\}') ? inTag : nok;
    tag = readStartTag(text);
    if (!tag) return nok;
    if (tag.selfClosing) return done;
    stop = stopTagPattern(tag.name, 'y');
    text = '';
    return inBody;
  };
  const inBody: State = (code) => {
    if (code === null || text.length > MAX_LENGTH) return nok(code);
    take(code);
    if (code !== RIGHT_BRACE) return inBody;
    const start = text.lastIndexOf('{:/');
    if (start < 0) return inBody;
    stop!.lastIndex = start;
    return stop!.test(text) && stop!.lastIndex === text.length ? done : inBody;
  };
  const done: State = (code) => {
    if (tag!.name === 'options') recordParseOptions(self, optionValues(tag!.attributes));
    span.close();
    effects.exit('kramdownSpanExtension');
    return ok(code);
  };
  return (code) => {
    if (code !== LEFT_BRACE) return nok(code);
    effects.enter('kramdownSpanExtension');
    return inTag(code);
  };
};

export const kramdownSpanExtension: Construct = { name: 'kramdownSpanExtension', tokenize: tokenizeSpanExtension };

/** mdast: an `html` node with what the extension prints (options print nothing but are kept in `data`). */
export const kramdownSpanExtensionFromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownSpanExtension(this: CompileContext, token: Token) {
      const text = this.sliceSerialize(token);
      const tag = readStartTag(text)!;
      const body = tag.selfClosing ? undefined : text.slice(tag.length).replace(/\{:\/\w*\}$/, '');
      const node: Html = { type: 'html', value: body === undefined ? '' : extensionHtml(tag, body) };
      if (tag.name === 'options') node.data = { kramdownOptions: optionValues(tag.attributes) } as Html['data'];
      this.enter(node, token);
    },
  },
  exit: {
    kramdownSpanExtension(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownSpanExtension: 'kramdownSpanExtension';
  }
}
