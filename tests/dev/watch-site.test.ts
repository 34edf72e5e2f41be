import { describe, expect, test } from 'vitest';
import { classifyChange } from '../../src/dev/watch-site.js';
import { testConfig } from '../support/memory-site.js';

describe('classifyChange', () => {
  const config = testConfig({
    root: '/site',
    configFile: '/site/site.config.ts',
    sourceDir: '/site/content',
    outDir: '/site/_site',
    layoutsDir: '/site/layouts',
    assetsDir: '/site/assets',
  });

  test('says how much of the site a change touches', () => {
    expect(classifyChange('/site/content/co/es/a.md', config)).toBe('content');
    expect(classifyChange('/site/assets/images/a.png', config)).toBe('content');
    expect(classifyChange('/site/content/_includes/note.html', config)).toBe('site-wide');
    expect(classifyChange('/site/content/_data/phones.yml', config)).toBe('site-wide');
    expect(classifyChange('/site/layouts/post.njk', config)).toBe('layouts');
    expect(classifyChange('/site/site.config.ts', config)).toBe('config');
    expect(classifyChange('/site/content/_config.yml', config)).toBe('config');
  });

  test("takes the includes, data and layouts folders from the site's config", () => {
    const renamed = testConfig({
      ...config,
      siteVariables: { ...config.siteVariables, includes_dir: 'partials/', data_dir: './shared/data', layouts_dir: '_templates' },
    });
    expect(classifyChange('/site/content/partials/note.html', renamed)).toBe('site-wide');
    expect(classifyChange('/site/content/shared/data/phones.yml', renamed)).toBe('site-wide');
    expect(classifyChange('/site/content/shared/other.md', renamed)).toBe('content');
    expect(classifyChange('/site/content/_templates/post.html', renamed)).toBe('site-wide');
    // The default folders are ordinary underscore folders then.
    expect(classifyChange('/site/content/_includes/note.html', renamed)).toBe('content');
  });

  test('ignores the output, hidden folders and editor files', () => {
    expect(classifyChange('/site/_site/co/es/a.html', config)).toBeUndefined();
    expect(classifyChange('/site/content/.git/index', config)).toBeUndefined();
    expect(classifyChange('/site/content/co/es/.a.md.swp', config)).toBeUndefined();
    expect(classifyChange('/site/content/co/es/a.md~', config)).toBeUndefined();
    expect(classifyChange('/site/README.md', config)).toBeUndefined();
  });
});
