// Writing a generated site into its output folder with the least work that gives the same
// bytes: unchanged files are hard links into the previous output, the Pagefind index is
// reused when no indexed page changed, and a build whose inputs did not change at all and
// whose output is intact writes nothing. The swap stays atomic: a failed build leaves the
// previous output as it was.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildFilters, ResolvedConfig } from '../config/resolved-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { NodeFileSystem } from '../fs.js';
import { indexSearch } from '../pipeline/index-search.js';
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
  searchSeconds: number;
  searchReused: boolean;
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
  private readonly generated = new Set<string>();

  constructor(private readonly state: OutputState) {
    this.staging = createStagingDir(state.outDir);
    const previous = state.previous ? { dir: state.outDir, manifest: state.previous } : undefined;
    this.writer = new SeededWriter(this.staging, previous);
  }

  file(path: string, content: string | Uint8Array): void {
    this.writer.file(path, content);
    this.generated.add(path);
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
      }
      for (const [from, prefix] of copies.folders) writer.copyFolder(from, prefix, this.generated);

      const search = searchKey(writer.records);
      let searchSeconds = 0;
      const searchReused = state.previous?.search === search && writer.reuseFolder('pagefind');
      if (!searchReused) {
        searchSeconds = (await indexSearch(this.staging)).seconds;
        writer.recordFolder('pagefind', 'pagefind');
      }
      swapIn(this.staging, state.outDir);
      if (state.cacheDir) {
        const manifest: ManifestWithSummary = { version: 1, outDir: state.outDir, inputs: volatile ? '' : state.inputs, search, files: writer.records, summary };
        saveManifest(state.cacheDir, manifest);
      }
      return { written: writer.written, linked: writer.linked, searchSeconds, searchReused };
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  abort(): void {
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
