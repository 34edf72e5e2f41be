import { describe, expect, test } from 'vitest';
import { scanHtml } from '../../src/check/html-scan.js';

describe('scanHtml', () => {
  test('collects ids (and <a name>) and URLs by kind, in document order, entities decoded', () => {
    const scan = scanHtml(
      '<h2 id="setup">S</h2><a name="old"></a><p><a href="/a?x=1&amp;y=2#f">a</a> <img src=\'/i.png\' alt="i"> <A HREF=/b>b</A></p><video src="/v.mp4" poster="/p.jpg"></video><link rel="stylesheet" href="/s.css">',
    );
    expect([...scan.ids]).toEqual(['setup', 'old']);
    expect(scan.references).toEqual([
      { kind: 'link', origin: 'a[href]', url: '/a?x=1&y=2#f' },
      { kind: 'image', origin: 'img[src]', url: '/i.png' },
      { kind: 'link', origin: 'a[href]', url: '/b' },
      { kind: 'asset', origin: 'video[src]', url: '/v.mp4' },
      { kind: 'image', origin: 'video[poster]', url: '/p.jpg' },
      { kind: 'asset', origin: 'link[href]', url: '/s.css' },
    ]);
  });

  test('markup inside comments, scripts and escaped code is not scanned', () => {
    const scan = scanHtml('<!-- <a href="/x" id="c"> --><script>let s = \'<a href="/y">\';</script><code>&lt;a href="/z"&gt;</code>');
    expect(scan.references).toEqual([]);
    expect(scan.ids.size).toBe(0);
  });
});
