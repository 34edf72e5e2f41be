import type { Diagnostic } from '../diagnostics.js';
import type { SiteFileSystem } from '../fs.js';
import type { BuildFilters, ResolvedConfig } from '../config/resolved-config.js';
import type { Heading, LinkReference } from '../markdown/types.js';

/** `document`: a file of a custom collection (`collections:` in _config.yml). */
export type PageKind = 'page' | 'post' | 'draft' | 'document';

/** A file of the source folder that has front matter (Jekyll renders those). */
export interface SourcePage {
  /** Relative to the source folder, posix separators. */
  sourcePath: string;
  kind: PageKind;
  /** The whole file (BOM removed). */
  source: string;
  isMarkdown: boolean;
  /** A document's collection label (posts and drafts: `posts`). */
  collection?: string;
  /** A document's path from `collections_dir` (Jekyll's relative_path), when it differs from sourcePath. */
  relativePath?: string;
}

export interface Page extends SourcePage {
  /** Front matter. */
  data: Record<string, unknown>;
  /** Text after the front matter. */
  body: string;
  /** Lines of the file before `body` (so body line n is file line n + bodyOffset). */
  bodyOffset: number;
  /** Jekyll renders the whole file, front matter included: an earlier page included it (shared-templates.ts). */
  templateFromFile?: boolean;
  /** Pages this one includes with include_relative as their body alone (rendered before it). */
  includedBodies?: Record<string, string>;
  /** Jekyll URL, e.g. `/co/es/conference-server`. Without baseurl. */
  url: string;
  /** File written for it, relative to the output folder, e.g. `co/es/conference-server.html`. */
  outputPath: string;
  title: string;
  date?: Date;
  locale: string;
  categories: string[];
  tags: string[];
  /** Layout named in front matter (`post`, `page`, …) or null for none. */
  layout: string | null;
  /** Pages with the same key are translations of each other. */
  translationKey: string;
  /** A post's or document's rendered excerpt, when the site's Liquid asks for excerpts. */
  excerpt?: string;
  /** The documents before and after it in its collection (posts: by date), Jekyll's `page.previous`/`next`. */
  previous?: Page;
  next?: Page;
}

export interface RenderedPage extends Page {
  /** The body as Jekyll's `{{ content }}`. */
  html: string;
  headings: Heading[];
  links: LinkReference[];
}

/** A file copied as is. */
export interface StaticFile {
  /** Where it is read from, relative to `fs`'s root. */
  sourcePath: string;
  /** Where it goes, relative to the output folder. */
  outputPath: string;
  fs: SiteFileSystem;
  /** Last change (Liquid's `modified_time`), when known. */
  mtimeMs?: number;
  /** The collection it belongs to, for a collection's file without front matter. */
  collection?: string;
}

export interface OutputFile {
  /** Relative to the output folder, posix separators. */
  path: string;
  content: string | Uint8Array;
}

/** What every stage receives besides the pages it works on. */
export interface BuildContext {
  config: ResolvedConfig;
  filters: BuildFilters;
  /** The source folder. */
  fs: SiteFileSystem;
  diagnostics: Diagnostic[];
  /** Called after each page is rendered (progress lines on a terminal). */
  onProgress?: (done: number, total: number) => void;
}
