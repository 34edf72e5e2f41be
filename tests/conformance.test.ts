// faro against the real Jekyll 4.3: every golden fixture case (tests/fixtures/jekyll, whose
// output.html Jekyll itself wrote) and, when ../shared is present, the whole corpus against
// Jekyll's reference bodies. Both sides are normalised the same way (tests/support/normalise-html.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBodies } from '../src/commands/render.js';
import { createContext } from '../src/commands/site-options.js';
import { resolveConfig } from '../src/config/resolve-config.js';
import { firstDifference, normaliseHtml } from './support/normalise-html.js';
import { CORPUS_DIR, HAS_CORPUS, REFERENCE_DIR, SKIP_REASON } from './support/shared.js';

const FIXTURES_DIR = resolve(import.meta.dirname, 'fixtures/jekyll');

const cases = readdirSync(FIXTURES_DIR)
  .filter((name) => existsSync(join(FIXTURES_DIR, name, 'input.md')))
  .sort();

/** Bodies faro renders for a Jekyll folder, by relative path (`input.html`, `co/es/a.html`). */
async function renderFolder(folder: string): Promise<Map<string, string>> {
  const config = await resolveConfig({ cwd: folder, sourceDir: folder });
  return renderBodies(createContext(config)).bodies;
}

function describeDifference(expectedHtml: string, actualHtml: string): string | undefined {
  const difference = firstDifference(normaliseHtml(expectedHtml), normaliseHtml(actualHtml));
  if (!difference) return undefined;
  return `line ${difference.line} of the normalised HTML\n  expected ${difference.expected}\n  actual   ${difference.actual}`;
}

describe('golden fixtures rendered by Jekyll 4.3', () => {
  it('has the cases Jekyll rendered', () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
    for (const name of cases) expect(existsSync(join(FIXTURES_DIR, name, 'output.html')), name).toBe(true);
  });

  for (const name of cases) {
    it(name, async () => {
      const folder = join(FIXTURES_DIR, name);
      const bodies = await renderFolder(folder);
      const actual = bodies.get('input.html');
      expect(actual, `faro rendered no body for ${name}/input.md`).toBeDefined();
      const expected = readFileSync(join(folder, 'output.html'), 'utf8');
      expect(describeDifference(expected, actual ?? '')).toBeUndefined();
    });
  }
});

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.html') ? [path] : [];
  });

// The goal is all 412 corpus articles. The threshold is what faro reaches (412 when this was
// written); it may only go up.
const CORPUS_PASS_THRESHOLD = 412;

describe.skipIf(!HAS_CORPUS)(`corpus against Jekyll's reference bodies ${HAS_CORPUS ? '' : `(${SKIP_REASON})`}`, () => {
  it(`renders at least ${CORPUS_PASS_THRESHOLD} of the corpus articles as Jekyll does`, async () => {
    const bodies = await renderFolder(CORPUS_DIR);
    const references = walk(REFERENCE_DIR);
    const failures: string[] = [];
    let passed = 0;
    for (const reference of references) {
      const path = relative(REFERENCE_DIR, reference).split('\\').join('/');
      const actual = bodies.get(path);
      const difference = actual === undefined ? 'missing' : describeDifference(readFileSync(reference, 'utf8'), actual);
      if (difference === undefined) passed++;
      else failures.push(`${path}: ${difference}`);
    }
    console.log(`corpus: ${passed} passed, ${failures.length} failed of ${references.length}`);
    expect(references.length).toBe(412);
    expect(passed).toBeGreaterThanOrEqual(CORPUS_PASS_THRESHOLD);
  }, 120_000);
});
