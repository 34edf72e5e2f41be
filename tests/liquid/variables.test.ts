// Variables, output of Ruby values and the core tags, with results checked against Jekyll 4.3.
import { describe, expect, it } from 'vitest';
import { CalendarDate } from '../../src/liquid/ruby-values.js';
import { out, render } from './helpers.js';

describe('variables', () => {
  it('reads site, page and site.data', () => {
    const site = { title: 'Help', data: { contacts: { sales: { email: 'sales@example.com' } } } };
    expect(out('{{ site.title }} / {{ page.title }} / {{ site.data.contacts.sales.email }}', { site })).toBe(
      'Help / Test page / sales@example.com',
    );
    expect(out('{{ site.data.contacts["sales"].email }}', { site })).toBe('sales@example.com');
  });

  it('prints values as Ruby does', () => {
    const site = {
      numbers: [1, 2, 3],
      nested: [['a', 'b'], ['c']],
      settings: { mode: 'dark', size: 2 },
      nothing: null,
      ratio: 2.5,
    };
    expect(out('{{ site.numbers }}|{{ site.nested }}|{{ site.nothing }}|{{ nil }}|{{ true }}|{{ site.ratio }}', { site })).toBe(
      '123|abc|||true|2.5',
    );
    expect(out('{{ site.settings }}', { site })).toBe('{"mode"=>"dark", "size"=>2}');
    expect(out('{{ site.numbers.size }} {{ site.numbers.first }} {{ site.numbers.last }}', { site })).toBe('3 1 3');
  });

  it('prints timestamps as Ruby times and calendar dates as dates', () => {
    const page = { date: new Date('2024-03-05T13:30:00Z'), day: new CalendarDate('2023-07-04T00:00:00Z') };
    expect(out('{{ page.date }} | {{ page.day }}', { page })).toBe('2024-03-05 13:30:00 +0000 | 2023-07-04');
  });

  it('gives every page the keys Jekyll always defines', () => {
    const result = render('[{{ page.path }}|{{ page.name }}|{{ page.url }}|{{ page.excerpt }}|{{ paginator }}|{{ jekyll.version }}]', {
      file: 'guides/setup.md',
    });
    expect(result.output).toBe('[guides/setup.md|setup.md||||4.3.1]');
    expect(result.diagnostics).toEqual([]);
  });

  it('never reaches JavaScript internals', () => {
    const template = '[{{ site.constructor }}|{{ site.__proto__ }}|{{ page.title.length }}{{ site.toString }}|{{ site.hasOwnProperty }}]';
    expect(render(template).output).toBe('[||9|]');
    expect(render('{{ site.constructor.name }}{{ site["__proto__"].polluted }}').output).toBe('');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('tags', () => {
  it('assign, capture, unless, case, for, raw and comment', () => {
    const page = { plan: 'business', users: 12, trial: false, country: 'mx', tags: ['voip'] };
    expect(out('{% assign n = 3 %}{% capture c %}n={{ n }}{% endcapture %}[{{ c }}]', { page })).toBe('[n=3]');
    expect(out('{% unless page.trial %}paid{% endunless %}', { page })).toBe('paid');
    expect(out('{% case page.country %}{% when "us" %}US{% when "co", "mx" %}LatAm{% else %}?{% endcase %}', { page })).toBe('LatAm');
    expect(out('{% if page.users > 10 and page.tags contains "voip" %}big{% endif %}', { page })).toBe('big');
    expect(out('{% if "" %}empty strings are true{% endif %}')).toBe('empty strings are true');
    expect(out('{% for i in (1..5) %}{% if i == 4 %}{% break %}{% endif %}{{ forloop.index }}{% endfor %}')).toBe('123');
    expect(out('{% for x in site.nothing %}x{% else %}none{% endfor %}', { site: { nothing: [] } })).toBe('none');
    expect(out('{% raw %}{{ page.title }}{% endraw %}')).toBe('{{ page.title }}');
    expect(out('a{% comment %}{{ page.title }}{% endcomment %}b')).toBe('ab');
  });

  it('controls whitespace with dashes', () => {
    expect(out('* first\n{%- assign x = 1 -%}\n* second')).toBe('* first* second');
    expect(out('[ {{- page.title -}} ]')).toBe('[Test page]');
  });

  it('renders {% highlight %} with Jekyll\'s wrapper markup', () => {
    const result = out('{% highlight ruby %}\nputs "<a> & {{ page.title }}"\n{% endhighlight %}', { file: 'page.html' });
    expect(result).toBe(
      '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">puts "&lt;a&gt; &amp; Test page"</code></pre></figure>',
    );
    // Markdown pages get Jekyll's highlighter prefix and suffix (a newline each).
    expect(out('{% highlight c++ %}x{% endhighlight %}')).toBe(
      '\n<figure class="highlight"><pre><code class="language-c--" data-lang="c++">x</code></pre></figure>\n',
    );
    const numbered = out('{% highlight js linenos %}\na;\nb;\n{% endhighlight %}', { file: 'page.html' });
    expect(numbered).toContain('<td class="gutter gl"><pre class="lineno">1\n2\n</pre></td><td class="code"><pre>a;\nb;\n</pre></td>');
  });

  it('resolves {% link %} and {% post_url %} with the baseurl', () => {
    const site = {
      baseurl: '/help',
      pages: [{ path: 'guides/setup.md', url: '/setup-guide/' }],
      posts: [{ relative_path: '_posts/2024-01-15-new-phones.md', url: '/2024/01/15/new-phones.html', slug: 'new-phones' }],
    };
    expect(out('{% link guides/setup.md %}', { site })).toBe('/help/setup-guide/');
    expect(out('{% assign t = "guides/setup.md" %}{% link {{ t }} %}', { site })).toBe('/help/setup-guide/');
    expect(out('{% post_url 2024-01-15-new-phones %}', { site })).toBe('/help/2024/01/15/new-phones.html');
    const missing = render('{% post_url 2020-01-01-nope %}', { site });
    expect(missing.diagnostics[0]).toMatchObject({ severity: 'error', rule: 'liquid', line: 4 });
    expect(missing.diagnostics[0]!.message).toContain('2020-01-01-nope');
  });

  it('refuses tags Jekyll does not have and ignores unknown filters', () => {
    expect(render('{% render "x.html" %}').diagnostics[0]).toMatchObject({ severity: 'error', rule: 'liquid' });
    expect(out('{{ "a" | no_such_filter }}')).toBe('a');
    // `sum` is a liquidjs extension; Liquid 5.4 ignores it and prints the array.
    expect(out('{{ site.ages | sum }}', { site: { ages: [31, 25] } })).toBe('3125');
  });
});
