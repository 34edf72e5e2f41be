// Odd and hostile input ends in a correct page or a clear error, in bounded time and
// memory, never an uncaught exception. Bounds are documented in README ("Limits").
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../src/fs.js';
import { renderArticle, type RenderSettings } from '../../src/render-article.js';
import { resolveKramdownOptions } from '../../src/markdown/options.js';
import { prepareSite } from '../../src/pipeline/prepare-site.js';
import { renderPages } from '../../src/pipeline/render-pages.js';
import { memoryContext } from '../support/memory-site.js';

const settings: RenderSettings = {
  site: { title: 'T' },
  kramdown: resolveKramdownOptions(undefined),
  fs: new MemoryFileSystem({}),
  includesDir: '_includes',
};
const render = (body: string) =>
  renderArticle({ file: 'a.md', source: body, body, bodyOffset: 0, isMarkdown: true, page: {} }, settings);

const front = '---\ntitle: T\nlocale: [us-en]\ncategory: [wework]\n---\n';

describe('odd encodings and shapes', () => {
  it('reads a UTF-8 BOM, CRLF and CR line endings like LF', () => {
    const context = memoryContext({
      'us/en/bom.md': '\uFEFF' + front + '\n## Título\n',
      'us/en/crlf.md': front.replace(/\n/g, '\r\n') + '\r\n## Título\r\n',
      'us/en/cr.md': front.replace(/\n/g, '\r') + '\r## Título\r',
    });
    const site = prepareSite(context);
    const pages = renderPages(site.pages, site.settings, context);
    expect(pages.map((p) => [p.sourcePath, p.title])).toEqual([
      ['us/en/bom.md', 'T'],
      ['us/en/cr.md', 'T'],
      ['us/en/crlf.md', 'T'],
    ]);
    for (const page of pages) expect(page.html).toContain('<h2 id="título">Título</h2>');
    expect(context.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('copies binary and empty files as static files and renders front-matter-only pages', () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff, 0xfe]);
    const fs = new MemoryFileSystem({ 'us/en/image.md': binary, 'us/en/empty.md': '', 'us/en/only.md': front });
    const context = { ...memoryContext({}), fs };
    const site = prepareSite(context);
    expect(site.staticFiles.map((f) => f.sourcePath)).toEqual(['us/en/empty.md', 'us/en/image.md']);
    const pages = renderPages(site.pages, site.settings, context);
    expect(pages.map((p) => [p.sourcePath, p.html])).toEqual([['us/en/only.md', '']]);
  });

  it('survives invalid UTF-8 in an article', () => {
    const bytes = new TextEncoder().encode(front + '\nHola \u0000 mundo\n');
    const withInvalid = new Uint8Array([...bytes, 0xc3, 0x28, 0x0a]);
    const context = { ...memoryContext({}), fs: new MemoryFileSystem({ 'us/en/bad.md': withInvalid }) };
    const site = prepareSite(context);
    const [page] = renderPages(site.pages, site.settings, context);
    expect(page?.html).toContain('Hola');
    expect(page?.html).toContain('\uFFFD');
  });
});

describe('bounded time on large and deep input', () => {
  it('renders a 1 MB article', () => {
    const paragraph = 'Lorem ipsum *dolor* sit [amet](https://example.com), "consectetur" -- adipiscing.\n\n';
    const body = paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length));
    const result = render(body);
    expect(result.diagnostics).toEqual([]);
    expect(result.html.length).toBeGreaterThan(1024 * 1024);
  }, 300_000);

  it('refuses a 10 MB article with a clear error naming the limit', () => {
    const body = 'Lorem ipsum dolor sit amet.\n\n'.repeat((10 * 1024 * 1024) / 29 + 1);
    const result = render(body);
    expect(result.diagnostics).toMatchObject([{ severity: 'error', file: 'a.md', line: 1, rule: 'markdown' }]);
    expect(result.diagnostics[0]!.message).toMatch(/MiB of Markdown; the limit is 4 MiB/);
  });

  it.each([
    ['blockquotes', '>'.repeat(10_000) + ' deep\n'],
    ['lists', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i * 2)}- item`).slice(0, 1_000).join('\n')],
  ])('refuses 10,000-deep nested %s with a clear error', (_, body) => {
    const result = render(body);
    expect(result.diagnostics).toMatchObject([{ severity: 'error', file: 'a.md', rule: 'markdown' }]);
    expect(result.diagnostics[0]!.message).toMatch(/nest more than 100 levels/);
  });

  it('takes a long line of whitespace only for a blank line, not for deep nesting', () => {
    const result = render(`Text.\n${' '.repeat(300)}\nMore text.\n`);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.html).toContain('More text.');
  });

  it('renders lists and quotes nested 100 deep', () => {
    const lists = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n');
    expect(render(lists).html).toContain('item 99');
    expect(render('>'.repeat(100) + ' deep\n').html).toContain('deep');
  });

  it('renders 100,000 headings with unique ids', () => {
    const body = Array.from({ length: 100_000 }, (_, i) => `## Section ${i % 10}\n`).join('\n');
    const result = render(body);
    expect(result.headings).toHaveLength(100_000);
    expect(new Set(result.headings.map((h) => h.id)).size).toBe(100_000);
  }, 300_000);

  it('refuses a Liquid loop over a huge range with a clear error', () => {
    const result = render('{% for i in (1..1000000000) %}x{% endfor %}');
    expect(result.diagnostics).toMatchObject([{ severity: 'error', file: 'a.md', line: 1 }]);
  });
});
