// Writing a generated site into its output folder with the least work that gives the same
// bytes: unchanged files are hard links into the previous output, the Pagefind index is
// reused when no indexed page changed, and a build whose inputs did not change at all and
// whose output is intact writes nothing. The swap stays atomic: a failed build leaves the
// previous output as it was.
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildFilters, ResolvedConfig } from '../config/resolved-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { NodeFileSystem } from '../fs.js';
import { StreamingSearchIndex } from '../pipeline/index-search.js';
import type { OutputFile, StaticFile } from '../pipeline/types.js';
import { createStagingDir, discardStaging, SeededWriter, swapIn } from '../pipeline/write-output.js';
import { faroFingerprint, hashOf } from './fingerprint.js';
import { inputFingerprint, loadManifest, outputIntact, saveManifest, type OutputManifest } from './output-manifest.js';

export interface OutputState {
  outDir: string;
  /** Cache folder, when there is one. */
  cacheDir?: string;
  previous?: OutputManifest;
  /** Fingerprint of the inputs, taken before the build read them. */
  inputs: string;
  /** Files in the source folder (counted with the fingerprint; undefined without a cache). */
  sourceFiles?: number;
}

/** What the last build of this output said, replayed when nothing changed. */
export interface BuildSummary {
  pages: number;
  locales: number;
  warnings: Diagnostic[];
}

type ManifestWithSummary = OutputManifest & { summary?: BuildSummary };

export function outputState(config: ResolvedConfig, filters: BuildFilters, cacheDir: string | undefined): OutputState {
  const outDir = config.outDir;
  if (!cacheDir) return { outDir, inputs: '' };
  const inputs = inputFingerprint({ config, filters, ignore: [outDir, cacheDir] });
  return { outDir, cacheDir, previous: loadManifest(cacheDir, outDir), inputs: inputs.hash, sourceFiles: inputs.sourceFiles };
}

/** The previous build's summary when its inputs are the current ones and its output is intact. */
export function unchangedBuild(state: OutputState): BuildSummary | undefined {
  const previous = state.previous as ManifestWithSummary | undefined;
  if (!previous?.summary || !state.inputs || previous.inputs !== state.inputs) return undefined;
  return outputIntact(state.outDir, previous) ? previous.summary : undefined;
}

export interface SiteFiles {
  files: OutputFile[];
  staticFiles: StaticFile[];
  /** Folders copied whole: [absolute source folder, output prefix]. */
  folders: [string, string][];
}

export interface WriteReport {
  written: number;
  linked: number;
  /** Time the build waited for Pagefind. */
  searchSeconds: number;
  /** Time Pagefind was at work (mostly alongside the layouts). */
  searchActiveSeconds: number;
  searchReused: boolean;
}

/**
 * One build's writing: a staging folder seeded from the previous output. Generated files can
 * be handed over as they are laid out (so they need not all be held in memory); `finish`
 * adds the copied files, indexes (or reuses the index), swaps the folder in and records the
 * manifest. `abort` leaves the previous output as it was.
 */
/** Pages handed to Pagefind and not yet indexed, at most (bounds the memory they hold). */
const SEARCH_BACKLOG = 400;

export class OutputSession {
  private readonly staging: string;
  private readonly writer: SeededWriter;
  private readonly generated = new Set<string>();
  /** HTML pages in the order they were handed over (the order Pagefind gets them in). */
  private readonly html = new Set<string>();
  /** Pages not yet given to Pagefind (no content: read back from the staging folder). */
  private queued: { path: string; content?: string }[] = [];
  /** A page differs from the previous build's: the search index must be rebuilt. */
  private diverged: boolean;
  private index?: StreamingSearchIndex;
  private searchWait = 0;
  private searchActive = 0;

  constructor(private readonly state: OutputState) {
    this.staging = createStagingDir(state.outDir);
    const previous = state.previous ? { dir: state.outDir, manifest: state.previous } : undefined;
    this.writer = new SeededWriter(this.staging, previous);
    this.diverged = previous === undefined;
  }

  file(path: string, content: string | Uint8Array): void {
    this.writer.file(path, content);
    this.generated.add(path);
    this.noteHtml(path, typeof content === 'string' ? content : undefined);
  }

  /**
   * Hands the pages written since the last call to Pagefind (once the index has to be
   * rebuilt), then waits until at most `limit` of them are still being indexed.
   */
  async flush(limit = SEARCH_BACKLOG): Promise<void> {
    if (!this.diverged) return;
    const started = performance.now();
    const index = (this.index ??= await StreamingSearchIndex.open(this.staging));
    const queued = this.queued;
    this.queued = [];
    // Never more than SEARCH_BACKLOG pages on their way to Pagefind: each holds its text.
    for (const { path, content } of queued) {
      if (index.backlog >= SEARCH_BACKLOG) await index.drain(SEARCH_BACKLOG / 2);
      index.add(path, content ?? readFileSync(join(this.staging, path), 'utf8'));
    }
    await index.drain(limit);
    this.searchWait += performance.now() - started;
  }

  private noteHtml(path: string, content: string | undefined): void {
    if (!path.endsWith('.html') || path.startsWith('pagefind/') || this.html.has(path)) return;
    this.html.add(path);
    if (!this.diverged) {
      const before = this.state.previous!.files[path];
      if (before && before[2] === this.writer.records[path]?.[2]) return;
      // The first changed page: every page so far goes to Pagefind too.
      this.diverged = true;
      this.queued = [...this.html].slice(0, -1).map((page) => ({ path: page }));
    }
    this.queued.push({ path, content });
  }

  /** Copies static files and folders (a generated file of the same path wins), indexes, swaps in. */
  async finish(copies: Omit<SiteFiles, 'files'>, summary: BuildSummary, volatile: boolean): Promise<WriteReport> {
    const { writer, state } = this;
    try {
      const realRoots = new Map<string, string>();
      for (const file of copies.staticFiles) {
        if (this.generated.has(file.outputPath)) continue;
        // Copied by path (no read into memory) from where the file really is inside the root.
        const real = file.fs instanceof NodeFileSystem ? file.fs.realPath(file.sourcePath) : undefined;
        if (real !== undefined) {
          if (!realRoots.has(file.fs.root)) realRoots.set(file.fs.root, realpathSync(file.fs.root));
          writer.copy(file.outputPath, join(realRoots.get(file.fs.root)!, real));
        } else {
          const bytes = file.fs.readBytes(file.sourcePath);
          if (bytes) writer.file(file.outputPath, bytes);
        }
        if (writer.records[file.outputPath]) this.noteHtml(file.outputPath, undefined);
      }
      for (const [from, prefix] of copies.folders) {
        for (const path of writer.copyFolder(from, prefix, this.generated)) this.noteHtml(path, undefined);
      }

      const search = searchKey(writer.records);
      const previousPages = Object.keys(state.previous?.files ?? {}).filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'));
      const samePages = !this.diverged && previousPages.length === this.html.size;
      const searchReused = samePages && state.previous?.search === search && writer.reuseFolder('pagefind');
      if (!searchReused) {
        if (!this.diverged) {
          // Pages were removed, or the previous index is damaged: index every page now.
          this.diverged = true;
          this.queued = [...this.html].map((path) => ({ path }));
        }
        await this.flush(0);
        const waited = performance.now();
        const written = await this.index!.write(join(this.staging, 'pagefind'), this.staging);
        this.searchWait += performance.now() - waited;
        this.searchActive = written.seconds;
        writer.recordFolder('pagefind', 'pagefind');
      }
      const searchSeconds = this.searchWait / 1000;
      swapIn(this.staging, state.outDir);
      if (state.cacheDir) {
        const manifest: ManifestWithSummary = { version: 1, outDir: state.outDir, inputs: volatile ? '' : state.inputs, search, files: writer.records, summary };
        saveManifest(state.cacheDir, manifest);
      }
      return { written: writer.written, linked: writer.linked, searchSeconds, searchActiveSeconds: this.searchActive, searchReused };
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  abort(): void {
    void this.index?.discard();
    discardStaging(this.staging);
  }
}

/** Writes a whole generated site through an OutputSession. */
export async function writeOutput(site: SiteFiles, state: OutputState, summary: BuildSummary, volatile: boolean): Promise<WriteReport> {
  const session = new OutputSession(state);
  try {
    for (const file of site.files) session.file(file.path, file.content);
  } catch (error) {
    session.abort();
    throw error;
  }
  return session.finish(site, summary, volatile);
}

/** The pages Pagefind reads (every HTML file) and the Pagefind in use. */
function searchKey(records: SeededWriter['records']): string {
  const pages = Object.keys(records)
    .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'))
    .sort()
    .map((path) => `${path}\0${records[path]![2]}`);
  return hashOf(faroFingerprint(), ...pages);
}
