import { describe, expect, test } from 'vitest';
import { checkSite, findingsOf, page, placesOf } from './check-site.js';

// page() bodies start on line 8 of the file.
const target = page('co-es', 'Buzón', '1. Tabla\n{:toc}\n\n## Configurar el buzón\n\nTexto.\n\n<div id="caja">x</div>\n');

describe('broken-link', () => {
  test('links to pages that do not exist are errors at the URL as written', () => {
    const report = checkSite({
      'co/es/buzon.md': target,
      'co/es/a.md': page('co-es', 'A', 'Intro.\n\nVer [otra](/co/es/no-existe) y [esta](otra-mas).\n'),
    });
    expect(placesOf(report, 'broken-link')).toEqual(['co/es/a.md:10:12', 'co/es/a.md:10:39']);
    const [first, second] = findingsOf(report, 'broken-link');
    expect(first!.severity).toBe('error');
    expect(first!.message).toContain('/co/es/no-existe');
    expect(second!.message).toContain('/co/es/otra-mas');
  });

  test('extensionless, .html, relative, trailing-slash listings and baseurl links that exist are fine', () => {
    const report = checkSite({
      'co/es/buzon.md': target,
      'co/es/a.md': page(
        'co-es',
        'A',
        '[1](/co/es/buzon) [2](/co/es/buzon.html) [3](buzon) [4](./buzon) [5](../es/buzon) [6](/co/es/) [7](/) [8](https://example.com/x) [9](mailto:a@b.c) <a href="/co/es/buzon">10</a>\n',
      ),
    });
    expect(findingsOf(report, 'broken-link')).toEqual([]);
  });

  test('with a baseurl, links must carry it', () => {
    const files = {
      'co/es/buzon.md': target,
      'co/es/a.md': page('co-es', 'A', '[bien]({{ site.baseurl }}/co/es/buzon) y [mal](/co/es/buzon)\n'),
    };
    const report = checkSite(files, { baseurl: '/ayuda', siteVariables: { baseurl: '/ayuda' } });
    expect(placesOf(report, 'broken-link')).toEqual(['co/es/a.md:8:48']);
    expect(findingsOf(report, 'broken-link')[0]!.message).toContain("leaves the site's baseurl /ayuda");
  });

  test("the site's own absolute URLs are checked like internal links", () => {
    const report = checkSite({
      'co/es/buzon.md': target,
      'co/es/a.md': page('co-es', 'A', '[1](https://help.example.com/co/es/buzon) [2](https://help.example.com/co/es/nada) [3](https://other.example.com/co/es/nada)\n'),
    });
    expect(placesOf(report, 'broken-link')).toEqual(['co/es/a.md:8:47']);
  });

  test('an address without https:// is a broken relative link, with a hint', () => {
    const report = checkSite({ 'co/es/a.md': page('co-es', 'A', 'Entra en [office.ooma.com](office.ooma.com).\n') });
    const [finding] = findingsOf(report, 'broken-link');
    expect(finding!.message).toContain('https://office.ooma.com');
  });

  test('suggests the page with the same name elsewhere', () => {
    const report = checkSite({
      'us/en/voicemail.md': page('us-en', 'Voicemail', 'Text.\n'),
      'co/es/a.md': page('co-es', 'A', '[x](/co/es/voicemail)\n'),
    });
    expect(findingsOf(report, 'broken-link')[0]!.message).toContain('did you mean /us/en/voicemail?');
  });

  test('a link built from an undefined variable is reported once, as the variable', () => {
    const report = checkSite({ 'co/es/a.md': page('co-es', 'A', '[x]({{ site.office_link.mx }}/extensions)\n') });
    expect(findingsOf(report, 'broken-link')).toEqual([]);
    expect(findingsOf(report, 'liquid-undefined').map((d) => d.severity)).toEqual(['error']);
  });
});

describe('broken-anchor', () => {
  test('fragments must match a heading id, a TOC id or an HTML id of the target page', () => {
    const report = checkSite({
      'co/es/buzon.md': target,
      'co/es/a.md': page(
        'co-es',
        'A',
        '[1](/co/es/buzon#configurar-el-buzón) [2](buzon#markdown-toc-configurar-el-buzón) [3](buzon#caja) [4](#top) [5](#)\n\n## Aquí\n\n[6](#aquí)\n',
      ),
    });
    expect(findingsOf(report, 'broken-anchor')).toEqual([]);
  });

  test('a fragment with no matching id is an error, with the closest id suggested', () => {
    const report = checkSite({
      'co/es/buzon.md': target,
      'co/es/a.md': page('co-es', 'A', 'Ver [aquí](/co/es/buzon#configurar-el-buzon) o [allá](#nada).\n'),
    });
    expect(placesOf(report, 'broken-anchor')).toEqual(['co/es/a.md:8:12', 'co/es/a.md:8:55']);
    const [first, second] = findingsOf(report, 'broken-anchor');
    expect(first!.message).toContain('did you mean #configurar-el-buzón?');
    expect(second!.message).toContain('this page has no element with id "nada"');
  });
});

describe('missing-asset', () => {
  test('images and files that are neither static files nor assets are errors', () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const report = checkSite({
      'images/ok.png': png as unknown as string,
      'docs/guide.pdf': 'pdf',
      'co/es/a.md': page(
        'co-es',
        'A',
        '![ok](/images/ok.png) ![no]({{ site.baseurl }}/images/nope.png)\n\n[pdf](/docs/guide.pdf) [falta](/docs/falta.pdf) <img src="../../images/ok.png">\n',
      ),
    });
    expect(placesOf(report, 'missing-asset')).toEqual(['co/es/a.md:8:29', 'co/es/a.md:10:32']);
    expect(findingsOf(report, 'missing-asset')[0]!.message).toMatch(/^image "\/images\/nope.png"/);
  });
});
