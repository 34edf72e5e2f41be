// Pagefind's index is built one language at a time, and a build keeps the part of every
// language none of whose pages changed: an edit re-indexes its own language only, and the
// result is byte for byte the bundle a build from nothing makes. Article pages of the other
// locales are kept without being laid out again.
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { createContext } from '../../src/commands/site-options.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { fileHashes, MINIMAL_CONFIG, writeSite } from '../support/temp-site.js';

const article = (locale: string, title: string, body: string) =>
  `---\nlayout: post\ntitle: ${title}\ndate: 2020-01-01\nlocale: [${locale}]\ncategory: [wework]\n---\n${body}\n`;

describe('search index by language', () => {
  let root: string;
  beforeAll(() => {
    root = writeSite({
      'site.config.ts': MINIMAL_CONFIG.replace("locales: {", "locales: {\n    'fr-fr': { lang: 'fr-FR', path: 'fr/fr', label: 'Français' },"),
      'content/us/en/bill.md': article('us-en', 'Your bill', 'How to read your bill.'),
      'content/us/en/voicemail.md': article('us-en', 'Voicemail', 'How to set up voicemail.'),
      'content/co/es/factura.md': article('co-es', 'Tu factura', 'Cómo leer tu factura.'),
      'content/fr/fr/facture.md': article('fr-fr', 'Votre facture', 'Comment lire votre facture.'),
      'content/fr/fr/messagerie.md': article('fr-fr', 'Messagerie', 'Configurer la messagerie vocale.'),
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const buildInto = async (outDir: string, cacheDir?: string) => {
    const notes: string[] = [];
    const config = await resolveConfig({ cwd: root, outDir });
    const result = await build(createContext(config), {}, { workers: 1, cache: cacheDir !== undefined, cacheDir, onNote: (text) => void notes.push(text) });
    expect(result.ok).toBe(true);
    return notes.join('\n');
  };

  it('re-indexes only the edited language and gives the bundle a fresh build gives', async () => {
    const out = join(root, 'out');
    const cacheDir = join(root, 'cache');
    const first = await buildInto(out, cacheDir);
    expect(first).toMatch(/\(3 languages indexed, 0 kept\)/);
    expect(first).toMatch(/layouts \(\d+ pages laid out, 0 kept\)/);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['en-us', 'es-co', 'fr-fr']);
    const frenchBefore = fileHashes(out);

    appendFileSync(join(root, 'content/us/en/bill.md'), '\nA sentence about invoices added later.\n');
    const second = await buildInto(out, cacheDir);
    expect(second).toMatch(/\(1 languages indexed, 2 kept\)/);
    // The other locales' article pages (one in co-es, two in fr-fr) are kept as they were.
    expect(second).toMatch(/layouts \(\d+ pages laid out, 3 kept\)/);

    const fresh = join(root, 'fresh');
    await buildInto(fresh);
    const incremental = fileHashes(out);
    expect(incremental).toEqual(fileHashes(fresh));
    // The kept languages' files are the very files of the build before.
    const frenchFiles = [...incremental.keys()].filter((path) => /^pagefind\/.*fr-fr[._]/.test(path));
    expect(frenchFiles.length).toBeGreaterThan(2);
    for (const path of frenchFiles) expect(incremental.get(path)).toBe(frenchBefore.get(path));
    expect([...incremental.keys()].filter((path) => /^pagefind\/.*en-us[._]/.test(path)).some((path) => incremental.get(path) !== frenchBefore.get(path))).toBe(true);
  });

  it('re-indexes a language when one of its pages is removed', async () => {
    const out = join(root, 'out');
    const cacheDir = join(root, 'cache');
    rmSync(join(root, 'content/fr/fr/messagerie.md'));
    expect(await buildInto(out, cacheDir)).toMatch(/\(1 languages indexed, 2 kept\)/);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages['fr-fr'].page_count).toBe(1);
    const fresh = join(root, 'fresh2');
    await buildInto(fresh);
    expect(fileHashes(out)).toEqual(fileHashes(fresh));
  });
});
