// Jekyll's `{% highlight lang [linenos] %}…{% endhighlight %}` block. Jekyll colours the
// code with Rouge; faro writes the same wrapper markup around plain escaped code (the
// colouring spans are presentation only):
//   <figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">…</code></pre></figure>
// With `linenos`, the code sits in Rouge's table with a gutter of line numbers.
import { Tag, TypeGuards, type Context, type Liquid, type Parser, type TagToken, type Template, type TopLevelToken } from 'liquidjs';

// Jekyll's syntax: a language, then options `name`, `name=value` or `name="1 2 3"`.
const SYNTAX = /^([a-zA-Z0-9.+#_-]+)((?:\s+\w+(?:=(?:\w+|"(?:[0-9]+\s)*[0-9]+"))?)*)$/;
const OPTION = /(?:\w="[^"]*"|\w=\w|\w)+/g;

export class HighlightSyntaxError extends Error {}

export class HighlightTag extends Tag {
  private readonly language: string;
  private readonly lineNumbers: boolean;
  private readonly templates: Template[] = [];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    const match = SYNTAX.exec(token.args.trim());
    if (!match) {
      throw new HighlightSyntaxError(`invalid {% highlight ${token.args.trim()} %}: use {% highlight <language> [linenos] %}`);
    }
    this.language = match[1]!.toLowerCase();
    const options = (match[2] ?? '').match(OPTION) ?? [];
    this.lineNumbers = options.some((option) => option.split('=')[0] === 'linenos');
    while (remainTokens.length > 0) {
      const next = remainTokens.shift()!;
      if (TypeGuards.isTagToken(next) && next.name === 'endhighlight') return;
      this.templates.push(parser.parseToken(next, remainTokens));
    }
    throw new HighlightSyntaxError(`{% highlight ${token.args.trim()} %} is not closed by {% endhighlight %}`);
  }

  *render(ctx: Context): Generator<unknown, string, unknown> {
    const rendered = String(yield this.liquid.renderer.renderTemplates(this.templates, ctx));
    const code = rendered.replace(/^[\n\r]+|[\n\r]+$/g, '');
    const body = this.lineNumbers ? numberedTable(code) : escapeCode(code);
    const language = this.language;
    // Jekyll's Markdown converter asks for a newline around the block (nil elsewhere).
    const scope = ctx.environments as Record<string, unknown>;
    const affix = (name: string): string => (typeof scope[name] === 'string' ? (scope[name] as string) : '');
    return (
      affix('highlighter_prefix') +
      `<figure class="highlight"><pre><code class="language-${language.replace(/\+/g, '-')}" data-lang="${language}">` +
      `${body}</code></pre></figure>` +
      affix('highlighter_suffix')
    );
  }
}

function escapeCode(code: string): string {
  return code.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Rouge's HTMLTable layout: a gutter cell of line numbers beside the code cell. */
function numberedTable(code: string): string {
  const lines = code.split('\n').length;
  const gutter = Array.from({ length: lines }, (_, i) => `${i + 1}\n`).join('');
  return (
    '<table class="rouge-table"><tbody><tr>' +
    `<td class="gutter gl"><pre class="lineno">${gutter}</pre></td>` +
    `<td class="code"><pre>${escapeCode(code)}\n</pre></td>` +
    '</tr></tbody></table>'
  );
}
