// In-memory articles for the site-model and view tests.
import type { RenderedPage } from '../../src/pipeline/types.js';
import { buildSiteModel, type SiteModel } from '../../src/site/site-model.js';
import type { UiStrings } from '../../src/site/ui-strings.js';
import { testConfig } from '../support/memory-site.js';

export function page(sourcePath: string, fields: Partial<RenderedPage> = {}): RenderedPage {
  const locale = sourcePath.startsWith('co/es/') ? 'co-es' : 'us-en';
  const url = `/${sourcePath.replace(/\.md$/, '')}`;
  return {
    sourcePath,
    kind: 'page',
    source: `---\ntitle: x\n---\n`,
    isMarkdown: true,
    data: {},
    body: '',
    bodyOffset: 3,
    url,
    outputPath: `${url.slice(1)}.html`,
    title: sourcePath,
    locale,
    categories: ['wework'],
    tags: [],
    layout: 'post',
    translationKey: '',
    html: '<p>Body text.</p>',
    headings: [],
    links: [],
    ...fields,
  };
}

export const STRINGS = new Map<string, UiStrings>([
  ['en', { article_count_one: '{n} article', article_count_other: '{n} articles', tagged: 'Tagged “{tag}”', search_title: 'Search', not_found_title: 'Not found' }],
  ['es', { article_count_one: '{n} artículo', article_count_other: '{n} artículos', search_title: 'Buscar' }],
]);

export function model(articles: RenderedPage[], overrides: Parameters<typeof testConfig>[0] = {}): SiteModel {
  return buildSiteModel(testConfig({ title: { 'us-en': 'Help', 'co-es': 'Ayuda' }, ...overrides }), articles);
}
