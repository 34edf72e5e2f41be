// Jekyll runs Liquid with `error_mode: warn`: a condition of `if`, `elsif` or `unless`
// that the strict parser rejects is read again by the lax parser, where a fragment that
// is no literal becomes a variable made of the names and `[keys]` found in it. So
// `{% if {{include.url}} %}` tests `include.url`, and a fragment with no name at all is
// nil. liquidjs would refuse the page; such a condition is rewritten the lax way before
// the tags are parsed.
import { Parser, TokenKind, Tokenizer, Value, type Liquid, type TopLevelToken } from 'liquidjs';
import { once } from './once.js';

const CONDITION_TAGS = new Set(['if', 'elsif', 'unless']);
const OPERATOR = /^(?:==|!=|<>|<|>|<=|>=|contains|and|or)$/;
/** A fragment liquidjs reads as it is: a name with keys, a number, a range. */
const PLAIN_VALUE = /^(?:(?:[\w-]+\??|\[[^\]]*\])(?:\.[\w-]+\??|\[[^\]]*\])*|-?\d+(?:\.\d+)?|\(\S+\.\.\S+\))$/;
/** What Liquid's VariableLookup reads out of a fragment. */
const NAME_OR_KEY = /\[[^\]]*\]|[\w-]+\??/g;

interface TagTokenLike {
  kind: number;
  name?: string;
  args?: string;
  tokenizer?: Tokenizer;
}

/** The variable Liquid's lax parser makes of a fragment: its names and keys, or nil. */
export function laxLookup(fragment: string): string {
  const parts = fragment.match(NAME_OR_KEY);
  if (!parts) return 'nil';
  return parts.map((part, index) => (index === 0 || part.startsWith('[') ? part : `.${part}`)).join('');
}

/** A condition's markup with every fragment liquidjs cannot read turned into Liquid's lax variable. */
export function laxConditionMarkup(markup: string): string {
  return markup.replace(/"[^"]*"|'[^']*'|[^\s"']+/g, (chunk) =>
    /^["']/.test(chunk) || OPERATOR.test(chunk) || PLAIN_VALUE.test(chunk) ? chunk : laxLookup(chunk),
  );
}

function parses(markup: string, liquid: Liquid): boolean {
  try {
    new Value(markup, liquid);
    return true;
  } catch {
    return false;
  }
}

/** Rewrites, the lax way, the conditions liquidjs would reject (others stay as written). */
export function relaxConditions(tokens: TopLevelToken[], liquid: Liquid): void {
  for (const token of tokens as unknown as TagTokenLike[]) {
    if (token.kind !== TokenKind.Tag || !token.args || !CONDITION_TAGS.has(token.name ?? '')) continue;
    if (parses(token.args, liquid)) continue;
    const lax = laxConditionMarkup(token.args);
    if (lax === token.args || !parses(lax, liquid)) continue;
    // the tags read their condition from the token's tokenizer
    token.args = lax;
    token.tokenizer = new Tokenizer(lax, liquid.options.operators);
  }
}

interface ParserInternals {
  liquid: Liquid;
  parseTokens(tokens: TopLevelToken[]): unknown;
}

export const installLaxConditions = once(() => {
  const proto = Parser.prototype as unknown as ParserInternals;
  const parseTokens = proto.parseTokens;
  proto.parseTokens = function (this: ParserInternals, tokens: TopLevelToken[]) {
    relaxConditions(tokens, this.liquid);
    return parseTokens.call(this, tokens);
  };
});
