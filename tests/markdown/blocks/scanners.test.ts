import { describe, expect, it } from 'vitest';
import { scanHtmlBlock } from '../../../src/markdown/blocks/html-scan.js';
import { isTableLine, layoutTable, splitCells } from '../../../src/markdown/blocks/table-layout.js';

describe('scanHtmlBlock (kramdown block HTML extent)', () => {
  it('runs to the matching end tag across blank lines', () => {
    const text = '<div>\na\n\n<div>b</div>\n</div> tail';
    expect(scanHtmlBlock(text)).toEqual({ status: 'complete', end: text.indexOf(' tail') });
  });
  it('keeps an element open until its end tag, ignoring unmatched end tags', () => {
    expect(scanHtmlBlock('<div></span>')).toEqual({ status: 'open' });
  });
  it('treats span elements as paragraph text', () => {
    expect(scanHtmlBlock('<img src="a.png">')).toEqual({ status: 'invalid' });
    expect(scanHtmlBlock('<span>x</span>')).toEqual({ status: 'invalid' });
  });
  it('skips comments and raw text elements', () => {
    expect(scanHtmlBlock('<!-- a\n\nb -->')).toEqual({ status: 'complete', end: 13 });
    expect(scanHtmlBlock('<style>p > a {}</style>')).toEqual({ status: 'complete', end: 23 });
    expect(scanHtmlBlock('<p><!-- </p> --></p>')).toEqual({ status: 'complete', end: 20 });
  });
});

describe('kramdown table layout', () => {
  it('recognises lines with an unescaped pipe', () => {
    expect(isTableLine('a | b')).toBe(true);
    expect(isTableLine('a \\| b')).toBe(false);
    expect(isTableLine('| a')).toBe(true);
  });
  it('splits cells outside code spans and drops outer empty cells', () => {
    const line = '| `a|b` | c \\| d |';
    expect(splitCells(line, true).map(({ start, end }) => line.slice(start, end))).toEqual(['`a|b`', 'c \\| d']);
  });
  it('puts rows before the first separator in the header and reads alignment', () => {
    const layout = layoutTable(['| a | b | c |', '|:--|--:|:-:|', '| 1 | 2 |'])!;
    expect(layout.align).toEqual(['left', 'right', 'center']);
    expect(layout.columns).toBe(3);
    expect(layout.lines.map((line) => line.section)).toEqual(['thead', undefined, 'tbody']);
  });
  it('starts a footer at an = line and needs a body', () => {
    const layout = layoutTable(['|a|', '|---|', '|b|', '|===|', '|c|'])!;
    expect(layout.lines.map((line) => line.section)).toEqual(['thead', undefined, 'tbody', undefined, 'tfoot']);
    expect(layoutTable(['|a|', '|---|'])).toBeUndefined();
  });
});
