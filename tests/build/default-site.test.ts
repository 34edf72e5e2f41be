// End to end: the default site (site.config.ts + content/) built into a temp dir.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';
import { searchSite } from '../support/pagefind-query.js';

const repo = resolve(import.meta.dirname, '../..');
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const langOf = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

describe('faro build of the default site', () => {
  let out: string;
  let run: CliRun;
  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'faro-default-')), '_site');
    run = await runCli(['build', '--out', out], repo);
  });
  afterAll(() => rmSync(resolve(out, '..'), { recursive: true, force: true }));

  it('succeeds', () => {
    expect(run.stderr).toMatch(/faro build: \d+ pages, 3 locales/);
    expect(run.code).toBe(0);
  });

  it('renders the seed article at its Jekyll URL with the kramdown TOC and GFM heading ids', () => {
    const html = readFileSync(join(out, 'co/es/conference-server.html'), 'utf8');
    expect(langOf(html)).toBe('es-CO');
    expect(html).toContain('<ol id="markdown-toc">');
    expect(html).toContain('id="cómo-configuro-un-servidor-de-conferencias"');
    expect(html).toContain('href="#cómo-configuro-un-servidor-de-conferencias" id="markdown-toc-cómo-configuro-un-servidor-de-conferencias"');
    expect(html).not.toContain('{{');
    expect(html).not.toContain('{:toc}');
  });

  it('resolves Liquid before Markdown and applies span IALs and \\\\ line breaks', () => {
    const html = readFileSync(join(out, 'us/en/conference-server.html'), 'utf8');
    expect(html).toContain('src="/assets/images/ooma_office_manager/conference_server_tab.png"');
    expect(html).toMatch(/<img [^>]*height="250px"/);
    expect(html).toContain('href="https://office.ooma.com/#conferences"');
    expect(html).toMatch(/<br\s*\/?>\s*<img/);
  });

  it('sets <html lang> to each locale’s BCP 47 tag on every page', () => {
    const pages = walk(out).filter((f) => f.endsWith('.html'));
    const byLang = new Map<string, number>();
    for (const file of pages) {
      const lang = langOf(readFileSync(file, 'utf8'));
      byLang.set(lang ?? 'none', (byLang.get(lang ?? 'none') ?? 0) + 1);
      const rel = file.slice(out.length + 1);
      if (rel.startsWith('co/es/')) expect(lang, rel).toBe('es-CO');
      if (rel.startsWith('fr/fr/')) expect(lang, rel).toBe('fr-FR');
      if (rel.startsWith('us/en/')) expect(lang, rel).toBe('en-US');
    }
    expect([...byLang.keys()].filter((l) => l !== 'en')).toEqual(expect.arrayContaining(['es-CO', 'en-US', 'fr-FR']));
  });

  it('writes listings, 404, sitemap, robots and copies assets', () => {
    for (const path of [
      'index.html',
      '404.html',
      'sitemap.xml',
      'robots.txt',
      'co/es/index.html',
      'co/es/categories/wework/index.html',
      'co/es/tags/add-ons/index.html',
      'assets/images/ooma_office_manager/trash.png',
      'assets/faro/faro.css',
      'pagefind/pagefind.js',
    ]) {
      expect(existsSync(join(out, path)), path).toBe(true);
    }
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain('Sitemap: https://help.example.com/sitemap.xml');
    expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).toContain('<loc>https://help.example.com/co/es/conference-server</loc>');
  });

  it('marks article bodies for Pagefind with category and tag filters', () => {
    const html = readFileSync(join(out, 'co/es/conference-server.html'), 'utf8');
    expect(html).toContain('data-pagefind-body');
    // Filter names are localized (category → Categoría); one for the category, one per tag.
    expect(html.match(/data-pagefind-filter="[^"]+"/g)?.length).toBe(1 + 3);
  });

  it('builds a Pagefind index that finds "conferencias" in the co-es article', async () => {
    const hits = await searchSite(out, 'es-CO', 'conferencias');
    expect(hits.map((h) => h.url)).toContain('/co/es/conference-server.html');
    expect(hits.every((h) => h.url.startsWith('/co/es/'))).toBe(true);
  });
});

describe('faro build --locale', () => {
  it('writes only pages of that locale, besides the root page', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'faro-locale-')), '_site');
    try {
      const run = await runCli(['build', '--locale', 'co-es', '--out', out], repo);
      expect(run.code, run.stderr).toBe(0);
      const pages = walk(out).filter((f) => f.endsWith('.html')).map((f) => f.slice(out.length + 1));
      expect(pages).toContain('co/es/conference-server.html');
      const foreign = pages.filter((p) => !p.startsWith('co/es/') && p !== 'index.html' && p !== '404.html');
      expect(foreign).toEqual([]);
      for (const page of pages.filter((p) => p.startsWith('co/es/'))) {
        expect(langOf(readFileSync(join(out, page), 'utf8')), page).toBe('es-CO');
      }
    } finally {
      rmSync(resolve(out, '..'), { recursive: true, force: true });
    }
  });

  it('refuses an unknown locale with exit code 2', async () => {
    const run = await runCli(['build', '--locale', 'xx-yy', '--out', join(tmpdir(), 'never')], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown locale xx-yy');
  });
});
