import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/pipeline/parse-front-matter.js';
import type { SourcePage } from '../../src/pipeline/types.js';
import { memoryContext } from '../support/memory-site.js';

const source = (sourcePath: string, text: string): SourcePage => ({ sourcePath, kind: 'page', source: text, isMarkdown: true });

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

  it('flags an invalid date on its line', () => {
    const context = memoryContext({});
    parseFrontMatter([source('d.md', '---\ntitle: T\ndate: not a date\n---\n')], context);
    expect(context.diagnostics).toMatchObject([{ file: 'd.md', line: 3, rule: 'front-matter' }]);
  });

  it('handles CRLF line endings', () => {
    const context = memoryContext({});
    const [page] = parseFrontMatter([source('crlf.md', '---\r\ntitle: T\r\n---\r\nbody\r\n')], context);
    expect(page).toMatchObject({ title: 'T', bodyOffset: 3 });
  });
});
