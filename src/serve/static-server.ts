// A small static file server for a built site (tests, screenshots, `faro dev`). Clean URLs
// as static hosts serve them: `/a/b` → `a/b.html`, `/a/b/` → `a/b/index.html`, `/a/b` with
// only `a/b/index.html` → redirect to `/a/b/`. Nothing outside the root is ever served.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { containedPath } from '../fs.js';

export interface StaticServerOptions {
  /** The folder served. */
  root: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /**
   * Runs before file lookup; return true when it answered the request itself
   * (e.g. a live-reload endpoint).
   */
  handle?: (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;
  /** Rewrites HTML before it is sent (e.g. to inject a live-reload script). */
  transformHtml?: (html: string, file: string) => string;
}

export interface StaticServer {
  /** `http://host:port` without a trailing slash. */
  url: string;
  host: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export type Resolution =
  | { kind: 'file'; file: string; status: 200 | 404 }
  | { kind: 'redirect'; location: string }
  | { kind: 'forbidden' }
  | { kind: 'not-found' };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // Pagefind's index chunks.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Where a request path leads inside `root`. Percent-encoding is decoded once; `..`, NUL,
 * backslashes, absolute forms and symlinks that leave the root are refused.
 */
export function resolveRequestPath(root: string, requestPath: string): Resolution {
  const realRoot = realpathSync(resolve(root));
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return { kind: 'forbidden' };
  }
  if (!decoded.startsWith('/') || decoded.startsWith('//')) return { kind: 'forbidden' };
  const relative = containedPath(decoded.slice(1));
  if (relative === undefined) return { kind: 'forbidden' };
  const inside = (rel: string): string | undefined | null => fileInside(realRoot, rel);

  const candidates = decoded.endsWith('/')
    ? [join(relative, 'index.html')]
    : [relative, `${relative}.html`];
  for (const candidate of candidates) {
    const found = inside(candidate);
    if (found === null) return { kind: 'forbidden' };
    if (found) return { kind: 'file', file: found, status: 200 };
  }
  if (!decoded.endsWith('/') && relative !== '' && inside(join(relative, 'index.html'))) {
    return { kind: 'redirect', location: `${requestPath}/` };
  }
  // The nearest 404.html up the tree, so each locale shows its own.
  const parts = relative.split('/').filter(Boolean);
  for (let depth = parts.length; depth >= 0; depth--) {
    const page = inside([...parts.slice(0, depth), '404.html'].join('/'));
    if (page) return { kind: 'file', file: page, status: 404 };
  }
  return { kind: 'not-found' };
}

/** The real path of a regular file under `realRoot`, undefined when absent, null when it escapes. */
function fileInside(realRoot: string, relative: string): string | undefined | null {
  let real: string;
  try {
    real = realpathSync(join(realRoot, relative));
  } catch {
    return undefined;
  }
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
  try {
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export function createStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const server = createServer((request, response) => {
    void answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `internal error: ${(error as Error).message}\n`);
      else response.destroy();
    });
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (options.handle && (await options.handle(request, response))) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    }
    const raw = request.url ?? '/';
    const queryAt = raw.search(/[?#]/);
    const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
    const query = queryAt === -1 ? '' : raw.slice(queryAt).replace(/#.*$/, '');
    const found = resolveRequestPath(root, path);
    if (found.kind === 'forbidden') return send(response, 403, 'text/plain; charset=utf-8', 'forbidden\n');
    if (found.kind === 'not-found') return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
    if (found.kind === 'redirect') {
      response.setHeader('Location', found.location + query);
      return send(response, 301, 'text/plain; charset=utf-8', `moved to ${found.location}\n`);
    }
    const type = contentTypeOf(found.file);
    response.setHeader('Cache-Control', 'no-cache');
    if (options.transformHtml && type.startsWith('text/html')) {
      const html = options.transformHtml(await readFile(found.file, 'utf8'), found.file);
      return send(response, found.status, type, request.method === 'HEAD' ? '' : html, Buffer.byteLength(html));
    }
    response.writeHead(found.status, { 'Content-Type': type, 'Content-Length': statSync(found.file).size });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(found.file).on('error', () => response.destroy()).pipe(response);
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolvePromise({
        url: `http://${host}:${address.port}`,
        host: address.address,
        port: address.port,
        server,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

function send(response: ServerResponse, status: number, type: string, body: string, length = Buffer.byteLength(body)): void {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': length });
  response.end(body);
}
