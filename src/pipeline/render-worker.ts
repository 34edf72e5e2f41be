// A render worker: receives the site's settings once, then batches of articles, and answers
// each batch with the rendered bodies. The unified processor and the Liquid engine are built
// on the first article and reused for every other one, because the settings object (and so
// its kramdown options object) stays the same for the worker's whole life.
import { parentPort } from 'node:worker_threads';
import { deserialize } from 'node:v8';
import { getPriority, setPriority } from 'node:os';
import { keepCollectionKeys } from '../cache/dependencies.js';
import { reviveRubyValues } from '../liquid/ruby-values.js';
import { NodeFileSystem } from '../fs.js';
import type { KramdownOptions } from '../markdown/options.js';
import type { ArticleInput, RenderSettings } from '../render-article.js';
import { renderJob } from './render-job.js';
import type { WorkerReply, WorkerRequest } from './render-pool.js';

/** What the main thread sends once, serialised with v8.serialize (one copy for all workers). */
export interface WorkerSettings {
  root: string;
  site: Record<string, unknown>;
  kramdown: KramdownOptions;
  includesDir: string;
  /** collectionKeysOf the whole site (`site` may be without the collections). */
  collectionKeys: string[];
  record: boolean;
}

let settings: RenderSettings | undefined;
let record = false;

function handle(request: WorkerRequest): WorkerReply {
  if (request.type === 'settings') {
    const received = deserialize(request.payload) as WorkerSettings;
    // Ruby's whole Floats and big Integers lose their class on the way: put them back.
    reviveRubyValues(received.site);
    keepCollectionKeys(received.site, received.collectionKeys);
    settings = {
      site: received.site,
      kramdown: received.kramdown,
      fs: new NodeFileSystem(received.root),
      includesDir: received.includesDir,
    };
    record = received.record;
    return { type: 'ready' };
  }
  if (!settings) throw new Error('render worker: articles before settings');
  const current = settings;
  const results = request.jobs.map((job: { index: number; input: ArticleInput }) => {
    reviveRubyValues(job.input.page);
    return { index: job.index, output: renderJob(job.input, current, record) };
  });
  return { type: 'rendered', batch: request.batch, results };
}

/**
 * Niceness of a render thread. The workers feed the main thread's layouts and Pagefind, which
 * share the same cores: rendering ahead of them only piles up pages in memory and leaves the
 * search index to finish alone at the end. On Linux a thread's niceness is its own.
 */
const RENDER_NICENESS = 5;

if (parentPort) {
  try {
    setPriority(0, Math.min(19, Math.max(getPriority(0), RENDER_NICENESS)));
  } catch {
    // Not permitted or not supported: render at the process's priority.
  }
  const port = parentPort;
  port.on('message', (request: WorkerRequest) => {
    try {
      port.postMessage(handle(request));
    } catch (error) {
      port.postMessage({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
    }
  });
}
