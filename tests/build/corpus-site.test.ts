// `faro build --source` on the real Jekyll help site: every article at its Jekyll URL.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';
import { CORPUS_DIR, HAS_CORPUS, SKIP_REASON } from '../support/shared.js';

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

describe.skipIf(!HAS_CORPUS)('faro build --source on the real corpus', () => {
  let out: string;
  let run: CliRun;
  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'faro-corpus-')), 'site');
    run = await runCli(['build', '--source', CORPUS_DIR, '--out', out], process.cwd());
  }, 300_000);
  afterAll(() => rmSync(resolve(out, '..'), { recursive: true, force: true }));

  it('exits 0', () => {
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
  });

  it('writes a page for each of the 412 articles at its Jekyll URL (permalink /:categories/:title)', () => {
    const articles = walk(CORPUS_DIR).filter((f) => /\.(md|markdown)$/.test(f) && !relative(CORPUS_DIR, f).startsWith('_'));
    expect(articles).toHaveLength(412);
    const missing = articles
      .map((f) => relative(CORPUS_DIR, f).replace(/\.(md|markdown)$/, '.html'))
      .filter((path) => !existsSync(join(out, path)));
    expect(missing).toEqual([]);
  });

  it('copies the site’s images and gives each locale a home page with its language', () => {
    expect(existsSync(join(out, 'assets/images/ooma_office_manager/trash.png'))).toBe(true);
    expect(readFileSync(join(out, 'co/es/index.html'), 'utf8')).toMatch(/<html lang="es-CO"[ >]/);
    expect(readFileSync(join(out, 'fr/fr/index.html'), 'utf8')).toMatch(/<html lang="fr-FR"[ >]/);
    expect(readFileSync(join(out, 'uk/en/index.html'), 'utf8')).toMatch(/<html lang="en-GB"[ >]/);
  });
});

describe.skipIf(HAS_CORPUS)('faro build --source on the real corpus', () => {
  it.skip(SKIP_REASON, () => {});
});
