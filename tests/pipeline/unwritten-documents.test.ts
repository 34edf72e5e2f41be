// Documents of a collection without `output: true`: Jekyll renders them (pages see their
// `content` as HTML) and its reference writes their bodies, but the site gets no page for
// them. Expected bodies as Jekyll 4.3 rendered this site.
import { describe, expect, it } from 'vitest';
import { renderBodies } from '../../src/commands/render.js';
import { prepareSite } from '../../src/pipeline/prepare-site.js';
import { memoryContext } from '../support/memory-site.js';

function notesSite() {
  const context = memoryContext({
    '_notes/internal.md': '---\ntitle: Internal\nlocale: us-en\n---\nFor *staff* only: {{ page.title }}.\n',
    'index.md': '---\ntitle: Index\nlocale: us-en\n---\n{{ site.notes.first.content }}',
  });
  context.config.siteVariables = { ...context.config.siteVariables, collections: { notes: { output: false } } };
  return context;
}

describe('documents of an unwritten collection', () => {
  it('are rendered, and faro render writes their bodies as Jekyll does', () => {
    const { bodies, diagnostics } = renderBodies(notesSite());
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(bodies.get('_notes/internal.html')?.trim()).toBe('<p>For <em>staff</em> only: Internal.</p>');
    expect(bodies.get('index.html')?.trim()).toBe('<p>For <em>staff</em> only: Internal.</p>');
  });

  it('are not among the pages a build writes', () => {
    const site = prepareSite(notesSite());
    expect(site.pages.map((page) => page.sourcePath)).toEqual(['index.md']);
    expect(site.unwritten.map((page) => page.sourcePath)).toEqual(['_notes/internal.md']);
  });
});
