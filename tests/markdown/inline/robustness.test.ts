import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/markdown/render-markdown.js';
import { JEKYLL_KRAMDOWN_DEFAULTS } from '../../../src/markdown/options.js';

// Hostile input must neither overflow the stack nor lose content. (How the passes scale
// is a benchmark question, not a timed unit test.)

const render = (markdown: string) => renderMarkdown(markdown, JEKYLL_KRAMDOWN_DEFAULTS);

/** Deepest nesting of em/strong elements in some HTML. */
function emphasisDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, close] of html.matchAll(/<(\/?)(?:em|strong)>/g)) {
    depth += close ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

describe('hostile span input', () => {
  it('renders 4000 stars around a letter without deep nesting', () => {
    const { html } = render(`${'*'.repeat(4000)}x${'*'.repeat(4000)}\n`);
    expect(html).toContain('x');
    expect(emphasisDepth(html)).toBeLessThanOrEqual(2);
  });

  it('renders long runs of underscores and mixed delimiters', () => {
    expect(() => render(`${'_'.repeat(5000)}x${'_'.repeat(5000)}\n`)).not.toThrow();
    expect(emphasisDepth(render(`${'*a **b '.repeat(3000)}\n`).html)).toBeLessThanOrEqual(2);
  });

  it('renders 20,000 nested brackets as text', () => {
    const { html } = render(`${'['.repeat(20000)}x${']'.repeat(20000)}\n`);
    expect(html).toContain(`${'['.repeat(20000)}x${']'.repeat(20000)}`);
  });

  it('finds every one of 20,000 links on a line', () => {
    const { links } = render(`${'[a](b) '.repeat(20000)}\n`);
    expect(links).toHaveLength(20000);
  });

  it('renders a fence-like line of 40,000 tildes and unclosed strikethroughs as text', () => {
    expect(render(`${'~'.repeat(40000)}\n`).html).toContain('~'.repeat(40000));
    const { html } = render(`${'~~a '.repeat(20000)}\n`);
    expect(html).not.toContain('<del>');
    expect(html).toContain('~~a ~~a');
  });

  it('gives 100,000 headings their ids', () => {
    const markdown = Array.from({ length: 100000 }, (_, i) => `## Part ${i % 100}\n`).join('\n');
    const { headings } = render(markdown);
    expect(headings).toHaveLength(100000);
    expect(headings[99999]!.id).toBe('part-99-999');
  }, 120_000);
});
