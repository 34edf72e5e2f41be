// What a rendered article depended on besides its own text and the site configuration:
// the files its Liquid read (includes, include_relative, even ones that were missing) and
// the large `site.*` collections it mentions. A cache entry stores these and is reused only
// while every one of them is unchanged, so an edit invalidates exactly what depends on it.
import type { FileEntry, SiteFileSystem } from '../fs.js';
import { hashOf } from './fingerprint.js';

/** A file read during a render: its path and the hash of what was read ('' when absent). */
export interface FileDependency {
  path: string;
  hash: string;
}

export interface ArticleDependencies {
  files: FileDependency[];
  /** Top-level `site` keys of collections (collectionKeysOf) the Liquid mentions; `*` for `site` as a whole. */
  siteKeys: string[];
  /** The output changes on every build (`site.time`): never cached. */
  volatile: boolean;
}

/**
 * `site.*` entries of every site that are not configuration: they change whenever any page
 * or data file changes, so only articles that mention them depend on them.
 */
export const BUILT_IN_COLLECTION_KEYS: readonly string[] = ['pages', 'html_pages', 'posts', 'documents', 'collections', 'categories', 'tags', 'static_files', 'data', 'related_posts'];

const collectionKeysBySite = new WeakMap<Record<string, unknown>, ReadonlySet<string>>();

/**
 * The collection keys of a site: the built-in ones and one per collection of its config
 * (`site.guides` for `collections: { guides: … }`), read from `site.collections`.
 */
export function collectionKeysOf(site: Record<string, unknown>): ReadonlySet<string> {
  let keys = collectionKeysBySite.get(site);
  if (!keys) {
    keys = new Set([...BUILT_IN_COLLECTION_KEYS, ...collectionLabels(site.collections)]);
    collectionKeysBySite.set(site, keys);
  }
  return keys;
}

/**
 * Gives `site` the collection keys of the site it was cut from (a worker's `site` leaves out
 * the collections its articles do not mention, `site.collections` among them).
 */
export function keepCollectionKeys(site: Record<string, unknown>, keys: Iterable<string>): void {
  collectionKeysBySite.set(site, new Set(keys));
}

/** Labels from `site.collections`: Liquid's list of collections, or the config's map or list. */
function collectionLabels(collections: unknown): string[] {
  if (Array.isArray(collections)) {
    return collections.map((entry) => (entry !== null && typeof entry === 'object' ? (entry as { label?: unknown }).label : entry)).filter((label): label is string => typeof label === 'string');
  }
  return collections !== null && typeof collections === 'object' ? Object.keys(collections) : [];
}

const SITE_REFERENCE = /\bsite\b(\s*\.\s*([\w-]+)|\s*\[)?/g;
// Tags that look pages up in site.pages/posts/documents without naming them.
const LOOKUP_TAG = /\{%-?\s*(link|post_url)\b/;

/** The collection keys (of `collectionKeys`, see collectionKeysOf) and volatile keys that Liquid text refers to. */
export function siteKeysIn(text: string, into: Set<string>, collectionKeys: ReadonlySet<string>): void {
  if (!text.includes('site') && !text.includes('{%')) return;
  if (LOOKUP_TAG.test(text)) for (const key of ['pages', 'posts', 'documents', 'collections', 'static_files']) into.add(key);
  for (const match of text.matchAll(SITE_REFERENCE)) {
    const key = match[2];
    if (key !== undefined) {
      if (collectionKeys.has(key) || key === 'time') into.add(key);
    } else if (!isSiteWord(text, match.index!)) into.add('*');
  }
}

// `site` alone in prose ("this site") is not a reference; inside {{ }} or {% %} it is.
function isSiteWord(text: string, index: number): boolean {
  const open = Math.max(text.lastIndexOf('{{', index), text.lastIndexOf('{%', index));
  if (open < 0) return true;
  const close = Math.max(text.lastIndexOf('}}', index), text.lastIndexOf('%}', index));
  return close > open;
}

/**
 * A file system that records every path the render touched and a hash of what it found.
 * Reads go to `inner`; `start()` and `finish()` bracket one article.
 */
export class RecordingFileSystem implements SiteFileSystem {
  private reads = new Map<string, string>();
  private texts: string[] = [];

  constructor(private readonly inner: SiteFileSystem) {}

  get root(): string {
    return this.inner.root;
  }

  start(): void {
    this.reads = new Map();
    this.texts = [];
  }

  /** What the article read since `start()`, plus the texts read (to look for `site.*`). */
  finish(): { files: FileDependency[]; texts: string[] } {
    const files = [...this.reads].map(([path, hash]) => ({ path, hash })).sort((a, b) => (a.path < b.path ? -1 : 1));
    return { files, texts: this.texts };
  }

  private record(path: string): void {
    if (this.reads.has(path)) return;
    this.reads.set(path, fileHash(this.inner, path));
  }

  readText(path: string): string | undefined {
    this.record(path);
    const text = this.inner.readText(path);
    if (text !== undefined) this.texts.push(text);
    return text;
  }

  readBytes(path: string): Uint8Array | undefined {
    this.record(path);
    return this.inner.readBytes(path);
  }

  isFile(path: string): boolean {
    this.record(path);
    return this.inner.isFile(path);
  }

  isDirectory(path: string): boolean {
    return this.inner.isDirectory(path);
  }

  listFiles(dir?: string): FileEntry[] {
    return this.inner.listFiles(dir);
  }

  realPath(path: string): string | undefined {
    this.record(path);
    return this.inner.realPath ? this.inner.realPath(path) : path;
  }
}

/** A file's identity for dependencies: where it really is and what it holds ('' when absent). */
export function fileHash(fs: SiteFileSystem, path: string): string {
  const bytes = fs.readBytes(path);
  if (bytes === undefined) return '';
  return hashOf(fs.realPath?.(path) ?? path, bytes);
}

/** Dependencies of one render, from what it read and the Liquid texts involved. */
export function dependenciesOf(
  body: string,
  recorded: { files: FileDependency[]; texts: string[] },
  collectionKeys: ReadonlySet<string>,
): ArticleDependencies {
  const keys = new Set<string>();
  siteKeysIn(body, keys, collectionKeys);
  for (const text of recorded.texts) siteKeysIn(text, keys, collectionKeys);
  const volatile = keys.delete('time');
  return { files: recorded.files, siteKeys: [...keys].sort(), volatile };
}
