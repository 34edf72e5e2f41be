// The speed machinery must never change a byte: the default site built without cache on
// the main thread, with two worker threads into an empty cache, from a warm cache, laid out
// after the whole render instead of locale by locale, and "nothing changed" all give the same files (Pagefind's index included: it is deterministic
// for the same pages).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { buildSite } from '../../src/build-site.js';
import { createContext } from '../../src/commands/site-options.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { applyLayouts } from '../../src/pipeline/apply-layouts.js';
import { workerScript } from '../../src/pipeline/render-pool.js';
import { fileHashes } from '../support/temp-site.js';

const repo = resolve(import.meta.dirname, '../..');

async function buildDefaultSite(outDir: string, options: BuildOptions, upToDateCheck = false) {
  const config = await resolveConfig({ cwd: repo, outDir });
  const context = createContext(config);
  return upToDateCheck ? buildSite(context, options) : build(context, {}, options);
}

describe('output with and without cache, with 1 or 2 workers', () => {
  let temp: string;
  const out = (name: string) => join(temp, name);
  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'faro-identical-'));
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('is byte-identical, search index included', async () => {
    const cacheDir = out('cache');
    const plain = await buildDefaultSite(out('plain'), { workers: 1, cache: false });
    expect(plain.ok).toBe(true);
    expect(plain.renderStats?.inWorkers).toBe(0);
    // Streamed to disk, the build let go of what it wrote: bodies, and article views' variables.
    if (!('generated' in plain)) throw new Error('a full build was expected');
    const { articles, views } = plain.generated;
    expect(articles.length).toBeGreaterThan(5);
    expect(articles.filter((article) => article.html !== '')).toEqual([]);
    expect(views.filter((view) => view.sourcePath && Object.keys(view.variables).length > 0)).toEqual([]);

    const cold = await buildDefaultSite(out('cold'), { workers: 2, cacheDir, parallelThreshold: 1 });
    expect(cold.ok).toBe(true);
    expect(cold.renderStats?.fromCache).toBe(0);
    // The compiled worker exists once `npm test` has compiled; without it faro renders in-process.
    if (workerScript()) expect(cold.renderStats?.inWorkers).toBe(cold.renderStats?.articles);

    const warm = await buildDefaultSite(out('warm'), { workers: 2, cacheDir, parallelThreshold: 1 });
    expect(warm.ok).toBe(true);
    expect(warm.renderStats?.fromCache).toBe(warm.renderStats?.articles);
    expect(warm.renderStats?.rendered).toBe(0);

    const expected = fileHashes(out('plain'));
    expect(expected.size).toBeGreaterThan(20);
    expect([...expected.keys()].some((path) => path.startsWith('pagefind/'))).toBe(true);
    expect(fileHashes(out('cold'))).toEqual(expected);
    expect(fileHashes(out('warm'))).toEqual(expected);

    // A stage override turns off streaming: every page laid out after the whole site is
    // rendered (as `faro dev` and `faro check` do), not locale by locale while rendering.
    const config = await resolveConfig({ cwd: repo, outDir: out('whole') });
    const whole = await build(createContext(config), { applyLayouts }, { workers: 1, cache: false });
    expect(whole.ok).toBe(true);
    expect(fileHashes(out('whole'))).toEqual(expected);

    const again = await buildDefaultSite(out('warm'), { workers: 2, cacheDir }, true);
    expect(again.ok).toBe(true);
    expect('upToDate' in again && again.upToDate).toBe(true);
    expect(fileHashes(out('warm'))).toEqual(expected);
  });
});
