// What the last successful build wrote into an output folder, kept in the cache: every
// file with the size and mtime it had when written and a hash of its content, the search
// index's part of each language with the pages it was built from, and the fingerprint of
// the build's inputs. The next build links unchanged files from the previous output instead
// of writing them, keeps the search index of every language none of whose pages changed,
// and does nothing at all when no input changed and the output is still exactly as it left it.
import { readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { hashOf } from './fingerprint.js';
import type { InputSignatures } from './input-fingerprint.js';
import type { OutputListing } from './output-scan.js';
import type { SearchRecord } from './search-bundle.js';

export const MANIFEST_VERSION = 3;

/** [size, mtimeMs, content hash or source signature, layout key of a laid-out page] */
export type FileRecord = [number, number, string, string?];

export interface OutputManifest {
  version: number;
  outDir: string;
  /** Fingerprint of every input of the build; '' when it cannot be trusted (site.time). */
  inputs: string;
  /** The search bundle's parts, one per language, with the pages each was built from. */
  search?: SearchRecord;
  files: Record<string, FileRecord>;
  /** The inputs' files as the fingerprint read them (input-fingerprint.ts), for the next one. */
  sources?: InputSignatures;
}

export function manifestPath(cacheDir: string, outDir: string): string {
  return join(cacheDir, `output-${hashOf(outDir).slice(0, 16)}.json`);
}

/** The manifest of `outDir`'s last build, or undefined (missing, damaged or for another folder). */
export function loadManifest(cacheDir: string, outDir: string): OutputManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath(cacheDir, outDir), 'utf8')) as OutputManifest;
    if (manifest.version !== MANIFEST_VERSION || manifest.outDir !== outDir || typeof manifest.files !== 'object' || manifest.files === null) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

/**
 * Every warning of the build, in a file of its own: most warm builds replay only the first
 * few and their count (kept in the manifest), and on a large site the list is most of the
 * manifest's bytes. Tagged with the build's input fingerprint, so it is never taken for
 * another build's list.
 */
function warningsPath(cacheDir: string, outDir: string): string {
  return manifestPath(cacheDir, outDir).replace(/\.json$/, '.warnings.json');
}

export function saveWarnings(cacheDir: string, outDir: string, inputs: string, warnings: Diagnostic[]): void {
  writeAtomically(warningsPath(cacheDir, outDir), JSON.stringify({ inputs, warnings }));
}

/** The warnings saved with the build of these inputs, or undefined (missing, damaged or another build's). */
export function loadWarnings(cacheDir: string, outDir: string, inputs: string): Diagnostic[] | undefined {
  try {
    const saved = JSON.parse(readFileSync(warningsPath(cacheDir, outDir), 'utf8')) as { inputs?: unknown; warnings?: unknown };
    return saved.inputs === inputs && Array.isArray(saved.warnings) ? (saved.warnings as Diagnostic[]) : undefined;
  } catch {
    return undefined;
  }
}

export function saveManifest(cacheDir: string, manifest: OutputManifest): void {
  writeAtomically(manifestPath(cacheDir, manifest.outDir), JSON.stringify(manifest));
}

function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** True when `stat` is the file the manifest recorded (size and mtime unchanged). */
export function matchesRecord(stat: Stats | undefined, record: FileRecord | undefined): boolean {
  return stat !== undefined && record !== undefined && stat.isFile() && stat.size === record[0] && stat.mtimeMs === record[1];
}

/** True when the output's listing holds exactly the manifest's files, each as it was written. */
export function outputIntact(listing: OutputListing | undefined, manifest: OutputManifest): boolean {
  if (!listing || listing.size !== Object.keys(manifest.files).length) return false;
  for (const [path, [size, mtimeMs]] of listing) {
    const record = Object.hasOwn(manifest.files, path) ? manifest.files[path] : undefined;
    if (!record || size < 0 || record[0] !== size || record[1] !== mtimeMs) return false;
  }
  return true;
}
