// Rendered article bodies kept between builds in `.faro-cache/render/`: append-only pack
// files read whole at start (one sequential read instead of thousands of small files).
//
// Pack layout: the magic line, then entries of
//   [u32 key length][key][u32 meta length][u32 html length][u32 crc32 of meta+html][meta JSON][html]
// The meta JSON repeats the key. An entry is used only when its bounds, checksum and key all
// check out; anything else (a truncated write, another program's file, a format change) is
// skipped, never trusted. A pack that cannot be walked is ignored from that point on.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Diagnostic } from '../diagnostics.js';
import type { Heading, LinkReference } from '../markdown/types.js';
import type { ArticleDependencies } from './dependencies.js';

const MAGIC = Buffer.from('faro render cache v1\n');
const PACK = /^pack-[\w.-]+\.bin$/;
/** Past this many packs, the next save rewrites the live entries into one. */
const MAX_PACKS = 6;

export interface CachedRender {
  key: string;
  /** Source path of the article (entries for a path superseded by a newer key are dropped). */
  file: string;
  html: string;
  headings: Heading[];
  links: LinkReference[];
  diagnostics: Diagnostic[];
  deps: ArticleDependencies;
}

interface Located {
  pack: Buffer;
  metaStart: number;
  metaLength: number;
  htmlLength: number;
  crc: number;
}

export class RenderCache {
  private readonly index = new Map<string, Located>();
  /**
   * Entries of this build, written to the next pack's temp file as they come (a cold build
   * adds one per article, which held in memory until the save would be the whole site's
   * bodies again): where each lies in it.
   */
  private readonly added = new Map<string, { offset: number; length: number }>();
  private pending?: { fd: number; name: string; temp: string; size: number };
  /** Keys looked up or added in this build, by source path. */
  private readonly used = new Map<string, string>();
  private packs: string[] = [];
  /** Entries skipped as damaged or foreign while loading. */
  discarded = 0;

  constructor(readonly dir: string) {}

  /** Reads every pack in `dir` (missing or unreadable folders give an empty cache). */
  static load(dir: string): RenderCache {
    const cache = new RenderCache(dir);
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return cache;
    }
    removeAbandonedPacks(dir, names);
    for (const name of names.filter((entry) => PACK.test(entry))) {
      try {
        cache.readPack(readFileSync(join(dir, name)));
        cache.packs.push(name);
      } catch {
        cache.discarded++;
      }
    }
    return cache;
  }

  /**
   * Drops the loaded packs and the index (their memory), and the entries added since the
   * last save (a build that failed); the cache answers nothing afterwards.
   */
  release(): void {
    this.index.clear();
    this.added.clear();
    if (this.pending) {
      closeSync(this.pending.fd);
      rmSync(this.pending.temp, { force: true });
      this.pending = undefined;
    }
  }

  get size(): number {
    return this.index.size + this.added.size;
  }

  private readPack(pack: Buffer): void {
    if (pack.length < MAGIC.length || !pack.subarray(0, MAGIC.length).equals(MAGIC)) {
      this.discarded++;
      return;
    }
    let at = MAGIC.length;
    while (at < pack.length) {
      if (at + 4 > pack.length) break;
      const keyLength = pack.readUInt32LE(at);
      const metaAt = at + 4 + keyLength;
      if (keyLength > 256 || metaAt + 12 > pack.length) break;
      const key = pack.toString('latin1', at + 4, metaAt);
      const metaLength = pack.readUInt32LE(metaAt);
      const htmlLength = pack.readUInt32LE(metaAt + 4);
      const crc = pack.readUInt32LE(metaAt + 8);
      const metaStart = metaAt + 12;
      const end = metaStart + metaLength + htmlLength;
      if (end > pack.length) break;
      this.index.set(key, { pack, metaStart, metaLength, htmlLength, crc });
      at = end;
    }
    if (at !== pack.length) this.discarded++;
  }

  /** The entry for `key` when it is intact; a damaged one is forgotten. */
  get(key: string): CachedRender | undefined {
    const fresh = this.added.get(key);
    if (fresh && this.pending) {
      const bytes = Buffer.alloc(fresh.length);
      readSync(this.pending.fd, bytes, 0, fresh.length, fresh.offset);
      return decode(key, locate(bytes));
    }
    const located = this.index.get(key);
    if (!located) return undefined;
    const entry = decode(key, located);
    if (!entry) {
      this.index.delete(key);
      this.discarded++;
    }
    return entry;
  }

  /** Marks `key` as what `file` renders to in this build (kept by the next compaction). */
  use(file: string, key: string): void {
    this.used.set(file, key);
  }

  set(entry: CachedRender): void {
    const bytes = encode(entry);
    const pending = this.openPending();
    writeSync(pending.fd, bytes, 0, bytes.length, pending.size);
    this.added.set(entry.key, { offset: pending.size, length: bytes.length });
    pending.size += bytes.length;
    this.used.set(entry.file, entry.key);
  }

  /** The next pack's temp file (hidden, so never read as a pack), created on first use. */
  private openPending(): NonNullable<RenderCache['pending']> {
    if (!this.pending) {
      mkdirSync(this.dir, { recursive: true });
      const name = `pack-${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.bin`;
      const temp = join(this.dir, `.${name}.tmp`);
      const fd = openSync(temp, 'w+');
      writeSync(fd, MAGIC, 0, MAGIC.length, 0);
      this.pending = { fd, name, temp, size: MAGIC.length };
    }
    return this.pending;
  }

  /**
   * Makes the entries added in this build a new pack (atomically: temp file, rename). When
   * packs pile up, the entries still current are added to it and the old packs removed:
   * those used in this build, and those of files this build did not render (another locale
   * filter). What was added is then answered by the next load, not by this cache.
   */
  save(): void {
    const compact = this.packs.length >= MAX_PACKS;
    if (this.added.size === 0 && !compact) return;
    const pending = this.openPending();
    try {
      if (compact) {
        const current = new Set(this.used.values());
        const renderedFiles = new Set(this.used.keys());
        const stillCurrent = (key: string, located: Located): boolean => {
          if (current.has(key)) return true;
          const entry = decode(key, located);
          return entry !== undefined && !renderedFiles.has(entry.file);
        };
        // Entry by entry: the pack is never held in memory whole.
        for (const [key, located] of this.index) {
          if (this.added.has(key) || !stillCurrent(key, located)) continue;
          const bytes = rawEntry(key, located);
          writeSync(pending.fd, bytes, 0, bytes.length, pending.size);
          pending.size += bytes.length;
        }
      }
    } finally {
      closeSync(pending.fd);
      this.pending = undefined;
    }
    renameSync(pending.temp, join(this.dir, pending.name));
    this.added.clear();
    if (compact) for (const old of this.packs) rmSync(join(this.dir, old), { force: true });
    this.packs = compact ? [pending.name] : [...this.packs, pending.name];
  }
}

/** Temp packs left by builds that did not finish (their process is gone). */
function removeAbandonedPacks(dir: string, names: string[]): void {
  for (const name of names) {
    const pid = /^\.pack-[\w]+-(\d+)-[\w]+\.bin\.tmp$/.exec(name)?.[1];
    if (pid && !processAlive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function decode(key: string, { pack, metaStart, metaLength, htmlLength, crc }: Located): CachedRender | undefined {
  const body = pack.subarray(metaStart, metaStart + metaLength + htmlLength);
  if (crc32(body) !== crc) return undefined;
  try {
    const meta = JSON.parse(body.toString('utf8', 0, metaLength)) as Omit<CachedRender, 'html'>;
    if (meta.key !== key || typeof meta.file !== 'string' || !Array.isArray(meta.headings) || !meta.deps) return undefined;
    return { ...meta, html: body.toString('utf8', metaLength) };
  } catch {
    return undefined;
  }
}

/** Where the parts of one encoded entry (as `encode` gives it) are. */
function locate(entry: Buffer): Located {
  const metaAt = 4 + entry.readUInt32LE(0);
  const metaLength = entry.readUInt32LE(metaAt);
  const htmlLength = entry.readUInt32LE(metaAt + 4);
  return { pack: entry, metaStart: metaAt + 12, metaLength, htmlLength, crc: entry.readUInt32LE(metaAt + 8) };
}

function encode(entry: CachedRender): Buffer {
  const { html, ...meta } = entry;
  const key = Buffer.from(entry.key, 'latin1');
  const metaBytes = Buffer.from(JSON.stringify(meta));
  const htmlBytes = Buffer.from(html);
  const head = Buffer.alloc(16);
  head.writeUInt32LE(key.length, 0);
  const fields = Buffer.alloc(12);
  fields.writeUInt32LE(metaBytes.length, 0);
  fields.writeUInt32LE(htmlBytes.length, 4);
  fields.writeUInt32LE(crc32(htmlBytes, crc32(metaBytes)), 8);
  return Buffer.concat([head.subarray(0, 4), key, fields, metaBytes, htmlBytes]);
}

function rawEntry(key: string, { pack, metaStart, metaLength, htmlLength }: Located): Buffer {
  const keyBytes = Buffer.from(key, 'latin1');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(keyBytes.length, 0);
  return Buffer.concat([head, keyBytes, pack.subarray(metaStart - 12, metaStart + metaLength + htmlLength)]);
}

/** Removes the cache folder's packs (`faro build --no-cache` leaves them; tests use this). */
export function clearRenderCache(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
