// Keeps the main thread's heap near its live size. With plenty of memory V8 lets the heap
// grow to several times the live data before a full collection; the layout stage makes
// garbage fast (every page's HTML), so a 10,000-article build sat at over 1 GB where 400 MB
// were live. A full collection whenever the process has grown by GROWTH_MB since the last one
// bounds that, at the cost of a few collections per build.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const GROWTH_MB = 160;

let collect: (() => void) | undefined | null;
let settledRss = 0;

function collector(): (() => void) | undefined {
  if (collect === undefined) {
    try {
      // `gc` is only exposed with --expose-gc; the flag can be set at run time for new contexts.
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as unknown;
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  return collect ?? undefined;
}

/** Collects garbage when the process grew by GROWTH_MB since the last collection here. */
export function collectGarbageIfGrown(): void {
  const rss = process.memoryUsage.rss();
  if (rss < settledRss + GROWTH_MB * 2 ** 20) return;
  const gc = collector();
  if (!gc) return;
  gc();
  settledRss = process.memoryUsage.rss();
}
