import { describe, expect, it } from 'vitest';
import { prepareSite } from '../../src/pipeline/prepare-site.js';
import { languageTag } from '../../src/pipeline/infer-taxonomy.js';
import { article, memoryContext } from '../support/memory-site.js';

describe('assignTaxonomy', () => {
  const files = {
    'co/es/a.md': article({ title: 'A', locale: '[co-es]', category: '[wework]' }),
    'us/en/a.md': article({ title: 'A', locale: '[us-en]', category: '[billing]' }),
    'us/en/from-folder.md': article({ title: 'F', category: '[wework]' }),
    'misc/no-locale.md': article({ title: 'N', category: '[wework]' }),
    'xx/bad.md': article({ title: 'B', locale: '[xx-yy]', category: '[wework]' }),
    'us/en/draft.md': article({ title: 'D', locale: '[us-en]', published: 'false' }),
  };

  it('reports unknown locales and warns about missing ones', () => {
    const context = memoryContext(files);
    const site = prepareSite(context);
    expect(site.allPages.map((p) => [p.sourcePath, p.locale]).sort()).toEqual([
      ['co/es/a.md', 'co-es'],
      ['misc/no-locale.md', 'us-en'],
      ['us/en/a.md', 'us-en'],
      ['us/en/from-folder.md', 'us-en'],
    ]);
    expect(context.diagnostics.map((d) => [d.file, d.severity, d.rule, d.line])).toEqual([
      ['misc/no-locale.md', 'warning', 'no-locale', 2],
      ['xx/bad.md', 'error', 'unknown-locale', 3],
    ]);
  });

  it('applies --locale and --category filters', () => {
    const byLocale = prepareSite({ ...memoryContext(files), filters: { locales: ['co-es'], categories: [], drafts: false } });
    expect(byLocale.pages.map((p) => p.sourcePath)).toEqual(['co/es/a.md']);
    const byCategory = prepareSite({ ...memoryContext(files), filters: { locales: [], categories: ['billing'], drafts: false } });
    expect(byCategory.pages.map((p) => p.sourcePath)).toEqual(['us/en/a.md']);
  });

  it('keeps unpublished pages only with --drafts', () => {
    const withDrafts = prepareSite({ ...memoryContext(files), filters: { locales: [], categories: [], drafts: true } });
    expect(withDrafts.pages.map((p) => p.sourcePath)).toContain('us/en/draft.md');
  });

  it('infers locales and categories from front matter for a plain Jekyll folder', () => {
    const context = memoryContext(
      {
        'co/es/a.md': article({ title: 'A', locale: '[co-es]', language: '[Spanish]', country: '[Colombia]', category: '[wework]' }),
        'co/es/b.md': article({ title: 'B', locale: '[co-es]', language: '[Spanish]', category: '[wework]' }),
        'uk/en/a.md': article({ title: 'A', locale: '[en-uk]', language: '[English]', country: '[UK]', category: '[wework]' }),
        'loose.md': article({ title: 'L' }),
      },
      { inferTaxonomy: true, locales: [], categories: [], defaultLocale: '' },
    );
    const site = prepareSite(context);
    expect(site.config.locales.map((l) => [l.id, l.lang, l.path])).toEqual([
      ['co-es', 'es-CO', 'co/es'],
      ['en-uk', 'en-GB', 'uk/en'],
    ]);
    expect(site.config.defaultLocale).toBe('co-es');
    expect(site.config.categories.map((c) => c.id)).toEqual(['wework']);
    expect(site.allPages.find((p) => p.sourcePath === 'loose.md')?.locale).toBe('co-es');
    expect(context.diagnostics).toMatchObject([{ file: 'loose.md', severity: 'warning', rule: 'no-locale' }]);
  });
});

describe('languageTag', () => {
  it.each([
    ['co-es', 'Spanish', 'Colombia', 'es-CO'],
    ['mx-es', undefined, undefined, 'es-MX'],
    ['en-us', 'English', 'US', 'en-US'],
    ['fr-fr', 'French', 'France', 'fr-FR'],
    ['en-au', 'English', 'Australia', 'en-AU'],
    ['colgarlas-es', 'Spanish', 'Colombia', 'es'],
  ])('%s (%s, %s) → %s', (id, language, country, expected) => {
    expect(languageTag(id, language, country)).toBe(expected);
  });
});
