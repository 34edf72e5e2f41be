import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/markdown/render-markdown.js';
import { JEKYLL_KRAMDOWN_DEFAULTS } from '../../../src/markdown/options.js';

// Deeply nested input must render without overflowing the call stack: containers stop
// nesting at a fixed column, and the rest of the line is plain text.

const render = (markdown: string) => renderMarkdown(markdown, JEKYLL_KRAMDOWN_DEFAULTS).html;

describe('deeply nested input', () => {
  it('renders 10,000 nested blockquotes', () => {
    const html = render(`${'> '.repeat(10_000)}deep text\n`);
    expect(html).toContain('deep text');
    expect(html.match(/<blockquote>/g)!.length).toBeLessThan(1_000);
  });

  it('renders 10,000 nested list markers', () => {
    expect(render(`${'* '.repeat(10_000)}item\n`)).toContain('item');
    expect(render(`${'1. '.repeat(10_000)}item\n`)).toContain('item');
  });

  it('renders 300 list levels nested by indentation', () => {
    const lines = Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth)}* term ${depth}`);
    expect(render(`${lines.join('\n')}\n`)).toContain('term 299');
  });

  it('renders 2,000 nested HTML elements whose content is Markdown', () => {
    const html = render(`${'<div markdown="1">\n'.repeat(2_000)}*inner*\n${'</div>\n'.repeat(2_000)}`);
    expect(html).toContain('inner');
  });
});
