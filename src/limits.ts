// Bounds that keep one hostile or broken article from taking a build down: past them the
// article gets a clear error instead of minutes of work or gigabytes of memory.
// Documented in README ("Limits").

/** Markdown text of one article (after Liquid). Trees cost ~500 bytes of memory per byte. */
export const MAX_MARKDOWN_BYTES = 4 * 1024 * 1024;

/** Nesting of blockquotes and lists; real articles stay under ten. */
export const MAX_NESTING_DEPTH = 100;

/**
 * Deepest nesting a line of the text asks for: `>` markers, or the indentation of its
 * text (two columns a level, the narrowest kramdown accepts). Cheap and linear, run
 * before parsing.
 */
export function nestingDepth(markdown: string): number {
  let deepest = 0;
  let lineStart = 0;
  while (lineStart <= markdown.length) {
    let end = markdown.indexOf('\n', lineStart);
    if (end < 0) end = markdown.length;
    let quotes = 0;
    let indent = 0;
    let i = lineStart;
    for (; i < end; i++) {
      const c = markdown.charCodeAt(i);
      if (c === 62 /* > */) quotes++;
      else if (c === 32 /* space */) indent += quotes === 0 ? 1 : 0;
      else if (c === 9 /* tab */) indent += quotes === 0 ? 4 : 0;
      else break;
    }
    // a line of whitespace only nests nothing, however long
    deepest = Math.max(deepest, quotes, i < end ? Math.floor(indent / 2) : 0);
    if (deepest > MAX_NESTING_DEPTH) return deepest;
    lineStart = end + 1;
  }
  return deepest;
}
