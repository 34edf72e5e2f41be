// Ruby Liquid reads no markup after `{% else %}` in `if`, `unless` and `for`, nor after a
// block's end tag: `{% else if %}` (Jekyll-Bootstrap's setup include has one) is a plain
// `else`, `{% endfor x %}` a plain `endfor`. liquidjs rejects such markup in some tags, so
// it is dropped from those tokens before the tags are parsed.
import { Parser, TokenKind, type TopLevelToken } from 'liquidjs';
import { once } from './once.js';

const MARKUP_IGNORED = /^(?:else|end\w+)$/;

interface TagTokenLike {
  kind: number;
  name?: string;
  args?: string;
}

/** Drops the markup Ruby Liquid ignores from the tag tokens of a template. */
export function dropIgnoredTagMarkup(tokens: TopLevelToken[]): void {
  for (const token of tokens as unknown as TagTokenLike[]) {
    if (token.kind === TokenKind.Tag && token.args && MARKUP_IGNORED.test(token.name ?? '')) token.args = '';
  }
}

interface ParserInternals {
  parseTokens(tokens: TopLevelToken[]): unknown;
}

export const installIgnoredTagMarkup = once(() => {
  const proto = Parser.prototype as unknown as ParserInternals;
  const parseTokens = proto.parseTokens;
  proto.parseTokens = function (this: ParserInternals, tokens: TopLevelToken[]) {
    dropIgnoredTagMarkup(tokens);
    return parseTokens.call(this, tokens);
  };
});
