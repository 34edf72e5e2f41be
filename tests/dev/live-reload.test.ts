import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { errorPage, injectClient, overlayErrors } from '../../src/dev/live-reload.js';

describe('injectClient', () => {
  test('adds the state and the script before the last </body>, escaping the JSON for a script element', () => {
    const html = '<html><body><p>a</p></body></html>';
    const out = injectClient(html, { build: 3, errors: [{ file: 'a.md', line: 1, column: 1, severity: 'error', rule: 'liquid', message: '</script><b>', excerpt: [] }] });
    expect(out).toBe(
      '<html><body><p>a</p><script type="application/json" id="faro-dev-state">{"build":3,"errors":[{"file":"a.md","line":1,"column":1,"severity":"error","rule":"liquid","message":"\\u003c/script>\\u003cb>","excerpt":[]}]}</script><script src="/__faro/client.js" defer></script></body></html>',
    );
  });

  test('appends to HTML without a body end tag; the error page is only the overlay', () => {
    expect(injectClient('<p>x</p>', { build: 0, errors: [] })).toMatch(/^<p>x<\/p><script type="application\/json"/);
    expect(errorPage({ build: 0, errors: [] })).toContain('<title>faro dev: errors</title>');
  });
});

describe('overlayErrors', () => {
  test('errors only, each with two lines of context around it from the author’s file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faro-overlay-'));
    try {
      writeFileSync(join(dir, 'a.md'), 'one\ntwo\nthree\nfour\nfive\nsix\n');
      const errors = overlayErrors(
        [
          { file: 'a.md', line: 4, column: 2, severity: 'error', rule: 'liquid', message: 'bad' },
          { file: 'a.md', line: 1, column: 1, severity: 'warning', rule: 'x', message: 'ignored' },
          { file: 'gone.md', line: 2, column: 1, severity: 'error', rule: 'y', message: 'm', sourceLine: 'kept' },
        ],
        dir,
      );
      expect(errors).toEqual([
        {
          file: 'a.md', line: 4, column: 2, severity: 'error', rule: 'liquid', message: 'bad',
          excerpt: [{ line: 2, text: 'two' }, { line: 3, text: 'three' }, { line: 4, text: 'four' }, { line: 5, text: 'five' }, { line: 6, text: 'six' }],
        },
        { file: 'gone.md', line: 2, column: 1, severity: 'error', rule: 'y', message: 'm', excerpt: [{ line: 2, text: 'kept' }] },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
