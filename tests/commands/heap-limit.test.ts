// build, render and check run in a child process whose heap limit is sized to the site, and
// run again without the limit when a site needs more (the command then still succeeds).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countMarkdownSources, heapLimitFor } from '../../src/heap-limit.js';
import { writeSite } from '../support/temp-site.js';

const repo = resolve(import.meta.dirname, '../..');
const compiled = existsSync(join(repo, 'dist/heap-limit.js'));
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const article = (title: string) => `---\nlayout: post\ntitle: ${title}\ndate: 2020-01-01\nlocale: [us-en]\ncategory: [wework]\n---\nText of ${title}.\n`;

describe('heap limit', () => {
  it('grows with the number of Markdown sources, from a floor', () => {
    expect(heapLimitFor(0)).toBe(320);
    expect(heapLimitFor(9_888)).toBe(394);
    expect(heapLimitFor(50_000)).toBe(1177);
  });

  it('counts Markdown files below the source folder, not hidden folders or other files', () => {
    const root = writeSite({ 'content/a.md': 'a', 'content/b/c.markdown': 'c', 'content/b/d.txt': 'd', 'content/.git/e.md': 'e' });
    roots.push(root);
    mkdirSync(join(root, 'content/node_modules/x'), { recursive: true });
    writeFileSync(join(root, 'content/node_modules/x/readme.md'), 'x');
    expect(countMarkdownSources(join(root, 'content'))).toBe(2);
    expect(countMarkdownSources(join(root, 'missing'))).toBe(0);
  });

  it.skipIf(!compiled)('runs the build again without the limit when the heap runs out, and succeeds', () => {
    const root = writeSite({ 'content/us/en/a.md': article('Alpha'), 'content/us/en/b.md': article('Beta') });
    roots.push(root);
    const run = spawnSync(process.execPath, [join(repo, 'bin/faro.js'), 'build', '--quiet', '--no-cache'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FARO_HEAP_LIMIT_MB: '16' },
    });
    expect(run.stderr).toContain('faro: the site needed more than 16 MB of heap; running again without that limit');
    expect(run.status).toBe(0);
    expect(existsSync(join(root, '_site/us/en/a.html'))).toBe(true);
  }, 120_000);
});
