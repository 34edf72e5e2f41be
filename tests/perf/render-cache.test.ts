// The render cache reuses exactly what did not change: an include edit re-renders the
// articles that included it, a title edit re-renders the articles listing site.pages, a
// damaged or foreign pack is ignored, and a read-only site gets no cache at all.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { RenderCache } from '../../src/cache/render-cache.js';
import { createContext } from '../../src/commands/site-options.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { hashTree, writeSite } from '../support/temp-site.js';

const front = (title: string) => `---\nlayout: post\ntitle: ${title}\nlocale: [us-en]\ncategory: [wework]\n---\n\n`;
const SITE = {
  'content/_includes/note.html': '<p class="note">Note: {{ include.text }}</p>\n',
  'content/us/en/with-include.md': `${front('With include')}Intro.\n\n{% include note.html text="first" %}\n`,
  'content/us/en/plain.md': `${front('Plain')}Just *text*.\n`,
  'content/us/en/listing.md': `${front('Listing')}{% for p in site.pages %}- {{ p.title }}\n{% endfor %}\n`,
};

let root = '';
afterEach(() => {
  if (root) {
    chmodSync(root, 0o755);
    rmSync(root, { recursive: true, force: true });
  }
});

async function buildAt(site: string, options: BuildOptions = {}, out = '_site') {
  const config = await resolveConfig({ cwd: site, outDir: join(site, out) });
  return build(createContext(config), {}, { workers: 1, ...options });
}

const page = (site: string, name: string, out = '_site') => readFileSync(join(site, out, `us/en/${name}.html`), 'utf8');
const packs = (site: string) => readdirSync(join(site, '.faro-cache/render')).filter((name) => name.endsWith('.bin'));

describe('the render cache', () => {
  it('re-renders exactly the articles whose inputs changed', async () => {
    root = writeSite(SITE);
    const first = await buildAt(root);
    expect(first.ok).toBe(true);
    expect(first.renderStats).toMatchObject({ articles: 3, fromCache: 0, rendered: 3 });

    const unchanged = await buildAt(root);
    expect(unchanged.renderStats).toMatchObject({ fromCache: 3, rendered: 0 });

    writeFileSync(join(root, 'content/_includes/note.html'), '<p class="note">Changed: {{ include.text }}</p>\n');
    const includeEdit = await buildAt(root);
    expect(includeEdit.renderStats).toMatchObject({ fromCache: 2, rendered: 1 });
    expect(page(root, 'with-include')).toContain('Changed: first');

    writeFileSync(join(root, 'content/us/en/plain.md'), `${front('Plain, renamed')}Just *text*.\n`);
    const titleEdit = await buildAt(root);
    // plain.md itself and listing.md (site.pages lists titles); with-include.md is untouched.
    expect(titleEdit.renderStats).toMatchObject({ fromCache: 1, rendered: 2 });
    expect(page(root, 'listing')).toContain('Plain, renamed');

    // The output updated in place (unchanged files linked, search index rebuilt from the
    // first changed page on) is the output of a fresh build of the same sources.
    await buildAt(root, { cache: false }, 'fresh');
    expect(hashTree(join(root, '_site'))).toBe(hashTree(join(root, 'fresh')));
  });

  it('gives the same output as a build without cache, and ignores damaged or foreign packs', async () => {
    root = writeSite(SITE);
    await buildAt(root);
    const [pack] = packs(root);
    const bytes = readFileSync(join(root, '.faro-cache/render', pack!));
    // Damage one byte of the first entry's HTML and add a file that is no pack at all.
    bytes[bytes.length - 3] ^= 0xff;
    writeFileSync(join(root, '.faro-cache/render', pack!), bytes);
    writeFileSync(join(root, '.faro-cache/render/pack-foreign.bin'), 'not a faro cache\n');

    const notes: string[] = [];
    const again = await buildAt(root, { onNote: (text) => notes.push(text) }, 'out-cached');
    expect(again.ok).toBe(true);
    expect(again.renderStats!.rendered).toBeGreaterThanOrEqual(1);
    expect(notes.join('\n')).toMatch(/damaged or foreign/);
    await buildAt(root, { cache: false }, 'out-plain');
    expect(hashTree(join(root, 'out-cached'))).toBe(hashTree(join(root, 'out-plain')));
  });

  it('is not created in a read-only site folder', async () => {
    root = writeSite(SITE);
    const out = `${root}-out`;
    chmodSync(root, 0o555);
    const notes: string[] = [];
    try {
      const config = await resolveConfig({ cwd: root, outDir: out });
      const result = await build(createContext(config), {}, { workers: 1, onNote: (text) => notes.push(text) });
      expect(result.ok).toBe(true);
      expect(existsSync(join(root, '.faro-cache'))).toBe(false);
      expect(notes.join('\n')).toMatch(/read-only/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('answers entries added in this build, and reads back what it saved', () => {
    root = mkdtempSync(join(tmpdir(), 'faro-pack-'));
    const entry = {
      key: 'k1',
      file: 'us/en/a.md',
      html: '<p>“Quoted” café</p>\n',
      headings: [{ depth: 2, id: 'x', text: 'X' }],
      links: [],
      diagnostics: [],
      deps: { files: [], siteKeys: [], volatile: false },
    };
    const cache = new RenderCache(join(root, 'render'));
    cache.set(entry);
    expect(cache.get('k1')).toMatchObject({ html: entry.html, headings: entry.headings, file: entry.file });
    // Added entries wait in a hidden temp file, never read as a pack.
    expect(readdirSync(join(root, 'render')).filter((name) => name.endsWith('.bin'))).toEqual([]);
    cache.save();
    expect(RenderCache.load(join(root, 'render')).get('k1')).toMatchObject({ html: entry.html, headings: entry.headings });
    expect(RenderCache.load(join(root, 'render')).get('k2')).toBeUndefined();
    expect(readdirSync(join(root, 'render')).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // A build that fails leaves nothing behind; one whose process died is cleaned up later.
    const failed = RenderCache.load(join(root, 'render'));
    failed.set({ ...entry, key: 'k3' });
    failed.release();
    writeFileSync(join(root, 'render', '.pack-abc-999999999-xyz.bin.tmp'), 'left by a crash');
    const next = RenderCache.load(join(root, 'render'));
    expect(next.get('k3')).toBeUndefined();
    expect(next.get('k1')).toMatchObject({ html: entry.html });
    expect(readdirSync(join(root, 'render')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('compacts piled-up packs into one of the entries still current', () => {
    root = mkdtempSync(join(tmpdir(), 'faro-pack-'));
    const dir = join(root, 'render');
    const entry = (key: string, file: string) => ({ key, file, html: `<p>${key}</p>`, headings: [], links: [], diagnostics: [], deps: { files: [], siteKeys: [], volatile: false } });
    const first = RenderCache.load(dir);
    first.set(entry('b0', 'b.md'));
    first.set(entry('a0', 'a.md'));
    first.save();
    // Builds that render only a.md, each time anew.
    for (let build = 1; build <= 6; build++) {
      const cache = RenderCache.load(dir);
      cache.set(entry(`a${build}`, 'a.md'));
      cache.save();
    }
    const names = readdirSync(dir);
    expect(names.filter((name) => name.endsWith('.bin'))).toHaveLength(1);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const compacted = RenderCache.load(dir);
    expect(compacted.get('a6')).toMatchObject({ html: '<p>a6</p>' });
    expect(compacted.get('b0')).toMatchObject({ html: '<p>b0</p>', file: 'b.md' });
    expect(compacted.get('a0')).toBeUndefined();
    expect(compacted.get('a5')).toBeUndefined();
  });
});
