// A small canonical form for comparing block structure with Jekyll's output: tags with
// sorted attributes (self-closing slash dropped), text with whitespace collapsed and
// trimmed at tag boundaries (kept inside <pre>), highlighting <span>s in code removed,
// the few entities kramdown and rehype spell differently decoded.

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", '#8617': '↩' };
const TOKEN = /<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>|[^<]+/g;
const ATTRIBUTE = /([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

const decode = (text: string) =>
  text.replace(/&(#?\w+);/g, (all, name: string) => {
    const numeric = /^#(x[0-9a-f]+|\d+)$/i.exec(name);
    if (numeric) return String.fromCodePoint(parseInt(numeric[1]!.replace(/^x/i, ''), /^x/i.test(numeric[1]!) ? 16 : 10));
    return ENTITIES[name] ?? all;
  });

function canonicalTag(tag: string): string {
  const match = /^<(\/?)([A-Za-z][\w-]*)([\s\S]*?)\/?>$/.exec(tag)!;
  const attributes = [...match[3]!.matchAll(ATTRIBUTE)]
    .map(([, name, a, b, c]) => `${name!.toLowerCase()}="${decode(a ?? b ?? c ?? name!.toLowerCase())}"`)
    .sort();
  return `<${match[1]}${match[2]!.toLowerCase()}${attributes.map((a) => ` ${a}`).join('')}>`;
}

export function canonicalHtml(html: string): string[] {
  const out: string[] = [];
  let preDepth = 0;
  for (const [token] of html.matchAll(TOKEN)) {
    if (token.startsWith('<!--')) out.push(token.replace(/\s+/g, ' '));
    else if (token.startsWith('<')) {
      const tag = canonicalTag(token);
      if (preDepth > 0 && /^<\/?span\b/.test(tag)) continue;
      if (tag.startsWith('<pre')) preDepth++;
      if (tag === '</pre>') preDepth--;
      out.push(tag);
    } else if (preDepth > 0) out.push(JSON.stringify(decode(token)));
    else {
      const text = decode(token).replace(/\s+/g, ' ').trim();
      if (text) out.push(JSON.stringify(text));
    }
  }
  // Text split by a dropped span inside <pre> joins back up.
  return out.reduce<string[]>((joined, item) => {
    const last = joined.at(-1);
    if (last?.startsWith('"') && item.startsWith('"') && preDepth === 0) joined[joined.length - 1] = JSON.stringify(JSON.parse(last) + JSON.parse(item));
    else joined.push(item);
    return joined;
  }, []);
}
