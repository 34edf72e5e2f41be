import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { progressLine } from '../../src/dev/progress-line.js';
import { runCli } from '../support/run-cli.js';
import { fileHashes, writeSite } from '../support/temp-site.js';

describe('progress line', () => {
  function fakeTerminal(interactive: boolean) {
    let clock = 0;
    const written: string[] = [];
    const line = progressLine({ interactive, stderr: (text) => void written.push(text) }, 'faro build: rendering', { now: () => clock });
    return { line, written, tick: (seconds: number) => void (clock += seconds) };
  }

  test('on a terminal: pages done of total with an estimate, redrawn in place, then erased', () => {
    const { line, written, tick } = fakeTerminal(true);
    tick(0.2);
    line.update(10, 400); // too early: quick builds show nothing
    expect(written).toEqual([]);
    tick(0.8);
    line.update(100, 400);
    tick(0.01);
    line.update(101, 400); // throttled
    tick(1);
    line.update(200, 400);
    line.clear();
    expect(written).toEqual([
      '\r\x1b[2Kfaro build: rendering 100/400 pages (25%), about 3 s left',
      '\r\x1b[2Kfaro build: rendering 200/400 pages (50%), about 2 s left',
      '\r\x1b[2K',
    ]);
  });

  test('not on a terminal (CI, pipes): nothing', () => {
    const { line, written, tick } = fakeTerminal(false);
    tick(5);
    line.update(1, 2);
    line.clear();
    expect(written).toEqual([]);
  });
});

describe('faro build output', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });
  const body = (n: number) => Array.from({ length: n }, (_, i) => `Ref [missing ${i}] here.`).join('\n\n') + '\n';
  const site = () => {
    const root = writeSite({
      'content/us/en/a.md': `---\nlayout: post\ntitle: A\nlocale: [us-en]\ncategory: [wework]\n---\n${body(25)}`,
    });
    roots.push(root);
    return root;
  };

  test('one summary line; at most 20 warnings unless --verbose; nothing but errors with --quiet', async () => {
    const root = site();
    const normal = await runCli(['build'], root);
    expect(normal.code).toBe(0);
    expect(normal.stderr.match(/warning undefined-reference/g)).toHaveLength(20);
    expect(normal.stderr).toContain('… and 5 more warnings (faro build --verbose, or faro check, lists them all)\n');
    expect(normal.stderr).toMatch(/\nfaro build: \d+ pages, 2 locales, 25 warnings, 0 errors in [\d.]+ s/);
    expect(normal.stderr).not.toContain('\r');

    const verbose = await runCli(['build', '--verbose'], root);
    expect(verbose.stderr.match(/warning undefined-reference/g)).toHaveLength(25);
    expect(verbose.stderr).toMatch(/^faro build: config .*site\.config\.ts, source /);

    const quiet = await runCli(['build', '--quiet'], root);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  test('a build that finds nothing changed reports the same warnings as the build it replays', async () => {
    const root = site();
    const first = await runCli(['build'], root);
    expect(first.stderr).toMatch(/, 25 warnings, 0 errors in [\d.]+ s \(search /);
    const withoutTimes = (text: string) => text.replace(/in [\d.]+ s \([^)]*\)/, 'in … s');

    const again = await runCli(['build'], root);
    expect(again.stderr).toMatch(/, 25 warnings, 0 errors in [\d.]+ s \(nothing changed\)/);
    expect(withoutTimes(again.stderr)).toBe(withoutTimes(first.stderr));

    // Every warning, from the list kept beside the manifest.
    const verbose = await runCli(['build', '--verbose'], root);
    expect(verbose.stderr).toContain('nothing changed since the last build');
    expect(verbose.stderr.match(/warning undefined-reference/g)).toHaveLength(25);

    // That list lost: the build is done again rather than reported short.
    const cacheDir = join(root, '.faro-cache');
    for (const name of readdirSync(cacheDir).filter((file) => file.endsWith('.warnings.json'))) rmSync(join(cacheDir, name));
    const rebuilt = await runCli(['build', '--verbose'], root);
    expect(rebuilt.stderr).not.toContain('nothing changed since the last build');
    expect(rebuilt.stderr.match(/warning undefined-reference/g)).toHaveLength(25);
  });

  test('an output changed since the last build (a file removed, edited or added) is built again', async () => {
    const root = site();
    expect((await runCli(['build'], root)).code).toBe(0);
    const out = join(root, '_site');
    const built = fileHashes(out);
    const page = [...built.keys()].find((path) => path.endsWith('.html') && readFileSync(join(out, path), 'utf8').includes('Ref [missing 0] here.'))!;
    expect(page).toBeDefined();
    const nothingChanged = async () => /\(nothing changed\)/.test((await runCli(['build'], root)).stderr);
    expect(await nothingChanged()).toBe(true);

    rmSync(join(out, page));
    expect(await nothingChanged()).toBe(false);
    expect(fileHashes(out)).toEqual(built);

    appendFileSync(join(out, page), '<!-- edited -->');
    expect(await nothingChanged()).toBe(false);
    expect(fileHashes(out)).toEqual(built);

    writeFileSync(join(out, 'stray.html'), '<p>not faro’s</p>');
    expect(await nothingChanged()).toBe(false);
    expect(fileHashes(out)).toEqual(built);
    expect(await nothingChanged()).toBe(true);
  });
});
