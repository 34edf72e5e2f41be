// What a rendered page offers and points at: the ids a `#fragment` can land on, and the
// URLs of its links, images and other assets, in document order. A small tag scanner is
// enough here: the HTML is faro's own output plus the author's inline HTML.

export type ReferenceKind = 'link' | 'image' | 'asset';

export interface HtmlReference {
  kind: ReferenceKind;
  /** Element and attribute it came from, e.g. `a[href]`. */
  origin: string;
  /** Attribute value with character references decoded. */
  url: string;
}

export interface HtmlScan {
  ids: Set<string>;
  references: HtmlReference[];
}

/** Which attribute of which element is a URL, and what it points at. */
const URL_ATTRIBUTES: Record<string, [attribute: string, kind: ReferenceKind][]> = {
  a: [['href', 'link']],
  area: [['href', 'link']],
  iframe: [['src', 'link']],
  img: [['src', 'image']],
  source: [['src', 'asset']],
  video: [['src', 'asset'], ['poster', 'image']],
  audio: [['src', 'asset']],
  track: [['src', 'asset']],
  embed: [['src', 'asset']],
  object: [['data', 'asset']],
  script: [['src', 'asset']],
  link: [['href', 'asset']],
};

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function scanHtml(html: string): HtmlScan {
  const ids = new Set<string>();
  const references: HtmlReference[] = [];
  for (const match of withoutOpaqueText(html).matchAll(TAG)) {
    const tag = match[1]!.toLowerCase();
    const attributes = parseAttributes(match[2] ?? '');
    const id = attributes.get('id');
    if (id) ids.add(id);
    // `<a name>` is a fragment target too (HTML's "find a potential indicated element").
    const name = attributes.get('name');
    if (tag === 'a' && name) ids.add(name);
    for (const [attribute, kind] of URL_ATTRIBUTES[tag] ?? []) {
      const url = attributes.get(attribute);
      if (url !== undefined) references.push({ kind, origin: `${tag}[${attribute}]`, url: url.trim() });
    }
  }
  return { ids, references };
}

function parseAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (out.has(name)) continue;
    out.set(name, decodeCharacterReferences(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return out;
}

// Comments and the text of script/style/textarea are not markup: a `<a href>` inside
// them is not a link.
function withoutOpaqueText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/(<(script|style|textarea)\b[^>]*>)[\s\S]*?(<\/\2\s*>|$)/gi, '$1$3');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeCharacterReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}
