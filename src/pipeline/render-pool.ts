// A pool of worker threads that render articles (render-worker.ts). Started early (its
// workers load their modules while the main thread reads the site), configured once with
// the site's settings, then fed batches; each worker keeps two batches in hand so it never
// waits for the main thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArticleInput } from '../render-article.js';
import { packRubyDates } from '../liquid/ruby-values.js';
import type { RenderJobOutput } from './render-job.js';

export type WorkerRequest =
  | { type: 'settings'; payload: Uint8Array }
  | { type: 'render'; batch: number; jobs: { index: number; input: ArticleInput }[] };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'rendered'; batch: number; results: { index: number; output: RenderJobOutput }[] }
  | { type: 'failed'; message: string };

export interface RenderTask {
  index: number;
  input: ArticleInput;
}

/** Below this many articles to render, starting workers costs more than it saves. */
export const MIN_PARALLEL_ARTICLES = 64;
const BATCH_SIZE = 8;
const IN_FLIGHT = 3;

export function defaultWorkerCount(): number {
  return availableParallelism();
}

/**
 * The compiled worker script. Under a TypeScript runner (tests) this module is a `.ts` source
 * and the worker cannot be one: the compiled `dist/` worker is used when present.
 */
export function workerScript(): URL | undefined {
  for (const candidate of ['./render-worker.js', '../../dist/pipeline/render-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

export class RenderPool {
  private configured = false;

  private constructor(private readonly workers: Worker[]) {}

  /** `size` workers, or undefined when there is no compiled worker script to run. */
  static start(size: number): RenderPool | undefined {
    const script = workerScript();
    if (!script || size < 1) return undefined;
    // A worker's live data is small (modules, the site's settings, one article); the cap keeps
    // V8 from growing its heap far past that. A worker that still runs out fails, and the
    // articles it had left render on the main thread.
    const workers = Array.from({ length: size }, () => new Worker(script, { stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: 256 } }));
    // An idle pool must not keep the process alive (it is closed after every build anyway).
    for (const worker of workers) worker.unref();
    return new RenderPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends the site settings (v8-serialised once by the caller) to every worker. */
  configure(payload: Uint8Array): void {
    for (const worker of this.workers) worker.postMessage({ type: 'settings', payload } satisfies WorkerRequest);
    this.configured = true;
  }

  /**
   * Renders every task; `onResult` is called as results arrive (in no particular order).
   * Rejects when a worker fails; the tasks not reported by then are the caller's to redo.
   */
  run(tasks: RenderTask[], onResult: (index: number, output: RenderJobOutput) => void): Promise<void> {
    if (!this.configured) return Promise.reject(new Error('render pool used before configure()'));
    if (tasks.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let next = 0;
      let batchId = 0;
      let pending = tasks.length;
      let settled = false;
      const cleanups: (() => void)[] = [];
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        for (const cleanup of cleanups) cleanup();
        if (error) reject(error);
        else resolve();
      };
      const feed = (worker: Worker) => {
        if (next >= tasks.length) return;
        const jobs = tasks.slice(next, next + BATCH_SIZE).map((job) => ({ ...job, input: { ...job.input, page: packRubyDates(job.input.page) as typeof job.input.page } }));
        next += jobs.length;
        worker.postMessage({ type: 'render', batch: batchId++, jobs } satisfies WorkerRequest);
      };
      for (const worker of this.workers) {
        const onMessage = (reply: WorkerReply) => {
          if (settled) return;
          if (reply.type === 'failed') return finish(new Error(`render worker failed: ${reply.message}`));
          if (reply.type !== 'rendered') return;
          for (const { index, output } of reply.results) onResult(index, output);
          pending -= reply.results.length;
          if (pending === 0) return finish();
          feed(worker);
        };
        const onError = (error: Error) => finish(error);
        const onExit = (code: number) => finish(new Error(`render worker exited with code ${code}`));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.ref();
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          worker.unref();
        });
        for (let i = 0; i < IN_FLIGHT; i++) feed(worker);
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
