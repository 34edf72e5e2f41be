// `faro dev` as a function: build, serve the output with clean URLs (the shared static
// server, which never leaves the output folder), watch, rebuild what changed, and tell
// open pages to reload or show the errors. Builds run one at a time; changes that arrive
// meanwhile are merged into the next one.
import { existsSync, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative } from 'node:path';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { createStaticServer, resolveRequestPath } from '../serve/static-server.js';
import { DevBuilder, type ChangeKind, type DevBuildResult } from './dev-builder.js';
import { errorPage, injectClient, LiveReloadHub, overlayErrors } from './live-reload.js';
import { watchSite, type SiteChange, type SiteWatcher } from './watch-site.js';
import { whenIdle } from './idle-work.js';

/** How long the rebuild after a quick update leaves the server to answer the reload. */
const QUICK_GRACE_MS = 400;

export interface DevServerOptions {
  loadConfig: () => Promise<ResolvedConfig>;
  /** Default 127.0.0.1: the site is only reachable from this machine unless asked. */
  host?: string;
  /** Default 4000; 0 for any free port. */
  port?: number;
  /** Progress and findings, one line or block at a time. */
  log?: (text: string) => void;
  /** Re-index search after each incremental build (default true). */
  search?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface DevServer {
  url: string;
  host: string;
  port: number;
  builder: DevBuilder;
  hub: LiveReloadHub;
  /** Resolves when no build is running or queued. */
  idle(): Promise<void>;
  /** Rebuilds now as if `kinds` had changed (the watcher calls this). */
  rebuild(kinds: Iterable<ChangeKind>, paths?: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const log = options.log ?? (() => undefined);
  const config = await options.loadConfig();
  const builder = new DevBuilder(config, options.loadConfig, options.onProgress);
  const hub = new LiveReloadHub();
  let queue: Promise<void> = Promise.resolve();
  /** Changes are waiting for their rebuild to be queued. */
  let flushing = false;
  let closed = false;

  const report = (result: DevBuildResult, paths: string[]) => {
    const sourceDir = builder.config.sourceDir;
    for (const d of sortDiagnostics(result.diagnostics)) {
      if (d.severity === 'error') log(`${formatDiagnostic(relativeTo(d, sourceDir))}\n`);
    }
    // Editors and tools save through temporary files; name the files that are still there.
    const named = [...new Set(paths)].filter((p) => existsSync(p));
    const list = (named.length ? named : [...new Set(paths)]).map((p) => relative(process.cwd(), p) || p);
    const what = list.length ? `${list.slice(0, 3).join(', ')}${list.length > 3 ? ', …' : ''}: ` : '';
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    if (result.ok) {
      log(`faro dev: ${what}${result.full ? 'full build' : `${result.rendered} page${result.rendered === 1 ? '' : 's'} rendered, ${result.written} file${result.written === 1 ? '' : 's'} written`} in ${result.seconds.toFixed(2)} s${warnings ? ` (${warnings} warnings; faro check lists them)` : ''}\n`);
      hub.publish({ build: hub.state.build + 1, errors: [] });
    } else {
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      log(`faro dev: ${what}${errors.length} error${errors.length === 1 ? '' : 's'}; still serving the last good build\n`);
      hub.publish({ build: hub.state.build, errors: overlayErrors(errors, sourceDir) });
    }
  };

  const rebuild = (kinds: Iterable<ChangeKind>, paths: string[] = []): Promise<void> => {
    const set = new Set(kinds);
    queue = queue.then(async () => {
      if (closed) return;
      const result = await builder.rebuild(set);
      report(result, paths);
      if (result.ok && !result.full && options.search !== false) {
        const started = performance.now();
        await builder.refreshSearch().then(
          () => log(`faro dev: search index updated in ${((performance.now() - started) / 1000).toFixed(2)} s\n`),
          (error: unknown) => log(`faro dev: search index not updated: ${(error as Error).message}\n`),
        );
      }
    }).catch((error: unknown) => {
      log(`faro dev: build failed: ${(error as Error).stack ?? String(error)}\n`);
    });
    // A rebuild leaves a new site in memory: its first render and layout (engines, compiled
    // code) are done now rather than in the next save's quick update.
    const settled = queue;
    void settled.then(() => whenIdle(() => queue === settled && !flushing && !closed, () => builder.warmUp()));
    return queue;
  };

  await rebuild([]);
  mkdirSync(builder.config.outDir, { recursive: true });

  const outDir = builder.config.outDir;
  const server = await createStaticServer({
    root: outDir,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 4000,
    handle: (request, response) => hub.handle(request, response) || servePrefix(request, response, builder.config.baseurl) || serveErrors(request, response, outDir, hub),
    transformHtml: (html) => injectClient(html, hub.state),
  });

  // Edited article bodies are served at once, even while a build or the search index runs
  // (the quick path declines while a build is under way); the queued rebuild updates the rest.
  const serveEditedArticles = (change: SiteChange): boolean => {
    if (closed || change.kinds.size !== 1 || !change.kinds.has('content')) return false;
    const quick = builder.quickUpdate(change.paths);
    if (!quick || quick.written.length === 0) return false;
    log(`faro dev: ${quick.written.join(', ')} served in ${(quick.seconds * 1000).toFixed(0)} ms; updating listings and search\n`);
    hub.publish({ build: hub.state.build + 1, errors: [] });
    return true;
  };

  let changes: SiteChange[] = [];
  const watcher: SiteWatcher = watchSite(builder.config, (change) => {
    const served = serveEditedArticles(change);
    changes.push(change);
    if (flushing) return;
    flushing = true;
    // Changes that arrive while a build runs are merged into one rebuild after it. After a
    // quick update the rebuild waits a moment: it holds the event loop while it lays out the
    // listings, and the reloading page and its assets should be served first.
    void queue.then(async () => {
      if (served) await new Promise((resolve) => setTimeout(resolve, QUICK_GRACE_MS));
      flushing = false;
      const batch = changes;
      changes = [];
      if (batch.length === 0) return;
      return rebuild(batch.flatMap((c) => [...c.kinds]), batch.flatMap((c) => c.paths));
    });
  });

  return {
    url: server.url,
    host: server.host,
    port: server.port,
    builder,
    hub,
    idle: async () => {
      // A change may queue another build while we wait.
      let seen: Promise<void> | undefined;
      while (seen !== queue || flushing) {
        seen = queue;
        await seen;
        // A batch of changes is waiting for its rebuild to be queued.
        if (flushing) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    rebuild,
    async close() {
      closed = true;
      watcher.close();
      await queue;
      hub.close();
      await server.close();
    },
  };
}

/** With a baseurl, the site lives under it (as it will when published): `/docs/a` → `a`. */
function servePrefix(request: IncomingMessage, response: ServerResponse, baseurl: string): boolean {
  if (!baseurl) return false;
  const url = request.url ?? '/';
  if (url === baseurl || url.startsWith(`${baseurl}/`) || url.startsWith(`${baseurl}?`)) {
    request.url = url.slice(baseurl.length) || '/';
    if (!request.url.startsWith('/')) request.url = `/${request.url}`;
    return false;
  }
  if (url === '/' || url.startsWith('/?')) {
    response.writeHead(302, { Location: `${baseurl}/` });
    response.end();
    return true;
  }
  // Published, nothing exists outside the baseurl; a link that forgets it must fail here too.
  const text = `not found: this site is served under ${baseurl}/\n`;
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
  return true;
}

/** Before the first good build there is nothing to serve but the errors. */
function serveErrors(request: IncomingMessage, response: ServerResponse, outDir: string, hub: LiveReloadHub): boolean {
  if (hub.state.errors.length === 0 || hub.state.build > 0 || request.method !== 'GET') return false;
  const path = (request.url ?? '/').replace(/[?#].*$/, '');
  const found = resolveRequestPath(outDir, path);
  if (found.kind === 'file' && found.status === 200) return false;
  const html = errorPage(hub.state);
  response.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  response.end(html);
  return true;
}

function relativeTo(d: Diagnostic, sourceDir: string): Diagnostic {
  const file = d.file.startsWith('/') ? d.file : `${sourceDir}/${d.file}`;
  return { ...d, file: relative(process.cwd(), file) || d.file };
}
