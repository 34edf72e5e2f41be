// Live reload for `faro dev`: a server-sent-events stream at /__faro/events that tells
// open pages the build number and the current errors, and the small script (injected
// into every served HTML page) that reloads on a new build or shows the error overlay.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { CLIENT_SCRIPT } from './client-script.js';

export const EVENTS_PATH = '/__faro/events';
export const CLIENT_PATH = '/__faro/client.js';

/** One error as the overlay shows it: position, message and the lines around it. */
export interface OverlayError {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
  excerpt: { line: number; text: string }[];
}

export interface DevState {
  /** Goes up with every build written; a page from an older build reloads. */
  build: number;
  errors: OverlayError[];
}

const MAX_OVERLAY_ERRORS = 20;
const HEARTBEAT_MS = 20_000;

export class LiveReloadHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;
  state: DevState = { build: 0, errors: [] };

  constructor() {
    // Comments keep idle connections open through proxies; unref'd so it never holds the process.
    this.heartbeat = setInterval(() => this.broadcast(': ping\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Answers the live-reload endpoints; false for every other request. */
  handle(request: IncomingMessage, response: ServerResponse): boolean {
    const path = (request.url ?? '/').replace(/[?#].*$/, '');
    if (path === CLIENT_PATH) {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
      response.end(request.method === 'HEAD' ? '' : CLIENT_SCRIPT);
      return true;
    }
    if (path !== EVENTS_PATH) return false;
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
    });
    response.write(`retry: 1000\n\n${stateEvent(this.state)}`);
    this.clients.add(response);
    request.on('close', () => this.clients.delete(response));
    return true;
  }

  publish(state: DevState): void {
    this.state = state;
    this.broadcast(stateEvent(state));
  }

  get connections(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private broadcast(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}

const stateEvent = (state: DevState) => `event: state\ndata: ${JSON.stringify(state)}\n\n`;

/** Adds the live-reload script and the current state to a page (before `</body>`). */
export function injectClient(html: string, state: DevState): string {
  const json = JSON.stringify(state).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const tags = `<script type="application/json" id="faro-dev-state">${json}</script><script src="${CLIENT_PATH}" defer></script>`;
  const at = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  return at === -1 ? html + tags : html.slice(0, at) + tags + html.slice(at);
}

/** The page served while the site has never built: only the overlay. */
export function errorPage(state: DevState): string {
  return injectClient('<!doctype html><html><head><meta charset="utf-8"><title>faro dev: errors</title></head><body></body></html>', state);
}

/** The errors of a build with a few lines of the author's file around each. */
export function overlayErrors(diagnostics: Diagnostic[], sourceDir: string): OverlayError[] {
  const texts = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(isAbsolute(file) ? file : resolve(sourceDir, file), 'utf8').split(/\r\n|\r|\n/));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  return diagnostics
    .filter((d) => d.severity === 'error')
    .slice(0, MAX_OVERLAY_ERRORS)
    .map((d) => {
      const lines = linesOf(d.file);
      const excerpt = lines
        ? lines.slice(Math.max(0, d.line - 3), d.line + 2).map((text, i) => ({ line: Math.max(1, d.line - 2) + i, text }))
        : d.sourceLine !== undefined
          ? [{ line: d.line, text: d.sourceLine }]
          : [];
      return { file: d.file, line: d.line, column: d.column, severity: d.severity, rule: d.rule, message: d.message, excerpt };
    });
}
