// The real corpus (../shared): every rendered use of an undefined `site.office_link.*`
// is reported at its exact line and column, and nothing else is.
import { describe, expect, it } from 'vitest';
import { JEKYLL_SITE_DEFAULTS, readJekyllConfig } from '../../src/config/jekyll-config.js';
import { NodeFileSystem } from '../../src/fs.js';
import { parsePage } from '../../src/pipeline/parse-front-matter.js';
import { createLiquidEngine } from '../../src/liquid/render-liquid.js';
import { CORPUS_DIR, HAS_CORPUS, SKIP_REASON } from '../support/shared.js';

describe.skipIf(!HAS_CORPUS)(`Liquid on the corpus ${HAS_CORPUS ? '' : `(${SKIP_REASON})`}`, () => {
  it('finds each rendered use of site.office_link.co (uses inside {% comment %} are not rendered)', () => {
    const fs = new NodeFileSystem(CORPUS_DIR);
    const site = { ...JEKYLL_SITE_DEFAULTS, ...readJekyllConfig(`${CORPUS_DIR}/_config.yml`), data: {} };
    const engine = createLiquidEngine({ fs, includesDir: '_includes', markdownify: (text) => text });
    const found: string[] = [];
    const expected: string[] = [];
    const otherMessages = new Set<string>();
    for (const { path } of fs.listFiles().filter((f) => f.path.endsWith('.markdown'))) {
      const source = fs.readText(path)!;
      const page = parsePage({ sourcePath: path, kind: 'page', source, isMarkdown: true }, []);
      const result = engine.render({ file: path, template: page.body, lineOffset: page.bodyOffset, source, page: page.data, site });
      for (const d of result.diagnostics) {
        if (d.message === 'site.office_link.co is not defined') found.push(`${d.file}:${d.line}:${d.column}`);
        else otherMessages.add(`${d.severity} ${d.message}`);
      }
      // Where the author wrote it, outside comment blocks.
      let inComment = false;
      source.split('\n').forEach((line, index) => {
        if (/\{%-?\s*comment\s*-?%\}/.test(line)) inComment = true;
        if (!inComment) {
          for (const match of line.matchAll(/\{\{\s*site\.office_link\.co\s*\}\}/g)) {
            expected.push(`${path}:${index + 1}:${match.index + match[0].indexOf('site') + 1}`);
          }
        }
        if (/\{%-?\s*endcomment\s*-?%\}/.test(line)) inComment = false;
      });
    }
    expect(found.sort()).toEqual(expected.sort());
    // 131 written in the corpus, 3 of them inside {% comment %} blocks.
    expect(found).toHaveLength(128);
    expect([...otherMessages].sort()).toEqual(['warning site.office_link.mx is not defined', 'warning site.office_link.uk is not defined']);
  }, 60_000);
});
