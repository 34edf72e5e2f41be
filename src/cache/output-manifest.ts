// What the last successful build wrote into an output folder, kept in the cache: every
// file with the size and mtime it had when written and a hash of its content, the search
// index's part of each language with the pages it was built from, and the fingerprint of
// the build's inputs. The next build links unchanged files from the previous output instead
// of writing them, keeps the search index of every language none of whose pages changed,
// and does nothing at all when no input changed and the output is still exactly as it left it.
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { hashOf } from './fingerprint.js';
import type { InputSignatures } from './input-fingerprint.js';
import type { SearchRecord } from './search-bundle.js';

export const MANIFEST_VERSION = 2;

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

export function saveManifest(cacheDir: string, manifest: OutputManifest): void {
  const file = manifestPath(cacheDir, manifest.outDir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(manifest));
  renameSync(temp, file);
}

/** True when `stat` is the file the manifest recorded (size and mtime unchanged). */
export function matchesRecord(stat: Stats | undefined, record: FileRecord | undefined): boolean {
  return stat !== undefined && record !== undefined && stat.isFile() && stat.size === record[0] && stat.mtimeMs === record[1];
}

/** True when `outDir` holds exactly the manifest's files, each as it was written. */
export function outputIntact(outDir: string, manifest: OutputManifest): boolean {
  let count = 0;
  const walk = (dir: string): boolean => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!walk(path)) return false;
        continue;
      }
      const rel = relative(outDir, path).split(sep).join('/');
      let stat: Stats | undefined;
      try {
        stat = statSync(path);
      } catch {
        return false;
      }
      if (!matchesRecord(stat, manifest.files[rel])) return false;
      count++;
    }
    return true;
  };
  return walk(outDir) && count === Object.keys(manifest.files).length;
}
