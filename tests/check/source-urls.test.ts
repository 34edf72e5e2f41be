import { describe, expect, test } from 'vitest';
import { liquidLookup, SourceUrlLocator, sourceUrls, UNKNOWN } from '../../src/check/source-urls.js';

const lookup = liquidLookup({ site: { baseurl: '/help', office_link: { co: 'https://co.example' } }, page: { title: 'T' } });

describe('sourceUrls', () => {
  const source = [
    '---',
    'title: T',
    'link: [x](/not-body)',
    '---',
    'See [a]({{ site.baseurl }}/co/es/a "title") and ![i](<images/my pic.png>).',
    '[b]({{ site.office_link.mx }}/x) <a href="{{ site.office_link.co }}/y">y</a> [c](/p(1)) [d](\\_e)',
    '[ref]: /co/es/ref',
  ].join('\n');
  const urls = sourceUrls(source, 4, lookup);

  test('finds destinations, attributes and definitions of the body with their positions', () => {
    expect(urls.map((u) => [u.line, u.column, u.raw])).toEqual([
      [5, 9, '{{ site.baseurl }}/co/es/a'],
      [5, 55, 'images/my pic.png'],
      [6, 5, '{{ site.office_link.mx }}/x'],
      [6, 43, '{{ site.office_link.co }}/y'],
      [6, 82, '/p(1)'],
      [6, 93, '\\_e'],
      [7, 8, '/co/es/ref'],
    ]);
  });

  test('knows which URLs come from undefined variables and matches rendered URLs', () => {
    expect(urls.map((u) => u.undefinedVariables)).toEqual([[], [], ['site.office_link.mx'], [], [], [], []]);
    const locator = new SourceUrlLocator(urls);
    expect(locator.locate('/help/co/es/a')?.line).toBe(5);
    expect(locator.locate('images/my%20pic.png')?.column).toBe(55);
    expect(locator.locate('/x')?.undefinedVariables).toEqual(['site.office_link.mx']);
    expect(locator.locate('https://co.example/y')?.column).toBe(43);
    expect(locator.locate('_e')?.column).toBe(93);
    expect(locator.locate('/nowhere')).toBeUndefined();
  });

  test('liquidLookup tells defined, undefined and unknowable paths apart', () => {
    expect(lookup(['site', 'office_link', 'co'])).toBe('https://co.example');
    expect(lookup(['site', 'office_link', 'mx'])).toBeUndefined();
    expect(lookup(['item', 'url'])).toBe(UNKNOWN);
    expect(lookup(['site', 'office_link', 'size'])).toBe(UNKNOWN);
  });
});
