// Titles, tags, categories and config strings are text in the layouts, never markup.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { MINIMAL_CONFIG, writeSite } from '../support/temp-site.js';

let root = '';
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe('escaping in layouts', () => {
  it('renders a <script> in a title, tags and config strings as text', async () => {
    root = writeSite({
      'site.config.ts': MINIMAL_CONFIG.replace("title: 'Test Help'", "title: 'Help <img src=x onerror=alert(2)>'").replace(
        "wework: { title: 'WeWork' }",
        "wework: { title: 'Work <script>alert(3)</script>' }",
      ),
      'content/us/en/a.md':
        '---\nlayout: post\ntitle: "<script>alert(1)</script> & more"\nlocale: [us-en]\ncategory: [wework]\ntags: ["<b>bold</b>"]\n---\n\nBody <em>kept</em>.\n',
    });
    const run = await runCli(['build'], root);
    expect(run.code, run.stderr).toBe(0);
    const pages = ['_site/us/en/a.html', '_site/us/en/index.html', '_site/index.html'].map((p) => readFileSync(join(root, p), 'utf8'));
    for (const html of pages) {
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<b>bold</b>');
    }
    expect(pages[0]).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    // The rendered body itself is HTML the author wrote: kept.
    expect(pages[0]).toContain('Body <em>kept</em>.');
  });
});
