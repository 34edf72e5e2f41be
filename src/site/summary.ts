// A one-line summary of an article for listings and `<meta name="description">`: the text
// of its first non-empty paragraph, cut at a word boundary.
const PARAGRAPH = /<p\b[^>]*>([\s\S]*?)<\/p>/gi;

// Listings show an article several times (category, tags, recent): each is summarised once.
// Keyed by the article, not its text, so that nothing is kept past the article itself, and a
// build that lets a written article's body go still lists it as it was.
const articleSummaries = new WeakMap<object, string>();

/** summaryOf an article's body, remembered for as long as the article object lives. */
export function summaryOfArticle(article: { html: string }): string {
  let summary = articleSummaries.get(article);
  if (summary === undefined) {
    summary = summaryOf(article.html);
    // An empty body may be one not rendered yet (a streamed build's placeholder): not final.
    if (article.html) articleSummaries.set(article, summary);
  }
  return summary;
}

/** The summary of a body: its first paragraph's text, at most `maxLength` characters. */
export function summaryOf(html: string, maxLength = 160): string {
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
