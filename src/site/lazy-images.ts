// Layout-stage touch to article bodies: images load lazily and declare their size. The
// body `faro render` writes stays Jekyll's; only the page around it gets this.
import type { ImageSizeLookup } from './image-size.js';

export interface LazyImageOptions {
  /** The article's URL without baseurl, to resolve relative `src`. */
  pageUrl: string;
  baseurl: string;
  sizeOf?: ImageSizeLookup;
}

const IMG_TAG = /<img\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\s*\/?)>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

export function lazyImages(html: string, options: LazyImageOptions): string {
  return html.replace(IMG_TAG, (tag, attributes: string, close: string) => {
    const present = new Map<string, string>();
    for (const match of attributes.matchAll(ATTRIBUTE)) {
      present.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
    }
    const added: string[] = [];
    if (!present.has('loading')) added.push('loading="lazy"');
    if (!present.has('decoding')) added.push('decoding="async"');
    if (!present.has('width') && !present.has('height') && options.sizeOf) {
      const path = localPath(decodeEntities(present.get('src') ?? ''), options);
      const size = path ? options.sizeOf(path) : undefined;
      if (size) added.push(`width="${size.width}"`, `height="${size.height}"`);
    }
    return added.length ? `<img${attributes} ${added.join(' ')}${close}>` : tag;
  });
}

/** Site path (without baseurl) of a same-site image, or undefined for other hosts and data URLs. */
export function localPath(src: string, options: Pick<LazyImageOptions, 'pageUrl' | 'baseurl'>): string | undefined {
  if (!src || /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(src, `http://site.invalid${options.baseurl}${options.pageUrl}`);
  } catch {
    return undefined;
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (options.baseurl) {
    if (!path.startsWith(`${options.baseurl}/`)) return undefined;
    path = path.slice(options.baseurl.length);
  }
  return path;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
