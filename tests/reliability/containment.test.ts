// Nothing a page says can make faro read or write outside the site and output folders.
import { existsSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { writeSite } from '../support/temp-site.js';

const front = (extra = '') => `---\nlayout: post\ntitle: T\nlocale: [us-en]\ncategory: [wework]\n${extra}---\n`;
let root = '';
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe('containment', () => {
  it('refuses a permalink that leaves the output folder, naming file and line', async () => {
    root = writeSite({ 'content/us/en/a.md': front('permalink: /../../../tmp/faro-escape/\n') + 'x\n' });
    const run = await runCli(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/content\/us\/en\/a\.md:6:1: error containment: permalink .* would leave the output folder/);
    expect(existsSync('/tmp/faro-escape')).toBe(false);
  });

  it('refuses an include that leaves _includes', async () => {
    root = writeSite({
      'content/_includes/ok.html': 'fine',
      'content/us/en/a.md': front() + '\n{% include ../../../../../../etc/passwd %}\n',
    });
    const run = await runCli(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/content\/us\/en\/a\.md:8:\d+: error liquid: include: invalid file name/);
    expect(run.stderr).not.toContain('root:x:0');
  });

  it('does not follow a symlink out of the content folder, and says so', async () => {
    const outside = join(tmpdir(), `faro-outside-${process.pid}`);
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'secret.md'), front() + 'TOP SECRET\n');
    root = writeSite({ 'content/us/en/a.md': front() + 'x\n' });
    symlinkSync(outside, join(root, 'content/us/en/linked'));
    try {
      const run = await runCli(['build'], root);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/content\/us\/en\/linked:1:1: error containment: symbolic link leads outside/);
      expect(existsSync(join(root, '_site'))).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('keeps Liquid away from prototypes and Node objects', async () => {
    root = writeSite({
      'content/us/en/a.md':
        front() + '\nA{{ site.constructor }}B{{ page.__proto__ }}C{{ site.title.constructor.name }}D{{ "x" | constructor }}E\n',
    });
    const run = await runCli(['build'], root);
    const html = readFileSync(join(root, '_site/us/en/a.html'), 'utf8');
    expect(run.code, run.stderr).toBe(0);
    expect(html).toMatch(/A\s*B\s*C\s*D?x?\s*E/);
    expect(html).not.toContain('function');
    expect(html).not.toContain('Object');
  });
});
