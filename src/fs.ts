// The file system a site is read from, seen through paths relative to the site root
// (posix separators). Stages read only through this interface, so tests can run on an
// in-memory tree and nothing can be read from outside the root.
import { readFileSync, readdirSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export interface FileEntry {
  /** Relative to the root, posix separators. */
  path: string;
  size: number;
  mtimeMs: number;
}

export interface SiteFileSystem {
  /** Absolute root, for messages and for tools that need a real folder (e.g. asset copying). */
  readonly root: string;
  /** Text of a file, or undefined when it does not exist (or is outside the root). */
  readText(path: string): string | undefined;
  readBytes(path: string): Uint8Array | undefined;
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
  /** All files below `dir` ('' for the root), recursively, sorted by path. */
  listFiles(dir?: string): FileEntry[];
  /**
   * Where `path` really is (symlinks followed), relative to the root; undefined when it does
   * not exist or leaves the root. Lets readers confine themselves to a sub-folder.
   */
  realPath?(path: string): string | undefined;
  /** Entries `listFiles` left out because they lead outside the root (symlinks out). */
  refusedEntries?(): string[];
}

/**
 * Normalises a relative path and refuses anything that could leave the root:
 * `..` segments, absolute paths, NUL bytes, backslashes. Returns undefined when refused.
 */
export function containedPath(path: string): string | undefined {
  if (path.includes('\0') || path.includes('\\')) return undefined;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return undefined;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    parts.push(part);
  }
  return parts.join('/');
}

export class NodeFileSystem implements SiteFileSystem {
  readonly root: string;
  private readonly realRoot: string;
  private readonly refused = new Set<string>();

  constructor(root: string) {
    this.root = resolve(root);
    this.realRoot = realpathSync(this.root);
  }

  /** Absolute path of a contained relative path whose real location is inside the root. */
  private locate(path: string): string | undefined {
    const rel = containedPath(path);
    if (rel === undefined) return undefined;
    const abs = join(this.root, rel);
    try {
      const real = realpathSync(abs);
      if (real !== this.realRoot && !real.startsWith(this.realRoot + sep)) return undefined;
      return real;
    } catch {
      return undefined;
    }
  }

  realPath(path: string): string | undefined {
    const abs = this.locate(path);
    if (abs === undefined) return undefined;
    return abs === this.realRoot ? '' : abs.slice(this.realRoot.length + 1).split(sep).join('/');
  }

  refusedEntries(): string[] {
    return [...this.refused].sort();
  }

  readText(path: string): string | undefined {
    const abs = this.locate(path);
    if (!abs) return undefined;
    try {
      return readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  }

  readBytes(path: string): Uint8Array | undefined {
    const abs = this.locate(path);
    if (!abs) return undefined;
    try {
      return readFileSync(abs);
    } catch {
      return undefined;
    }
  }

  isFile(path: string): boolean {
    const abs = this.locate(path);
    try {
      return abs !== undefined && statSync(abs).isFile();
    } catch {
      return false;
    }
  }

  isDirectory(path: string): boolean {
    const abs = path === '' ? this.realRoot : this.locate(path);
    try {
      return abs !== undefined && statSync(abs).isDirectory();
    } catch {
      return false;
    }
  }

  listFiles(dir = ''): FileEntry[] {
    const out: FileEntry[] = [];
    const start = dir === '' ? '' : containedPath(dir);
    if (start === undefined) return out;
    const walk = (rel: string): void => {
      let names: string[];
      try {
        names = readdirSync(join(this.root, rel));
      } catch {
        return;
      }
      for (const name of names.sort()) {
        const childRel = rel ? `${rel}/${name}` : name;
        let stat;
        try {
          stat = lstatSync(join(this.root, childRel));
        } catch {
          continue;
        }
        // Symlinks are followed only when they stay inside the root.
        if (stat.isSymbolicLink()) {
          const real = this.locate(childRel);
          if (!real) {
            this.refused.add(childRel);
            continue;
          }
          stat = statSync(real);
        }
        if (stat.isDirectory()) walk(childRel);
        else if (stat.isFile()) out.push({ path: childRel, size: stat.size, mtimeMs: stat.mtimeMs });
      }
    };
    walk(start);
    return out;
  }
}

/** In-memory tree for tests: `{ 'co/es/a.md': '---\n...' }`. */
export class MemoryFileSystem implements SiteFileSystem {
  readonly root: string;
  private readonly files = new Map<string, Uint8Array>();

  constructor(files: Record<string, string | Uint8Array> = {}, root = '/memory') {
    this.root = root;
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(path: string, content: string | Uint8Array): void {
    const rel = containedPath(path);
    if (rel === undefined) throw new Error(`path outside the root: ${path}`);
    this.files.set(rel, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  delete(path: string): void {
    this.files.delete(containedPath(path) ?? path);
  }

  readText(path: string): string | undefined {
    const bytes = this.readBytes(path);
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  }

  readBytes(path: string): Uint8Array | undefined {
    const rel = containedPath(path);
    return rel === undefined ? undefined : this.files.get(rel);
  }

  isFile(path: string): boolean {
    return this.readBytes(path) !== undefined;
  }

  isDirectory(path: string): boolean {
    const rel = containedPath(path);
    if (rel === undefined) return false;
    if (rel === '') return true;
    for (const key of this.files.keys()) if (key.startsWith(rel + '/')) return true;
    return false;
  }

  listFiles(dir = ''): FileEntry[] {
    const rel = containedPath(dir);
    if (rel === undefined) return [];
    const prefix = rel === '' ? '' : rel + '/';
    return [...this.files.entries()]
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, bytes]) => ({ path, size: bytes.length, mtimeMs: 0 }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
