// Stage 1: which files of the source folder are pages, posts, drafts or static files,
// by Jekyll's reader rules (underscore/dot folders skipped, `exclude`, `_posts/` and
// `_drafts/` in any folder, front matter makes a page, `_label/` of a declared collection
// holds its documents). With `collections_dir`, posts and drafts are read only below it,
// and their relative_path is from it, as documents' are.
import { ContainmentError } from '../diagnostics.js';
import type { FileEntry } from '../fs.js';
import { collectionOf, collectionsContainer, customCollections } from './collections.js';
import { collectionStaticOutputPath } from './resolve-permalinks.js';
import type { BuildContext, SourcePage, StaticFile } from './types.js';

export interface DiscoveredSources {
  pages: SourcePage[];
  staticFiles: StaticFile[];
}

const POST_NAME = /^\d{2,4}-\d{1,2}-\d{1,2}-.+\.[^.]+$/;
const FRONT_MATTER_START = /^(\uFEFF)?---[ \t]*(\r\n|\r|\n)/;

export function discoverSources(context: BuildContext): DiscoveredSources {
  const { fs, config } = context;
  const pages: SourcePage[] = [];
  const staticFiles: StaticFile[] = [];
  const excludes = config.exclude.filter((pattern) => !config.include.includes(pattern));
  const collections = customCollections(config.siteVariables);
  const container = collectionsContainer(config.siteVariables);

  for (const entry of fs.listFiles('')) {
    const document = matchesAny(entry.path, excludes) ? undefined : collectionOf(entry.path, collections);
    const kind = document ? 'document' : classify(entry, excludes, config.include, container);
    if (kind === 'skip') continue;
    const isMarkdown = config.markdownExtensions.some((ext) => entry.path.toLowerCase().endsWith(ext));
    const bytes = fs.readBytes(entry.path);
    if (!bytes) continue;
    if (!hasFrontMatter(bytes)) {
      // Jekyll copies a file without front matter as is, even Markdown; posts need front matter.
      if (kind === 'static') staticFiles.push({ sourcePath: entry.path, outputPath: entry.path, fs, mtimeMs: entry.mtimeMs });
      // A collection's other files are copied only when the collection is written.
      const outputPath = document?.collection.output
        ? collectionStaticOutputPath(document.relativePath, document.collection.label, document.collection.permalink)
        : undefined;
      if (outputPath) staticFiles.push({ sourcePath: entry.path, outputPath, fs, mtimeMs: entry.mtimeMs, collection: document!.collection.label });
      continue;
    }
    // Lone CR line endings (old Mac editors) read like LF, so such an article is not lost.
    const source = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '').replace(/\r(?!\n)/g, '\n');
    pages.push({
      sourcePath: entry.path,
      kind: kind === 'static' ? 'page' : kind,
      source,
      isMarkdown,
      ...(document && { collection: document.collection.label, relativePath: document.relativePath }),
      ...((kind === 'post' || kind === 'draft') && container && { relativePath: fromContainer(entry.path, container) }),
    });
  }
  for (const path of fs.refusedEntries?.() ?? []) {
    if (matchesAny(path, excludes)) continue;
    context.diagnostics.push(
      new ContainmentError('symbolic link leads outside the site folder; it is not read', { file: path }).toDiagnostic(),
    );
  }
  return { pages, staticFiles };
}

type Classification = 'skip' | 'static' | 'post' | 'draft';

function classify(entry: FileEntry, excludes: string[], includes: string[], container: string): Classification {
  const parts = entry.path.split('/');
  const name = parts[parts.length - 1]!;
  if (matchesAny(entry.path, excludes)) return 'skip';
  const specialFolder = parts.slice(0, -1).findIndex((part) => isSpecial(part) && !includes.includes(part));
  if (specialFolder >= 0) {
    const folder = parts[specialFolder];
    // `_posts` and `_drafts` are read in any folder; other `_`/`.` folders never are.
    const isDirectChild = specialFolder === parts.length - 2;
    // Jekyll's test, a plain string prefix: `/news` starts with `/news` and so does `/newsletter`.
    const outside = container !== '' && !`/${parts.slice(0, specialFolder).join('/')}`.startsWith(`/${container}`);
    if (folder === '_posts' && POST_NAME.test(name) && !outside) return 'post';
    if (folder === '_drafts' && isDirectChild && !outside) return 'draft';
    return 'skip';
  }
  if ((isSpecial(name) && !includes.includes(name)) || name.endsWith('~')) return 'skip';
  return 'static';
}

const isSpecial = (name: string): boolean => /^[._#~]/.test(name);

/** A path from the collections folder, as Jekyll's relative_path (unchanged when not below it). */
const fromContainer = (path: string, container: string) => (path.startsWith(`${container}/`) ? path.slice(container.length + 1) : path);

function hasFrontMatter(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 16));
  return FRONT_MATTER_START.test(head);
}

/** Jekyll's exclude matching: a path, a folder prefix, or a glob. */
export function matchesAny(path: string, patterns: string[]): boolean {
  return patterns.some((raw) => {
    const pattern = raw.replace(/^\.?\//, '');
    if (pattern === '') return false;
    const folder = pattern.replace(/\/$/, '');
    if (path === folder || path.startsWith(folder + '/')) return true;
    if (/[*?[]/.test(pattern)) return globToRegExp(pattern).test(path);
    return false;
  });
}

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        out += '.*';
        i++;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}(/.*)?$`);
}
