import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/markdown/render-markdown.js';
import { resolveKramdownOptions } from '../../../src/markdown/options.js';
import { normaliseHtml } from '../../support/normalise-html.js';

// Each folder under fixtures/ holds an input.md (with empty front matter) and the
// output.html Jekyll 4.3 rendered from it with /work/shared/tools/jekyll-reference.sh;
// kramdown.json, when present, holds the `kramdown:` options of that run's _config.yml.
const fixtures = join(import.meta.dirname, 'fixtures');

function body(text: string): string {
  return text.replace(/^---\n(?:[\s\S]*?\n)?---\n/, '');
}

describe('span-level rendering matches Jekyll 4.3 kramdown', () => {
  const names = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'input.md')));
  for (const name of names.sort()) {
    it(name, () => {
      const dir = join(fixtures, name);
      const input = body(readFileSync(join(dir, 'input.md'), 'utf8'));
      const expected = readFileSync(join(dir, 'output.html'), 'utf8');
      const configFile = join(dir, 'kramdown.json');
      const options = resolveKramdownOptions(existsSync(configFile) ? JSON.parse(readFileSync(configFile, 'utf8')) : undefined);
      const { html } = renderMarkdown(input, options);
      expect(normaliseHtml(html).join('\n')).toBe(normaliseHtml(expected).join('\n'));
    });
  }
});
