// A site built with `faro build` into a temp folder and served by faro's static server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStaticServer, type StaticServer } from '../../../src/serve/static-server.js';
import { runCli } from '../../support/run-cli.js';

export const REPO = resolve(import.meta.dirname, '../../..');

export interface ServedSite {
  dir: string;
  server: StaticServer;
  url: (path: string) => string;
  close(): Promise<void>;
}

export async function buildAndServe(args: string[] = []): Promise<ServedSite> {
  const parent = mkdtempSync(join(tmpdir(), 'faro-e2e-'));
  const dir = join(parent, '_site');
  const run = await runCli(['build', '--quiet', '--out', dir, ...args], REPO);
  if (run.code !== 0) throw new Error(`faro build failed (${run.code}):\n${run.stderr}`);
  const server = await createStaticServer({ root: dir, host: '127.0.0.1', port: 0 });
  return {
    dir,
    server,
    url: (path) => `${server.url}${path}`,
    close: async () => {
      await server.close();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
