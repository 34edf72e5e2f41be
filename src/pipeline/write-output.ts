// Stage 7: the site is written into a fresh folder beside the output and swapped in only
// when everything (search index included) succeeded, so a failed or interrupted build
// leaves the previous output as it was.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
  return staging;
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
  if (hadOutput) rmSync(retired, { recursive: true, force: true });
}

export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
