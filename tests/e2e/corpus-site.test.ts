// The real Jekyll help center (../shared corpus, locales inferred from front matter) in
// Chromium: search finds articles in every locale and only there; translations link up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CORPUS_DIR, HAS_CORPUS, SKIP_REASON } from '../support/shared.js';
import { CHROMIUM_PATH, NO_CHROMIUM_REASON, isSerious, launchChromium, runAxe, watchErrors, type Browser } from './support/chromium.js';
import { buildAndServe, type ServedSite } from './support/served-site.js';

if (!HAS_CORPUS) console.warn(`e2e corpus: ${SKIP_REASON}`);
if (!CHROMIUM_PATH) console.warn(`e2e corpus: ${NO_CHROMIUM_REASON}`);

/** A word of a title worth searching for: its longest run of letters. */
const searchWord = (title: string) =>
  (title.match(/\p{L}{4,}/gu) ?? []).sort((a, b) => b.length - a.length || a.localeCompare(b))[0] ?? title;

/** `<html lang>` of the built file a URL is served from. */
function langOfPage(dir: string, url: string): string | undefined {
  const path = decodeURIComponent(url.replace(/[?#].*$/, ''));
  for (const file of [path, `${path}.html`, `${path.replace(/\/?$/, '/')}index.html`]) {
    try {
      return /<html lang="([^"]+)"/.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
    } catch {
      // try the next form
    }
  }
  return undefined;
}

describe.skipIf(!HAS_CORPUS || !CHROMIUM_PATH)('wework-support corpus in Chromium', () => {
  let site: ServedSite;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let homes: string[] = [];

  beforeAll(async () => {
    [site, browser] = await Promise.all([buildAndServe(['--source', CORPUS_DIR]), launchChromium()]);
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await page.goto(site.url('/'));
    homes = await page.locator('.country-grid a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('lists every locale on the root page', () => {
    expect(homes.length).toBeGreaterThanOrEqual(8);
    for (const path of ['/us/en/', '/co/es/', '/fr/fr/', '/mx/es/']) expect(homes).toContain(path);
  });

  it('finds, in each locale, an article of that locale by a word of its title, and only that locale’s', async () => {
    for (const home of homes) {
      await page.goto(site.url(home));
      const first = page.locator('.article-list__link').first();
      const title = (await first.textContent())!.trim();
      const href = (await first.getAttribute('href'))!;
      const input = page.locator('#faro-search-hero .pagefind-ui__search-input');
      await input.fill(searchWord(title));
      await page.locator('#faro-search-hero a.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
      const hits = await page.locator('#faro-search-hero a.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(hits.length, home).toBeGreaterThan(0);
      // Scoped to the locale: every hit is a page in this page's language.
      const lang = await page.getAttribute('html', 'lang');
      for (const hit of hits) expect(langOfPage(site.dir, hit), `${home}: ${hit}`).toBe(lang);
      // Pagefind pages results in; the article itself must be among all matches.
      // (A string, so the test runner does not rewrite the page's dynamic import.)
      const all = (await page.evaluate(`(async () => {
        const pagefind = await import(location.origin + '/pagefind/pagefind.js');
        const search = await pagefind.search(${JSON.stringify(searchWord(title))});
        return Promise.all(search.results.map(async (r) => { const d = await r.data(); return d.meta.url || d.url; }));
      })()`)) as string[];
      expect(all, `${home} "${searchWord(title)}"`).toContain(href);
    }
  }, 90_000);

  it('links translations both ways, in the page and in the head', async () => {
    await page.goto(site.url('/us/en/'));
    await page.goto(site.url((await page.locator('.card__link').first().getAttribute('href'))!));
    const candidates = await page.locator('.article-list__link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    // Most articles exist in every locale; take the first that does.
    let article = '';
    let others: { href: string; lang: string }[] = [];
    for (const candidate of candidates.slice(0, 10)) {
      await page.goto(site.url(candidate));
      others = await page.locator('nav.translations a').evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href')!, lang: a.getAttribute('hreflang')! })));
      article = candidate;
      if (others.length >= homes.length - 2) break;
    }
    expect(others.length).toBeGreaterThanOrEqual(homes.length - 2);
    const head = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => l.getAttribute('hreflang')));
    expect(head).toEqual(expect.arrayContaining(['en-US', ...others.map((o) => o.lang)]));
    const spanish = others.find((o) => o.lang.startsWith('es'))!;
    await page.locator(`nav.translations a[href="${spanish.href}"]`).click();
    await page.waitForURL(site.url(spanish.href));
    expect(await page.getAttribute('html', 'lang')).toBe(spanish.lang);
    expect(await page.locator(`nav.translations a[hreflang="en-US"]`).getAttribute('href')).toBe(article);
  }, 30_000);

  it('has no serious or critical axe violation on a locale home and an article', async () => {
    for (const path of ['/fr/fr/', '/mx/es/']) {
      await page.goto(site.url(path));
      const article = (await page.locator('.article-list__link').first().getAttribute('href'))!;
      for (const target of [path, article]) {
        await page.goto(site.url(target));
        await page.locator('.pagefind-ui__search-input').first().waitFor();
        expect((await runAxe(page)).filter(isSerious), target).toEqual([]);
      }
    }
  }, 60_000);

  it('writes jekyll-redirect-from pages for redirect_from', async () => {
    const response = await fetch(site.url('/app/support/selecting-phone-number-0/'));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=http://wework-support.ooma.com/us/en/selecting-a-phone-number">');
    expect(html).toContain('<link rel="canonical" href="http://wework-support.ooma.com/us/en/selecting-a-phone-number">');
    expect(html).toContain('<script>location="http://wework-support.ooma.com/us/en/selecting-a-phone-number"</script>');
    expect(readFileSync(join(site.dir, 'sitemap.xml'), 'utf8')).not.toContain('selecting-phone-number-0');
  });

  it('logged no console error and sent no request off 127.0.0.1', () => {
    expect(errors).toEqual([]);
    expect(browser.blocked).toEqual([]);
  });
});
