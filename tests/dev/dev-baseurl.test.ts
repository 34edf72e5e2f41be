// `faro dev` on plain Jekyll folders: a site under a baseurl, and a site whose first build fails.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';

const roots: string[] = [];
const servers: DevServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function serve(files: Record<string, string>): Promise<DevServer> {
  const root = mkdtempSync(join(tmpdir(), 'faro-dev-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const server = await startDevServer({ loadConfig: () => resolveConfig({ cwd: root, sourceDir: '.' }), port: 0, search: false });
  servers.push(server);
  return server;
}

function fetchRaw(server: DevServer, path: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((done, fail) => {
    request({ host: server.host, port: server.port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => done({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    }).on('error', fail).end();
  });
}

const article = (title: string, body: string) => `---\nlayout: post\ntitle: ${title}\nlocale: [us-en]\ncategory: [help]\n---\n${body}`;

describe('faro dev on a Jekyll folder', () => {
  test('with a baseurl the site is served under it, as it will be published', async () => {
    const server = await serve({
      '_config.yml': 'title: Docs\nbaseurl: /docs\npermalink: /:categories/:title\n',
      'en/a.md': article('A', 'Alpha.\n'),
    });
    expect(await fetchRaw(server, '/')).toMatchObject({ status: 302, location: '/docs/' });
    const page = await fetchRaw(server, '/docs/en/a');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Alpha.');
    expect(page.body).toContain('href="/docs/assets/faro/faro.css"');
    expect((await fetchRaw(server, '/en/a')).status).toBe(404);
  });

  test('when the first build fails, pages show the errors until it is fixed', async () => {
    const server = await serve({
      '_config.yml': 'title: Docs\npermalink: /:categories/:title\n',
      'en/a.md': article('A', 'One.\n{% for %}\n'),
    });
    const page = await fetchRaw(server, '/en/a');
    expect(page.status).toBe(500);
    expect(page.body).toContain('<title>faro dev: errors</title>');
    expect(page.body).toMatch(/"file":"en\/a\.md","line":8,"column":\d+,"severity":"error","rule":"liquid"/);
  });
});
