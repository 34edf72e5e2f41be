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

/** A new Pagefind index (its backend started on first use); give it back with releaseIndex. */
export async function openIndex(dir: string): Promise<PagefindIndex> {
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

/** Frees an index from openIndex; the backend ends with the last one. */
export async function releaseIndex(index: PagefindIndex | undefined): Promise<void> {
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
