// Jekyll's filters and Liquid 5's standard filters. Every expected value below is what
// Jekyll 4.3.1 (Liquid 5.4, Ruby 3.1) printed for the same template.
import { describe, expect, it } from 'vitest';
import { out } from './helpers.js';

const people = [
  { name: 'Ana', team: 'support', age: 31, tags: ['a', 'b'] },
  { name: 'Bo', team: 'sales', age: 25 },
  { name: 'Cy', team: 'support', age: 40, tags: ['c'] },
  { name: 'Di', age: 19 },
];
const site = {
  url: 'https://example.com',
  baseurl: '/docs',
  data: { people },
  posts: [{ date: new Date('2024-03-05T13:30:00Z'), url: '/p.html', relative_path: '_posts/2024-03-05-p.md' }],
};
const page = { when: new Date('2023-07-04T00:00:00Z'), names: ['Ana', 'Bo', 'Cy'] };
const check = (cases: [string, string][]) => {
  for (const [template, expected] of cases) expect(out(template, { site, page }), template).toBe(expected);
};

describe('Jekyll filters', () => {
  it('relative_url, absolute_url, strip_index', () => {
    check([
      ['{{ "/a b/c" | relative_url }}', '/docs/a%20b/c'],
      ['{{ "a" | relative_url }}', '/docs/a'],
      ['{{ "/a" | absolute_url }}', 'https://example.com/docs/a'],
      ['{{ "http://x.com/a" | relative_url }}', 'http://x.com/a'],
      ['{{ "" | relative_url }}', '/docs'],
      ['{{ nil | relative_url }}', ''],
      ['{{ "é ü" | relative_url }}', '/docs/%C3%A9%20%C3%BC'],
      ['{{ "/a/../b/./c?q=a b&x=%2B#frag ment" | relative_url }}', '/docs/b/c?q=a%20b&x=%2B#frag%20ment'],
      ['{{ "/a/index.html" | strip_index }}', '/a/'],
    ]);
    expect(out('{{ "/x" | relative_url }}|{{ "/x" | absolute_url }}', { site: { baseurl: null } })).toBe('/x|/x');
  });

  it('escaping: xml_escape, cgi_escape, uri_escape, escape, escape_once', () => {
    check([
      [`{{ "a & b < c > 'e'" | xml_escape }}`, 'a &amp; b &lt; c &gt; &apos;e&apos;'],
      ['{{ "foo,bar;baz? é&x=1/2~" | cgi_escape }}', 'foo%2Cbar%3Bbaz%3F+%C3%A9%26x%3D1%2F2~'],
      ['{{ "foo, bar é [x]#z%20%41%zz" | uri_escape }}', 'foo,%20bar%20%C3%A9%20[x]#z%20A%25zz'],
      [`{{ "<a href='x'>" | escape }}`, '&lt;a href=&#39;x&#39;&gt;'],
      ['{{ "&lt;a&gt; < &" | escape_once }}', '&lt;a&gt; &lt; &amp;'],
    ]);
  });

  it('text: normalize_whitespace, number_of_words, array_to_sentence_string, slugify, smartify', () => {
    check([
      ['{{ "  a \n\t b  " | normalize_whitespace }}', 'a b'],
      ['{{ "one two  three\nfour" | number_of_words }}', '4'],
      ['{{ "日本語 text 中文" | number_of_words: "cjk" }}', '6'],
      ['{{ "日本語 text 中文" | number_of_words: "auto" }}', '6'],
      ['{{ page.names | array_to_sentence_string }}', 'Ana, Bo, and Cy'],
      ['{{ page.names | array_to_sentence_string: "or" }}', 'Ana, Bo, or Cy'],
      ['{{ "  Hello, World!  Ça va? 100% _under_ Mixed-Case " | slugify }}', 'hello-world-ça-va-100-under-mixed-case'],
      ['{{ "The _config.yml file" | slugify: "pretty" }}', 'the-_config.yml-file'],
      ['{{ "The _config.yml file" | slugify: "ascii" }}', 'the-config-yml-file'],
      ['{{ "Ünïcödé ß Ærø" | slugify: "latin" }}', 'unicode-ss-aero'],
      ['{{ "Ça va" | slugify: "raw" }}', 'ça-va'],
      ['{{ "a/b:c@d" | slugify: "pretty" }}', 'a-b-c@d'],
      ['{{ "Ça Va" | slugify: "none" }}', 'ça va'],
      [`{{ "Hello 'World' -- it's a test... <<ok>> --- done" | smartify }}`, 'Hello ‘World’ – it’s a test… «ok» — done'],
      ['{{ "a < b & c &amp; &copy; &bogus; <em>x</em>" | smartify }}', 'a &lt; b &amp; c &amp; © &amp;bogus; <em>x</em>'],
    ]);
  });

  it('markdownify uses the Markdown stage', () => {
    expect(out('{{ "**b**" | markdownify }}')).toBe('<p>**b**</p>\n');
  });

  it('where, where_exp, find, find_exp, group_by, group_by_exp', () => {
    check([
      ['{{ site.data.people | where: "team", "support" | map: "name" | join: "," }}', 'Ana,Cy'],
      ['{{ site.data.people | where: "tags", "c" | map: "name" | join: "," }}', 'Cy'],
      ['{{ site.data.people | where: "team", nil | map: "name" }}', 'Di'],
      ['{{ site.data.people | where: "age", "25" | map: "name" }}', 'Bo'],
      ['{{ site.data.people | where_exp: "p", "p.age > 24" | map: "name" | join: "," }}', 'Ana,Bo,Cy'],
      [`{{ site.data.people | where_exp: "p", "p.tags contains 'a'" | map: "name" | join: "," }}`, 'Ana'],
      ['{{ site.data.people | where_exp: "p", "p.tags" | map: "name" | join: "," }}', 'Ana,Cy'],
      ['{{ site.data.people | find: "team", "sales" | map: "name" }}', 'Bo'],
      ['{{ site.data.people | find_exp: "p", "p.age < 20" | map: "name" }}', 'Di'],
      ['{{ site.data.people | find: "team", "zzz" }}', ''],
      [
        '{% assign g = site.data.people | group_by: "team" %}{% for x in g %}{{ x.name }}:{{ x.size }}:{{ x.items | map: "name" | join: "+" }};{% endfor %}',
        'support:2:Ana+Cy;sales:1:Bo;:1:Di;',
      ],
      ['{% assign g = site.data.people | group_by_exp: "p", "p.age | modulo: 2" %}{% for x in g %}{{ x.name }}:{{ x.size }};{% endfor %}', '1:3;0:1;'],
    ]);
  });

  it('sort, pop, push, shift, unshift, sample, jsonify, inspect', () => {
    check([
      ['{{ site.data.people | sort: "age" | map: "name" | join: "," }}', 'Di,Bo,Ana,Cy'],
      ['{{ site.data.people | sort: "team" | map: "name" | join: "," }}', 'Di,Bo,Ana,Cy'],
      ['{{ site.data.people | sort: "team", "last" | map: "name" | join: "," }}', 'Bo,Ana,Cy,Di'],
      ['{{ "c,a,B" | split: "," | sort | join: "," }}', 'B,a,c'],
      ['{{ "a,b,c" | split: "," | pop | join: "," }}', 'a,b'],
      ['{{ "a,b,c" | split: "," | pop: 2 | join: "," }}', 'a'],
      ['{{ "a,b,c" | split: "," | push: "d" | join: "," }}', 'a,b,c,d'],
      ['{{ "a,b,c" | split: "," | shift | join: "," }}', 'b,c'],
      ['{{ "a,b,c" | split: "," | unshift: "z" | join: "," }}', 'z,a,b,c'],
      ['{{ "x" | sample }}', 'x'],
      ['{{ "a" | split: "," | sample }}', 'a'],
      ['{{ site.data.people | first | jsonify }}', '{"name":"Ana","team":"support","age":31,"tags":["a","b"]}'],
      [`{{ "a'b" | jsonify }}|{{ 5 | jsonify }}|{{ nil | jsonify }}`, `"a'b"|5|null`],
      ['{{ site.posts.first.date | jsonify }}', '"2024-03-05 13:30:00 +0000"'],
      [
        '{{ site.data.people | first | inspect }}',
        '{&quot;name&quot;=&gt;&quot;Ana&quot;, &quot;team&quot;=&gt;&quot;support&quot;, &quot;age&quot;=&gt;31, &quot;tags&quot;=&gt;[&quot;a&quot;, &quot;b&quot;]}',
      ],
      ['{{ "x" | inspect }}|{{ 3 | inspect }}|{{ nil | inspect }}', '&quot;x&quot;|3|nil'],
      ['{{ site.data.people | map: "tags" | compact | join: ";" }}', 'a;b;c'],
      ['{{ site.data | size }}|{{ "héllo" | size }}', '1|5'],
    ]);
  });

  it('first and last: Ruby Array#first/last, Hash#first (a [key, value] pair), nil for strings', () => {
    const data = { h: { Arizona: 'AZ', B: 'C' }, list: [{ Arizona: 'AZ' }] };
    const cases: [string, string][] = [
      ['s-first:[{{ "abc" | first }}] s-last:[{{ "abc" | last }}]', 's-first:[] s-last:[]'],
      ['[{{ site.data.h | first }}] [{{ site.data.h | first | first }}] [{{ site.data.h | first | last }}] [{{ site.data.h | last }}]', '[ArizonaAZ] [Arizona] [AZ] []'],
      ['{% for x in site.data.list %}{% assign k = x | first | first %}{% assign v = x | first | last %}{{k}}={{v}}{% endfor %}', 'Arizona=AZ'],
      ['[{{ 5 | first }}] [{{ site.data.h.first }}] [{{ site.data.h.size }}]', '[] [ArizonaAZ] [2]'],
    ];
    for (const [template, expected] of cases) expect(out(template, { site: { data } }), template).toBe(expected);
  });

  it('dates, in UTC unless site.timezone says otherwise', () => {
    check([
      ['{{ page.when | date_to_xmlschema }}', '2023-07-04T00:00:00+00:00'],
      ['{{ page.when | date_to_string }}', '04 Jul 2023'],
      ['{{ page.when | date_to_long_string }}', '04 July 2023'],
      ['{{ page.when | date_to_string: "ordinal" }}', '4th Jul 2023'],
      ['{{ page.when | date_to_string: "ordinal", "US" }}', 'Jul 4th, 2023'],
      ['{{ "2024-12-22" | date_to_long_string: "ordinal", "US" }}', 'December 22nd, 2024'],
      ['{{ "2024-12-03" | date_to_rfc822 }}', 'Tue, 03 Dec 2024 00:00:00 +0000'],
      ['{{ site.posts.first.date | date: "%Y %H:%M %z" }}', '2024 13:30 +0000'],
      ['{{ "2023-07-04" | date: "%-d %B %Y, %a %j %e %I %p %A %b %y %m %H %M %S %Z %%" }}', '4 July 2023, Tue 185  4 12 AM Tuesday Jul 23 07 00 00 00 UTC %'],
      ['{{ 0 | date: "%Y" }}|{{ "garbage" | date: "%Y" }}|{{ page.when | date: "%s" }}', '1970|garbage|1688428800'],
    ]);
    expect(out('{{ site.posts.first.date | date: "%H:%M %z" }}', { site: { ...site, timezone: 'America/Bogota' } })).toBe('08:30 -0500');
  });

  it('arithmetic as Ruby does it', () => {
    check([
      ['{{ 10 | divided_by: 4 }}|{{ 10 | divided_by: 4.0 }}|{{ -7 | divided_by: 2 }}', '2|2.5|-4'],
      ['{{ 7 | modulo: 3 }}|{{ -7 | modulo: 3 }}', '1|2'],
      ['{{ 3 | times: 1.5 }}|{{ 4 | times: 2.5 }}|{{ "3" | plus: 2 }}|{{ 0.1 | plus: 0.2 }}|{{ 5 | minus: 7 }}', '4.5|10.0|5|0.3|-2'],
      ['{{ 2.5 | round }}|{{ 2.567 | round: 2 }}|{{ 2.675 | round: 2 }}|{{ -2.5 | round }}', '3|2.57|2.68|-3'],
      ['{{ 4.2 | ceil }}|{{ 4.7 | floor }}', '5|4'],
    ]);
  });

  it('Liquid standard filters keep Ruby\'s spelling', () => {
    check([
      ['{{ "hello WORLD" | capitalize }}', 'Hello world'],
      ['{{ "abc" | truncate: 2 }}|{{ "one two three" | truncatewords: 2 }}', '...|one two...'],
      ['{{ "a b&c" | url_encode }}', 'a+b%26c'],
      ['{{ "a\nb" | newline_to_br }}', 'a<br />\nb'],
      ['{{ "b,a,b" | split: "," | uniq | join }}', 'b a'],
      ['{{ "a" | default: "b" }}|{{ nil | default: "b" }}|{{ "" | default: "b" }}|{{ false | default: "b", allow_false: true }}', 'a|b|b|false'],
    ]);
  });
});
