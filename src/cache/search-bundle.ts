// The Pagefind bundle as per-language parts. Pagefind keeps each language of a site apart in
// its bundle (`index/<lang>_…`, `fragment/<lang>_…`, `filter/<lang>_…`, `pagefind.<hash>.pf_meta`,
// `wasm.<lang>.pagefind`, and one entry in `pagefind-entry.json`); the rest (pagefind.js, the
// UI) is the same for all. So each language can be indexed on its own, one at a time (a
// fraction of the memory), and a build can keep the part of every language whose pages did
// not change (an edit re-indexes one language, not the site).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A language's entry in pagefind-entry.json. */
export type LanguageEntry = { hash: string; wasm?: string; page_count?: number } & Record<string, unknown>;

export interface PagefindEntry {
  version: string;
  languages: Record<string, LanguageEntry>;
  include_characters?: string[];
  [key: string]: unknown;
}

/** One language's part of the bundle, as the manifest keeps it. */
export interface LanguagePart {
  /** Hash of its pages (path and content hash of each) and of faro. */
  key: string;
  /** Its entries in pagefind-entry.json (normally one, under its own language). */
  languages: Record<string, LanguageEntry>;
  /** Its files, relative to the output folder. */
  files: string[];
}

export interface SearchRecord {
  /** Entry fields common to all languages (version, include_characters). */
  common: Omit<PagefindEntry, 'languages'>;
  /** Files every language shares (pagefind.js, the UI), relative to the output folder. */
  shared: string[];
  parts: Record<string, LanguagePart>;
  /** Every HTML page seen, with the language it is indexed under ('' when not indexed). */
  pages: Record<string, string>;
}

export const BUNDLE = 'pagefind';
const ENTRY = 'pagefind-entry.json';

/**
 * The language Pagefind files a page under (its `<html lang>`, lowercased), or undefined
 * when the page is not indexed: only pages marked `data-pagefind-body` are, since faro's
 * article layouts mark their body (and Pagefind then skips every unmarked page).
 */
export function searchLanguageOf(html: string): string | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  const lang = /<html\b[^>]*?\slang\s*=\s*["']?([^"'\s>]+)/i.exec(html)?.[1];
  return lang ? lang.toLowerCase() : 'unknown';
}

export function readEntry(bundleDir: string): PagefindEntry | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(bundleDir, ENTRY), 'utf8')) as PagefindEntry;
    return entry && typeof entry.languages === 'object' && entry.languages !== null ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `name` (a path inside the bundle) belongs to one of `languages`. */
function belongsTo(name: string, languages: Record<string, LanguageEntry>): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return Object.entries(languages).some(
    ([lang, entry]) => base.startsWith(`${lang}_`) || base === `pagefind.${entry.hash}.pf_meta` || base === `wasm.${entry.wasm ?? lang}.pagefind`,
  );
}

function filesBelow(dir: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...filesBelow(join(dir, entry.name), rel));
    else found.push(rel);
  }
  return found;
}

/**
 * Moves what Pagefind wrote for one language (into `from`) into the bundle `bundleDir`.
 * Returns its entries and files (relative to the bundle), and the shared files it brought
 * when `withShared` (the first language of a build provides them).
 */
export function adoptLanguageOutput(from: string, bundleDir: string, withShared: boolean): { languages: Record<string, LanguageEntry>; files: string[]; shared: string[]; common: Omit<PagefindEntry, 'languages'> } {
  const entry = readEntry(from);
  if (!entry) throw new Error(`Pagefind wrote no ${ENTRY} in ${from}`);
  const { languages, ...common } = entry;
  const files: string[] = [];
  const shared: string[] = [];
  for (const name of filesBelow(from)) {
    if (name === ENTRY) continue;
    const own = belongsTo(name, languages);
    if (!own && !withShared) continue;
    const target = join(bundleDir, name);
    mkdirSync(join(target, '..'), { recursive: true });
    if (!own && existsSync(target)) continue;
    renameSync(join(from, name), target);
    (own ? files : shared).push(name);
  }
  return { languages, files, shared, common };
}

/** Writes pagefind-entry.json for the languages of the bundle. */
export function writeEntry(bundleDir: string, common: Omit<PagefindEntry, 'languages'>, parts: LanguagePart[]): void {
  const languages: Record<string, LanguageEntry> = {};
  for (const part of parts) Object.assign(languages, part.languages);
  const sorted = Object.fromEntries(Object.keys(languages).sort().map((lang) => [lang, languages[lang]!]));
  mkdirSync(bundleDir, { recursive: true });
  const { version, ...rest } = common;
  writeFileSync(join(bundleDir, ENTRY), JSON.stringify({ version, languages: sorted, ...rest }));
}

/** Deletes the files of `languages` from the bundle (before their part is written anew). */
export function removeLanguageFiles(bundleDir: string, languages: Record<string, LanguageEntry>): void {
  if (!existsSync(bundleDir)) return;
  for (const name of filesBelow(bundleDir)) if (belongsTo(name, languages)) rmSync(join(bundleDir, name), { force: true });
}
