// Helpers to run the pipeline on an in-memory Jekyll folder.
import { MemoryFileSystem } from '../../src/fs.js';
import { resolveKramdownOptions } from '../../src/markdown/options.js';
import type { ResolvedConfig } from '../../src/config/resolved-config.js';
import type { BuildContext } from '../../src/pipeline/types.js';
import { JEKYLL_DEFAULT_EXCLUDES, JEKYLL_SITE_DEFAULTS } from '../../src/config/jekyll-config.js';

export function testConfig(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    root: '/memory',
    sourceDir: '/memory',
    outDir: '/memory-out',
    layoutsDir: '/memory/layouts',
    title: 'Help',
    url: 'https://help.example.com',
    baseurl: '',
    permalink: '/:categories/:title',
    defaultLocale: 'us-en',
    locales: [
      { id: 'us-en', lang: 'en-US', path: 'us/en', label: 'English', country: 'United States' },
      { id: 'co-es', lang: 'es-CO', path: 'co/es', label: 'Español', country: 'Colombia' },
    ],
    categories: [
      { id: 'wework', title: 'WeWork', description: '' },
      { id: 'billing', title: 'Billing', description: '' },
    ],
    inferTaxonomy: false,
    siteVariables: { ...JEKYLL_SITE_DEFAULTS, office_link: { co: 'https://co.example' } },
    kramdown: resolveKramdownOptions(undefined),
    exclude: [...JEKYLL_DEFAULT_EXCLUDES],
    include: [],
    markdownExtensions: ['.markdown', '.mkdown', '.mkdn', '.mkd', '.md'],
    ...overrides,
  };
}

export function memoryContext(files: Record<string, string>, overrides: Partial<ResolvedConfig> = {}): BuildContext {
  return {
    config: testConfig(overrides),
    filters: { locales: [], categories: [], drafts: false },
    fs: new MemoryFileSystem(files),
    diagnostics: [],
  };
}

export const article = (fields: Record<string, string>, body = 'Text.\n') =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n${body}`;
