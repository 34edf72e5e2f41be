// faro's static server: clean URLs as static hosts serve them, nearest 404 page, and
// nothing outside the served folder, however the path is spelled.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer, resolveRequestPath, type StaticServer } from '../../src/serve/static-server.js';

/** A raw request (no URL normalisation by the client), so `..` reaches the server as sent. */
function get(server: StaticServer, path: string, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: server.host, port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('createStaticServer', () => {
  let parent: string;
  let root: string;
  let server: StaticServer;
  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'faro-serve-'));
    root = join(parent, 'site');
    const files: Record<string, string> = {
      'index.html': 'root',
      '404.html': 'root 404',
      'co/es/a.html': 'article a',
      'co/es/index.html': 'home es',
      'co/es/404.html': 'es 404',
      'co/es/categories/x/index.html': 'category',
      'docs.html': 'docs file',
      'docs/index.html': 'docs folder',
      'assets/app.css': 'body{}',
      'café/menu.html': 'menu',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    writeFileSync(join(parent, 'secret.txt'), 'secret');
    symlinkSync(join(parent, 'secret.txt'), join(root, 'leak.txt'));
    symlinkSync(parent, join(root, 'up'));
    server = await createStaticServer({ root, host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 with an ephemeral port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves clean URLs: /a → a.html, /a/ → a/index.html, folder without slash → redirect', async () => {
    expect((await get(server, '/')).body).toBe('root');
    expect((await get(server, '/co/es/a')).body).toBe('article a');
    expect((await get(server, '/co/es/a.html')).body).toBe('article a');
    expect((await get(server, '/co/es/')).body).toBe('home es');
    expect((await get(server, '/docs')).body).toBe('docs file');
    expect((await get(server, '/docs/')).body).toBe('docs folder');
    const redirect = await get(server, '/co/es/categories/x?q=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/co/es/categories/x/?q=1');
    expect((await get(server, '/caf%C3%A9/menu')).body).toBe('menu');
  });

  it('sends content types, HEAD without a body, and 405 for other methods', async () => {
    const css = await get(server, '/assets/app.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get(server, '/co/es/a')).headers['content-type']).toBe('text/html; charset=utf-8');
    const head = await get(server, '/co/es/a', 'HEAD');
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '9']);
    expect((await get(server, '/co/es/a', 'POST')).status).toBe(405);
  });

  it('answers missing pages with the nearest 404.html and status 404', async () => {
    expect(await get(server, '/co/es/missing').then((r) => [r.status, r.body])).toEqual([404, 'es 404']);
    expect(await get(server, '/nowhere/deep/x').then((r) => [r.status, r.body])).toEqual([404, 'root 404']);
  });

  it('refuses paths that leave the root: .., encoded .., backslashes, NUL, absolute forms, symlinks out', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/co/%2E%2E/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/a%00.html', '//etc/passwd', '/%2F%2Fetc/passwd', '/leak.txt', '/up/secret.txt', '/%E0%A4%A']) {
      const response = await get(server, path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body, path).not.toContain('secret');
    }
  });

  it('resolves without a server too', () => {
    expect(resolveRequestPath(root, '/co/es/a')).toMatchObject({ kind: 'file', status: 200 });
    expect(resolveRequestPath(root, '/up/secret.txt')).toEqual({ kind: 'forbidden' });
    expect(resolveRequestPath(root, '/c:/x')).toEqual({ kind: 'forbidden' });
  });

  it('lets a handler answer first and HTML be transformed', async () => {
    const custom = await createStaticServer({
      root,
      handle: (req, res) => (req.url === '/__ping' ? (res.end('pong'), true) : false),
      transformHtml: (html) => `${html}<!--live-->`,
    });
    try {
      expect((await get(custom, '/__ping')).body).toBe('pong');
      expect((await get(custom, '/co/es/a')).body).toBe('article a<!--live-->');
      expect((await get(custom, '/assets/app.css')).body).toBe('body{}');
    } finally {
      await custom.close();
    }
  });
});
