// Dates cross to the render workers by structured clone, which keeps a Date's instant but
// not its class: a page's time with its own offset (`14:07:09 +0100`) or a bare day must
// print the same from a worker as on the main thread, not in the site's zone.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderBodiesInParallel } from '../../src/commands/render.js';
import { createContext } from '../../src/commands/site-options.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { MIN_PARALLEL_ARTICLES, workerScript } from '../../src/pipeline/render-pool.js';

const root = mkdtempSync(join(tmpdir(), 'faro-worker-dates-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeJekyllSite(): string {
  const dir = join(root, 'site');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '_config.yml'), 'timezone: Asia/Tokyo\n');
  for (let i = 0; i < MIN_PARALLEL_ARTICLES + 4; i++) {
    writeFileSync(join(dir, `p${i}.md`), `---\ntitle: P${i}\ndate: 2024-01-01 14:07:09 +0100\nday: 2024-02-03\n---\n{{ page.date }} / {{ page.day }} / {{ site.pages.first.date }}\n`);
  }
  return dir;
}

describe('page dates in worker threads', () => {
  it('print as on the main thread: their own offset, a day as a day', async () => {
    const dir = writeJekyllSite();
    const render = async (workers: number) => {
      const config = await resolveConfig({ cwd: dir, sourceDir: dir });
      return (await renderBodiesInParallel(createContext(config), { workers, cache: false })).bodies;
    };
    const main = await render(1);
    expect(main.get('p3.html')?.trim()).toBe('<p>2024-01-01 14:07:09 +0100 / 2024-02-03 / 2024-01-01 14:07:09 +0100</p>');
    // The compiled worker exists once `npm test` has compiled; without it faro renders in-process.
    if (!workerScript()) return;
    expect(await render(2)).toEqual(main);
  });
});
