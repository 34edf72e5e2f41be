// LiveSite (for `faro dev`): an edited article is re-rendered and laid out alone, listing
// pages follow on refresh, and anything wider asks for a full build.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveSite } from '../../src/cache/live-site.js';
import { createContext } from '../../src/commands/site-options.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { writeSite } from '../support/temp-site.js';

const front = (title: string) => `---\nlayout: post\ntitle: ${title}\nlocale: [us-en]\ncategory: [wework]\ntags: [calls]\n---\n\n`;
let root = '';
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

async function openSite() {
  root = writeSite({
    'content/us/en/hold.md': `${front('Hold')}Press **Hold** to pause.\n`,
    'content/us/en/forward.md': `${front('Forward')}Forward calls anywhere.\n`,
    'content/us/en/index-of-pages.md': `${front('All pages')}{% for p in site.pages %}- {{ p.title }}: {{ p.content | size }}\n{% endfor %}\n`,
  });
  const config = await resolveConfig({ cwd: root, outDir: join(root, '_site') });
  return LiveSite.open(createContext(config), { workers: 1, cache: false });
}

describe('LiveSite', () => {
  it('re-renders and lays out only the edited article, then refreshes listings', async () => {
    const live = await openSite();
    const before = live.site.files.find((file) => file.path === 'us/en/hold.html');
    expect(String(before?.content)).toContain('Press <strong>Hold</strong> to pause.');

    writeFileSync(join(root, 'content/us/en/hold.md'), `${front('Hold')}Press **Hold** twice to pause.\n`);
    const update = live.updateArticle('us/en/hold.md');
    expect(update.full).toBe(false);
    expect(update.file?.path).toBe('us/en/hold.html');
    expect(String(update.file?.content)).toContain('Press <strong>Hold</strong> twice to pause.');
    // Same layout as a full build: navigation and page chrome are there.
    expect(String(update.file?.content)).toContain('<html lang="en-US"');

    const changed = live.refreshListings().map((file) => file.path);
    // The page listing site.pages (with each body's size) is rendered again.
    expect(changed).toContain('us/en/index-of-pages.html');
    expect(changed).not.toContain('us/en/forward.html');
  });

  it('warms up without changing anything: the next edit is laid out as without it', async () => {
    const live = await openSite();
    const files = new Map(live.site.files.map((file) => [file.path, String(file.content)]));
    const views = [...live.site.views];
    live.warmUp();
    expect(new Map(live.site.files.map((file) => [file.path, String(file.content)]))).toEqual(files);
    expect(live.site.views).toEqual(views);
    expect(live.refreshListings()).toEqual([]);

    writeFileSync(join(root, 'content/us/en/forward.md'), `${front('Forward')}Forward calls *anywhere*.\n`);
    const update = live.updateArticle('us/en/forward.md');
    expect(String(update.file?.content)).toContain('Forward calls <em>anywhere</em>.');
    expect(String(update.file?.content)).toContain('<html lang="en-US"');
  });

  it('gives a page listing bodies what a build gives it: the bodies rendered before it', async () => {
    const live = await openSite();
    writeFileSync(join(root, 'content/us/en/hold.md'), `${front('Hold')}Press **Hold** twice to pause.\n`);
    live.updateArticle('us/en/hold.md');
    const refreshed = live.refreshListings().find((file) => file.path === 'us/en/index-of-pages.html');
    const config = await resolveConfig({ cwd: root, outDir: join(root, '_site') });
    const rebuilt = (await LiveSite.open(createContext(config), { workers: 1, cache: false })).site.files.find((file) => file.path === 'us/en/index-of-pages.html');
    // hold's body as rendered (with <strong>), not its Markdown source
    expect(String(rebuilt?.content)).toContain(`Hold: ${'<p>Press <strong>Hold</strong> twice to pause.</p>\n'.length}`);
    expect(String(refreshed?.content)).toBe(String(rebuilt?.content));
  });

  it('asks for a full build when the edited article shows other items’ content', async () => {
    const live = await openSite();
    writeFileSync(join(root, 'content/us/en/index-of-pages.md'), `${front('All pages')}{% for p in site.pages %}* {{ p.title }}: {{ p.content | size }}\n{% endfor %}\n`);
    expect(live.updateArticle('us/en/index-of-pages.md').full).toBe(true);
  });

  it('asks for a full build when the front matter changes or the file is gone', async () => {
    const live = await openSite();
    writeFileSync(join(root, 'content/us/en/forward.md'), `${front('Forwarding')}Forward calls anywhere.\n`);
    expect(live.updateArticle('us/en/forward.md').full).toBe(true);
    rmSync(join(root, 'content/us/en/hold.md'));
    expect(live.updateArticle('us/en/hold.md').full).toBe(true);
    expect(readFileSync(join(root, 'content/us/en/forward.md'), 'utf8')).toContain('Forwarding');
  });
});
