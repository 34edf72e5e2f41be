import type { Link, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { sliceText, textLiterals } from '../source/text-literals.js';
import { valueOffsets, type SourceIndex } from '../source/offsets.js';
import { spliceAll } from '../source/arrays.js';
import { decodeReferences } from '../source/character-references.js';

// kramdown's autolinks are `<http://...>`, `<https:...>`, `<ftp(s):...>`, `<mailto:...>` (up
// to the first `>`, spaces allowed) and `<name@host>` with letters of any script. Other
// CommonMark autolinks (`<irc://x>`, `<a:b>`) are text for kramdown; the ones only kramdown
// takes (`<übung@example.de>`, `<http://a b>`) are left in text by CommonMark and made here.
// The text is printed as written, a reference read by the browser; an e-mail address
// shows without `mailto:`.

const ADDRESS = String.raw`[\p{L}\p{N}\-_.]`;
const AUTOLINK = new RegExp(String.raw`<((mailto|https?|ftps?):.+?|${ADDRESS}+?@${ADDRESS}+?)>`, 'uy');

export function applyKramdownAutolinks(tree: Root, index: SourceIndex): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!('children' in node) || isAutolink(node, index.source)) continue;
    const children = node.children as PhrasingContent[];
    for (let position = 0; position < children.length; position++) {
      const child = children[position]!;
      if (isAutolink(child, index.source)) {
        children[position] = kramdownAutolink(child as Link, index);
      } else if (child.type === 'text' && child.value.includes('<')) {
        const pieces = splitAutolinks(child, index);
        spliceAll(children, position, 1, pieces);
        position += pieces.length - 1;
      }
    }
    for (const child of children) pending.push(child);
  }
}

/** A CommonMark autolink as kramdown reads it: a link, or text when it is none for kramdown. */
function kramdownAutolink(node: Link, index: SourceIndex): PhrasingContent {
  const start = node.position!.start.offset!;
  const end = index.offsetOf(node.position?.end) ?? start;
  const written = index.source.slice(start, end);
  AUTOLINK.lastIndex = 0;
  const match = AUTOLINK.exec(written);
  if (!match || match[0].length !== written.length) return { type: 'text', value: written, position: node.position };
  return autolink(match, node.position);
}

function autolink(match: RegExpExecArray, position: Link['position']): Link {
  const target = match[1]!;
  const url = decodeReferences(match[2] === undefined ? `mailto:${target}` : target);
  const link: Link = { type: 'link', url, title: null, children: [{ type: 'text', value: decodeReferences(target.replace(/^mailto:/, '')) }] };
  if (position) link.position = position;
  return link;
}

/** A text node cut at the kramdown autolinks CommonMark left in it. */
function splitAutolinks(text: Text, index: SourceIndex): PhrasingContent[] {
  const literalStarts = new Set(textLiterals(text).map((literal) => literal.start));
  const found: Array<{ start: number; end: number; match: RegExpExecArray }> = [];
  for (let at = text.value.indexOf('<'); at >= 0; at = text.value.indexOf('<', at + 1)) {
    if (literalStarts.has(at)) continue;
    AUTOLINK.lastIndex = at;
    const match = AUTOLINK.exec(text.value);
    if (!match || match[0].includes('\n')) continue;
    found.push({ start: at, end: AUTOLINK.lastIndex, match });
    at = AUTOLINK.lastIndex - 1;
  }
  if (found.length === 0) return [text];
  const offsets = valueOffsets(text, index);
  const place = (from: number, to: number) => (offsets ? { start: index.pointAt(offsets[from]!), end: index.pointAt(offsets[to]!) } : undefined);
  const pieces: PhrasingContent[] = [];
  let cursor = 0;
  const textUpTo = (end: number) => {
    if (end <= cursor) return;
    const piece: Text = { type: 'text', value: text.value, data: text.data ? { ...text.data } : undefined };
    sliceText(piece, cursor, end);
    const position = place(cursor, end);
    if (position) piece.position = position;
    pieces.push(piece);
  };
  for (const { start, end, match } of found) {
    textUpTo(start);
    pieces.push(autolink(match, place(start, end)));
    cursor = end;
  }
  textUpTo(text.value.length);
  return pieces;
}

function isAutolink(node: Nodes, source: string): boolean {
  const start = node.position?.start.offset;
  return node.type === 'link' && start !== undefined && source[start] === '<';
}
