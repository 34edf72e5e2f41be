import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imageSize } from '../../src/site/image-size.js';
import { lazyImages, localPath } from '../../src/site/lazy-images.js';
import { redirectList, redirectOutputPath } from '../../src/site/redirects.js';
import { summaryOf } from '../../src/site/summary.js';
import { countText, stringsFor, type UiStrings } from '../../src/site/ui-strings.js';

function png(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'ascii');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return Buffer.concat([header, deflateSync(Buffer.alloc(0))]);
}

describe('imageSize', () => {
  it('reads PNG, GIF, JPEG and WebP headers', () => {
    expect(imageSize(png(640, 300))).toEqual({ width: 640, height: 300 });
    expect(imageSize(Buffer.from('GIF89a\x20\x03\x58\x02\x00\x00', 'latin1'))).toEqual({ width: 800, height: 600 });
    // SOI, an APP0 segment, then SOF0 with height 120 and width 160.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x78, 0x00, 0xa0, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(imageSize(jpeg)).toEqual({ width: 160, height: 120 });
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'ascii');
    webp.write('WEBPVP8X', 8, 'ascii');
    webp.writeUIntLE(99, 24, 3);
    webp.writeUIntLE(49, 27, 3);
    expect(imageSize(webp)).toEqual({ width: 100, height: 50 });
    expect(imageSize(Buffer.from('<svg/>'))).toBeUndefined();
  });
});

describe('lazyImages', () => {
  const sizeOf = (path: string) => (path === '/assets/a b.png' ? { width: 4, height: 3 } : undefined);
  it('adds loading, decoding and the known size; keeps what the author declared', () => {
    expect(lazyImages('<img src="/assets/a%20b.png" alt="">', { pageUrl: '/us/en/x', baseurl: '', sizeOf })).toBe(
      '<img src="/assets/a%20b.png" alt="" loading="lazy" decoding="async" width="4" height="3">',
    );
    expect(lazyImages('<img src="/assets/a b.png" loading="eager" height="9" />', { pageUrl: '/', baseurl: '', sizeOf })).toBe(
      '<img src="/assets/a b.png" loading="eager" height="9" decoding="async" />',
    );
    expect(lazyImages('<code>&lt;img src="x"&gt;</code>', { pageUrl: '/', baseurl: '', sizeOf })).toBe('<code>&lt;img src="x"&gt;</code>');
    expect(lazyImages('<img alt="a > b" src=\'https://cdn.example/x.png\'>', { pageUrl: '/', baseurl: '', sizeOf })).toBe(
      '<img alt="a > b" src=\'https://cdn.example/x.png\' loading="lazy" decoding="async">',
    );
  });

  it('resolves relative sources against the page and strips baseurl', () => {
    expect(localPath('img/a.png', { pageUrl: '/us/en/x', baseurl: '' })).toBe('/us/en/img/a.png');
    expect(localPath('/docs/assets/a.png', { pageUrl: '/x', baseurl: '/docs' })).toBe('/assets/a.png');
    expect(localPath('/other/a.png', { pageUrl: '/x', baseurl: '/docs' })).toBeUndefined();
    expect(localPath('data:image/png;base64,xx', { pageUrl: '/x', baseurl: '' })).toBeUndefined();
    expect(localPath('//cdn.example/a.png', { pageUrl: '/x', baseurl: '' })).toBeUndefined();
  });
});

describe('redirect paths', () => {
  it('maps old URLs to files as Jekyll writes permalinks', () => {
    expect(redirectOutputPath('/app/support/old/')).toBe('app/support/old/index.html');
    expect(redirectOutputPath('/old')).toBe('old.html');
    expect(redirectOutputPath('/old.htm')).toBe('old.htm');
    expect(redirectOutputPath('/caf%C3%A9/')).toBe('café/index.html');
    expect(redirectOutputPath('/../etc/passwd')).toBeUndefined();
    expect(redirectOutputPath('/a/%2e%2e/b')).toBeUndefined();
  });
  it('accepts one string or a list', () => {
    expect(redirectList('/a/')).toEqual(['/a/']);
    expect(redirectList(['/a/', '', 3, ' /b '])).toEqual(['/a/', '/b']);
    expect(redirectList(undefined)).toEqual([]);
  });
});

describe('summaries and strings', () => {
  it('takes the first non-empty paragraph as plain text, cut at a word', () => {
    expect(summaryOf('<p> </p><p>Hello <a href="#">big</a> &amp; bold world.</p>')).toBe('Hello big & bold world.');
    expect(summaryOf(`<p>${'word '.repeat(60)}</p>`, 40)).toBe('word word word word word word word…');
    expect(summaryOf('<ul><li>x</li></ul>')).toBe('');
  });

  it('picks plural forms and falls back from region to language to English', () => {
    const table = new Map<string, UiStrings>([
      ['en', { a_one: '{n} item', a_other: '{n} items', only_en: 'E' }],
      ['fr', { a_one: '{n} élément', a_other: '{n} éléments' }],
      ['fr-ca', { a_other: '{n} items (CA)' }],
    ]);
    expect(countText(stringsFor(table, 'en-US'), 'a', 1, 'en-US')).toBe('1 item');
    expect(countText(stringsFor(table, 'en-US'), 'a', 1200, 'en-US')).toBe('1,200 items');
    // French counts 0 and 1 as singular.
    expect(countText(stringsFor(table, 'fr-FR'), 'a', 0, 'fr-FR')).toBe('0 élément');
    expect(stringsFor(table, 'fr-CA').a_other).toBe('{n} items (CA)');
    expect(stringsFor(table, 'fr-FR').only_en).toBe('E');
  });
});
