import { describe, expect, it } from 'vitest';
import { findKramdownEmphasis, type DelimitedText, type EmphasisRange } from '../../../src/markdown/emphasis/kramdown-emphasis.js';
import { readLinkTarget, WrittenText } from '../../../src/markdown/links/link-target.js';

// The pure pieces of the span passes, on plain strings: kramdown's emphasis pairing and
// its reading of inline link targets. Expected results are what kramdown 2.4 produces.

function plain(text: string): DelimitedText {
  return {
    length: text.length,
    delimiterAt: (at) => (text[at] === '*' || text[at] === '_' ? text[at]! : ''),
    writtenAt: (at) => text[at] ?? '',
    writtenBefore: (at) => (at > 0 ? text[at - 1]! : ''),
  };
}

/** The emphasis found in `text`, written back as HTML-ish markup. */
function markup(text: string): string {
  const write = (ranges: EmphasisRange[], from: number, to: number): string => {
    let out = '';
    let cursor = from;
    for (const range of ranges) {
      const tag = range.kind === 'strong' ? 'strong' : 'em';
      out += `${text.slice(cursor, range.start)}<${tag}>${write(range.children, range.contentStart, range.contentEnd)}</${tag}>`;
      cursor = range.end;
    }
    return out + text.slice(cursor, to);
  };
  return write(findKramdownEmphasis(plain(text), { emphasis: false, strong: false }), 0, text.length);
}

describe('kramdown emphasis', () => {
  it.each([
    ['*a* and **b**', '<em>a</em> and <strong>b</strong>'],
    ['**foo*', '<em>*foo</em>'],
    ['*foo**', '*foo**'],
    ['***x***', '<strong><em>x</em></strong>'],
    ['****x****', '<strong>**x</strong>**'],
    ['*a **b* c**', '*a <strong>b* c</strong>'],
    ['_a_b_', '<em>a_b</em>'],
    ['foo_bar_baz', 'foo_bar_baz'],
    ['a * b *', 'a * b *'],
    ['**Note:**Text', '<strong>Note:</strong>Text'],
  ])('%s', (input, expected) => {
    expect(markup(input)).toBe(expected);
  });

  it('does not open an element already open around the text', () => {
    expect(findKramdownEmphasis(plain('*x*'), { emphasis: true, strong: false })).toEqual([]);
  });

  it('pairs 200,000 delimiters without deep nesting', () => {
    const text = `${'*'.repeat(100000)}x${'*'.repeat(100000)}`;
    const depth = (ranges: EmphasisRange[]): number => Math.max(0, ...ranges.map((range) => 1 + depth(range.children)));
    expect(depth(findKramdownEmphasis(plain(text), { emphasis: false, strong: false }))).toBeLessThanOrEqual(2);
  });
});

describe('kramdown link targets', () => {
  const read = (text: string) => {
    const written = new WrittenText(text);
    const target = readLinkTarget(written, 0);
    return target && { url: text.slice(...target.url), title: target.title && text.slice(...target.title), rest: text.slice(target.end) };
  };

  it.each([
    ['(a.html) x', { url: 'a.html', title: undefined, rest: ' x' }],
    ['( spaced url.html ) x', { url: 'spaced url.html', title: undefined, rest: ' x' }],
    ['(/to(do)) x', { url: '/to(do)', title: undefined, rest: ' x' }],
    ['(/to(do "doit") x', { url: '/to(do', title: 'doit', rest: ' x' }],
    ["(a.html 'it''s') x", { url: 'a.html', title: "it''s", rest: ' x' }],
    ['(<b c.html>) x', { url: 'b c.html', title: undefined, rest: ' x' }],
    ['(<b c.html> "t") x', { url: 'b c.html', title: 't', rest: ' x' }],
  ])('%s', (input, expected) => {
    expect(read(input)).toEqual(expected);
  });

  it.each(['(a.html', "(a.html '')", '(a (b)'])('%s is no target', (input) => {
    expect(read(input)).toBeUndefined();
  });
});
