// Jekyll's include and include_relative: parameters, dynamic names, and confinement to
// their folder (also through symbolic links).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryFileSystem, NodeFileSystem } from '../../src/fs.js';
import { createLiquidEngine, MAX_INCLUDE_DEPTH } from '../../src/liquid/render-liquid.js';
import { contextFor, out, render } from './helpers.js';

const files = {
  '_includes/note.html': '<div class="{{ include.kind }}">{{ include.title }}: {{ include.body }}</div>',
  '_includes/outer.html': '[{{ include.label }} {% include inner.html value=include.label %} {% include inner.html %}]',
  '_includes/inner.html': '<{{ include.value }}>',
  '_includes/widgets/a.html': 'A for {{ include.who }}',
  '_includes/assign.html': '{% assign leaked = "from include" %}',
  '_includes/loop.html': '{% include loop.html %}',
  'us/en/parts/outro.md': 'Bye, {{ include.name }} ({{ page.title }}).',
  'us/en/intro.md': 'Intro next to the page.',
  'secret.md': 'top secret',
};

describe('include', () => {
  it('passes quoted, single-quoted and variable parameters as include.*', () => {
    const page = { level: 'warning' };
    expect(out(`{% include note.html kind="tip" title='It\\'s' body="say \\"hi\\"" %}`, { files })).toBe(
      `<div class="tip">It's: say "hi"</div>`,
    );
    expect(out('{% include note.html kind=page.level title=page.title body=site.title %}', { files, page })).toBe(
      '<div class="warning">Test page: Help</div>',
    );
    const partial = render('{% assign t = "Assigned" %}{% include note.html title=t %}', { files });
    expect(partial.output).toBe('<div class="">Assigned: </div>');
    expect(partial.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      '_includes/note.html:1:16 include.kind is not defined',
      '_includes/note.html:1:57 include.body is not defined',
    ]);
  });

  it('takes the file name from a variable', () => {
    const page = { widget: 'widgets/a.html', name: 'a' };
    expect(out('{% include {{ page.widget }} who="you" %}', { files, page })).toBe('A for you');
    expect(out('{% include widgets/{{ page.name }}.html who="all" %}', { files, page })).toBe('A for all');
  });

  it('lets nested includes without parameters see the outer include, as Jekyll does', () => {
    const result = render('{% include outer.html label="x" %}', { files });
    expect(result.output).toBe('[x <x> <>]');
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      '_includes/inner.html:1:5 include.value is not defined',
    ]);
  });

  it('shares assigned variables with the page (Liquid assigns to the outermost scope)', () => {
    expect(out('{% include assign.html %}{{ leaked }}', { files })).toBe('from include');
  });

  it('refuses names that could leave _includes', () => {
    const names = ['../secret.md', '/etc/passwd', 'a/../../secret.md', 'x%2e%2e/secret.md', 'note.html\0', './note.html', 'a//b.html'];
    for (const name of names) {
      const result = render(`line\n{% include ${name} %}`, { files });
      expect(result.output, name).toBe('line\n');
      expect(result.diagnostics, name).toHaveLength(1);
      expect(result.diagnostics[0], name).toMatchObject({ severity: 'error', rule: 'liquid', file: 'us/en/page.md', line: 5, column: 1 });
    }
    expect(render('{% include ../secret.md %}', { files }).diagnostics[0]!.message).toContain('invalid file name "../secret.md"');
  });

  it('stops includes that include themselves', () => {
    const result = render('{% include loop.html %}', { files });
    expect(result.diagnostics.some((d) => d.message.includes(`more than ${MAX_INCLUDE_DEPTH} deep`))).toBe(true);
  });
});

describe('include_relative', () => {
  it('reads files relative to the page, with parameters', () => {
    expect(out('{% include_relative intro.md %} {% include_relative parts/outro.md name="reader" %}', { files })).toBe(
      'Intro next to the page. Bye, reader (Test page).',
    );
  });

  it('cannot climb out of the page folder', () => {
    const result = render('{% include_relative ../../secret.md %}', { files });
    expect(result.output).toBe('');
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', line: 4 });
  });
});

describe('symbolic links', () => {
  const root = mkdtempSync(join(tmpdir(), 'faro-liquid-'));
  const outside = mkdtempSync(join(tmpdir(), 'faro-outside-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  mkdirSync(join(root, '_includes'));
  writeFileSync(join(root, '_includes/ok.html'), 'fine');
  writeFileSync(join(root, 'private.txt'), 'inside the site, outside _includes');
  writeFileSync(join(outside, 'passwd'), 'outside the site');
  symlinkSync(join(root, 'private.txt'), join(root, '_includes/private.html'));
  symlinkSync(join(outside, 'passwd'), join(root, '_includes/passwd.html'));

  it('follows none that lead out of _includes', () => {
    const fs = new NodeFileSystem(root);
    expect(out('{% include ok.html %}', { fs })).toBe('fine');
    for (const name of ['private.html', 'passwd.html']) {
      const result = render(`{% include ${name} %}`, { fs });
      expect(result.output, name).toBe('');
      expect(result.diagnostics[0], name).toMatchObject({ severity: 'error', file: 'us/en/page.md', line: 4 });
      expect(result.diagnostics[0]!.message, name).toContain(name);
    }
  });
});

describe('engine reuse', () => {
  it('renders many pages with one engine and sees include changes', () => {
    const fs = new MemoryFileSystem({ '_includes/x.html': 'one' });
    const context = contextFor({ fs });
    const engine = createLiquidEngine(context);
    const page = (template: string) =>
      engine.render({ file: 'a.md', template, lineOffset: 0, source: template, page: {}, site: {} }).output;
    expect(page('{% include x.html %}')).toBe('one');
    expect(page('[{% include x.html %}]')).toBe('[one]');
    fs.write('_includes/x.html', 'two');
    expect(page('{% include x.html %}')).toBe('two');
  });
});
