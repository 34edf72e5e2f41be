// What the last successful build wrote into an output folder, kept in the cache: every
// file with the size and mtime it had when written and a hash of its content, the search
// index's part of each language with the pages it was built from, and the fingerprint of
// the build's inputs. The next build links unchanged files from the previous output instead
// of writing them, keeps the search index of every language none of whose pages changed,
// and does nothing at all when no input changed and the output is still exactly as it left it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BuildFilters, ResolvedConfig } from '../config/resolved-config.js';
import { matchesAny } from '../pipeline/discover-sources.js';
import { faroFingerprint, hashOf, stableJson } from './fingerprint.js';
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

/** Files at most this large count by content; larger ones (images, PDFs) by size and mtime. */
const HASHED_SIZE = 256 * 1024;

export interface InputRequest {
  config: ResolvedConfig;
  filters: BuildFilters;
  /** Folders inside the source that are not input (the output, the cache). */
  ignore: string[];
}

/**
 * Fingerprint of everything a build reads: faro itself, the resolved config and filters,
 * the config file, every file of the source folder (but its excluded folders, the output
 * and the cache), the layouts and the assets.
 */
export function inputFingerprint({ config, filters, ignore }: InputRequest): { hash: string; sourceFiles: number } {
  const hash = createHash('sha1');
  hash.update(faroFingerprint());
  hash.update(stableJson(config));
  hash.update(stableJson(filters));
  hash.update(process.env.JEKYLL_ENV ?? '');
  if (config.configFile) hashTree(hash, config.configFile, [], []);
  const excludes = config.exclude.filter((pattern) => !config.include.includes(pattern));
  const sourceFiles = hashTree(hash, config.sourceDir, [...ignore, join(config.sourceDir, '.git')], excludes);
  hashTree(hash, config.layoutsDir, [], []);
  if (config.assetsDir) hashTree(hash, config.assetsDir, [], []);
  return { hash: hash.digest('hex'), sourceFiles };
}

/** Hashes the tree below `root`; returns how many files it holds. */
function hashTree(hash: ReturnType<typeof createHash>, root: string, ignore: string[], excludes: string[]): number {
  let files = 0;
  const walk = (abs: string, rel: string): void => {
    if (ignore.some((path) => abs === path || abs.startsWith(path + sep))) return;
    if (rel && excludes.length && matchesAny(rel, excludes)) return;
    // Another build's staging or retired output beside an output kept in the source folder.
    if (/(^|\/)\.faro-(staging|retired)-[^/]*$/.test(rel)) return;
    let stat: Stats;
    try {
      stat = statSync(abs);
    } catch {
      hash.update(`${rel}\0missing\n`);
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(abs).sort()) walk(join(abs, name), rel ? `${rel}/${name}` : name);
      return;
    }
    files++;
    hash.update(`${rel}\0${stat.size}\0`);
    if (stat.size <= HASHED_SIZE) hash.update(readFileSync(abs));
    else hash.update(String(stat.mtimeMs));
    hash.update('\n');
  };
  walk(root, '');
  return files;
}
