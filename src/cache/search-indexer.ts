// Pagefind's index of a build, one language at a time (see search-bundle.ts). Pages stream in
// as they are laid out; a language is indexed only when one of its pages is new or changed
// since the previous build (otherwise its part of the previous bundle is linked), on the
// other core while the main thread lays out the next pages, and its index is written and
// freed as soon as the pages move on to another language, so Pagefind holds one language
// in memory, not the site.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PagefindIndex } from 'pagefind';
import { OutputError } from '../diagnostics.js';
import { openIndex, releaseIndex } from '../pipeline/index-search.js';
import type { SeededWriter } from '../pipeline/write-output.js';
import { faroFingerprint, hashOf } from './fingerprint.js';
import type { OutputManifest } from './output-manifest.js';
import { adoptLanguageOutput, BUNDLE, searchLanguageOf, writeEntry, type LanguagePart, type SearchRecord } from './search-bundle.js';

/** Pages handed to Pagefind and not yet indexed, at most (bounds the memory they hold). */
const BACKLOG = 400;
const WORK_DIR = '.faro-search';

interface LanguageGroup {
  lang: string;
  /** [path, content hash] of each of its pages, in order. */
  pages: [string, string][];
  /** A page is new or changed: the language is indexed in this build. */
  changed: boolean;
  /** 'streaming' while its index is open; 'written' once its part is in `output`. */
  state: 'waiting' | 'streaming' | 'written';
  /** Pages came after its index was written: it is indexed again at the end. */
  again: boolean;
  output?: string;
}

interface OpenIndex {
  group: LanguageGroup;
  index: PagefindIndex;
  pending: Set<Promise<void>>;
  errors: string[];
}

export interface SearchResult {
  record: SearchRecord;
  /** Languages indexed in this build, and languages whose part was kept. */
  indexed: number;
  kept: number;
  /** Seconds from the first page given to Pagefind to the last part written. */
  activeSeconds: number;
}

export class SearchIndexer {
  private readonly groups = new Map<string, LanguageGroup>();
  private readonly pages: Record<string, string> = {};
  private queue: { path: string; content?: string; group: LanguageGroup }[] = [];
  private open?: OpenIndex;
  private readonly writes: Promise<void>[] = [];
  private outputs = 0;
  private started?: number;
  private readonly previousRecord?: SearchRecord;

  constructor(
    private readonly staging: string,
    private readonly writer: SeededWriter,
    private readonly previous?: OutputManifest,
  ) {
    const record = previous?.search as SearchRecord | undefined;
    this.previousRecord = record && typeof record === 'object' && record.parts ? record : undefined;
  }

  /** A page written to the staging folder (`content` when at hand; read back otherwise). */
  page(path: string, content?: string): void {
    const hash = this.writer.records[path]?.[2] ?? '';
    // A page kept from the last build without being read: its language is known from then.
    const known = content === undefined && this.previous?.files[path]?.[2] === hash ? this.previousRecord?.pages?.[path] : undefined;
    const lang = known ?? searchLanguageOf(content ?? readFileSync(join(this.staging, path), 'utf8')) ?? '';
    this.pages[path] = lang;
    if (lang === '') return;
    let group = this.groups.get(lang);
    if (!group) {
      group = { lang, pages: [], changed: !this.previousRecord?.parts[lang], state: 'waiting', again: false };
      this.groups.set(lang, group);
    }
    group.pages.push([path, hash]);
    if (group.changed) {
      this.queue.push({ path, content, group });
      return;
    }
    if (this.previous?.files[path]?.[2] === hash) return;
    // The language's first changed page: its pages so far are read back when indexed.
    group.changed = true;
    for (const [earlier] of group.pages.slice(0, -1)) this.queue.push({ path: earlier, group });
    this.queue.push({ path, content, group });
  }

  /** Hands the queued pages to Pagefind, then waits until at most `limit` are still being indexed. */
  async flush(limit = BACKLOG): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    for (const { path, content, group } of queue) {
      if (group.state === 'written') {
        group.again = true;
        continue;
      }
      if (this.open?.group !== group) {
        this.closeOpen();
        this.open = await this.openFor(group);
      }
      const open = this.open;
      if (open.pending.size >= BACKLOG) await drain(open, BACKLOG / 2);
      add(open, path, content ?? readFileSync(join(this.staging, path), 'utf8'));
    }
    if (this.open) await drain(this.open, limit);
  }

  /** Indexes what is left, keeps the unchanged languages' parts, writes the bundle's entry. */
  async finish(): Promise<SearchResult> {
    try {
      await this.flush(0);
      this.closeOpen();
      await Promise.all(this.writes);
      const bundle = join(this.staging, BUNDLE);
      const parts: Record<string, LanguagePart> = {};
      let common: SearchRecord['common'] | undefined;
      let shared: string[] | undefined;
      let indexed = 0;
      let kept = 0;
      const adopt = (output: string) => {
        const adopted = adoptLanguageOutput(output, bundle, shared === undefined);
        shared ??= adopted.shared.map((name) => `${BUNDLE}/${name}`);
        common ??= adopted.common;
        return adopted;
      };
      for (const group of [...this.groups.values()].sort((a, b) => a.lang.localeCompare(b.lang))) {
        const key = hashOf(faroFingerprint(), ...group.pages.map(([path, hash]) => `${path}\0${hash}`).sort());
        const before = this.previousRecord?.parts[group.lang];
        if (!group.changed && before?.key === key && this.writer.reuseFiles(before.files)) {
          parts[group.lang] = before;
          kept++;
          continue;
        }
        if (group.state !== 'written' || group.again) group.output = await this.indexWhole(group);
        const adopted = adopt(group.output!);
        for (const lang of Object.keys(adopted.languages)) {
          if (Object.values(parts).some((part) => lang in part.languages)) throw new OutputError(`Pagefind filed two page languages under "${lang}"`, { file: group.pages[0]![0] });
        }
        parts[group.lang] = { key, languages: adopted.languages, files: adopted.files.map((name) => `${BUNDLE}/${name}`) };
        indexed++;
      }
      if (shared === undefined) {
        // Every language kept (or none at all): pagefind.js and the UI as they were, else fresh.
        const previous = this.previousRecord;
        if (previous && this.writer.reuseFiles(previous.shared)) {
          shared = previous.shared;
          common = previous.common;
        } else adopt(await this.indexWhole(undefined));
      }
      writeEntry(bundle, common!, Object.values(parts));
      const activeSeconds = this.started === undefined ? 0 : (performance.now() - this.started) / 1000;
      return { record: { common: common!, shared: shared!, parts, pages: this.pages }, indexed, kept, activeSeconds };
    } finally {
      rmSync(join(this.staging, WORK_DIR), { recursive: true, force: true });
    }
  }

  /** Frees Pagefind's indexes (a failed build). */
  async discard(): Promise<void> {
    const open = this.open;
    this.open = undefined;
    if (open) {
      await Promise.allSettled(open.pending);
      await releaseIndex(open.index);
    }
    await Promise.allSettled(this.writes);
  }

  private async openFor(group: LanguageGroup): Promise<OpenIndex> {
    this.started ??= performance.now();
    group.state = 'streaming';
    return { group, index: await openIndex(this.staging), pending: new Set(), errors: [] };
  }

  /** Writes the open language's part in the background and frees its index. */
  private closeOpen(): void {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    open.group.state = 'written';
    const output = this.nextOutput();
    open.group.output = output;
    this.writes.push(writeAndRelease(open, output));
  }

  /** Indexes every page of `group` (none: an empty index, for the shared files) into a new folder. */
  private async indexWhole(group: LanguageGroup | undefined): Promise<string> {
    this.started ??= performance.now();
    const output = this.nextOutput();
    const pages = (group?.pages ?? []).map(([path]): [string, () => string] => [path, () => readFileSync(join(this.staging, path), 'utf8')]);
    await indexPages(this.staging, pages, output);
    return output;
  }

  private nextOutput(): string {
    return join(this.staging, WORK_DIR, String(this.outputs++));
  }
}

/**
 * One Pagefind index of `pages` ([path, text when asked]) written to `output`, never more
 * than BACKLOG pages' text on the way at once.
 */
export async function indexPages(dir: string, pages: Iterable<[string, () => string]>, output: string): Promise<void> {
  const open = { index: await openIndex(dir), pending: new Set<Promise<void>>(), errors: [] as string[] };
  for (const [path, content] of pages) {
    if (open.pending.size >= BACKLOG) await drain(open, BACKLOG / 2);
    add(open, path, content());
  }
  await writeAndRelease(open, output);
}

function add(open: Pick<OpenIndex, 'index' | 'pending' | 'errors'>, path: string, content: string): void {
  const added: Promise<void> = open.index.addHTMLFile({ sourcePath: path, content }).then(
    (result) => void open.errors.push(...result.errors),
    (error: unknown) => void open.errors.push(String(error)),
  );
  const tracked = added.finally(() => open.pending.delete(tracked));
  open.pending.add(tracked);
}

async function drain(open: Pick<OpenIndex, 'pending'>, limit: number): Promise<void> {
  while (open.pending.size > limit) await Promise.race(open.pending);
}

async function writeAndRelease(open: Pick<OpenIndex, 'index' | 'pending' | 'errors'>, output: string): Promise<void> {
  try {
    await drain(open, 0);
    if (open.errors.length) throw new OutputError(`Pagefind: ${open.errors.join('; ')}`, { file: output });
    const written = await open.index.writeFiles({ outputPath: output });
    if (written.errors.length) throw new OutputError(`Pagefind: ${written.errors.join('; ')}`, { file: output });
  } finally {
    await releaseIndex(open.index);
  }
}
