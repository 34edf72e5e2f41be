import type { Html, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { sliceText, textLiterals } from '../source/text-literals.js';
import { valueOffsets, type SourceIndex } from '../source/offsets.js';
import { spliceAll } from '../source/arrays.js';

// kramdown reads span-level HTML tags itself and writes them back out its own way: known
// element names in lower case, every attribute as name="value" (line breaks in a value
// become spaces), `<span/>` as `<span></span>`, `<br>` as `<br />`. Its tag names may hold
// `:`, `.` and `_` (XML names, which CommonMark does not take for tags), and a processing
// instruction or declaration (`<? ... ?>`, `<!X ...>`) is no tag for it but text.

const NAME = String.raw`(?:[\p{L}_][\p{L}\p{M}\p{N}._-]*:)?[\p{L}_][\p{L}\p{M}\p{N}._-]*`;
const WORD = String.raw`[\p{L}\p{M}\p{Nd}\p{Pc}]+`;
const OPEN_TAG = new RegExp(String.raw`^<(${NAME})\s*((?:\s+${NAME}(?:\s*=\s*(?:${WORD}|("|')[\s\S]*?\3))?)*)\s*(\/)?>`, 'u');
const CLOSE_TAG = new RegExp(String.raw`^<\/(${NAME})\s*>`, 'u');
const ATTRIBUTE = new RegExp(String.raw`\s*(${NAME})(?:\s*=\s*(?:(${WORD})|("|')([\s\S]*?)\3))?`, 'gu');
// names CommonMark would have read as a tag already
const COMMONMARK_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

const WITHOUT_BODY = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));
// kramdown's list of the HTML elements it knows (their names and attributes are case-folded)
export const HTML_ELEMENTS = new Set(
  (
    'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ' +
    'ruby samp select small span strong sub sup tt u var address article aside applet body blockquote caption col ' +
    'colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend ' +
    'menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul area base command ' +
    'embed keygen link meta param source track wbr details figure noscript object script style math textarea'
  ).split(' '),
);
const TEXT_RUNS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'kramdownDefinitionTerm']);

/** Turns XML-named tags left in text into HTML nodes (before raw content is worked out). */
export function findXmlTags(tree: Root, index: SourceIndex): void {
  for (const children of textRuns(tree)) {
    for (let position = 0; position < children.length; position++) {
      const child = children[position]!;
      if (child.type !== 'text' || !child.value.includes('<')) continue;
      const pieces = splitTags(child, index);
      if (pieces.length === 1) continue;
      spliceAll(children, position, 1, pieces);
      position += pieces.length - 1;
    }
  }
}

/** Writes span tags the way kramdown does; processing instructions and declarations become text. */
export function normalizeSpanTags(tree: Root): void {
  for (const children of textRuns(tree)) {
    children.forEach((child, position) => {
      if (child.type !== 'html') return;
      if (/^<(\?|![^-])/.test(child.value)) children[position] = { type: 'text', value: child.value, position: child.position };
      else child.value = rewriteTag(child.value) ?? child.value;
    });
  }
}

function* textRuns(tree: Root): Generator<PhrasingContent[]> {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!('children' in node)) continue;
    if (TEXT_RUNS.has(node.type)) yield node.children as PhrasingContent[];
    for (const child of node.children as Nodes[]) pending.push(child);
  }
}

/** An open tag as kramdown writes it, or undefined when it is not one kramdown reads. */
function rewriteTag(value: string): string | undefined {
  const open = OPEN_TAG.exec(value);
  if (!open || open[0].length !== value.length) return undefined;
  const known = HTML_ELEMENTS.has(open[1]!.toLowerCase());
  const name = known ? open[1]!.toLowerCase() : open[1]!;
  const attributes = new Map<string, string>();
  for (const [, rawName, word, , quoted] of open[2]!.matchAll(ATTRIBUTE)) {
    const key = known ? rawName!.toLowerCase() : rawName!;
    attributes.set(key, (word ?? quoted ?? '').replace(/\n+/g, ' '));
  }
  let out = `<${name}`;
  for (const [key, attribute] of attributes) {
    if (key === 'id' && attribute.trim() === '') continue;
    out += ` ${key}="${escapeAttribute(attribute)}"`;
  }
  if (WITHOUT_BODY.has(name)) return `${out} />`;
  return open[4] ? `${out}></${name}>` : `${out}>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&(?!#?\w+;)|[<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A text node cut at the XML-named tags in it (only plain `<`, not escaped ones). */
function splitTags(text: Text, index: SourceIndex): PhrasingContent[] {
  const literalStarts = new Set(textLiterals(text).map((literal) => literal.start));
  const found: Array<{ start: number; end: number; value: string }> = [];
  for (let at = text.value.indexOf('<'); at >= 0; at = text.value.indexOf('<', at + 1)) {
    if (literalStarts.has(at)) continue;
    const rest = text.value.slice(at);
    const tag = OPEN_TAG.exec(rest) ?? CLOSE_TAG.exec(rest);
    if (!tag || COMMONMARK_NAME.test(tag[1]!)) continue;
    found.push({ start: at, end: at + tag[0].length, value: tag[0].startsWith('</') ? tag[0] : (rewriteTag(tag[0]) ?? tag[0]) });
    at += tag[0].length - 1;
  }
  if (found.length === 0) return [text];
  const offsets = valueOffsets(text, index);
  const place = (from: number, to: number) =>
    offsets ? { position: { start: index.pointAt(offsets[from]!), end: index.pointAt(offsets[to]!) } } : {};
  const pieces: PhrasingContent[] = [];
  let cursor = 0;
  for (const tag of found) {
    if (tag.start > cursor) pieces.push(textPiece(text, cursor, tag.start, place));
    pieces.push({ type: 'html', value: tag.value, ...place(tag.start, tag.end) } satisfies Html);
    cursor = tag.end;
  }
  if (cursor < text.value.length) pieces.push(textPiece(text, cursor, text.value.length, place));
  return pieces;
}

function textPiece(text: Text, from: number, to: number, place: (from: number, to: number) => object): Text {
  const piece: Text = { type: 'text', value: text.value, data: text.data ? { ...text.data } : undefined, ...place(from, to) };
  sliceText(piece, from, to);
  return piece;
}
