import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { renderMarkdown } from '../../../src/markdown/render-markdown.js';
import { JEKYLL_KRAMDOWN_DEFAULTS } from '../../../src/markdown/options.js';
import { remarkKramdownBlocks } from '../../../src/markdown/blocks/index.js';
import { remarkKramdownInline } from '../../../src/markdown/inline/index.js';

// Hostile input must neither overflow the stack nor make the span passes quadratic.
// Scaling is checked on the tree passes alone (micromark's own parsing is not ours), as
// the time for 4n against the time for n: about 4 when linear, 16 when quadratic.

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

/** Best time (ms) of the span and block tree passes over `markdown`, parsing not counted. */
function passTime(markdown: string): number {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkKramdownBlocks, JEKYLL_KRAMDOWN_DEFAULTS)
    .use(remarkKramdownInline, JEKYLL_KRAMDOWN_DEFAULTS);
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const tree = processor.parse(markdown) as Root;
    const start = performance.now();
    processor.runSync(tree, markdown);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function growth(input: (n: number) => string, n: number): number {
  passTime(input(n)); // warm up the JIT
  return passTime(input(4 * n)) / Math.max(passTime(input(n)), 1);
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

  it('gives 100,000 headings their ids', () => {
    const markdown = Array.from({ length: 100000 }, (_, i) => `## Part ${i % 100}\n`).join('\n');
    const { headings } = render(markdown);
    expect(headings).toHaveLength(100000);
    expect(headings[99999]!.id).toBe('part-99-999');
  }, 120_000);
});

describe('the span passes scale linearly', () => {
  const cases: Record<string, [(n: number) => string, number]> = {
    'headings with a table of contents': [(n) => `* toc\n{:toc}\n\n${Array.from({ length: n }, (_, i) => `## Part ${i % 50}\n`).join('\n')}`, 2000],
    'runs of stars': [(n) => `${'*'.repeat(n)}x${'*'.repeat(n)}\n`, 16000],
    'nested brackets': [(n) => `${'['.repeat(n)}x${']'.repeat(n)}\n`, 16000],
    'links on one line': [(n) => `${'[a](b) '.repeat(n)}\n`, 4000],
    'broken links on one line': [(n) => `${'[a](b '.repeat(n)}\n`, 4000],
    'a long line of mixed spans': [(n) => `${'word *em* "q" `c` [l](u) _x_ '.repeat(n)}\n`, 1000],
  };
  for (const [name, [input, n]] of Object.entries(cases)) {
    it(name, () => {
      expect(growth(input, n)).toBeLessThan(10);
    }, 60_000);
  }
});
