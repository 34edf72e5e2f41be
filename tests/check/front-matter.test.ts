import { describe, expect, test } from 'vitest';
import { checkSite, findingsOf, page, placesOf } from './check-site.js';

describe('front matter rules', () => {
  test('missing-title: a warning for an article without title, none when it has one', () => {
    const report = checkSite({
      'co/es/a.md': '---\nlayout: post\nlocale: [co-es]\ncategory: [wework]\n---\nTexto.\n',
      'co/es/b.md': page('co-es', 'B', 'Texto.\n'),
    });
    expect(placesOf(report, 'missing-title')).toEqual(['co/es/a.md:1:1']);
    expect(findingsOf(report, 'missing-title')[0]!.severity).toBe('warning');
  });

  test('duplicate-url: two files written to the same URL are both errors', () => {
    const report = checkSite({
      'co/es/a.md': page('co-es', 'A', 'Uno.\n'),
      'co/es/a.markdown': page('co-es', 'A bis', 'Dos.\n'),
      'co/es/b.md': page('co-es', 'B', 'Tres.\n', { permalink: '/co/es/c' }),
      'co/es/c.md': page('co-es', 'C', 'Cuatro.\n'),
      'co/es/d.md': page('co-es', 'D', 'Cinco.\n'),
    });
    expect(placesOf(report, 'duplicate-url')).toEqual(['co/es/a.markdown:1:1', 'co/es/a.md:1:1', 'co/es/b.md:7:1', 'co/es/c.md:1:1']);
    const messages = findingsOf(report, 'duplicate-url').map((d) => d.message);
    expect(messages[0]).toContain('also written by co/es/a.md');
    expect(findingsOf(report, 'duplicate-url').every((d) => d.severity === 'error')).toBe(true);
  });

  test('unknown layout, bad date and unconfigured locale or category are errors; good ones are not', () => {
    const report = checkSite({
      'co/es/a.md': page('co-es', 'A', 'Texto.\n', { layout: 'fancy' }),
      'co/es/b.md': page('co-es', 'B', 'Texto.\n', { date: 'yesterday-ish' }),
      'co/es/c.md': page('co-es', 'C', 'Texto.\n', { locale: '[xx-yy]' }),
      'co/es/d.md': page('co-es', 'D', 'Texto.\n', { category: '[gardening]' }),
      'co/es/e.md': page('co-es', 'E', 'Texto.\n'),
    });
    const errors = report.findings.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.rule}`);
    expect(errors).toEqual([
      'co/es/a.md unknown-layout',
      'co/es/b.md front-matter',
      'co/es/c.md unknown-locale',
      'co/es/d.md unknown-category',
    ]);
  });
});
