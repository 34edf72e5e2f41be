// A site built with `faro build` into a temp folder and served by faro's static server.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createStaticServer, type StaticServer } from '../../../src/serve/static-server.js';
import { runCli } from '../../support/run-cli.js';

export const REPO = resolve(import.meta.dirname, '../../..');

export interface ServedSite {
  dir: string;
  server: StaticServer;
  url: (path: string) => string;
  close(): Promise<void>;
}

const newest = (dir: string, suffix: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(latest, newest(path, suffix));
    return entry.name.endsWith(suffix) ? Math.max(latest, statSync(path).mtimeMs) : latest;
  }, 0);

/** True when dist/ was compiled after the last change to src/ (as `npm test` does). */
function compiledIsCurrent(): boolean {
  const dist = join(REPO, 'dist');
  return existsSync(join(dist, 'cli.js')) && newest(join(REPO, 'src'), '.ts') <= newest(dist, '.js');
}

/**
 * Builds with the compiled CLI when it is current (several times faster than the
 * TypeScript sources run through the test runner), else in-process from the sources.
 */
export async function buildSite(dir: string, args: string[] = []): Promise<void> {
  const argv = ['build', '--quiet', '--out', dir, ...args];
  if (compiledIsCurrent()) {
    try {
      await promisify(execFile)(process.execPath, [join(REPO, 'bin/faro.js'), ...argv], { cwd: REPO, maxBuffer: 64 * 1024 * 1024 });
      return;
    } catch (error) {
      const failure = error as { code?: number; stderr?: string };
      throw new Error(`faro build failed (${failure.code}):\n${failure.stderr ?? String(error)}`);
    }
  }
  const run = await runCli(argv, REPO);
  if (run.code !== 0) throw new Error(`faro build failed (${run.code}):\n${run.stderr}`);
}

export async function buildAndServe(args: string[] = []): Promise<ServedSite> {
  const parent = mkdtempSync(join(tmpdir(), 'faro-e2e-'));
  const dir = join(parent, '_site');
  await buildSite(dir, args);
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
