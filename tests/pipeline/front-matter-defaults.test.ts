import { describe, expect, it } from 'vitest';
import { deepMerge, defaultsFor, readDefaultsSets } from '../../src/pipeline/front-matter-defaults.js';

describe('front matter defaults (Jekyll FrontmatterDefaults)', () => {
  const sets = readDefaultsSets([
    { scope: { path: '' }, values: { author: 'Everyone', support: { team: 'General', hours: '9-5' } } },
    { scope: { path: '', type: 'post' }, values: { author: 'Staff' } },
    { scope: { path: 'docs', type: 'pages' }, values: { author: 'Docs', support: { team: 'Docs' } } },
    { scope: { path: '/docs/setup' }, values: { section: 'Setup' } },
    { scope: { path: 'docs/*/install*' }, values: { glob: true } },
    { scope: { path: 'guides/**/*.md' }, values: { deep: true } },
    { values: 'not a mapping' },
    'not a set',
  ]);

  it('skips sets that are not mappings with values, and reads old singular types', () => {
    expect(sets).toHaveLength(6);
    expect(sets[1]!.type).toBe('posts');
  });

  it('applies every set whose scope fits, with a type and a longer path taking precedence', () => {
    expect(defaultsFor(sets, 'index.md', 'pages')).toEqual({ author: 'Everyone', support: { team: 'General', hours: '9-5' } });
    expect(defaultsFor(sets, '_posts/2024-01-01-a.md', 'posts')).toMatchObject({ author: 'Staff' });
    expect(defaultsFor(sets, 'docs/setup/install.md', 'pages')).toEqual({
      author: 'Docs',
      support: { team: 'Docs', hours: '9-5' },
      section: 'Setup',
      glob: true,
    });
  });

  it('matches a path scope by characters, and a glob against the start of the path', () => {
    expect(defaultsFor(sets, 'docs-old.md', 'pages')).toMatchObject({ author: 'Docs' });
    expect(defaultsFor(sets, 'docs/intro.md', 'posts')).not.toHaveProperty('section');
    expect(defaultsFor(sets, 'docs/other/readme.md', 'pages')).not.toHaveProperty('glob');
    expect(defaultsFor(sets, 'guides/a/b/c.md', 'pages')).toMatchObject({ deep: true });
    expect(defaultsFor(sets, 'guides/c.md', 'pages')).toMatchObject({ deep: true });
  });

  it('strips collections_dir from scope paths', () => {
    const [set] = readDefaultsSets([{ scope: { path: 'my_collections/_guides' }, values: { a: 1 } }], 'my_collections');
    expect(set!.path).toBe('_guides');
  });

  it('merges mappings key by key and replaces anything else', () => {
    expect(deepMerge({ a: { b: 1, c: [1] }, d: 1 }, { a: { c: [2] }, d: { e: 1 } })).toEqual({ a: { b: 1, c: [2] }, d: { e: 1 } });
  });
});
