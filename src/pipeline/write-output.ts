// Stage 7: the site is written into a fresh folder beside the output and swapped in only
// when everything (search index included) succeeded, so a failed or interrupted build
// leaves the previous output as it was.
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { hashOf } from '../cache/fingerprint.js';
import { matchesRecord, type FileRecord, type OutputManifest } from '../cache/output-manifest.js';
import type { OutputFile, StaticFile } from './types.js';

const STAGING_PREFIX = '.faro-staging-';
const RETIRED_PREFIX = '.faro-retired-';

/** A folder beside `outDir` to build into; leftovers of interrupted builds are removed first. */
export function createStagingDir(outDir: string): string {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const stem = basename(outDir);
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`${STAGING_PREFIX}${stem}-`) || name.startsWith(`${RETIRED_PREFIX}${stem}-`)) {
      rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
  const staging = join(parent, `${STAGING_PREFIX}${stem}-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  // A build that exits midway (its launcher killed, see heap-limit.ts) takes its folder along:
  // the next build may already have cleaned up, and must not find this one's late writes.
  const removeOnExit = () => rmSync(staging, { recursive: true, force: true });
  process.on('exit', removeOnExit);
  exitHooks.set(staging, removeOnExit);
  return staging;
}

const exitHooks = new Map<string, () => void>();

function forgetExitHook(staging: string): void {
  const hook = exitHooks.get(staging);
  if (hook) process.off('exit', hook);
  exitHooks.delete(staging);
}

export function writeFiles(dir: string, files: OutputFile[]): void {
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}

export function copyStaticFiles(dir: string, files: StaticFile[]): void {
  for (const file of files) {
    const bytes = file.fs.readBytes(file.sourcePath);
    if (!bytes) continue;
    const target = join(dir, file.outputPath);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}

export function copyFolder(from: string, to: string): void {
  if (existsSync(from)) cpSync(from, to, { recursive: true, dereference: false });
}

/** Replaces `outDir` with `staging` (two renames; the old output is removed afterwards). */
export function swapIn(staging: string, outDir: string): void {
  const retired = join(dirname(outDir), `${RETIRED_PREFIX}${basename(outDir)}-${process.pid}`);
  const hadOutput = existsSync(outDir);
  if (hadOutput) renameSync(outDir, retired);
  renameSync(staging, outDir);
  forgetExitHook(staging);
  if (hadOutput) rmSync(retired, { recursive: true, force: true });
}

export function discardStaging(staging: string): void {
  forgetExitHook(staging);
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Fills a staging folder, taking every file that is unchanged since the previous build from
 * the previous output as a hard link (no data written) and writing only the others. Records
 * what it put where, for the next build's manifest.
 */
export class SeededWriter {
  readonly records: Record<string, FileRecord> = {};
  written = 0;
  linked = 0;
  private readonly dirs = new Set<string>();
  private canLink: boolean;

  constructor(
    readonly dir: string,
    private readonly previous?: { dir: string; manifest: OutputManifest },
  ) {
    this.canLink = previous !== undefined;
  }

  /** A generated file (`layoutKey`: what it was laid out from, for reuseLaidOut next time). */
  file(path: string, content: string | Uint8Array, layoutKey?: string): void {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    const hash = hashOf(bytes);
    if (this.reuse(path, hash)) {
      if (layoutKey !== undefined) {
        const [size, mtimeMs, sameHash] = this.records[path]!;
        this.records[path] = [size, mtimeMs, sameHash, layoutKey];
      }
      return;
    }
    const target = this.target(path);
    writeFileSync(target, bytes);
    this.record(path, statSync(target), hash, layoutKey);
  }

  /** The previous build's file when it was laid out from the same `layoutKey` and is intact. */
  reuseLaidOut(path: string, layoutKey: string): boolean {
    if (!this.canLink) return false;
    const record = this.previous!.manifest.files[path];
    if (!record || record[3] !== layoutKey || !matchesRecord(statOrUndefined(join(this.previous!.dir, path)), record)) return false;
    return this.linkFromPrevious(path, record);
  }

  /** A copy of `source` (absolute path), identified by the source's size and mtime; false when it is missing. */
  copy(path: string, source: string): boolean {
    let stat: Stats;
    try {
      stat = statSync(source);
    } catch {
      return false;
    }
    const signature = `copy:${stat.size}:${stat.mtimeMs}`;
    if (this.reuse(path, signature)) return true;
    const target = this.target(path);
    copyFileSync(source, target);
    this.record(path, statSync(target), signature);
    return true;
  }

  /** Every file of `from` (recursively) below `prefix`, but those in `skip`; returns the paths copied. */
  copyFolder(from: string, prefix: string, skip: ReadonlySet<string> = new Set()): string[] {
    const copied: string[] = [];
    const walk = (abs: string, rel: string): void => {
      let entries;
      try {
        entries = readdirSync(abs, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const child = `${rel}/${entry.name}`;
        if (entry.isDirectory()) walk(join(abs, entry.name), child);
        else if (!skip.has(child.slice(1))) {
          if (this.copy(child.slice(1), join(abs, entry.name))) copied.push(child.slice(1));
        }
      }
    };
    walk(from, prefix ? `/${prefix}` : '');
    return copied;
  }

  /**
   * Links every file of the previous output below `prefix` (e.g. the search index) when all
   * of them are intact; false (nothing linked) otherwise.
   */
  reuseFolder(prefix: string): boolean {
    if (!this.previous) return false;
    const paths = Object.keys(this.previous.manifest.files).filter((path) => path.startsWith(`${prefix}/`));
    return paths.length > 0 && this.reuseFiles(paths);
  }

  /** Links these files of the previous output when all of them are intact; false (nothing linked) otherwise. */
  reuseFiles(paths: string[]): boolean {
    if (!this.previous || !this.canLink) return false;
    const { dir, manifest } = this.previous;
    const stats = paths.map((path) => statOrUndefined(join(dir, path)));
    if (!paths.every((path, i) => matchesRecord(stats[i], manifest.files[path]))) return false;
    return paths.every((path) => this.linkFromPrevious(path, manifest.files[path]!));
  }

  /** Records files something else (Pagefind) wrote below `prefix`. */
  recordFolder(prefix: string, marker: string): void {
    const walk = (abs: string, rel: string): void => {
      for (const entry of readdirSync(abs, { withFileTypes: true })) {
        const child = `${rel}/${entry.name}`;
        if (entry.isDirectory()) walk(join(abs, entry.name), child);
        // Files linked from the previous output keep their record (and are not counted as written).
        else if (!this.records[child.slice(1)]) this.record(child.slice(1), statSync(join(abs, entry.name)), marker);
      }
    };
    if (existsSync(join(this.dir, prefix))) walk(join(this.dir, prefix), `/${prefix}`);
  }

  private reuse(path: string, hash: string): boolean {
    if (!this.canLink) return false;
    const record = this.previous!.manifest.files[path];
    if (!record || record[2] !== hash || !matchesRecord(statOrUndefined(join(this.previous!.dir, path)), record)) return false;
    return this.linkFromPrevious(path, record);
  }

  private linkFromPrevious(path: string, record: FileRecord): boolean {
    try {
      linkSync(join(this.previous!.dir, path), this.target(path));
    } catch {
      // A file system without hard links: write everything from now on.
      this.canLink = false;
      return false;
    }
    this.records[path] = record;
    this.linked++;
    return true;
  }

  private target(path: string): string {
    const target = join(this.dir, path);
    const parent = dirname(target);
    if (!this.dirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      this.dirs.add(parent);
    }
    // A later file for the same path replaces the earlier one. Never write through it: it
    // may be a hard link into the previous output, which must stay as it is until the swap.
    if (this.records[path]) rmSync(target, { force: true });
    return target;
  }

  private record(path: string, stat: Stats, hash: string, layoutKey?: string): void {
    this.records[path] = layoutKey === undefined ? [stat.size, stat.mtimeMs, hash] : [stat.size, stat.mtimeMs, hash, layoutKey];
    this.written++;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

let atomicCounter = 0;

/**
 * Writes each file beside its target and renames it into place, so a reader (the dev
 * server under load) sees the old file or the new one, never half of one; the rename
 * also detaches a target that is a hard link shared with an older build.
 */
export function replaceFiles(dir: string, files: OutputFile[]): void {
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.faro-${process.pid}-${atomicCounter++}.tmp`;
    writeFileSync(temporary, file.content);
    renameSync(temporary, target);
  }
}
