// Literals as Ruby's Liquid 5 reads them. Its lexer knows no escapes: `"tab\there"` is the
// eleven characters between the quotes, and a string ends at the first matching quote.
// And `3.0` is a Float, which prints `3.0`, where liquidjs would read the number 3; an
// integer keeps all its digits past 2^53.
// liquidjs has no option for either, so its tokenizer is adjusted once per process.
import { Drop, Tokenizer } from 'liquidjs';
import { RubyFloat, rubyInteger } from './ruby-values.js';
import { once } from './once.js';

interface TokenizerInternals {
  input: string;
  p: number;
  skipBlank(): void;
  readQuoted(): { content: unknown; end: number } | undefined;
  readNumber(): { content: unknown; getText(): string } | undefined;
  readToDelimiter(delimiter: string, respectQuoted?: boolean): number;
  readLiteral(): { literal: string; content: unknown } | undefined;
}

/**
 * Liquid's `blank` compares by calling `blank?` on the other side, a method plain Ruby
 * values (strings, arrays, nil) lack without Rails: `x == blank` is false, `!=` true.
 */
class RubyBlank extends Drop {
  equals(): boolean {
    return false;
  }
  gt(): boolean {
    return false;
  }
  geq(): boolean {
    return false;
  }
  lt(): boolean {
    return false;
  }
  leq(): boolean {
    return false;
  }
  override valueOf(): string {
    return '';
  }
}

const BLANK = new RubyBlank();

export const installRubyLiterals = once(() => {
  const proto = Tokenizer.prototype as unknown as TokenizerInternals;
  const readQuoted = proto.readQuoted;
  const readNumber = proto.readNumber;
  const readToDelimiter = proto.readToDelimiter;
  const readLiteral = proto.readLiteral;

  proto.readLiteral = function (this: TokenizerInternals) {
    const token = readLiteral.call(this);
    if (token?.literal === 'blank') token.content = BLANK;
    return token;
  };

  // Ruby's template lexer ends `{{ … }}` at the first `}}`, inside quotes or not.
  proto.readToDelimiter = function (this: TokenizerInternals, delimiter: string) {
    return readToDelimiter.call(this, delimiter, false);
  };

  proto.readQuoted = function (this: TokenizerInternals) {
    this.skipBlank();
    const begin = this.p;
    const quote = this.input[begin];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = this.input.indexOf(quote, begin + 1);
    // Without a closing quote, the quote is a lone character (Ruby's lax parser skips it),
    // so that the end of the output or tag is still found.
    const end = close === -1 ? begin + 1 : close + 1;
    // liquidjs builds the token; where it ends is Ruby's choice.
    const token = readQuoted.call(this);
    if (!token) return undefined;
    this.p = end;
    token.end = end;
    token.content = close === -1 ? '' : this.input.slice(begin + 1, close);
    return token;
  };

  proto.readNumber = function (this: TokenizerInternals) {
    const token = readNumber.call(this);
    if (token && typeof token.content === 'number' && token.getText().includes('.') && Number.isInteger(token.content)) {
      token.content = new RubyFloat(token.content);
    } else if (token && typeof token.content === 'number' && !Number.isSafeInteger(token.content) && /^[-+]?\d+$/.test(token.getText())) {
      // An Integer past 2^53 keeps every digit, as Ruby's does.
      token.content = rubyInteger(BigInt(token.getText()));
    }
    return token;
  };
});
