// `faro dev` under load: 10,000 requests on loopback while articles are being edited.
// No request fails, and no page is ever served half-written or missing.
import { writeFileSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { writeSite } from '../support/temp-site.js';

const REQUESTS = Number(process.env.FARO_LOAD_REQUESTS ?? 10_000);
const CONCURRENCY = 16;
const article = (title: string, paragraphs: number) =>
  `---\nlayout: post\ntitle: ${title}\nlocale: [us-en]\ncategory: [wework]\n---\n\n` +
  Array.from({ length: paragraphs }, (_, i) => `## Part ${i}\n\n${'Words of the article. '.repeat(40)}\n`).join('\n');

let root: string;
let server: DevServer;

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`content/us/en/page-${i}.md`] = article(`Page ${i} v0`, 30);
  root = writeSite(files);
  server = await startDevServer({ loadConfig: () => resolveConfig({ cwd: root }), port: 0, search: false, log: () => undefined });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

function fetchPage(agent: Agent, path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    get({ host: server.host, port: server.port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      res.on('error', fail);
    }).on('error', fail);
  });
}

describe('faro dev under load', () => {
  it(`serves ${REQUESTS} requests during edits with no failure and no partial page`, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    let editing = true;
    let edits = 0;
    const editor = (async () => {
      while (editing) {
        const i = edits % 6;
        edits++;
        writeFileSync(join(root, `content/us/en/page-${i}.md`), article(`Page ${i} v${edits}`, 20 + (edits % 20)));
        await server.rebuild(['content'], [join(root, `content/us/en/page-${i}.md`)]);
        // A writer saves every few hundred milliseconds at most; builds run on the
        // server's thread, so back-to-back builds would only measure build time.
        await new Promise((r) => setTimeout(r, 150));
      }
    })();

    const failures: string[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < REQUESTS) {
        const n = sent++;
        const path = n % 5 === 0 ? '/us/en/' : `/us/en/page-${n % 6}`;
        try {
          const { status, body } = await fetchPage(agent, path);
          const complete = body.trimEnd().endsWith('</html>');
          if (status !== 200 || !complete) failures.push(`${path}: ${status} ${complete ? '' : 'partial'}`);
        } catch (error) {
          failures.push(`${path}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    editing = false;
    await editor;
    agent.destroy();

    expect(failures.slice(0, 10)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(REQUESTS);
    expect(edits).toBeGreaterThan(3);
  }, 600_000);
});
