// A one-line summary of an article for listings and `<meta name="description">`: the text
// of its first non-empty paragraph, cut at a word boundary.
const PARAGRAPH = /<p\b[^>]*>([\s\S]*?)<\/p>/gi;

// Listings show each article several times (category, tags, recent): summarise each body once.
const summaries = new Map<string, string>();
const MAX_REMEMBERED = 50_000;

export function summaryOf(html: string, maxLength = 160): string {
  if (maxLength !== 160) return summarise(html, maxLength);
  let summary = summaries.get(html);
  if (summary === undefined) {
    if (summaries.size >= MAX_REMEMBERED) summaries.clear();
    summary = summarise(html, maxLength);
    summaries.set(html, summary);
  }
  return summary;
}

function summarise(html: string, maxLength: number): string {
  for (const match of html.matchAll(PARAGRAPH)) {
    const text = plainText(match[1]!);
    if (text) return truncate(text, maxLength);
  }
  return '';
}

export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?¿¡-]+$/, '')}…`;
}
