// What `faro dev` has written into the served folder: generated files by content, static
// files and assets by their source's size and mtime. Writes only what changed (renamed into
// place, so a reader never sees half a file), removes what went away, and keeps the list of
// pages the search index has not seen yet.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedSite } from '../build.js';
import { fileSignature } from '../cache/fingerprint.js';
import { filesBelow } from '../check/site-targets.js';
import type { OutputFile } from '../pipeline/types.js';
import { replaceFiles } from '../pipeline/write-output.js';

export class ServedFiles {
  /** Output files of pages, sitemap and feeds as last written. */
  private readonly written = new Map<string, OutputFile['content']>();
  /** Static files and assets as last copied: output path → size and mtime of the source. */
  private readonly copied = new Map<string, string>();
  /** Pages written since the search index was last brought up to date, and whether files went away. */
  private readonly searchStale = new Set<string>();
  private searchWhole = false;

  /** After a whole build (search index included): its files are what is served. */
  remember(generated: GeneratedSite): void {
    this.written.clear();
    for (const file of generated.files) this.written.set(file.path, file.content);
    this.copied.clear();
    for (const [path, signature] of copySources(generated)) this.copied.set(path, signature);
    this.searchStale.clear();
    this.searchWhole = false;
  }

  /** A few files written now (the quick path for an edited article). */
  write(outDir: string, files: OutputFile[]): void {
    replaceFiles(outDir, files);
    for (const file of files) {
      this.written.set(file.path, file.content);
      this.searchStale.add(file.path);
    }
  }

  /** Every HTML page served, by path (for the search index). */
  htmlPages(): Map<string, string> {
    const pages = new Map<string, string>();
    for (const [path, content] of this.written) if (path.endsWith('.html') && typeof content === 'string') pages.set(path, content);
    return pages;
  }

  /** The pages to index again since the last call, or `whole` when only a full index will do. */
  takeSearchWork(): { stale: string[]; whole: boolean } {
    const work = { stale: [...this.searchStale], whole: this.searchWhole };
    this.searchStale.clear();
    this.searchWhole = false;
    return work;
  }

  /** Brings the served folder to `generated`, writing and removing only what differs. */
  writeChanges(outDir: string, generated: GeneratedSite): { written: number; removed: number } {
    const changedFiles = generated.files.filter((file) => !sameContent(this.written.get(file.path), file.content));
    replaceFiles(outDir, changedFiles);
    for (const file of changedFiles) this.searchStale.add(file.path);
    const current = new Set(generated.files.map((f) => f.path));
    let removed = 0;
    for (const path of this.written.keys()) {
      if (!current.has(path)) {
        rmSync(join(outDir, path), { force: true });
        removed++;
      }
    }
    const sources = copySources(generated);
    const { site } = generated;
    const changedStatic = site.staticFiles.filter((f) => sources.get(f.outputPath) !== this.copied.get(f.outputPath));
    replaceFiles(
      outDir,
      changedStatic.flatMap((f) => {
        const content = f.fs.readBytes(f.sourcePath);
        return content ? [{ path: f.outputPath, content }] : [];
      }),
    );
    let copiedAssets = 0;
    for (const [path, signature] of sources) {
      if (!path.startsWith('assets/') || !site.config.assetsDir || signature === this.copied.get(path)) continue;
      if (site.staticFiles.some((f) => f.outputPath === path)) continue;
      replaceFiles(outDir, [{ path, content: readFileSync(join(site.config.assetsDir, path.slice('assets/'.length))) }]);
      copiedAssets++;
    }
    for (const path of this.copied.keys()) {
      if (!sources.has(path) && !current.has(path)) {
        rmSync(join(outDir, path), { force: true });
        removed++;
      }
    }
    this.written.clear();
    for (const file of generated.files) this.written.set(file.path, file.content);
    this.copied.clear();
    for (const [path, signature] of sources) this.copied.set(path, signature);
    if (removed > 0 || changedStatic.length > 0) this.searchWhole = true;
    return { written: changedFiles.length + changedStatic.length + copiedAssets, removed };
  }
}

/** Static files and assets that go to the output: output path → signature of the source. */
function copySources({ site }: GeneratedSite): Map<string, string> {
  const signatures = new Map<string, string>();
  for (const file of site.staticFiles) signatures.set(file.outputPath, fileSignature(join(file.fs.root, file.sourcePath)));
  if (site.config.assetsDir) {
    for (const path of filesBelow(site.config.assetsDir)) signatures.set(`assets/${path}`, fileSignature(join(site.config.assetsDir, path)));
  }
  return signatures;
}

function sameContent(a: OutputFile['content'] | undefined, b: OutputFile['content']): boolean {
  if (a === undefined) return false;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}
