import { describe, expect, test } from 'vitest';
import { checkSite, findingsOf, page, placesOf } from './check-site.js';

describe('findings of the render stages', () => {
  test('each use of an undefined site variable is an error at its position', () => {
    const report = checkSite({
      'co/es/a.md': page('co-es', 'A', 'Entra en {{ site.office_link.co }}.\n\nO en {{ site.office_link.mx }} y {{ site.office_link.mx }}.\n'),
    });
    expect(placesOf(report, 'liquid-undefined')).toEqual(['co/es/a.md:10:9', 'co/es/a.md:10:37']);
    expect(findingsOf(report, 'liquid-undefined').every((d) => d.severity === 'error' && d.message.includes('site.office_link.mx'))).toBe(true);
  });

  test('a reference-style link without definition and an unknown IAL are warnings: exit stays 0', () => {
    const report = checkSite({
      'co/es/a.md': page('co-es', 'A', '* Alquilar [Teléfonos IP] adicionales\n\n1. TOC\n{: Toc}\n'),
      'co/es/b.md': page('co-es', 'B', 'Ver [Teléfonos IP].\n\n[Teléfonos IP]: https://example.com\n'),
    });
    expect(placesOf(report, 'undefined-reference')).toEqual(['co/es/a.md:8:12']);
    expect(findingsOf(report, 'kramdown-ial').map((d) => d.file)).toEqual(['co/es/a.md']);
    expect(report.findings.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
