import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/markdown/render-markdown.js';
import { JEKYLL_KRAMDOWN_DEFAULTS, resolveKramdownOptions } from '../../../src/markdown/options.js';

const render = (markdown: string) => renderMarkdown(markdown, JEKYLL_KRAMDOWN_DEFAULTS);

describe('headings', () => {
  it('lists every heading with its depth, id and text', () => {
    const { headings } = render('# ¿Cómo configuro un servidor?\n\n## Again\n\n## Again\n\n### Mine {#custom}\n');
    expect(headings).toEqual([
      { depth: 1, id: 'cómo-configuro-un-servidor', text: '¿Cómo configuro un servidor?' },
      { depth: 2, id: 'again', text: 'Again' },
      { depth: 2, id: 'again-1', text: 'Again' },
      { depth: 3, id: 'custom', text: 'Mine' },
    ]);
  });

  it('starts counting duplicates afresh for every document', () => {
    expect(render('## Same\n').headings[0]!.id).toBe('same');
    expect(render('## Same\n').headings[0]!.id).toBe('same');
  });

  it('uses auto_id_prefix and no ids when auto_ids is off', () => {
    const prefixed = renderMarkdown('## A b\n', resolveKramdownOptions({ auto_id_prefix: 'x-' }));
    expect(prefixed.html).toContain('<h2 id="x-a-b">');
    const off = renderMarkdown('## A b\n', resolveKramdownOptions({ auto_ids: false }));
    expect(off.html).toContain('<h2>A b</h2>');
  });
});

describe('links', () => {
  it('reports every link and image target with its position', () => {
    const { links } = render('See [a](/x "t") and\n![b](/img.png) or [c][d].\n\n[d]: http://d.example\n');
    expect(links).toEqual([
      { kind: 'link', href: '/x', line: 1, column: 5 },
      { kind: 'image', href: '/img.png', line: 2, column: 1 },
      { kind: 'link', href: 'http://d.example', line: 2, column: 19 },
    ]);
  });

  it('keeps targets unencoded, as kramdown writes them', () => {
    expect(render('[x](#cómo-está)\n').html).toContain('href="#cómo-está"');
  });

  it('warns about a reference with no definition, which prints as text', () => {
    const { html, diagnostics } = render('* Rentar [Teléfonos IP] adicionales\n');
    expect(html).toContain('[Teléfonos IP]');
    expect(diagnostics).toEqual([
      expect.objectContaining({ rule: 'undefined-reference', severity: 'warning', line: 1, column: 10 }),
    ]);
  });

  it('does not warn about keypad notation or escaped brackets', () => {
    expect(render('Press [*][8] or \\[note\\].\n').diagnostics).toEqual([]);
  });
});

describe('attribute list diagnostics', () => {
  it('warns about an IAL naming an undefined ALD, pointing at the IAL', () => {
    const { html, diagnostics } = render('Intro.\n\n1. Sommaire\n{: Toc}\n* * *\n');
    expect(html).toContain('<ol>');
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'kramdown-ial', line: 4, column: 1 })]);
    expect(diagnostics[0]!.message).toContain('{:toc}');
  });

  it('warns about a span IAL written after plain text', () => {
    const { html, diagnostics } = render('Text {: .x} more.\n');
    expect(html).toContain('{: .x}');
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'kramdown-ial', line: 1, column: 6 })]);
  });

  it('applies an ALD defined after its use', () => {
    const { html, diagnostics } = render('Para\n{: later}\n\n{:later: .done}\n');
    expect(html).toContain('<p class="done">Para</p>');
    expect(diagnostics).toEqual([]);
  });
});
