import type { Construct, ParseContext } from 'micromark-util-types';
import { documentSource } from './source-text.js';

// kramdown reads every block of the document, HTML elements whose content is Markdown
// included, before it looks for footnote markers, so a marker finds its definition
// wherever in the document that stands. micromark only takes `[^name]` as a marker for
// a definition its own parse has seen, and the content of such an element is parsed on
// its own. So each parse is told up front every name that looks defined anywhere in the
// document; a marker whose definition turns out not to exist goes back to text in the
// tree step (footnote-tree.ts).

const DEFINITION_LABEL = /\[\^([A-Za-z0-9_][\w-]*)\]:/g;

/** The document a fragment belongs to, while the fragment is parsed (parsing is synchronous). */
let enclosingDocument: string | undefined;

/** Runs `parse` on a piece of `document` so that footnote markers see the whole document's definitions. */
export function parseInDocument<T>(document: string, parse: () => T): T {
  const saved = enclosingDocument;
  enclosingDocument = document;
  try {
    return parse();
  } finally {
    enclosingDocument = saved;
  }
}

const seeded = new WeakSet<ParseContext>();

/**
 * A document construct that never matches: on the first line it hands the parser the
 * footnote names defined in the document (micromark's footnote marker looks them up in
 * `gfmFootnotes`). Comes after `captureSource`, which records the parse's text.
 */
export const seedFootnoteNames: Construct = {
  name: 'kramdownSeedFootnoteNames',
  tokenize(effects, ok, nok) {
    const self = this;
    return (code) => {
      if (seeded.has(self.parser)) return nok(code);
      seeded.add(self.parser);
      const text = enclosingDocument ?? documentSource(self);
      if (text === undefined) return nok(code);
      const parser = self.parser as typeof self.parser & { gfmFootnotes?: string[] };
      const defined = (parser.gfmFootnotes ??= []);
      for (const identifier of definedNames(text)) if (!defined.includes(identifier)) defined.push(identifier);
      return nok(code);
    };
  },
};

// The fragments of one document all ask about the same text: read it once.
let lastDocument: { text: string; names: string[] } | undefined;

/** The footnote names that look defined in `text`, as micromark normalizes them (footnote-tree.ts applies kramdown's exact names). */
function definedNames(text: string): string[] {
  if (lastDocument?.text === text) return lastDocument.names;
  const names = new Set<string>();
  for (const [, name] of text.matchAll(DEFINITION_LABEL)) names.add(name!.toLowerCase().toUpperCase());
  lastDocument = { text, names: [...names] };
  return lastDocument.names;
}
