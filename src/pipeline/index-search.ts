// Stage 8: Pagefind's real index over the written pages, in the same build.
import { createIndex, close, type PagefindIndex } from 'pagefind';
import { join } from 'node:path';
import { OutputError } from '../diagnostics.js';

export interface SearchIndexResult {
  pages: number;
  seconds: number;
}

// Pagefind's Node API runs one backend process per Node process, and its `close()` ends
// it for every index at once: two builds in one process (dev server, tests) would cut
// each other off. Indexes are leased; the backend closes when the last one is released.
let openIndexes = 0;

async function openIndex(dir: string): Promise<PagefindIndex> {
  openIndexes++;
  try {
    const { index, errors } = await createIndex({ forceLanguage: undefined });
    if (!index) throw new OutputError(`Pagefind could not start: ${errors.join('; ')}`, { file: dir });
    return index;
  } catch (error) {
    await releaseIndex(undefined);
    throw error;
  }
}

async function releaseIndex(index: PagefindIndex | undefined): Promise<void> {
  try {
    await index?.deleteIndex();
  } catch {
    // The backend may already be gone; nothing is left to free then.
  }
  openIndexes--;
  if (openIndexes === 0) await close();
}

export async function indexSearch(outDir: string): Promise<SearchIndexResult> {
  const started = performance.now();
  const index = await openIndex(outDir);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new OutputError(`Pagefind: ${added.errors.join('; ')}`, { file: outDir });
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new OutputError(`Pagefind: ${written.errors.join('; ')}`, { file: outDir });
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
  } finally {
    await releaseIndex(index);
  }
}

/**
 * Pagefind fed page by page while the rest of the build goes on: the Pagefind process
 * indexes on the other core while the main thread lays out and writes the next pages.
 * `add` does not wait; `drain` waits until at most `limit` pages are still queued (bounding
 * the memory of queued pages); `write` finishes the index into `outputPath`.
 */
export class StreamingSearchIndex {
  private pending = new Set<Promise<void>>();
  private readonly errors: string[] = [];
  private pages = 0;
  private readonly started = performance.now();

  private constructor(private readonly index: PagefindIndex) {}

  static async open(dir: string): Promise<StreamingSearchIndex> {
    return new StreamingSearchIndex(await openIndex(dir));
  }

  /** Pages handed over and not yet indexed. */
  get backlog(): number {
    return this.pending.size;
  }

  /** A page of the site at `path` (relative, posix). */
  add(path: string, content: string): void {
    const added: Promise<void> = this.index.addHTMLFile({ sourcePath: path, content }).then(
      (result) => {
        this.errors.push(...result.errors);
        if (result.file) this.pages++;
      },
      (error: unknown) => void this.errors.push(String(error)),
    );
    const tracked = added.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  async drain(limit = 0): Promise<void> {
    while (this.pending.size > limit) await Promise.race(this.pending);
  }

  async write(outputPath: string, dir: string): Promise<SearchIndexResult> {
    try {
      await this.drain();
      if (this.errors.length) throw new OutputError(`Pagefind: ${this.errors.join('; ')}`, { file: dir });
      const written = await this.index.writeFiles({ outputPath });
      if (written.errors.length) throw new OutputError(`Pagefind: ${written.errors.join('; ')}`, { file: dir });
      return { pages: this.pages, seconds: (performance.now() - this.started) / 1000 };
    } finally {
      await this.release();
    }
  }

  async discard(): Promise<void> {
    await Promise.allSettled(this.pending);
    await this.release();
  }

  private released = false;
  private async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await releaseIndex(this.index);
  }
}
