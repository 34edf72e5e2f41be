// How far a kramdown block-level HTML element reaches. With `parse_block_html: false`
// kramdown reads everything after a block start tag as raw HTML up to the matching end
// tag: nested start tags open elements (void and self-closed ones do not), an end tag
// closes the innermost open element only when the names match (others are kept as
// text), comments and processing instructions are skipped, and <script>/<style> bodies
// are not looked into. Blank lines do not end it; the end of the input closes it. An
// element inside whose `markdown` attribute asks for parsing is read to its own end
// first, which may lie past the raw elements around it (see ParsedElementReader).

const NAME = String.raw`[A-Za-z_:][\w:.-]*`;
const ATTRIBUTES = String.raw`(?:\s+${NAME}(?:\s*=\s*(?:[\p{L}\p{N}_]+|("|')[\s\S]*?\2))?)*`;
const START_TAG = new RegExp(String.raw`^<(${NAME})\s*${ATTRIBUTES}\s*(\/)?>`, 'u');
const END_TAG = new RegExp(String.raw`^<\/(${NAME})\s*>`);
const RAW_START = new RegExp(String.raw`<(?:${NAME}|\/|!--|\?)`, 'g');

/** Elements kramdown reads as span-level: a line starting with one is a paragraph. */
export const HTML_SPAN_ELEMENTS = new Set(
  ('a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt ' +
    'rtc ruby samp select small span strong sub sup tt u var').split(' '),
);
const LAZY_END_EXCLUDED = `(?:${[...HTML_SPAN_ELEMENTS, 'script'].join('|')})\\b`;
/** A line kramdown never takes as a lazy line: it starts with a block-level start tag… */
export const HTML_LINE_START = new RegExp(String.raw`^ {0,3}<(?!${LAZY_END_EXCLUDED})[A-Za-z_:]`);
/** …or a block-level end tag. */
export const HTML_LINE_STOP = new RegExp(String.raw`^ {0,3}<\/(?!${LAZY_END_EXCLUDED})[A-Za-z_:][\w:.-]*\s*>`);
export const HTML_ELEMENTS_WITHOUT_BODY = new Set(
  'area base br col command embed hr img input keygen link meta param source track wbr'.split(' '),
);
const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);
const BLOCK_ELEMENTS =
  'address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer ' +
  'form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre ' +
  'section summary table tbody td th thead tfoot tr ul math textarea';
/** Names kramdown knows as HTML (compared case-insensitively); others are case-sensitive. */
const KNOWN_ELEMENTS = new Set([...HTML_SPAN_ELEMENTS, ...HTML_ELEMENTS_WITHOUT_BODY, ...BLOCK_ELEMENTS.split(' ')]);

const normalName = (name: string) => (KNOWN_ELEMENTS.has(name.toLowerCase()) ? name.toLowerCase() : name);

export type HtmlBlockScan =
  | { status: 'invalid' }
  | { status: 'open' }
  /** `end`: offset just after the element's end tag (or the comment). */
  | { status: 'complete'; end: number };

/**
 * Where a scan stopped, so that a longer text (the same text with more lines) can be
 * scanned on from there instead of from the start.
 */
export interface ScanProgress {
  open?: string[];
  position?: number;
  /** Reads an element inside the raw HTML whose content kramdown parses (see ParsedElementReader). */
  parsed?: ParsedElementReader;
  /** The scan of such an element, under way: its end, or `open` while it is not in the text. */
  inside?: (text: string) => number | 'open';
}

/**
 * An element inside raw HTML may ask for its content to be parsed (a `markdown`
 * attribute): kramdown then reads it as it reads such an element anywhere, up to its own
 * end (which may be past the raw elements around it), and reads the raw HTML on after
 * it. Given the text and where the element's start tag is, the reader returns the scan
 * of its extent, or undefined when the element stays raw.
 */
export type ParsedElementReader = (text: string, at: number) => ((text: string) => number | 'open') | undefined;

/** A start tag that may carry a `markdown` attribute (the reader decides). */
export const MAY_HAVE_MARKDOWN_ATTRIBUTE = /\smarkdown\s*=/i;

const START_TAG_AT = new RegExp(START_TAG.source.slice(1), 'uy');
const END_TAG_AT = new RegExp(END_TAG.source.slice(1), 'y');

/**
 * Scans `text` (starting at a block's first `<`) as kramdown's block HTML parser would.
 * `open` means the element is still unclosed at the end of `text`. Pass the same
 * `progress` object for successive, longer versions of the text to scan each part once.
 */
export function scanHtmlBlock(text: string, progress: ScanProgress = {}): HtmlBlockScan {
  if (progress.open) return scanRawBody(text, progress);
  if (text.startsWith('<!--')) {
    const close = text.indexOf('-->', Math.max(4, (progress.position ?? 0) - 2));
    progress.position = text.length;
    return close < 0 ? { status: 'open' } : { status: 'complete', end: close + 3 };
  }
  const start = START_TAG.exec(text);
  if (!start) return { status: 'invalid' };
  const name = normalName(start[1]!);
  if (HTML_SPAN_ELEMENTS.has(name)) return { status: 'invalid' };
  const afterTag = start[0].length;
  if (RAW_TEXT_ELEMENTS.has(name)) return skipRawText(text, name, afterTag);
  if (start[3] || HTML_ELEMENTS_WITHOUT_BODY.has(name)) return { status: 'complete', end: afterTag };
  progress.open = [name];
  progress.position = afterTag;
  return scanRawBody(text, progress);
}

function skipRawText(text: string, name: string, from: number): HtmlBlockScan {
  const close = new RegExp(String.raw`<\/${name}\s*>`, 'ig');
  close.lastIndex = from;
  const match = close.exec(text);
  return match ? { status: 'complete', end: match.index + match[0].length } : { status: 'open' };
}

/** Scans on from `progress.position` with the elements in `progress.open` open. */
function scanRawBody(text: string, progress: ScanProgress): HtmlBlockScan {
  const open = progress.open!;
  let position = progress.position!;
  // Something that may complete once more text comes: look at it again next time.
  const wait = (at: number): HtmlBlockScan => {
    progress.position = at;
    return { status: 'open' };
  };
  while (open.length > 0) {
    if (progress.inside) {
      const end = progress.inside(text);
      if (end === 'open') return wait(position);
      progress.inside = undefined;
      position = end;
      continue;
    }
    RAW_START.lastIndex = position;
    const found = RAW_START.exec(text);
    if (!found) return wait(Math.max(position, text.length - 3));
    const at = found.index;
    position = at + 1;
    if (text.startsWith('<!--', at)) {
      const close = text.indexOf('-->', at + 4);
      if (close < 0) return wait(at);
      position = close + 3;
    } else if (text.startsWith('<?', at)) {
      const close = text.indexOf('?>', at + 2);
      if (close < 0) return wait(at);
      position = close + 2;
    } else if (text.startsWith('</', at)) {
      END_TAG_AT.lastIndex = at;
      const end = END_TAG_AT.exec(text);
      if (!end) {
        if (!text.includes('>', at)) return wait(at);
        continue;
      }
      position = at + end[0].length;
      if (normalName(end[1]!) === open.at(-1)) open.pop();
    } else {
      START_TAG_AT.lastIndex = at;
      const tag = START_TAG_AT.exec(text);
      if (!tag) {
        if (!text.includes('>', at)) return wait(at);
        continue;
      }
      position = at + tag[0].length;
      const name = normalName(tag[1]!);
      if (RAW_TEXT_ELEMENTS.has(name)) {
        const skipped = skipRawText(text, name, position);
        if (skipped.status !== 'complete') return wait(at);
        position = skipped.end;
      } else if (!tag[3] && !HTML_ELEMENTS_WITHOUT_BODY.has(name)) {
        const inside = MAY_HAVE_MARKDOWN_ATTRIBUTE.test(tag[0]) ? progress.parsed?.(text, at) : undefined;
        if (inside) progress.inside = inside;
        else open.push(name);
      }
    }
  }
  progress.position = position;
  return { status: 'complete', end: position };
}

/** Characters kramdown escapes in text (entity and character references are kept). */
const TEXT_SPECIALS = /&(?:[\p{L}_:][\p{L}\p{N}_.:-]*;|#\d+;|#x[0-9a-fA-F]+;)|[<>&]/gu;
const TEXT_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Text as kramdown's HTML converter prints it. */
export const escapeHtmlText = (text: string) => text.replace(TEXT_SPECIALS, (found) => TEXT_ESCAPES[found] ?? found);

/**
 * A piece of printed raw HTML, or the extent of an element in it whose content is parsed
 * (`depth`: how many raw elements are open around it).
 */
export type RawHtmlPiece = string | { start: number; end: number; depth: number };

/**
 * Raw block HTML as kramdown prints it. kramdown parses it into elements and text:
 * tags, comments and processing instructions come out as written (script and style
 * bodies too), everything else is text and comes out escaped: a `<` that starts no
 * tag, an end tag that does not close the innermost open element, a CDATA section or
 * a declaration. Elements left open are closed after the block's last line.
 * `parsedEnd(at)` gives where an element starting at `at` ends when its content is
 * parsed (undefined: it is raw); such an element is a piece of its own.
 */
export function printRawHtml(html: string, parsedEnd?: (at: number) => number | undefined): RawHtmlPiece[] {
  const pieces: RawHtmlPiece[] = [];
  const open: string[] = [];
  let out = '';
  let textStart = 0;
  let position = 0;
  // Keeps html[from, to) as written, after the text before it.
  const keep = (from: number, to: number) => {
    out += escapeHtmlText(html.slice(textStart, from)) + html.slice(from, to);
    textStart = position = to;
  };
  for (;;) {
    RAW_START.lastIndex = position;
    const found = RAW_START.exec(html);
    if (!found) break;
    const at = found.index;
    position = at + 1;
    if (html.startsWith('<!--', at) || html.startsWith('<?', at)) {
      const close = html.indexOf(html.startsWith('<?', at) ? '?>' : '-->', at + 2);
      if (close >= 0) keep(at, close + (html.startsWith('<?', at) ? 2 : 3));
    } else if (html.startsWith('</', at)) {
      END_TAG_AT.lastIndex = at;
      const end = END_TAG_AT.exec(html);
      if (!end || normalName(end[1]!) !== open.at(-1)) continue;
      open.pop();
      keep(at, at + end[0].length);
    } else {
      START_TAG_AT.lastIndex = at;
      const tag = START_TAG_AT.exec(html);
      if (!tag) continue;
      const name = normalName(tag[1]!);
      const hasBody = !tag[3] && !HTML_ELEMENTS_WITHOUT_BODY.has(name);
      const parsed = hasBody && !RAW_TEXT_ELEMENTS.has(name) && MAY_HAVE_MARKDOWN_ATTRIBUTE.test(tag[0]) ? parsedEnd?.(at) : undefined;
      if (parsed !== undefined) {
        keep(at, at);
        if (out) pieces.push(out);
        pieces.push({ start: at, end: parsed, depth: open.length });
        out = '';
        textStart = position = parsed;
      } else if (RAW_TEXT_ELEMENTS.has(name)) {
        const skipped = skipRawText(html, name, at + tag[0].length);
        keep(at, skipped.status === 'complete' ? skipped.end : html.length);
        if (skipped.status !== 'complete') open.push(name);
      } else {
        keep(at, at + tag[0].length);
        if (hasBody) open.push(name);
      }
    }
  }
  out += escapeHtmlText(html.slice(textStart));
  if (open.length > 0) out = `${out.endsWith('\n') || out === '' ? out : `${out}\n`}${open.reverse().map((name) => `</${name}>`).join('')}`;
  if (out) pieces.push(out);
  return pieces;
}
