// Where a site's cache lives: `.faro-cache/` at the site root. A root that is read-only
// (no write permission bits, even for root, or not writable at all) gets no cache: faro
// never writes into a source folder that is meant to be left alone.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CACHE_DIR_NAME = '.faro-cache';

export interface CacheLocation {
  /** The cache folder, or undefined when there is none. */
  dir?: string;
  /** Why there is no cache, for a verbose line. */
  note?: string;
}

export function locateCache(root: string, dir = join(root, CACHE_DIR_NAME)): CacheLocation {
  try {
    const stat = statSync(root);
    if ((stat.mode & 0o222) === 0) return { note: `${root} is read-only: building without a cache` };
    accessSync(root, constants.W_OK);
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return { dir };
  } catch (error) {
    return { note: `no cache (${(error as Error).message}): building without one` };
  }
}
