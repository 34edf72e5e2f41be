import { describe, expect, test } from 'vitest';
import { translationCoverage } from '../../src/check/translations.js';
import { prepareSite } from '../../src/pipeline/prepare-site.js';
import { memoryContext } from '../support/memory-site.js';
import { checkSite, findingsOf, page, placesOf } from './check-site.js';

describe('translation coverage', () => {
  const files = {
    'us/en/a.md': page('us-en', 'A', 'Text.\n', { date: '2021-05-01 10:00:00' }),
    'us/en/b.md': page('us-en', 'B', 'Text.\n'),
    'us/en/c.md': page('us-en', 'C', 'Text.\n'),
    'co/es/a.md': page('co-es', 'A es', 'Texto.\n', { date: '2020-03-01 10:00:00' }),
    'co/es/c.md': page('co-es', 'C es', 'Texto.\n', { date: '2022-01-01 10:00:00' }),
  };

  test('lists, per locale, the articles of the locale with the most that it lacks', () => {
    const report = checkSite(files);
    expect(report.translations.reference).toBe('us-en');
    expect(report.translations.locales).toEqual([{ locale: 'co-es', articles: 2, missing: [{ sourcePath: 'us/en/b.md', title: 'B' }] }]);
  });

  test('a translation dated before its source is a warning at its date line; a newer one is not', () => {
    const report = checkSite(files);
    expect(placesOf(report, 'outdated-translation')).toEqual(['co/es/a.md:4:1']);
    const [finding] = findingsOf(report, 'outdated-translation');
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toBe('older than its source us/en/a.md (date 2020-03-01 < 2021-05-01)');
  });

  test('last commit times win over dates when both files have one', () => {
    const { allPages, config } = prepareSite(memoryContext(files));
    const times = new Map([
      ['us/en/a.md', 1_600_000_000],
      ['co/es/a.md', 1_700_000_000],
      ['us/en/c.md', 1_700_000_000],
      ['co/es/c.md', 1_600_000_000],
    ]);
    const coverage = translationCoverage(allPages, config, times);
    expect(coverage.outdated.map((d) => `${d.file} ${d.message}`)).toEqual([
      'co/es/c.md older than its source us/en/c.md (last commit 2020-09-13 < 2023-11-14)',
    ]);
  });

  test('complete translations give no missing articles and no warnings', () => {
    const report = checkSite({
      'us/en/a.md': page('us-en', 'A', 'Text.\n'),
      'co/es/a.md': page('co-es', 'A es', 'Texto.\n'),
    });
    expect(report.translations.locales).toEqual([{ locale: 'co-es', articles: 1, missing: [] }]);
    expect(findingsOf(report, 'outdated-translation')).toEqual([]);
  });
});
