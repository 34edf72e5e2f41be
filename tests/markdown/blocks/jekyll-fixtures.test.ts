import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/markdown/render-markdown.js';
import { JEKYLL_KRAMDOWN_DEFAULTS } from '../../../src/markdown/options.js';
import { canonicalHtml } from './canonical-html.js';

// Each folder under fixtures/ holds an input.md and the output.html Jekyll 4.3 (kramdown,
// GFM input) rendered from it with /work/shared/tools/jekyll-reference.sh.
const fixtures = join(import.meta.dirname, 'fixtures');

describe('block structure matches Jekyll 4.3 kramdown', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(name, () => {
      const input = readFileSync(join(fixtures, name, 'input.md'), 'utf8');
      const expected = readFileSync(join(fixtures, name, 'output.html'), 'utf8');
      const { html } = renderMarkdown(input, JEKYLL_KRAMDOWN_DEFAULTS);
      expect(canonicalHtml(html).join('\n')).toBe(canonicalHtml(expected).join('\n'));
    });
  }
});
