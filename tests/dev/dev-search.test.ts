// After an edit, `faro dev` indexes only the languages of the pages it wrote again; the
// bundle it serves is then the one a whole build of the edited site makes.
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { createContext } from '../../src/commands/site-options.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { refreshSearchLanguages } from '../../src/dev/dev-search.js';
import { fileHashes, MINIMAL_CONFIG, writeSite } from '../support/temp-site.js';

const article = (locale: string, title: string, body: string) =>
  `---\nlayout: post\ntitle: ${title}\ndate: 2020-01-01\nlocale: [${locale}]\ncategory: [wework]\n---\n${body}\n`;

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function htmlPages(dir: string): Map<string, string> {
  const pages = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (path !== 'pagefind') walk(path);
      } else if (path.endsWith('.html')) pages.set(path, readFileSync(join(dir, path), 'utf8'));
    }
  };
  walk('');
  return pages;
}

describe('dev search refresh', () => {
  it('re-indexes the edited language only, giving the bundle of a whole build', async () => {
    const root = writeSite({
      'site.config.ts': MINIMAL_CONFIG,
      'content/us/en/bill.md': article('us-en', 'Your bill', 'How to read your bill.'),
      'content/co/es/factura.md': article('co-es', 'Tu factura', 'Cómo leer tu factura.'),
    });
    roots.push(root);
    const buildInto = async (outDir: string) => {
      const result = await build(createContext(await resolveConfig({ cwd: root, outDir })), {}, { workers: 1, cache: false });
      expect(result.ok).toBe(true);
    };
    const served = join(root, 'served');
    await buildInto(served);
    const spanishBefore = [...fileHashes(join(served, 'pagefind')).entries()].filter(([path]) => path.includes('es-co'));

    appendFileSync(join(root, 'content/us/en/bill.md'), '\nInvoices are sent monthly.\n');
    const whole = join(root, 'whole');
    await buildInto(whole);
    // What `faro dev` does: write the changed page, then refresh the search index.
    cpSync(join(whole, 'us/en/bill.html'), join(served, 'us/en/bill.html'));
    const update = await refreshSearchLanguages(served, htmlPages(served), ['us/en/bill.html']);

    expect(update.languages).toEqual(['en-us']);
    const after = fileHashes(join(served, 'pagefind'));
    expect(after).toEqual(fileHashes(join(whole, 'pagefind')));
    for (const [path, hash] of spanishBefore) expect(after.get(path)).toBe(hash);
  });
});
