// Content hashes for cache keys, and the fingerprint of faro itself: its version plus the
// code that is running (dist/ or src/), its layouts and its lockfile, so that a new build
// of faro never trusts what an older one rendered, even without a version bump.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Hex SHA-1 of text or bytes (fast, and collisions are not a threat model for a build cache). */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha1');
  for (const part of parts) {
    hash.update(part);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** JSON with dates as ISO strings and `undefined` dropped: the same value gives the same text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Date ? { $date: inner.toISOString() } : inner)) ?? 'undefined';
}

const CODE_FILE = /\.(js|ts|mjs|njk|json)$/;
let codeFingerprint: string | undefined;

/**
 * faro's own fingerprint, computed once per process: package version, every module of the
 * running code tree, the default layouts and the lockfile (a dependency upgrade may change
 * output). About a megabyte of reading.
 */
export function faroFingerprint(): string {
  if (codeFingerprint) return codeFingerprint;
  const here = dirname(fileURLToPath(import.meta.url));
  const codeRoot = resolve(here, '..');
  const packageRoot = resolve(codeRoot, '..');
  const hash = createHash('sha1');
  for (const file of ['package.json', 'package-lock.json']) {
    try {
      hash.update(readFileSync(join(packageRoot, file)));
    } catch {
      hash.update(`no ${file}`);
    }
  }
  for (const dir of [codeRoot, join(packageRoot, 'layouts')]) {
    for (const file of filesBelow(dir)) {
      if (!CODE_FILE.test(file)) continue;
      hash.update(file);
      hash.update(readFileSync(join(dir, file)));
    }
  }
  codeFingerprint = hash.digest('hex');
  return codeFingerprint;
}

/** Files below `dir`, relative and sorted; missing folders give none. */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(join(dir, rel)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const child = rel ? `${rel}/${name}` : name;
      let isDir = false;
      try {
        isDir = statSync(join(dir, child)).isDirectory();
      } catch {
        continue;
      }
      if (isDir) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out;
}

/** Size and mtime of a file, or 'missing': what copies and layout keys compare. */
export function fileSignature(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}
