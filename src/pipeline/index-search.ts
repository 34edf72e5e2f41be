// Stage 8: Pagefind's real index over the written pages, in the same build.
import { createIndex, close } from 'pagefind';
import { join } from 'node:path';
import { OutputError } from '../diagnostics.js';

export interface SearchIndexResult {
  pages: number;
  seconds: number;
}

export async function indexSearch(outDir: string): Promise<SearchIndexResult> {
  const started = performance.now();
  const { index, errors } = await createIndex({ forceLanguage: undefined });
  if (!index) throw new OutputError(`Pagefind could not start: ${errors.join('; ')}`, { file: outDir });
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new OutputError(`Pagefind: ${added.errors.join('; ')}`, { file: outDir });
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new OutputError(`Pagefind: ${written.errors.join('; ')}`, { file: outDir });
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
  } finally {
    await close();
  }
}
