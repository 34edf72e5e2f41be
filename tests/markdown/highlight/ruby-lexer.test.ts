import { describe, expect, it } from 'vitest';
import { rubyLexer } from '../../../src/markdown/highlight/lexers/ruby.js';
import { findLexer } from '../../../src/markdown/highlight/lexers/index.js';
import { highlightAsRouge, tokensToHast } from '../../../src/markdown/highlight/format-html.js';
import { rubyRegExp } from '../../../src/markdown/highlight/ruby-regexp.js';
import { renderMarkdown } from '../../../src/markdown/render-markdown.js';
import { JEKYLL_KRAMDOWN_DEFAULTS, resolveKramdownOptions } from '../../../src/markdown/options.js';
import { defaultLanguage, rougeHighlights } from '../../../src/markdown/highlight/rouge-lexers.js';

// Expected tokens are what Rouge 3.30's Ruby lexer yields for the same code.
const lex = (code: string) => rubyLexer.tokens(code).map(({ kind, value }) => [kind, value]);

describe('Ruby lexer (as Rouge 3.30 cuts Ruby)', () => {
  it('reads names, operators, constants and method calls', () => {
    expect(lex('x = Class.new')).toEqual([
      ['Name', 'x'], ['Text', ' '], ['Operator', '='], ['Text', ' '],
      ['Name.Constant', 'Class'], ['Punctuation', '.'], ['Name.Function', 'new'],
    ]);
    expect(lex('obj&.call')).toEqual([['Name', 'obj'], ['Operator', '&'], ['Punctuation', '.'], ['Name.Function', 'call']]);
    expect(lex('Foo::Bar')).toEqual([['Name.Constant', 'Foo'], ['Operator', '::'], ['Name.Constant', 'Bar']]);
    expect(lex('items.include?(x)')).toEqual([
      ['Name', 'items'], ['Punctuation', '.'], ['Name.Function', 'include?'], ['Punctuation', '('], ['Name', 'x'], ['Punctuation', ')'],
    ]);
  });

  it('tells keywords from names that start like them', () => {
    expect(lex('endpoint end')).toEqual([['Name', 'endpoint'], ['Text', ' '], ['Keyword', 'end']]);
    expect(lex('include Comparable')).toEqual([['Keyword.Pseudo', 'include'], ['Text', ' '], ['Name.Constant', 'Comparable']]);
    expect(lex('a = 1 unless b')).toEqual([
      ['Name', 'a'], ['Text', ' '], ['Operator', '='], ['Text', ' '], ['Number.Integer', '1'],
      ['Text', ' '], ['Keyword', 'unless'], ['Text', ' '], ['Name', 'b'],
    ]);
  });

  it('reads `/` and `%` as operators after a name, and as a regex or %-string where an expression starts', () => {
    expect(lex('x / y')).toEqual([['Name', 'x'], ['Text', ' '], ['Operator', '/'], ['Text', ' '], ['Name', 'y']]);
    expect(lex('/ab+c/i')).toEqual([['String.Regex', '/ab+c/i']]);
    expect(lex('x % 3')).toEqual([['Name', 'x'], ['Text', ' '], ['Operator', '%'], ['Text', ' '], ['Number.Integer', '3']]);
    expect(lex('%w[a b]')).toEqual([['String.Other', '%w[a b]']]);
  });

  it('reads interpolation inside strings, with strings nested in it', () => {
    expect(lex('"a#{b "c"}d"')).toEqual([
      ['String.Double', '"a'], ['String.Interpol', '#{'], ['Name', 'b'], ['Text', ' '],
      ['String.Double', '"c"'], ['String.Interpol', '}'], ['String.Double', 'd"'],
    ]);
  });

  it('reads a heredoc from the next line up to its (indented) end', () => {
    expect(lex('<<~EOS\n  hi #{name}\n  EOS\nputs 1')).toEqual([
      ['Operator', '<<~'], ['Name.Constant', 'EOS'], ['String.Heredoc', '\n  hi '], ['String.Interpol', '#{'],
      ['Name.Builtin', 'name'], ['String.Interpol', '}'], ['String.Heredoc', '\n'], ['Name.Constant', '  EOS'],
      ['Text', '\n'], ['Name.Builtin', 'puts'], ['Text', ' '], ['Number.Integer', '1'],
    ]);
  });

  it('keeps Rouge’s quirks: operator method names, `?` before a letter, label symbols', () => {
    expect(lex('def <=>(other)')).toEqual([
      ['Keyword', 'def'], ['Text', ' '], ['Name.Function', '<'], ['Operator', '=>'], ['Punctuation', '('], ['Name', 'other'], ['Punctuation', ')'],
    ]);
    expect(lex('x ?a')).toEqual([['Name', 'x'], ['Text', ' '], ['Punctuation', '?'], ['Name', 'a']]);
    expect(lex('name: value')).toEqual([['String.Symbol', 'name: '], ['Name', 'value']]);
    expect(lex('=begin\nnote\n=end\nx')).toEqual([['Comment.Multiline', '=begin\nnote\n=end'], ['Text', '\n'], ['Name', 'x']]);
  });

  it('makes a character no rule takes an Error token (Ruby names are ASCII to Rouge)', () => {
    expect(lex('puts(é)')).toEqual([['Name.Builtin', 'puts'], ['Punctuation', '('], ['Error', 'é'], ['Punctuation', ')']]);
    expect(lex('😀')).toEqual([['Error', '😀']]);
  });

  it('fails where Rouge raises (a %-string delimited by a backslash), and the span stays plain', () => {
    expect(() => rubyLexer.tokens('%\\a\\')).toThrow();
    expect(highlightAsRouge('%\\a\\', 'ruby')).toBeUndefined();
  });
});

describe('lexer registry', () => {
  it('finds Ruby by Rouge’s tag and alias, ignoring ?options, case-sensitively', () => {
    expect(findLexer('ruby')).toBe(rubyLexer);
    expect(findLexer('rb')).toBe(rubyLexer);
    expect(findLexer('ruby?start_inline=1')).toBe(rubyLexer);
    expect(findLexer('Ruby')).toBeUndefined();
    expect(findLexer('python')).toBeUndefined();
  });
});

describe('Ruby-sense regular expressions', () => {
  it('translates $, \\s and \\b as Ruby means them', () => {
    expect(rubyRegExp(/a$/).exec('a\nb')?.[0]).toBe('a');
    expect(rubyRegExp(/a$/).exec('a\rb')).toBeNull();
    expect(rubyRegExp(/\s/).exec('\u00a0')).toBeNull();
    expect(rubyRegExp(/a\b/).exec('aé')).toBeNull();
    expect(rubyRegExp(/[\s#]+/).exec(' #\t')?.[0]).toBe(' #\t');
  });
});

describe('HTML for inline code', () => {
  it('prints Text bare and every other token as a span with Rouge’s short class', () => {
    expect(tokensToHast([{ kind: 'Name', value: 'x' }, { kind: 'Text', value: ' ' }])).toEqual([
      { type: 'element', tagName: 'span', properties: { className: ['n'] }, children: [{ type: 'text', value: 'x' }] },
      { type: 'text', value: ' ' },
    ]);
  });

  it('highlights a Ruby code span and leaves other languages as written', () => {
    const { html } = renderMarkdown('Use `Class.new`{:.language-ruby} or `Class.new`{:.language-python}.\n', JEKYLL_KRAMDOWN_DEFAULTS);
    expect(html).toContain(
      '<code class="language-ruby highlighter-rouge"><span class="no">Class</span><span class="p">.</span><span class="nf">new</span></code>',
    );
    expect(html).toContain('<code class="language-python highlighter-rouge">Class.new</code>');
  });
});

describe('span settings of syntax_highlighter_opts', () => {
  const withSettings = (settings: Record<string, unknown>) => resolveKramdownOptions({ syntax_highlighter_opts: settings });

  it('lets `span: {disable: true}` turn span highlighting off, not block highlighting', () => {
    const options = withSettings({ span: { disable: true } });
    expect(rougeHighlights('ruby', options, 'span')).toBe(false);
    expect(rougeHighlights('ruby', options)).toBe(true);
  });

  it('takes the span default language over the general one', () => {
    expect(defaultLanguage(withSettings({ default_lang: 'python', span: { default_lang: 'ruby' } }), 'span')).toBe('ruby');
    expect(defaultLanguage(withSettings({ default_lang: 'python' }), 'span')).toBe('python');
    expect(defaultLanguage(withSettings({}), 'span')).toBe('plaintext');
  });
});
