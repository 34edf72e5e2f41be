// Generators for property tests: front matter, Markdown and Liquid mixing the constructs
// real help-center articles use (TOC, IALs, line breaks, raw HTML, Liquid variables and
// tags), plus broken variants of each.
import fc from 'fast-check';

const words = fc.constantFrom('Hola', 'conferencias', 'Ooma', 'día', '¿Cómo?', 'x', '—', '"quoted"', "it's", '<b>', '&amp;', '*', '_', '`', '|', '[', ']', '{', '}', '\\');

const inline = fc.oneof(
  words,
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '**bold**',
    '*em*',
    '`code`',
    '[link](/co/es/a)',
    '[ref][r]',
    '[Teléfonos IP]',
    '![img]({{ site.baseurl }}/a.png){:height="250px"}',
    '{{ site.office_link.co }}',
    '{{ page.title | upcase }}',
    '{{ missing.variable }}',
    '{% raw %}{{ x }}{% endraw %}',
    '<span class="x">s</span>',
    ' \\\\',
    '--',
    '...',
    '<<',
    '{: .c #i k="v"}',
    '{:toc}',
    '{: Toc}',
    '[^1]',
    '$$x$$',
  ),
);

const line = fc.array(inline, { minLength: 0, maxLength: 6 }).map((parts) => parts.join(' '));

const block = fc.oneof(
  line,
  line.map((l) => `## ${l}`),
  line.map((l) => `# ${l} {#custom}`),
  fc.constant('1. Tabla de Contenido\n{:toc}\n* * *'),
  fc.constant('* Contents\n{:toc}'),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.map((l, i) => `${i + 1}. ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.map((l) => `* ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `> ${l}`).join('\n')),
  line.map((l) => `<p align="center">${l}</p>`),
  line.map((l) => `<div markdown="1">\n${l}\n</div>`),
  fc.constant('| a | b |\n|---|:-:|\n| 1 | 2 |'),
  fc.constant('```ruby\nputs 1\n```'),
  fc.constant('    indented code'),
  fc.constant('Term\n: Definition'),
  fc.constant('*[HTML]: HyperText'),
  fc.constant('[^1]: A footnote'),
  fc.constant('[r]: /target "Title"'),
  fc.constant('{::comment}\nhidden\n{:/comment}'),
  fc.constant('{::nomarkdown}<b>raw</b>{:/nomarkdown}'),
  fc.constant('{% if site.title %}\nyes\n{% endif %}'),
  fc.constant('{% for i in (1..3) %}{{ i }}{% endfor %}'),
  fc.constant('{% capture c %}cap{% endcapture %}{{ c }}'),
  fc.constant('{% include note.html text="hi" %}'),
  fc.constant('{% include missing.html %}'),
  fc.constant('{% if unclosed %}'),
  fc.constant('{% endfor %}'),
  fc.constant('{{ unclosed'),
  fc.constant('<div>\nunclosed html'),
  fc.constant('\u0000\uFFFF\uD800'),
);

export const markdownBody = fc
  .array(block, { minLength: 0, maxLength: 12 })
  .chain((blocks) => fc.constantFrom('\n\n', '\n', '\r\n\r\n').map((sep) => blocks.join(sep)));

const yamlScalar = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('Servidor de Conferencias', 'a: b', '[unclosed', '{x', '"quote', "'", '|', '>', '&anchor', '*alias', '!!binary x', '~', '2017-02-05 10:30:00', 'not-a-date'),
);

const messyFrontMatter = fc
  .record(
    {
      layout: fc.constantFrom('post', 'page', 'none', 'unknown-layout'),
      title: yamlScalar,
      date: fc.constantFrom('2017-02-05 10:30:00', '2015-05-18', 'yesterday', '2020-13-45', '[1, 2]'),
      locale: fc.constantFrom('[co-es]', '[us-en]', '[xx-yy]', 'co-es', '[]', '[co-es, us-en]'),
      category: fc.constantFrom('[wework]', '[billing]', '[nope]', 'wework', '[]'),
      tags: fc.constantFrom('[a, b]', '[]', 'one two', '[unclosed'),
      permalink: fc.constantFrom('/a/:title', '/../../etc/passwd', '/x/%2e%2e/y', 'plain', '/ok/'),
      published: fc.constantFrom('true', 'false'),
    },
    { requiredKeys: [] },
  )
  .map((fields) => `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`);

const validFrontMatter = fc
  .record({
    title: fc.string({ maxLength: 30 }).map((t) => JSON.stringify(t)),
    locale: fc.constantFrom('[co-es]', '[us-en]'),
    category: fc.constantFrom('[wework]', '[billing]'),
    tags: fc.constantFrom('[a, b]', '[]', '[wework]'),
  })
  .map((f) => `---\nlayout: post\ntitle: ${f.title}\nlocale: ${f.locale}\ncategory: ${f.category}\ntags: ${f.tags}\n---\n`);

/** Mostly valid front matter, so most cases reach Liquid and Markdown. */
export const frontMatter = fc.oneof({ arbitrary: validFrontMatter, weight: 4 }, { arbitrary: messyFrontMatter, weight: 1 });

export const article = fc.tuple(fc.boolean(), frontMatter, markdownBody).map(([bom, fm, body]) => `${bom ? '\uFEFF' : ''}${fm}${body}\n`);

/** A small site: a few articles in locale folders plus an include. */
export const siteFiles = fc.array(article, { minLength: 1, maxLength: 4 }).map((articles) => {
  const files: Record<string, string> = { '_includes/note.html': '<aside>{{ include.text }}</aside>' };
  articles.forEach((text, i) => {
    files[`${i % 2 ? 'co/es' : 'us/en'}/article-${i}.md`] = text;
  });
  return files;
});
