// The fingerprint of a build's inputs: faro itself, the resolved config and filters, the
// config file, every file of the source folder (but its excluded folders, the output and
// the cache), the layouts and the assets. A small file counts by its content, a large one
// (images, PDFs) by size and mtime. Reading ten thousand articles to learn that none
// changed is most of a warm build, so the content hash of a file is taken from the last
// fingerprint's signatures when its size and mtime are the same (as git's index does),
// unless it was modified so close to that fingerprint that a later edit could have kept
// its mtime.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { BuildFilters, ResolvedConfig } from '../config/resolved-config.js';
import { matchesAny } from '../pipeline/discover-sources.js';
import { faroFingerprint, stableJson } from './fingerprint.js';

/** Files at most this large count by content; larger ones (images, PDFs) by size and mtime. */
const HASHED_SIZE = 256 * 1024;
/**
 * A file modified less than this before the signatures were taken is read again: an edit
 * within the same tick of the file system's clock could have kept its mtime. Whole-second
 * mtimes mean a coarse clock (FAT keeps two seconds); others are fine-grained.
 */
const racyMs = (mtimeMs: number) => (mtimeMs % 1000 === 0 ? 2000 : 50);

/** Content hashes of the input files by absolute path, with the size and mtime they had. */
export interface InputSignatures {
  /** When the files were read (ms since the epoch). */
  takenAt: number;
  files: Record<string, [size: number, mtimeMs: number, hash: string]>;
}

export interface InputRequest {
  config: ResolvedConfig;
  filters: BuildFilters;
  /** Folders inside the source that are not input (the output, the cache). */
  ignore: string[];
  /** The last fingerprint's signatures (from the output manifest), when there is one. */
  known?: InputSignatures;
}

export interface InputFingerprint {
  hash: string;
  /** Files of the source folder. */
  sourceFiles: number;
  /** This fingerprint's signatures, for the next one. */
  signatures: InputSignatures;
}

export function inputFingerprint({ config, filters, ignore, known }: InputRequest): InputFingerprint {
  const hash = createHash('sha1');
  const signatures: InputSignatures = { takenAt: Date.now(), files: {} };
  const trusted = known && typeof known.takenAt === 'number' && known.files && typeof known.files === 'object' ? known : undefined;
  const tree = { hash, signatures, known: trusted };
  hash.update(faroFingerprint());
  hash.update(stableJson(config));
  hash.update(stableJson(filters));
  hash.update(process.env.JEKYLL_ENV ?? '');
  if (config.configFile) hashTree(tree, config.configFile, [], []);
  const excludes = config.exclude.filter((pattern) => !config.include.includes(pattern));
  const sourceFiles = hashTree(tree, config.sourceDir, [...ignore, join(config.sourceDir, '.git')], excludes);
  hashTree(tree, config.layoutsDir, [], []);
  if (config.assetsDir) hashTree(tree, config.assetsDir, [], []);
  return { hash: hash.digest('hex'), sourceFiles, signatures };
}

interface TreeHash {
  hash: ReturnType<typeof createHash>;
  signatures: InputSignatures;
  known?: InputSignatures;
}

/** Hashes the tree below `root`; returns how many files it holds. */
function hashTree(tree: TreeHash, root: string, ignore: string[], excludes: string[]): number {
  const { hash } = tree;
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
    hash.update(stat.size <= HASHED_SIZE ? contentHash(tree, abs, stat) : String(stat.mtimeMs));
    hash.update('\n');
  };
  walk(root, '');
  return files;
}

/** The file's content hash: the known one when size and mtime say it is the same file. */
function contentHash(tree: TreeHash, abs: string, stat: Stats): string {
  const known = tree.known?.files[abs];
  const same = known !== undefined && known[0] === stat.size && known[1] === stat.mtimeMs && stat.mtimeMs < tree.known!.takenAt - racyMs(stat.mtimeMs);
  const value = same ? known[2] : createHash('sha1').update(readFileSync(abs)).digest('hex');
  tree.signatures.files[abs] = [stat.size, stat.mtimeMs, value];
  return value;
}
