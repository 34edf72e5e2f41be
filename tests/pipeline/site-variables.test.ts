import { describe, expect, it } from 'vitest';
import { prepareSite } from '../../src/pipeline/prepare-site.js';
import { memoryContext } from '../support/memory-site.js';

const titles = (value: unknown): unknown[] => (value as Record<string, unknown>[]).map((item) => item.title);

describe('site variables of a Jekyll folder', () => {
  const context = memoryContext({
    'feed.xml': '---\ntitle: Feed\nlocale: us-en\n---\n<feed/>',
    'docs/b.md': '---\ntitle: B\nlocale: us-en\n---\nb',
    'a.html': '---\ntitle: A\nlocale: us-en\n---\na',
    'about.md': '---\ntitle: About\nlocale: us-en\n---\nabout',
    '_posts/2024-01-02-two.md': '---\nlocale: us-en\n---\nTwo.\n\nMore.',
    '_posts/2024-01-01-one.md': '---\ntitle: One\nlocale: us-en\n---\nOne.',
    'blog.md': '---\ntitle: Blog\nlocale: us-en\n---\n{% for p in site.posts %}{{ p.excerpt }}{% endfor %}',
  });
  const site = prepareSite(context).settings.site;

  it('sorts site.pages by file name and keeps only HTML output in html_pages', () => {
    expect(titles(site.pages)).toEqual(['A', 'About', 'B', 'Blog', 'Feed']);
    expect(titles(site.html_pages)).toEqual(['A', 'About', 'B', 'Blog']);
  });

  it('titles untitled posts after their slug and links neighbours by date', () => {
    const posts = site.posts as Record<string, unknown>[];
    expect(titles(posts)).toEqual(['Two', 'One']);
    expect((posts[0]!.previous as Record<string, unknown>).title).toBe('One');
    expect(posts[0]!.next).toBeNull();
    expect(posts[1]!.previous).toBeNull();
  });

  it('renders excerpts when a template asks for them', () => {
    expect((site.posts as Record<string, unknown>[]).map((p) => String(p.excerpt).trim())).toEqual(['<p>Two.</p>', '<p>One.</p>']);
  });
});

describe('data_dir and includes_dir', () => {
  it('reads data and includes from the folders the config names', () => {
    const context = memoryContext({
      '_shared/data/team.yml': '- name: Ana\n',
      '_snippets/hi.html': 'Hi {{ include.who }}',
      'page.md': '---\ntitle: P\nlocale: us-en\n---\nx',
    });
    context.config.siteVariables = { ...context.config.siteVariables, data_dir: '_shared/data', includes_dir: '_snippets' };
    const { settings } = prepareSite(context);
    expect(settings.site.data).toEqual({ team: [{ name: 'Ana' }] });
    expect(settings.includesDir).toBe('_snippets');
  });
});
