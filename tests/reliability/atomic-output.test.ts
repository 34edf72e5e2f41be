// A failed or interrupted build leaves the previous output byte-identical, and the next
// build cleans up what the interrupted one left.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { hashTree, writeSite } from '../support/temp-site.js';

const repo = resolve(import.meta.dirname, '../..');
const cli = join(repo, 'bin/faro.js');
const compiled = existsSync(join(repo, 'dist/cli.js'));
const article = (i: number) =>
  `---\nlayout: post\ntitle: Article ${i}\nlocale: [us-en]\ncategory: [wework]\ntags: [t${i % 7}]\n---\n\n1. Contents\n{:toc}\n\n` +
  Array.from({ length: 12 }, (_, h) => `## Heading ${h} of ${i}\n\n${'Text with *emphasis* and [a link](/us/en/article-1). '.repeat(20)}\n`).join('\n');

let root = '';
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe('atomic output', () => {
  it('removes staging folders left by an interrupted build', async () => {
    root = writeSite({ 'content/us/en/a.md': article(1) });
    mkdirSync(join(root, '.faro-staging-_site-99999/us'), { recursive: true });
    writeFileSync(join(root, '.faro-staging-_site-99999/us/half.html'), '<p>half');
    const run = await runCli(['build'], root);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(root).filter((n) => /^\.faro-(staging|retired)-/.test(n))).toEqual([]);
  });

  it.skipIf(!compiled)('keeps the previous _site when the build is killed midway', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`content/us/en/article-${i}.md`] = article(i);
    root = writeSite(files);
    expect((await runCli(['build', '--quiet'], root)).code).toBe(0);
    const before = hashTree(join(root, '_site'));
    writeFileSync(join(root, 'content/us/en/article-0.md'), article(0).replace('Article 0', 'Changed'));

    const child = spawn(process.execPath, [cli, 'build', '--quiet'], { cwd: root, stdio: 'ignore' });
    // Kill it as soon as it has started writing its staging folder.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !readdirSync(root).some((n) => n.startsWith('.faro-staging-'))) {
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    expect(hashTree(join(root, '_site'))).toBe(before);
    const next = await runCli(['build', '--quiet'], root);
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(root).filter((n) => n.startsWith('.faro-staging-'))).toEqual([]);
    expect(hashTree(join(root, '_site'))).not.toBe(before);
  }, 300_000);
});

describe.skipIf(compiled)('atomic output (compiled CLI)', () => {
  it.skip('skipped: dist/ is not built; `npm test` compiles it first', () => {});
});
