import { rmSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import type { Finding } from '../../src/check/format-report.js';
import { runCli } from '../support/run-cli.js';
import { writeSite } from '../support/temp-site.js';

const article = (locale: string, title: string, body: string) =>
  `---\nlayout: post\ntitle: ${title}\ndate: 2020-01-01 10:00:00\nlocale: [${locale}]\ncategory: [wework]\n---\n${body}`;

const sites: string[] = [];
const site = (files: Record<string, string>) => {
  const root = writeSite(files);
  sites.push(root);
  return root;
};
afterEach(() => {
  for (const root of sites.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('faro check', () => {
  test('text: one path:line:col severity rule message per finding, exit 1 on an error', async () => {
    const root = site({
      'content/us/en/a.md': article('us-en', 'A', 'See [b](/us/en/b) and [c](/us/en/c).\n'),
      'content/us/en/b.md': article('us-en', 'B', 'Text.\n'),
    });
    const run = await runCli(['check'], root);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('content/us/en/a.md:8:27: error broken-link: link "/us/en/c": nothing at /us/en/c');
    expect(lines[1]).toBe('  8 | See [b](/us/en/b) and [c](/us/en/c).');
    expect(run.stdout).toMatch(/faro check: 1 error, 0 warnings in 2 pages, 2 locales\n$/);
  });

  test('json: an array of finding objects; warnings only exit 0', async () => {
    const root = site({
      'content/us/en/a.md': article('us-en', 'A', 'Rent [IP phones] today.\n'),
      'content/co/es/a.md': article('co-es', 'A es', 'Texto.\n'),
      'content/co/es/b.md': article('co-es', 'B es', 'Texto.\n'),
    });
    const run = await runCli(['check', '--format', 'json'], root);
    expect(run.code).toBe(0);
    const findings = JSON.parse(run.stdout) as Finding[];
    expect(findings).toContainEqual(expect.objectContaining({ file: 'content/us/en/a.md', line: 8, column: 6, severity: 'warning', rule: 'undefined-reference' }));
    expect(findings).toContainEqual(
      expect.objectContaining({ file: 'content/co/es/b.md', severity: 'info', rule: 'missing-translation', message: 'no us-en translation (co-es has "B es")' }),
    );
  });

  test('the translation table names what each locale lacks', async () => {
    const root = site({
      'content/us/en/a.md': article('us-en', 'A', 'Text.\n'),
      'content/co/es/a.md': article('co-es', 'A es', 'Texto.\n'),
      'content/co/es/b.md': article('co-es', 'B es', 'Texto.\n'),
    });
    const run = await runCli(['check'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  locale  articles  missing vs co-es\n  us-en   1         1\n');
    expect(run.stdout).toContain('us-en lacks 1 article:\n  source      title\n  co/es/b.md  B es\n');
  });

  test('a bad --format is a usage error', async () => {
    const root = site({ 'content/us/en/a.md': article('us-en', 'A', 'Text.\n') });
    const run = await runCli(['check', '--format', 'xml'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be text or json');
  });
});
