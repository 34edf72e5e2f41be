// `npm run screenshots`: builds the default site, serves it on 127.0.0.1 and writes PNGs of
// the key pages at desktop (1280 px) and mobile (360 px) widths, light and dark, into
// screenshots/. `-- --source DIR` builds another site (e.g. the Jekyll corpus) instead;
// `-- --only TEXT` takes only the pictures whose name contains TEXT.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH, NO_CHROMIUM_REASON, launchChromium } from '../tests/e2e/support/chromium.js';
import { buildAndServe } from '../tests/e2e/support/served-site.js';

interface Shot {
  name: string;
  path: string;
  /** Types this into the page's first search box before the picture. */
  search?: string;
  /** Also a picture of the whole page (`-full`), besides the first screen. */
  full?: boolean;
  /** Scrolls to this element first (e.g. an article's middle). */
  scrollTo?: string;
}

const DEFAULT_SHOTS: Shot[] = [
  { name: 'root', path: '/' },
  { name: 'home-co-es', path: '/co/es/', full: true },
  { name: 'category-co-es', path: '/co/es/categories/wework/' },
  { name: 'article-co-es', path: '/co/es/conference-server', full: true },
  { name: 'article-co-es-scrolled', path: '/co/es/conference-server', scrollTo: '.article__body h2:nth-of-type(3)' },
  { name: 'article-us-en', path: '/us/en/understanding-your-bill' },
  { name: 'tag-co-es', path: '/co/es/tags/add-ons/' },
  { name: 'search-co-es', path: '/co/es/search/?q=conferencias' },
  { name: 'search-dropdown-co-es', path: '/co/es/categories/wework/', search: 'conferencias' },
  { name: 'search-none-fr-fr', path: '/fr/fr/search/?q=xyzzyqwv' },
  { name: '404-fr-fr', path: '/fr/fr/nothing-here' },
];

const VARIANTS = [
  { suffix: 'desktop', viewport: { width: 1280, height: 900 }, colorScheme: 'light' as const },
  { suffix: 'mobile', viewport: { width: 360, height: 740 }, colorScheme: 'light' as const },
  { suffix: 'desktop-dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' as const },
  { suffix: 'mobile-dark', viewport: { width: 360, height: 740 }, colorScheme: 'dark' as const },
];

async function main(args: string[]): Promise<number> {
  if (!CHROMIUM_PATH) {
    console.error(`screenshots: ${NO_CHROMIUM_REASON}`);
    return 1;
  }
  const sourceAt = args.indexOf('--source');
  const source = sourceAt >= 0 ? args[sourceAt + 1] : undefined;
  const outDir = resolve(import.meta.dirname, '..', 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const site = await buildAndServe(source ? ['--source', resolve(source)] : []);
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] ?? '' : '';
  const shots = (source ? await corpusShots(site.url('/')) : DEFAULT_SHOTS).filter((shot) => shot.name.includes(only));
  let written = 0;
  try {
    for (const variant of VARIANTS) {
      const browser = await launchChromium({ viewport: variant.viewport, colorScheme: variant.colorScheme });
      try {
        const page = await browser.context.newPage();
        for (const shot of shots) {
          await page.goto(site.url(shot.path), { waitUntil: 'load' });
          await page.locator('.pagefind-ui__search-input').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
          if (shot.search) {
            const input = page.locator('.pagefind-ui__search-input').first();
            await input.fill(shot.search);
            await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 10_000 });
          }
          if (/[?&]q=/.test(shot.path)) await page.locator('.pagefind-ui__message').first().waitFor({ timeout: 10_000 });
          // Results show placeholders until their fragments arrive.
          await page.waitForFunction(() => !document.querySelector('.pagefind-ui__loading'), undefined, { timeout: 10_000 });
          if (shot.scrollTo) await page.locator(shot.scrollTo).first().evaluate((el) => el.scrollIntoView({ behavior: 'instant' }));
          await page.waitForTimeout(300);
          await page.screenshot({ path: join(outDir, `${shot.name}-${variant.suffix}.png`) });
          written++;
          if (shot.full) {
            await page.screenshot({ path: join(outDir, `${shot.name}-${variant.suffix}-full.png`), fullPage: true });
            written++;
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await site.close();
  }
  console.error(`screenshots: ${written} PNGs in ${outDir}`);
  return 0;
}

/** For another site: its root, then the first locale's home, first category and first article. */
async function corpusShots(rootUrl: string): Promise<Shot[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(rootUrl);
    const home = new URL((await page.locator('.country-grid a').first().getAttribute('href'))!, rootUrl).pathname;
    await page.goto(new URL(home, rootUrl).href);
    const category = new URL((await page.locator('.card__link').first().getAttribute('href'))!, rootUrl).pathname;
    const article = new URL((await page.locator('.article-list__link').first().getAttribute('href'))!, rootUrl).pathname;
    return [
      { name: 'corpus-root', path: '/', full: true },
      { name: 'corpus-home', path: home, full: true },
      { name: 'corpus-category', path: category },
      { name: 'corpus-article', path: article, full: true },
    ];
  } finally {
    await browser.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
