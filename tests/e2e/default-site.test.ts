// The default help center in a real browser: search, table of contents, language switcher,
// accessibility (axe-core) on every page type, no console error, no request off 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, NO_CHROMIUM_REASON, isSerious, launchChromium, runAxe, watchErrors, type AxeViolation, type Browser } from './support/chromium.js';
import { buildAndServe, type ServedSite } from './support/served-site.js';

const ARTICLE = '/co/es/conference-server';
const PAGE_TYPES: Record<string, string> = {
  root: '/',
  home: '/co/es/',
  category: '/co/es/categories/wework/',
  article: ARTICLE,
  search: '/co/es/search/',
  '404': '/co/es/no-such-article',
};

if (!CHROMIUM_PATH) console.warn(`e2e: ${NO_CHROMIUM_REASON}`);

describe.skipIf(!CHROMIUM_PATH)('default site in Chromium', () => {
  let site: ServedSite;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const requests: string[] = [];

  beforeAll(async () => {
    [site, browser] = await Promise.all([buildAndServe(), launchChromium()]);
    page = await browser.context.newPage();
    errors = watchErrors(page);
    page.on('request', (request) => requests.push(request.url()));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const open = async (path: string) => {
    await page.goto(site.url(path), { waitUntil: 'load' });
  };
  const searchInput = (scope = '#faro-search-header') => page.locator(`${scope} .pagefind-ui__search-input`);

  it('finds the article by typing "conferencias" in the search box and opens it', async () => {
    await open('/co/es/');
    const input = searchInput('#faro-search-hero');
    await input.fill('conferencias');
    const hit = page.locator(`#faro-search-hero a.pagefind-ui__result-link[href="${ARTICLE}"]`);
    await hit.waitFor({ timeout: 15_000 });
    // Results of this locale only: Pagefind loads the index of <html lang>.
    const hrefs = await page.locator('#faro-search-hero a.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/co\/es\//);
    expect(await page.locator('#faro-search-hero mark').count()).toBeGreaterThan(0);
    await hit.click();
    await page.waitForURL(site.url(ARTICLE));
    await expect(page.locator('h1').textContent()).resolves.toBe('Servidor de Conferencias');
  }, 30_000);

  it('works from the keyboard: "/" focuses search, arrows move through results, Enter opens', async () => {
    await open('/co/es/categories/wework/');
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.classList.contains('pagefind-ui__search-input'))).resolves.toBe(true);
    await page.keyboard.type('conferencias');
    await page.locator('#faro-search-header a.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toMatch(/^\/co\/es\//);
    await page.keyboard.press('Enter');
    await page.waitForURL(site.url(focused!));
    // Enter in the box itself opens the full search page for the words.
    await searchInput().fill('factura');
    await page.locator('#faro-search-header a.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    await searchInput().press('Enter');
    await page.waitForURL(site.url('/co/es/search/?q=factura'));
    await page.locator('#faro-search-page a.pagefind-ui__result-link[href="/co/es/understanding-your-bill"]').waitFor({ timeout: 15_000 });
  }, 30_000);

  it('shows filters with counts on the search page and a Spanish no-results message', async () => {
    await open('/co/es/search/?q=ooma');
    await page.locator('#faro-search-page a.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    expect(await searchInput('#faro-search-page').inputValue()).toBe('ooma');
    // Pagefind UI adds each filter group as its filter chunk arrives, so wait for both.
    const filterNames = async () =>
      (await page.locator('#faro-search-page .pagefind-ui__filter-name').allTextContents()).map((f) => f.trim());
    await expect.poll(filterNames, { timeout: 15_000 }).toEqual(expect.arrayContaining(['Categoría', 'Etiqueta']));
    await page.locator('#faro-search-page .pagefind-ui__filter-name', { hasText: 'Categoría' }).click();
    const counts = await page.locator('#faro-search-page .pagefind-ui__filter-value').allTextContents();
    expect(counts.join(' ')).toMatch(/\(\d+\)/);
    await searchInput('#faro-search-page').fill('xyzzyqwv');
    await page.locator('#faro-search-page .pagefind-ui__message', { hasText: 'Ningún artículo' }).waitFor({ timeout: 15_000 });
  }, 30_000);

  it('reaches a heading from the table of contents and marks it current', async () => {
    await open(ARTICLE);
    const links = page.locator('.toc__nav a');
    expect(await links.count()).toBeGreaterThan(2);
    const target = links.nth(2);
    const href = (await target.getAttribute('href'))!;
    await target.click();
    await page.waitForFunction((hash) => decodeURIComponent(location.hash) === hash, href);
    const heading = page.locator(`[id="${href.slice(1)}"]`);
    await page.waitForFunction((id) => {
      const box = document.getElementById(id)!.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight / 2;
    }, href.slice(1));
    expect(await heading.evaluate((el) => el.tagName)).toBe('H2');
    await expect.poll(() => target.getAttribute('aria-current')).toBe('true');
  }, 30_000);

  it('switches to the us-en version from the language switcher', async () => {
    await open(ARTICLE);
    const head = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => l.getAttribute('hreflang')));
    expect(head).toEqual(expect.arrayContaining(['es-CO', 'en-US', 'fr-FR', 'x-default']));
    await page.locator('nav.translations a[hreflang="en-US"]').click();
    await page.waitForURL(site.url('/us/en/conference-server'));
    expect(await page.getAttribute('html', 'lang')).toBe('en-US');
    expect(await page.locator('nav.translations a[hreflang="es-CO"]').getAttribute('href')).toBe(ARTICLE);
  }, 30_000);

  it('has no serious or critical axe violation on the six page types', async () => {
    const figures: Record<string, AxeViolation[]> = {};
    for (const [type, path] of Object.entries(PAGE_TYPES)) {
      const response = await page.goto(site.url(path), { waitUntil: 'load' });
      expect(response?.status(), path).toBe(type === '404' ? 404 : 200);
      if (type !== 'root') await page.locator('.pagefind-ui__search-input').first().waitFor();
      figures[type] = await runAxe(page);
    }
    const summary = Object.fromEntries(Object.entries(figures).map(([type, list]) => [type, list.map((v) => `${v.impact} ${v.id} ×${v.nodes}`)]));
    console.info(`axe violations by page type: ${JSON.stringify(summary)}`);
    for (const [type, list] of Object.entries(figures)) expect(list.filter(isSerious), type).toEqual([]);
  }, 60_000);

  it('lays out at 360 px without horizontal scrolling and follows dark mode', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [ARTICLE, '/co/es/', '/']) {
      await open(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(ARTICLE);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(150);
    await page.emulateMedia({ colorScheme: 'light' });
  }, 30_000);

  it('logged no console error and sent no request off 127.0.0.1', () => {
    // The 404 page's own status is reported by Chromium as a failed resource; nothing else may be.
    const unexpected = errors.filter((e) => !(e.includes(PAGE_TYPES['404']!) && /status of 404/.test(e)));
    expect(unexpected).toEqual([]);
    expect(browser.blocked).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(`${site.server.url}/`) && !url.startsWith('data:'))).toEqual([]);
  });
});
