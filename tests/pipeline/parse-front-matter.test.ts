import { describe, expect, it } from 'vitest';
import { JEKYLL_SITE_DEFAULTS } from '../../src/config/jekyll-config.js';
import { parseFrontMatter } from '../../src/pipeline/parse-front-matter.js';
import type { SourcePage } from '../../src/pipeline/types.js';
import { memoryContext } from '../support/memory-site.js';

const source = (sourcePath: string, text: string): SourcePage => ({ sourcePath, kind: 'page', source: text, isMarkdown: true });
const post = (sourcePath: string, text: string): SourcePage => ({ sourcePath, kind: 'post', source: text, isMarkdown: true, collection: 'posts' });
const inZone = (timezone: string) => memoryContext({}, { siteVariables: { ...JEKYLL_SITE_DEFAULTS, timezone } });

describe('parseFrontMatter', () => {
  it('reads the seed-style fields', () => {
    const context = memoryContext({});
    const [page] = parseFrontMatter(
      [
        source(
          'co/es/a.md',
          '---\nlayout: post\ntitle:  Servidor de Conferencias\ndate:   2017-02-05 10:30:00\nlocale: [co-es]\ncategory: [wework]\ntags: [admin-features, add-ons]\n---\n\nCuerpo\n',
        ),
      ],
      context,
    );
    expect(page).toMatchObject({
      title: 'Servidor de Conferencias',
      layout: 'post',
      categories: ['wework'],
      tags: ['admin-features', 'add-ons'],
      body: '\nCuerpo\n',
      bodyOffset: 8,
    });
    expect(page!.date?.toISOString()).toBe('2017-02-05T10:30:00.000Z');
    expect(context.diagnostics).toEqual([]);
  });

  it('reports bad YAML at the line and column of the problem, with the source line', () => {
    const context = memoryContext({});
    const pages = parseFrontMatter([source('bad.md', '---\ntitle: ok\ntags: [a, b\nlocale: x\n---\nbody\n')], context);
    expect(pages).toEqual([]);
    expect(context.diagnostics).toHaveLength(1);
    const [d] = context.diagnostics;
    expect(d).toMatchObject({ file: 'bad.md', severity: 'error', rule: 'front-matter' });
    expect(d!.line).toBeGreaterThanOrEqual(3);
    expect(d!.line).toBeLessThanOrEqual(5);
    expect(d!.sourceLine).toBeDefined();
  });

  it('reports every bad file, not just the first', () => {
    const context = memoryContext({});
    parseFrontMatter([source('a.md', '---\na: [\n---\n'), source('b.md', '---\nb: {\n---\n'), source('c.md', '---\nc: 1\n---\n')], context);
    expect(context.diagnostics.map((d) => d.file)).toEqual(['a.md', 'b.md']);
  });

  it('warns of a page date it cannot read (Jekyll never reads a page\'s date), keeping it as written', () => {
    const context = memoryContext({});
    const [page] = parseFrontMatter([source('d.md', '---\ntitle: T\ndate: not a date\n---\n')], context);
    expect(context.diagnostics).toMatchObject([{ file: 'd.md', line: 3, column: 7, rule: 'front-matter', severity: 'warning' }]);
    expect(page!.data.date).toBe('not a date');
    expect(page!.date).toBeUndefined();
  });

  it('reads post dates as Jekyll does, Time.parse(date.to_s).localtime in the site zone', () => {
    const context = inZone('Asia/Tokyo');
    const pages = parseFrontMatter(
      [
        post('_posts/2024-06-01-by-name.md', '---\ntitle: T\n---\n'),
        post('_posts/2024-06-01-with-offset.md', '---\ndate: 2024-05-31 16:00:00 +0000\n---\n'),
        post('_posts/2024-06-01-no-zone.md', '---\ndate: 2024-05-31 16:00\n---\n'),
        post('_posts/2024-06-01-rfc.md', '---\ndate: Mon, 04 Mar 2019 12:00:00 +0100\n---\n'),
        post('_posts/2024-06-01-number.md', '---\ndate: 20190304\n---\n'),
        post('_posts/2024-06-01-bare-day.md', '---\ndate: 2019-03-04\n---\n'),
        post('_posts/2024-06-01-fraction.md', '---\ndate: 2019-03-04T12:00:00.5+01:00\n---\n'),
      ],
      context,
    );
    expect(context.diagnostics).toEqual([]);
    expect(pages.map((page) => page.date?.toISOString())).toEqual([
      '2024-05-31T15:00:00.000Z',
      '2024-05-31T16:00:00.000Z',
      '2024-05-31T07:00:00.000Z',
      '2019-03-04T11:00:00.000Z',
      '2019-03-03T15:00:00.000Z',
      '2019-03-03T15:00:00.000Z',
      '2019-03-04T11:00:00.000Z',
    ]);
  });

  it('stops on a post date Ruby cannot read, at its value, with Ruby\'s reason', () => {
    const context = memoryContext({});
    parseFrontMatter(
      [post('_posts/2024-01-01-a.md', '---\ntitle: T\ndate:   2019-13-01\n---\n'), post('_posts/2024-01-01-b.md', '---\ndate:\n---\n'), post('_posts/2019-02-32-c.md', '---\ntitle: C\n---\n')],
      context,
    );
    expect(context.diagnostics).toMatchObject([
      { file: '_posts/2024-01-01-a.md', line: 3, column: 9, severity: 'error', message: 'date: "2019-13-01" is not a valid date (mon out of range)' },
      { file: '_posts/2024-01-01-b.md', line: 2, column: 6, severity: 'error', message: 'date: "" is not a valid date (no time information in "")' },
      { file: '_posts/2019-02-32-c.md', line: 1, column: 1, severity: 'error', message: 'the date in the file name, "2019-02-32", is not a valid date (argument out of range)' },
    ]);
  });

  it('keeps the last of repeated keys, where the first stood, as Ruby\'s YAML does', () => {
    const context = memoryContext({});
    const [page] = parseFrontMatter([source('dup.md', '---\ntitle: A\ntags: [x]\ntitle: B\nlinks: { a: 1, b: 2, a: 3 }\n---\n')], context);
    expect(context.diagnostics).toEqual([]);
    expect(page!.title).toBe('B');
    expect(Object.keys(page!.data)).toEqual(['title', 'tags', 'links']);
    expect(page!.data.links).toEqual({ a: 3, b: 2 });
  });

  it('handles CRLF line endings', () => {
    const context = memoryContext({});
    const [page] = parseFrontMatter([source('crlf.md', '---\r\ntitle: T\r\n---\r\nbody\r\n')], context);
    expect(page).toMatchObject({ title: 'T', bodyOffset: 3 });
  });
});
