// `faro dev` against a real HTTP server on 127.0.0.1 (random port) over a temp site.
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { get, request } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { writeSite } from '../support/temp-site.js';

const article = (title: string, body: string) =>
  `---\nlayout: post\ntitle: ${title}\ndate: 2020-01-01 10:00:00\nlocale: [co-es]\ncategory: [wework]\n---\n${body}`;

let root: string;
let server: DevServer;
const logs: string[] = [];

beforeAll(async () => {
  root = writeSite({
    'content/co/es/buzon.md': article('Buzón de voz', 'Texto original del buzón.\n'),
    'content/co/es/otra.md': article('Otra', 'Ve a {{ site.office_link.co }}/voicemail.\n'),
    'content/us/en/voicemail.md': article('Voicemail', 'Original text.\n').replace('[co-es]', '[us-en]'),
  });
  // The site's own copy of faro's layouts, to edit one.
  cpSync(resolve(import.meta.dirname, '../../layouts'), join(root, 'layouts'), { recursive: true });
  server = await startDevServer({
    loadConfig: () => resolveConfig({ cwd: root }),
    port: 0,
    search: false,
    log: (text) => void logs.push(text),
  });
  // Let the recursive watcher finish registering the folders.
  await new Promise((done) => setTimeout(done, 300));
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

interface Response {
  status: number;
  body: string;
  type: string;
}

/** A GET with the path sent exactly as given (no normalisation of `..` or escapes). */
function rawGet(path: string): Promise<Response> {
  return new Promise((done, fail) => {
    const req = request({ host: server.host, port: server.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => done({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }));
    });
    req.on('error', fail).end();
  });
}

/** Polls `path` until `predicate` holds; the edit must be served within the deadline. */
async function servedWithin(path: string, predicate: (body: string) => boolean, deadlineMs = 2000): Promise<string> {
  const until = Date.now() + deadlineMs;
  let last = '';
  while (Date.now() < until) {
    last = (await rawGet(path)).body;
    if (predicate(last)) return last;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`not served within ${deadlineMs} ms; last body:\n${last.slice(0, 400)}`);
}

/** Reads server-sent events until one satisfies `predicate`. */
function nextEvent(predicate: (data: { build: number; errors: { file: string; line: number; column: number; message: string; excerpt: unknown[] }[] }) => boolean, ms = 4000) {
  return new Promise<{ build: number; errors: { file: string; line: number; column: number; message: string; excerpt: unknown[] }[] }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('no matching event')), ms);
    const req = get({ host: server.host, port: server.port, path: '/__faro/events' }, (res) => {
      let buffer = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        for (const match of buffer.matchAll(/event: state\ndata: (.*)\n\n/g)) {
          const data = JSON.parse(match[1]!);
          if (predicate(data)) {
            clearTimeout(timer);
            req.destroy();
            done(data);
            return;
          }
        }
      });
    });
    req.on('error', () => undefined);
  });
}

const edit = (path: string, text: string) => writeFileSync(join(root, 'content', path), text);
/** Saves as many editors do: a temporary file renamed over the original. */
const atomicEdit = (path: string, text: string) => {
  const temp = join(root, 'content', `${path}.tmp-save`);
  writeFileSync(temp, text);
  renameSync(temp, join(root, 'content', path));
};

describe('faro dev', () => {
  test('serves clean URLs with the live-reload script and the SSE stream', async () => {
    const page = await rawGet('/co/es/buzon');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Texto original del buzón.');
    expect(page.body).toMatch(/<script type="application\/json" id="faro-dev-state">\{"build":1,"errors":\[\]\}<\/script><script src="\/__faro\/client\.js" defer><\/script><\/body>/);
    const client = await rawGet('/__faro/client.js');
    expect(client.type).toContain('text/javascript');
    expect(client.body).toContain("new EventSource('/__faro/events')");
    const first = await nextEvent(() => true);
    expect(first).toEqual({ build: 1, errors: [] });
    expect(server.host).toBe('127.0.0.1');
  });

  test('an article edit is served within 2 s, re-rendering only that article, and open pages are told to reload', async () => {
    const reload = nextEvent((state) => state.build === 2);
    logs.length = 0;
    edit('co/es/buzon.md', article('Buzón de voz', 'Texto editado del buzón.\n'));
    const body = await servedWithin('/co/es/buzon', (b) => b.includes('Texto editado del buzón.'));
    expect(body).not.toContain('Texto original');
    expect(await reload).toEqual({ build: 2, errors: [] });
    await server.idle();
    expect(logs.join('')).toMatch(/1 page rendered/);
  });

  test('an edited body is served by the quick path before the rebuild, which then updates its listings', async () => {
    await server.idle();
    logs.length = 0;
    edit('co/es/buzon.md', article('Buzón de voz', 'Resumen nuevo del buzón para la lista.\n'));
    await servedWithin('/co/es/buzon', (b) => b.includes('Resumen nuevo del buzón para la lista.'));
    await server.idle();
    const log = logs.join('');
    expect(log).toMatch(/co\/es\/buzon\.html served in \d+ ms; updating listings and search/);
    // The quick path came first; the rebuild after it rendered nothing more than that article.
    expect(log.indexOf('served in')).toBeLessThan(log.indexOf('1 page rendered'));
    const listing = await rawGet('/co/es/categories/wework/');
    expect(listing.body).toContain('Resumen nuevo del buzón para la lista.');
  });

  test('an edit to the front matter goes through the rebuild only', async () => {
    await server.idle();
    logs.length = 0;
    edit('co/es/buzon.md', article('Buzón de voz renombrado', 'Resumen nuevo del buzón para la lista.\n'));
    await servedWithin('/co/es/categories/wework/', (b) => b.includes('Buzón de voz renombrado'));
    await server.idle();
    expect(logs.join('')).not.toContain('served in');
    edit('co/es/buzon.md', article('Buzón de voz', 'Texto editado del buzón.\n'));
    await servedWithin('/co/es/categories/wework/', (b) => b.includes('>Buzón de voz<'));
    await server.idle();
  });

  test('a broken edit shows the error overlay and keeps serving the last good page; fixing it reloads', async () => {
    const failing = nextEvent((state) => state.errors.length > 0);
    atomicEdit('co/es/buzon.md', article('Buzón de voz', 'Línea uno.\n\n{% if %}roto{% endif %}\n'));
    const state = await failing;
    expect(state.errors[0]).toMatchObject({ file: 'co/es/buzon.md', line: 10, column: expect.any(Number) });
    expect(state.errors[0]!.excerpt).toContainEqual({ line: 10, text: '{% if %}roto{% endif %}' });
    const page = await rawGet('/co/es/buzon');
    expect(page.body).toContain('Texto editado del buzón.');
    expect(page.body).toContain('"file":"co/es/buzon.md","line":10');
    expect(logs.join('')).toContain('still serving the last good build');

    const fixed = nextEvent((s) => s.errors.length === 0 && s.build === state.build + 1);
    edit('co/es/buzon.md', article('Buzón de voz', 'Texto arreglado.\n'));
    await fixed;
    await servedWithin('/co/es/buzon', (b) => b.includes('Texto arreglado.'));
  });

  test('a new article in a new folder is served, and listed on its category page', async () => {
    mkdirSync(join(root, 'content/co/es/guias'), { recursive: true });
    await new Promise((done) => setTimeout(done, 100));
    edit('co/es/guias/nueva.md', article('Guía nueva', 'Contenido nuevo.\n'));
    await servedWithin('/co/es/guias/nueva', (b) => b.includes('Contenido nuevo.'));
    await servedWithin('/co/es/categories/wework/', (b) => b.includes('Guía nueva'));
  });

  test('a layout change rebuilds the whole site', async () => {
    const layout = join(root, 'layouts/post.njk');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('</article>', '<p id="layout-marker">marker</p></article>'));
    await servedWithin('/us/en/voicemail', (b) => b.includes('layout-marker'));
    await servedWithin('/co/es/otra', (b) => b.includes('layout-marker'));
  });

  test('a config change rebuilds with the new values', async () => {
    const config = join(root, 'site.config.ts');
    writeFileSync(config, readFileSync(config, 'utf8').replace('https://co.example', 'https://nuevo.example'));
    await servedWithin('/co/es/otra', (b) => b.includes('https://nuevo.example/voicemail'), 4000);
  });

  test('never serves a file outside the output: raw, encoded and absolute traversal, symlinks out', async () => {
    symlinkSync('/etc/passwd', join(root, '_site', 'escape.txt'));
    for (const path of [
      '/../../etc/passwd',
      '/co/../../../etc/passwd',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%5c..%5cetc%5cpasswd',
      '//etc/passwd',
      '/escape.txt',
    ]) {
      const response = await rawGet(path);
      expect([400, 403, 404], path).toContain(response.status);
      expect(response.body, path).not.toMatch(/root:.*:0:0:/);
    }
  });
});
