import { HTML_ELEMENTS_WITHOUT_BODY, HTML_SPAN_ELEMENTS, scanHtmlBlock, type ParsedElementReader, type ScanProgress } from './html-scan.js';

// How kramdown reads a block-level HTML element whose content it parses as Markdown:
// because of a `markdown` attribute ("1", "block" or "span"; "0" keeps it raw), or
// because `parse_block_html` is on and the element's content model is not raw. Its
// content runs to an end tag standing at the start of a line (up to three spaces
// before it) that kramdown's block parser reaches: an HTML block starting inside (a
// nested element, raw or parsed, or a comment) is read whole first, so its end tags do
// not count; in other lines a tag is text (a block element's start tag in a paragraph is
// text to kramdown). An end tag further into a line is text. Without such a line the
// element runs to the end.

export type ContentModel = 'block' | 'span' | 'raw';

const BLOCK_MODEL = new Set(
  'address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td'.split(
    ' ',
  ),
);
const SPAN_MODEL = new Set(
  'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt'.split(
    ' ',
  ),
);

const NAME = String.raw`[A-Za-z_:][\w:.-]*`;
const ATTRIBUTE = new RegExp(String.raw`\s*(${NAME})(?:\s*=\s*(?:([\p{L}\p{N}_]+)|("|')([\s\S]*?)\3))?`, 'gu');
const START_TAG = new RegExp(String.raw`^ {0,3}<(${NAME})((?:\s+${NAME}(?:\s*=\s*(?:[\p{L}\p{N}_]+|("|')[\s\S]*?\3))?)*)\s*(\/)?>`, 'u');

/** An element's default content model in kramdown. */
export function defaultContentModel(name: string): ContentModel {
  return BLOCK_MODEL.has(name) ? 'block' : SPAN_MODEL.has(name) ? 'span' : 'raw';
}

export interface HtmlStartTag {
  name: string;
  /** Attributes in order, names lowercased, without `markdown`. */
  attributes: Array<[string, string]>;
  /** The `markdown` attribute's value, if there was one. */
  markdown?: string;
  selfClosing: boolean;
  /** Length of the tag (with the spaces before it) in the text. */
  length: number;
}

/** The start tag at the start of `text` (after up to three spaces), if there is one. */
export function readHtmlStartTag(text: string): HtmlStartTag | undefined {
  const match = START_TAG.exec(text);
  if (!match) return undefined;
  const known = knownName(match[1]!);
  const attributes: Array<[string, string]> = [];
  let markdown: string | undefined;
  for (const [, rawName, bare, , quoted] of match[2]!.matchAll(ATTRIBUTE)) {
    const name = known ? rawName!.toLowerCase() : rawName!;
    const value = bare ?? quoted ?? '';
    if (name === 'markdown') markdown = value;
    else {
      const existing = attributes.findIndex(([key]) => key === name);
      if (existing >= 0) attributes.splice(existing, 1);
      attributes.push([name, value.replace(/\n+/g, ' ')]);
    }
  }
  return { name: known ?? match[1]!, attributes, markdown, selfClosing: match[4] !== undefined, length: match[0].length };
}

function knownName(name: string): string | undefined {
  const lower = name.toLowerCase();
  return BLOCK_MODEL.has(lower) || SPAN_MODEL.has(lower) || HTML_SPAN_ELEMENTS.has(lower) || HTML_ELEMENTS_WITHOUT_BODY.has(lower) || KNOWN.has(lower)
    ? lower
    : undefined;
}

const KNOWN = new Set(
  'script style math option textarea pre code kbd samp var caption col colgroup html head hr legend menu ol optgroup table tbody tfoot thead tr ul'.split(' '),
);

/**
 * The content model kramdown gives a block element: from its `markdown` attribute, else
 * parsed by its default model when `parse_block_html` is on, else raw.
 */
export function contentModel(tag: HtmlStartTag, parseBlockHtml: boolean): ContentModel {
  switch (tag.markdown) {
    case '0':
      return 'raw';
    case '1':
      return defaultContentModel(tag.name);
    case 'block':
      return 'block';
    case 'span':
      return 'span';
    default:
      return parseBlockHtml ? defaultContentModel(tag.name) : 'raw';
  }
}

export interface ParsedElement {
  tag: HtmlStartTag;
  model: ContentModel;
  /** Offsets in the text: content start and end (where the end tag or its line starts), and just after the end tag. */
  contentStart: number;
  contentEnd: number;
  end: number;
  /** Whether the end tag was found (else the element runs to the end of the text). */
  closed: boolean;
}

/** Splits a parsed element's text into its parts (the text starts at the start tag). */
export function parsedElementExtent(text: string, tag: HtmlStartTag, model: ContentModel, progress?: LineScan, parseBlockHtml = false): ParsedElement {
  if (tag.selfClosing || HTML_ELEMENTS_WITHOUT_BODY.has(tag.name)) {
    return { tag, model, contentStart: tag.length, contentEnd: tag.length, end: tag.length, closed: true };
  }
  const contentStart = contentStartOf(text, tag, model);
  const scan = progress ?? { lineStart: contentStart };
  const close = model === 'span' ? findEndTag(text, tag.name, contentStart) : findLineEndTag(text, tag.name, scan, parseBlockHtml);
  if (!close) return { tag, model, contentStart, contentEnd: text.length, end: text.length, closed: false };
  return { tag, model, contentStart, contentEnd: close.lineStart, end: close.end, closed: true };
}

/** After the start tag, the rest of its line is skipped when it holds only whitespace (block model). */
function contentStartOf(text: string, tag: HtmlStartTag, model: ContentModel): number {
  const afterTag = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(tag.length));
  return tag.length + (model === 'block' && afterTag ? afterTag[0].length : 0);
}

/**
 * The model of an element inside raw HTML: raw unless its `markdown` attribute asks for
 * parsing (`parse_block_html` does not reach inside raw HTML). Span elements too.
 */
export function nestedElementModel(tag: HtmlStartTag | undefined): ContentModel {
  if (!tag || tag.selfClosing || HTML_ELEMENTS_WITHOUT_BODY.has(tag.name) || tag.name === 'script' || tag.name === 'style') return 'raw';
  return contentModel(tag, false);
}

/** Reads the elements inside raw HTML whose content kramdown parses (see ParsedElementReader). */
export function parsedElementReader(parseBlockHtml: boolean): ParsedElementReader {
  return (text, at) => {
    const tag = readHtmlStartTag(text.slice(at));
    const model = nestedElementModel(tag);
    if (!tag || model === 'raw') return undefined;
    let scan: LineScan | undefined;
    return (grown) => {
      const rest = grown.slice(at);
      const extent = parsedElementExtent(rest, tag, model, model === 'block' ? (scan ??= { lineStart: contentStartOf(rest, tag, model) }) : undefined, parseBlockHtml);
      return extent.closed ? at + extent.end : 'open';
    };
  };
}

/** Span content ends at the first end tag, wherever it is. */
function findEndTag(text: string, name: string, from: number): { lineStart: number; end: number } | undefined {
  const close = new RegExp(String.raw`<\/${escapeName(name)}\s*>`, knownName(name) ? 'gi' : 'g');
  close.lastIndex = from;
  const match = close.exec(text);
  return match ? { lineStart: match.index, end: match.index + match[0].length } : undefined;
}

/**
 * How far a line-by-line search for an end tag got: the next line to read, the parsed
 * block-model elements opened inside and not yet closed (innermost last), and the scan of
 * a raw HTML block starting at `lineStart`.
 */
export interface LineScan {
  lineStart: number;
  open?: string[];
  raw?: ScanProgress;
}

const escapeName = (name: string) => name.replace(/[.]/g, '\\.');
/** A line that may start an HTML block (its indentation before the `<`). */
const BLOCK_HTML_LINE = /^( {0,3})<(?!\/)/;
const endTagAtLineStart = (name: string) => new RegExp(String.raw`^ {0,3}<\/${escapeName(name)}\s*>`, knownName(name) ? 'i' : '');

/**
 * The end tag standing at the start of a line the block parser reaches (see above).
 * Nested parsed elements are followed on a stack, not by recursion: they may nest deeply.
 */
function findLineEndTag(text: string, name: string, scan: LineScan, parseBlockHtml: boolean): { lineStart: number; end: number } | undefined {
  const open = (scan.open ??= []);
  for (;;) {
    const newline = text.indexOf('\n', scan.lineStart);
    const nextLine = newline < 0 ? -1 : newline + 1;
    const line = text.slice(scan.lineStart, newline < 0 ? text.length : newline);
    const atStart = endTagAtLineStart(open.at(-1) ?? name).exec(line);
    if (atStart && open.length === 0) return { lineStart: scan.lineStart, end: scan.lineStart + atStart[0].length };
    let next = nextLine;
    if (atStart) {
      // the end of a nested element: closed once the line is complete (it is read again till then)
      if (nextLine < 0) return undefined;
      open.pop();
    } else {
      const block = BLOCK_HTML_LINE.exec(line);
      // An unfinished block or line is read again when the text has grown (or runs to the end).
      const skipped = block ? skipNestedBlock(text, scan.lineStart + block[1]!.length, scan, parseBlockHtml) : 'invalid';
      if (skipped === 'open') return undefined;
      if (skipped !== 'invalid') next = skipped;
    }
    if (next < 0) return undefined;
    scan.lineStart = next;
  }
}

/**
 * Reads the HTML block starting at `at`: a parsed block-model element is opened (its
 * content is read on, from the returned offset), anything else is skipped whole (the
 * offset is the line after it). `invalid`: the line is no HTML block.
 */
function skipNestedBlock(text: string, at: number, scan: LineScan, parseBlockHtml: boolean): number | 'open' | 'invalid' {
  const rest = text.slice(at);
  const tag = !scan.raw && !rest.startsWith('<!--') ? readHtmlStartTag(rest) : undefined;
  const model = tag && !HTML_SPAN_ELEMENTS.has(tag.name) && !tag.selfClosing && !HTML_ELEMENTS_WITHOUT_BODY.has(tag.name) ? contentModel(tag, parseBlockHtml) : 'raw';
  let end: number;
  if (tag && model === 'block') {
    scan.open!.push(tag.name);
    const afterTag = /^[ \t]*(?:\r?\n|$)/.exec(rest.slice(tag.length));
    return at + tag.length + (afterTag ? afterTag[0].length : 0);
  } else if (tag && model === 'span') {
    const close = findEndTag(rest, tag.name, tag.length);
    if (!close) return 'open';
    end = close.end;
  } else {
    const found = scanHtmlBlock(rest, (scan.raw ??= { parsed: parsedElementReader(parseBlockHtml) }));
    if (found.status === 'open') return 'open';
    scan.raw = undefined;
    if (found.status === 'invalid') return 'invalid';
    end = found.end;
  }
  const after = text.indexOf('\n', at + end);
  return after < 0 ? 'open' : after + 1;
}

/**
 * A scanner for one HTML block, fed successive, longer versions of its text (the text
 * read so far): where the block ends for kramdown, `open` while its end is not in the
 * text yet, `invalid` when it is no HTML block.
 */
export function createHtmlBlockScanner(parseBlockHtml: boolean): (text: string) => number | 'open' | 'invalid' {
  let parsed: { tag: HtmlStartTag; model: ContentModel; scan?: LineScan } | undefined;
  const raw: ScanProgress = { parsed: parsedElementReader(parseBlockHtml) };
  let decided = false;
  return (text) => {
    if (!decided) {
      const tag = text.startsWith('<!--') ? undefined : readHtmlStartTag(text);
      if (tag && !HTML_SPAN_ELEMENTS.has(tag.name)) {
        const model = contentModel(tag, parseBlockHtml);
        if (model !== 'raw') parsed = { tag, model };
      }
      decided = true;
    }
    if (parsed) {
      if (!parsed.scan) {
        const afterTag = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(parsed.tag.length));
        parsed.scan = { lineStart: parsed.tag.length + (parsed.model === 'block' && afterTag ? afterTag[0].length : 0) };
      }
      const extent = parsedElementExtent(text, parsed.tag, parsed.model, parsed.scan, parseBlockHtml);
      return extent.closed ? extent.end : 'open';
    }
    const scan = scanHtmlBlock(text, raw);
    return scan.status === 'complete' ? scan.end : scan.status;
  };
}

/** Where an HTML block that starts `text` ends for kramdown (see createHtmlBlockScanner). */
export function htmlBlockEnd(text: string, parseBlockHtml: boolean): number | 'open' | 'invalid' {
  return createHtmlBlockScanner(parseBlockHtml)(text);
}
