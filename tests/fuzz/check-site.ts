// Runs stages 1–5 on an in-memory site and reports what came out, or what was thrown.
import type { Diagnostic } from '../../src/diagnostics.js';
import { MemoryFileSystem } from '../../src/fs.js';
import { prepareSite } from '../../src/pipeline/prepare-site.js';
import { renderPages } from '../../src/pipeline/render-pages.js';
import { memoryContext } from '../support/memory-site.js';

export interface Outcome {
  pages: number;
  diagnostics: Diagnostic[];
  thrown?: unknown;
}

export function checkSite(files: Record<string, string>): Outcome {
  const context = { ...memoryContext({}), fs: new MemoryFileSystem(files) };
  try {
    const site = prepareSite(context);
    const pages = renderPages(site.pages, site.settings, context);
    return { pages: pages.length, diagnostics: context.diagnostics };
  } catch (error) {
    return { pages: 0, diagnostics: context.diagnostics, thrown: error };
  }
}
