// Bad input: every error of the build listed as path:line:col with the source line,
// exit code 1, and the previous output left byte-identical.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { hashTree, writeSite } from '../support/temp-site.js';

const good = '---\nlayout: post\ntitle: Good\nlocale: [us-en]\ncategory: [wework]\n---\n\n## Hello\n\nText.\n';
let root = '';
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe('a build with bad content', () => {
  it('lists every error with file, line, column and source line, exits 1 and keeps the previous _site', async () => {
    root = writeSite({ 'content/us/en/good.md': good });
    const first = await runCli(['build'], root);
    expect(first.code, first.stderr).toBe(0);
    const before = hashTree(join(root, '_site'));

    writeFileSync(join(root, 'content/us/en/bad-yaml.md'), '---\ntitle: Bad\ntags: [a, b\nlocale: [us-en]\n---\nbody\n');
    writeFileSync(join(root, 'content/us/en/bad-layout.md'), '---\nlayout: fancy\ntitle: L\nlocale: [us-en]\ncategory: [wework]\n---\nbody\n');
    writeFileSync(join(root, 'content/us/en/bad-liquid.md'), '---\ntitle: Q\nlocale: [us-en]\ncategory: [wework]\n---\n\nLine one\n{% if site.title %}never closed\n');
    writeFileSync(join(root, 'content/us/en/bad-locale.md'), '---\ntitle: X\nlocale: [xx-yy]\ncategory: [wework]\n---\nbody\n');

    const second = await runCli(['build'], root);
    expect(second.code).toBe(1);
    const err = second.stderr;
    expect(err).toMatch(/content\/us\/en\/bad-yaml\.md:[345]:\d+: error front-matter: invalid YAML/);
    expect(err).toMatch(/content\/us\/en\/bad-layout\.md:2:1: error unknown-layout: unknown layout "fancy"/);
    expect(err).toMatch(/ 2 \| layout: fancy/);
    expect(err).toMatch(/content\/us\/en\/bad-liquid\.md:8:\d+: error liquid/);
    expect(err).toMatch(/content\/us\/en\/bad-locale\.md:3:1: error unknown-locale: locale "xx-yy" is not configured/);
    expect(err).toMatch(/ 3 \| locale: \[xx-yy\]/);
    expect(err).toContain('left as it was');
    expect(hashTree(join(root, '_site'))).toBe(before);
  });

  it('reports an invalid site.config.ts naming the key, with exit code 1', async () => {
    root = writeSite({
      'site.config.ts': "export default { title: 'T', locales: { 'us-en': { lang: 'english!', path: 'us/en', label: 'E' } }, categories: {} };\n",
      'content/us/en/good.md': good,
    });
    const run = await runCli(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/site\.config\.ts:1:1: error config: locales\.us-en\.lang: must be a BCP 47 language tag/);
  });

  it('exits 2 on bad usage', async () => {
    root = writeSite({});
    expect((await runCli(['build', '--nope'], root)).code).toBe(2);
    expect((await runCli(['frobnicate'], root)).code).toBe(2);
    const help = await runCli(['build', '--help'], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: faro build');
  });
});
