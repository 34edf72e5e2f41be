import type { Heading as HeadingNode, Nodes, Root } from 'mdast';
import type { KramdownOptions } from '../options.js';
import type { Heading } from '../types.js';
import type { KramdownNodeData } from '../attributes/attribute-data.js';

// Header ids as Jekyll's kramdown writes them. With GFM input (Jekyll's default) the
// parser gives every header without an explicit id one made from its text: lower-cased,
// everything but Unicode word characters, `-`, space and tab dropped, spaces and tabs
// turned into `-`; a repeat gets `-1`, `-2`, ... (kramdown-parser-gfm 1.1, which ignores
// `transliterated_header_ids`). With kramdown input the converter's ASCII-only scheme
// applies instead. An empty id is not printed, but still counts as used. Ruby's word
// characters are letters, marks, digits and connectors: the zero-width (non-)joiners
// common in Persian or Hindi words are dropped from ids.

export type IdGenerator = (text: string) => string;

const GFM_NON_WORD = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

/** kramdown-parser-gfm's id scheme, with its own counter (one generator per document). */
export function createGfmIdGenerator(prefix: string): IdGenerator {
  const counts = new Map<string, number>();
  return (text) => {
    const base = text.toLowerCase().replace(GFM_NON_WORD, '').replace(/[ \t]/g, '-');
    const count = (counts.get(base) ?? -1) + 1;
    counts.set(base, count);
    return prefix + (count > 0 ? `${base}-${count}` : base);
  };
}

/** kramdown's converter id scheme (used for kramdown input). */
export function createKramdownIdGenerator(prefix: string, transliterate: boolean): IdGenerator {
  const used = new Map<string, number>();
  return (text) => {
    const source = transliterate ? transliterateToAscii(text) : text;
    let id = source
      .replace(/^[^a-zA-Z]+/gm, '')
      .replace(/[^a-zA-Z0-9 -]/g, '')
      .replace(/ /g, '-')
      .toLowerCase();
    if (id === '') id = 'section';
    const seen = used.get(id);
    if (seen === undefined) used.set(id, 0);
    else {
      used.set(id, seen + 1);
      id = `${id}-${seen + 1}`;
    }
    return prefix + id;
  };
}

// Close to the transliteration tables kramdown borrows from stringex for Latin scripts.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', þ: 'th', Þ: 'TH',
};

function transliterateToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7f]/g, (c) => SPECIAL_LETTERS[c] ?? '');
}

/** The text kramdown uses for a header id: text, code, math, entities and typographic characters. */
export function headingRawText(node: Nodes): string {
  switch (node.type) {
    case 'text':
      // typeset with configured quotes or symbols: the text with kramdown's own characters
      return (node.data as { kramdownIdText?: string } | undefined)?.kramdownIdText ?? node.value;
    case 'inlineCode':
      return node.value;
    case 'html':
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'break':
      return '';
    default:
      // math counts with its source (kramdown's math element holds it as its value)
      if ((node.type as string) === 'kramdownInlineMath' && 'value' in node && typeof node.value === 'string') return node.value;
      return 'children' in node ? (node.children as Nodes[]).map(headingRawText).join('') : '';
  }
}

function explicitId(node: HeadingNode): string | undefined {
  if ((node.data as KramdownNodeData | undefined)?.kramdownEmptyId) return '';
  const id = (node.data as KramdownNodeData | undefined)?.hProperties?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Gives every heading its id (unless it has one) and lists the headings in order. With
 * GFM input, headings inside parsed block HTML get theirs from the converter instead
 * (kramdown's scheme, with its own count): the GFM parser's pass skips HTML elements.
 */
export function assignHeadingIds(tree: Root, options: KramdownOptions): Heading[] {
  const prefix = options.auto_id_prefix ?? '';
  const converterIds = createKramdownIdGenerator(prefix, Boolean(options.transliterated_header_ids));
  const parserIds = String(options.input).toLowerCase() === 'gfm' ? createGfmIdGenerator(prefix) : converterIds;
  const headings: Heading[] = [];
  // document order, with an explicit stack (children pushed last to first)
  const pending: Array<{ node: Nodes; inElement: boolean }> = [{ node: tree, inElement: false }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node, inElement } = item;
    if (node.type === 'heading') {
      const text = headingRawText(node);
      let id = explicitId(node);
      if (id === undefined && options.auto_ids) {
        id = (inElement ? converterIds : parserIds)(text);
        const data = (node.data ??= {}) as KramdownNodeData;
        // kramdown prints no id attribute when the generated id is empty
        if (id !== '') (data.hProperties ??= {}).id = id;
        (data as { kramdownAutoId?: string }).kramdownAutoId = id;
      }
      headings.push({ depth: node.depth, id: id ?? '', text });
      continue;
    }
    if (!('children' in node)) continue;
    const childrenInElement = inElement || node.type === 'kramdownHtmlElement';
    for (let index = node.children.length - 1; index >= 0; index--) pending.push({ node: node.children[index] as Nodes, inElement: childrenInElement });
  }
  return headings;
}
