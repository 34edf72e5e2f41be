// The same input gives a byte-identical _site (Pagefind's index included) whatever the
// machine's time zone, locale or file-system order.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashTree } from '../support/temp-site.js';

const repo = resolve(import.meta.dirname, '../..');
const compiled = existsSync(join(repo, 'dist/cli.js'));
const work = mkdtempSync(join(tmpdir(), 'faro-determinism-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(out: string, env: Record<string, string>, cwd = repo): void {
  const run = spawnSync(process.execPath, [join(repo, 'bin/faro.js'), 'build', '--quiet', '--no-cache', '--out', out], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
}

describe.skipIf(!compiled)('deterministic output', () => {
  it('is byte-identical across time zones and locales, search index included', () => {
    build(join(work, 'a'), { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
    build(join(work, 'b'), { TZ: 'Pacific/Kiritimati', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' });
    expect(readdirSync(join(work, 'a', 'pagefind')).length).toBeGreaterThan(5);
    expect(hashTree(join(work, 'b'))).toBe(hashTree(join(work, 'a')));
  }, 300_000);

  it('does not depend on the order files were created in', () => {
    // A copy of the site whose content files are created in reverse order.
    const copy = join(work, 'copy');
    cpSync(repo, copy, {
      recursive: true,
      filter: (src) => !/(^|\/)(node_modules|_site|\.git|\.faro-cache|dist)(\/|$)/.test(src.slice(repo.length)),
    });
    rmSync(join(copy, 'content'), { recursive: true, force: true });
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(join(repo, 'content'));
    for (const file of files.reverse()) cpSync(file, join(copy, file.slice(repo.length)), { recursive: true });
    build(join(work, 'c'), { TZ: 'America/Bogota' }, copy);
    expect(hashTree(join(work, 'c'))).toBe(hashTree(join(work, 'a')));
  }, 300_000);
});

describe.skipIf(compiled)('deterministic output (compiled CLI)', () => {
  it.skip('skipped: dist/ is not built; `npm test` compiles it first', () => {});
});
