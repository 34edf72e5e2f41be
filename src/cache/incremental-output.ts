// Writing a generated site into its output folder with the least work that gives the same
// bytes: unchanged files are hard links into the previous output, the Pagefind index is
// reused when no indexed page changed, and a build whose inputs did not change at all and
// whose output is intact writes nothing. The swap stays atomic: a failed build leaves the
// previous output as it was.
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildFilters, ResolvedConfig } from '../config/resolved-config.js';
import { sortDiagnostics, WARNINGS_SHOWN, type Diagnostic } from '../diagnostics.js';
import { NodeFileSystem } from '../fs.js';
import type { OutputFile, StaticFile } from '../pipeline/types.js';
import { createStagingDir, discardStaging, SeededWriter, swapIn } from '../pipeline/write-output.js';
import { loadManifest, loadWarnings, MANIFEST_VERSION, outputIntact, saveManifest, saveWarnings, type OutputManifest } from './output-manifest.js';
import { inputFingerprint, type InputSignatures } from './input-fingerprint.js';
import type { OutputListing } from './output-scan.js';
import { SearchIndexer } from './search-indexer.js';

export interface OutputState {
  outDir: string;
  /** Cache folder, when there is one. */
  cacheDir?: string;
  previous?: OutputManifest;
  /** Fingerprint of the inputs, taken before the build read them. */
  inputs: string;
  /** Files in the source folder (counted with the fingerprint; undefined without a cache). */
  sourceFiles?: number;
  /** The input files as the fingerprint read them (kept in the manifest for the next build). */
  signatures?: InputSignatures;
}

/** What the last build of this output said, replayed when nothing changed. */
export interface BuildSummary {
  pages: number;
  locales: number;
  warnings: Diagnostic[];
}

/** The summary as the manifest keeps it: the warnings a build prints by default, and their count. */
interface StoredSummary {
  pages: number;
  locales: number;
  warningCount: number;
  /** The first WARNINGS_SHOWN warnings in printing order (all of them: saveWarnings). */
  firstWarnings: Diagnostic[];
}

/** An unchanged build's summary: all its warnings when asked for, else the first WARNINGS_SHOWN. */
export interface ReplayedSummary {
  pages: number;
  locales: number;
  warnings: Diagnostic[];
  warningCount: number;
}

type ManifestWithSummary = OutputManifest & { summary?: StoredSummary };

export function outputState(config: ResolvedConfig, filters: BuildFilters, cacheDir: string | undefined): OutputState {
  const outDir = config.outDir;
  if (!cacheDir) return { outDir, inputs: '' };
  const previous = loadManifest(cacheDir, outDir);
  const inputs = inputFingerprint({ config, filters, ignore: [outDir, cacheDir], known: previous?.sources });
  return { outDir, cacheDir, previous, inputs: inputs.hash, sourceFiles: inputs.sourceFiles, signatures: inputs.signatures };
}

/** The previous build's summary when its inputs are the current ones and its output is intact. */
export async function unchangedBuild(state: OutputState, output: Promise<OutputListing | undefined>, allWarnings = false): Promise<ReplayedSummary | undefined> {
  const previous = state.previous as ManifestWithSummary | undefined;
  const summary = previous?.summary;
  if (!summary || !Array.isArray(summary.firstWarnings) || !state.inputs || previous.inputs !== state.inputs) return undefined;
  if (!outputIntact(await output, previous)) return undefined;
  const warnings = allWarnings ? loadWarnings(state.cacheDir!, state.outDir, state.inputs) : summary.firstWarnings;
  // Without the list it was asked for, the build is done again rather than misreported.
  if (warnings?.length !== (allWarnings ? summary.warningCount : Math.min(summary.warningCount, WARNINGS_SHOWN))) return undefined;
  return { pages: summary.pages, locales: summary.locales, warnings, warningCount: summary.warningCount };
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
  /** Languages of the search index built in this build, and those kept from the last one. */
  searchLanguages: { indexed: number; kept: number };
}

/**
 * One build's writing: a staging folder seeded from the previous output. Generated files can
 * be handed over as they are laid out (so they need not all be held in memory); `finish`
 * adds the copied files, indexes (or reuses the index), swaps the folder in and records the
 * manifest. `abort` leaves the previous output as it was.
 */
export class OutputSession {
  private readonly staging: string;
  private readonly writer: SeededWriter;
  /** Paths of generated files (a static file of the same path is not copied over them). */
  private readonly generated = new Set<string>();
  /** HTML pages seen (each goes to the search indexer once). */
  private readonly html = new Set<string>();
  private readonly search: SearchIndexer;
  private searchWait = 0;

  constructor(private readonly state: OutputState) {
    this.staging = createStagingDir(state.outDir);
    const previous = state.previous ? { dir: state.outDir, manifest: state.previous } : undefined;
    this.writer = new SeededWriter(this.staging, previous);
    this.search = new SearchIndexer(this.staging, this.writer, state.previous);
  }

  file(path: string, content: string | Uint8Array, layoutKey?: string): void {
    this.writer.file(path, content, layoutKey);
    this.generated.add(path);
    this.noteHtml(path, typeof content === 'string' ? content : undefined);
  }

  /** Keeps the last build's page at `path` when it was laid out from `layoutKey`; false otherwise. */
  reuse(path: string, layoutKey: string): boolean {
    if (!this.writer.reuseLaidOut(path, layoutKey)) return false;
    this.generated.add(path);
    this.noteHtml(path, undefined);
    return true;
  }

  /**
   * Lets Pagefind catch up with the pages handed over so far (bounded memory). Not counted
   * as waiting for the search index: the layouts run while the workers render, and a pause
   * here leaves the cores to them.
   */
  async flush(): Promise<void> {
    await this.search.flush();
  }

  private noteHtml(path: string, content: string | undefined): void {
    if (!path.endsWith('.html') || path.startsWith('pagefind/') || this.html.has(path)) return;
    this.html.add(path);
    this.search.page(path, content);
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

      const waited = performance.now();
      const search = await this.search.finish();
      this.searchWait += performance.now() - waited;
      writer.recordFolder('pagefind', 'pagefind');
      swapIn(this.staging, state.outDir);
      if (state.cacheDir) {
        const inputs = volatile ? '' : state.inputs;
        const warnings = sortDiagnostics(summary.warnings);
        saveWarnings(state.cacheDir, state.outDir, inputs, warnings);
        const stored: StoredSummary = { pages: summary.pages, locales: summary.locales, warningCount: warnings.length, firstWarnings: warnings.slice(0, WARNINGS_SHOWN) };
        const manifest: ManifestWithSummary = { version: MANIFEST_VERSION, outDir: state.outDir, inputs, search: search.record, files: writer.records, summary: stored, sources: state.signatures };
        saveManifest(state.cacheDir, manifest);
      }
      return {
        written: writer.written,
        linked: writer.linked,
        searchSeconds: this.searchWait / 1000,
        searchActiveSeconds: search.activeSeconds,
        searchReused: search.indexed === 0,
        searchLanguages: { indexed: search.indexed, kept: search.kept },
      };
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  abort(): void {
    void this.search.discard();
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
