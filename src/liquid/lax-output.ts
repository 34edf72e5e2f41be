// Jekyll runs Liquid with `error_mode: warn`: an output `{{ … }}` the strict parser rejects
// is read again by Liquid's lax parser, which takes the first fragment as the value and
// then whatever filters it can find after the first `|`, skipping the rest. liquidjs would
// refuse the whole page; here the rejected output is rewritten the lax way and parsed again.
import { Parser, TokenKind, type Liquid, type Template, type TopLevelToken } from 'liquidjs';
import { once } from './once.js';

// Liquid's QuotedFragment: a quoted string, or a run without spaces, commas or pipes.
const FRAGMENT = `"[^"]*"|'[^']*'|(?:[^\\s,|'"]|"[^"]*"|'[^']*')+`;
const FIRST_FRAGMENT = new RegExp(FRAGMENT);
const FILTER_CHUNKS = new RegExp(`(?:\\s+|${FRAGMENT}|,)+`, 'g');
const OPERATOR_WORD = /^(and|or|contains|not)(?=$|[.[])/;
// What Liquid's VariableLookup reads out of a fragment: names and bracketed keys.
const NAME_OR_KEY = /\[[^\]]*\]|[\w-]/;
const FILTER_ARGUMENTS = new RegExp(`(?::|,)\\s*((?:\\w+\\s*:\\s*)?(?:${FRAGMENT}))`, 'g');

/** The markup of an output as Liquid's lax parser understands it, in strict syntax. */
export function laxOutputMarkup(markup: string): string | undefined {
  const first = FIRST_FRAGMENT.exec(markup);
  if (!first) return undefined;
  // Liquid reads a word like `and` as a variable's name; liquidjs as an operator, unless it is quoted in brackets.
  // A fragment without a name or key in it (`<` in `{{< version >}}`) looks up nothing: nil.
  const literal = /^["']/.test(first[0]);
  const parts = [literal || NAME_OR_KEY.test(first[0]) ? first[0].replace(OPERATOR_WORD, '["$1"]') : 'nil'];
  const rest = markup.slice(first.index + first[0].length);
  const pipe = rest.indexOf('|');
  if (pipe >= 0) {
    for (const [chunk] of rest.slice(pipe + 1).matchAll(FILTER_CHUNKS)) {
      const name = /\w+/.exec(chunk);
      if (!name) continue;
      const args = [...chunk.slice(name.index + name[0].length).matchAll(FILTER_ARGUMENTS)].map((match) => match[1]!);
      parts.push(args.length > 0 ? `${name[0]}: ${args.join(', ')}` : name[0]);
    }
  }
  return parts.join(' | ');
}

interface ParserInternals {
  liquid: Liquid;
  parseToken(token: TopLevelToken, remainTokens: TopLevelToken[]): Template;
}

interface OutputTokenLike {
  kind: number;
  content: string;
  file?: string;
}

export const installLaxOutputs = once(() => {
  const proto = Parser.prototype as unknown as ParserInternals;
  const parseToken = proto.parseToken;
  proto.parseToken = function (this: ParserInternals, token: TopLevelToken, remainTokens: TopLevelToken[]) {
    const output = token as unknown as OutputTokenLike;
    let failure: unknown;
    try {
      const template = parseToken.call(this, token, remainTokens);
      // Liquid's strict parser takes one value, without operators, before the filters.
      if (output.kind !== TokenKind.Output || isSingleValue(template)) return template;
      failure = new Error(`unexpected text in {{ ${output.content} }}`);
    } catch (error) {
      if (output.kind !== TokenKind.Output) throw error;
      failure = error;
    }
    const lax = laxOutputMarkup(output.content);
    if (lax === undefined) throw failure;
    let template: Template | undefined;
    try {
      template = this.liquid.parse(`{{ ${lax} }}`, output.file)[0];
    } catch {
      throw failure;
    }
    if (!template || !isSingleValue(template)) throw failure;
    (template as { token: unknown }).token = token;
    return template;
  };
});

function isSingleValue(template: Template): boolean {
  const postfix = (template as { value?: { initial?: { postfix?: Array<{ kind?: number }> } } }).value?.initial?.postfix;
  return postfix === undefined || postfix.length === 0 || (postfix.length === 1 && postfix[0]!.kind !== TokenKind.Operator);
}
