// Percent-encoding as Ruby's Addressable and CGI do it, for Jekyll's URL filters.

const UNRESERVED = 'A-Za-z0-9\\-._~';
const SUB_DELIMS = "!$&'()*+,;=";
const escapeClass = (chars: string): string => chars.replace(/[\\\]\[^-]/g, '\\$&');

/** Characters each URI part may keep as they are (RFC 3986, as Addressable lists them). */
export const URI_CLASSES = {
  reservedAndUnreserved: new RegExp(`[${UNRESERVED}${escapeClass(':/?#[]@' + SUB_DELIMS)}]`),
  pathSegment: new RegExp(`[${UNRESERVED}${escapeClass(SUB_DELIMS + ':@')}]`),
  query: new RegExp(`[${UNRESERVED}${escapeClass("!$'()*+,=:@/?")}]`),
  fragment: new RegExp(`[${UNRESERVED}${escapeClass(SUB_DELIMS + ':@/?')}]`),
};

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes every `%XX` (except those listed in `keepEncoded`) to the byte it stands for. */
function percentDecode(text: string, keepEncoded: readonly string[] = []): string {
  const bytes: number[] = [];
  const source = encoder.encode(text);
  for (let i = 0; i < source.length; i++) {
    const byte = source[i]!;
    if (byte === 0x25 && i + 2 < source.length) {
      const hex = String.fromCharCode(source[i + 1]!, source[i + 2]!);
      if (/^[0-9A-Fa-f]{2}$/.test(hex) && !keepEncoded.includes(hex.toUpperCase())) {
        bytes.push(parseInt(hex, 16));
        i += 2;
        continue;
      }
    }
    bytes.push(byte);
  }
  try {
    return strictDecoder.decode(new Uint8Array(bytes));
  } catch {
    return text;
  }
}

function percentEncode(text: string, allowed: RegExp): string {
  let out = '';
  for (const char of text) {
    if (allowed.test(char)) out += char;
    else for (const byte of encoder.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Addressable::URI.normalize_component: decode what may stay plain, NFKC, encode the rest. */
export function normalizeComponent(text: string, allowed: RegExp, keepEncoded: readonly string[] = []): string {
  const decoded = percentDecode(text, keepEncoded).normalize('NFKC');
  if (keepEncoded.length === 0) return percentEncode(decoded, allowed);
  // Leave the kept escapes as they are: encode around them.
  return decoded
    .split(/(%[0-9A-Fa-f]{2})/)
    .map((part) => (/^%[0-9A-Fa-f]{2}$/.test(part) ? part.toUpperCase() : percentEncode(part, allowed)))
    .join('');
}

/** Jekyll's `uri_escape`. */
export function uriEscape(input: unknown): string {
  return normalizeComponent(input === null || input === undefined ? '' : String(input), URI_CLASSES.reservedAndUnreserved);
}

/** Ruby's CGI.escape (Jekyll's `cgi_escape`): space becomes `+`. */
export function cgiEscape(input: unknown): string {
  const text = input === null || input === undefined ? '' : String(input);
  return percentEncode(text, /[ A-Za-z0-9_.\-~]/).replace(/ /g, '+');
}

/** True for URIs with a scheme (`https:`, `mailto:`), which Jekyll's URL filters leave alone. */
export function isAbsoluteUri(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text);
}

/** Removes `.` and `..` segments (RFC 3986 §5.2.4), as URI.normalize_path does. */
function removeDotSegments(path: string): string {
  const output: string[] = [];
  const segments = path.split('/');
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (segment === '.') {
      if (last) output.push('');
    } else if (segment === '..') {
      if (output.length > 1) output.pop();
      if (last) output.push('');
    } else {
      output.push(segment);
    }
  }
  return output.join('/');
}

/** Addressable::URI.parse(url).normalize.to_s for the relative and absolute URLs Jekyll builds. */
export function normalizeUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const fragment = hashAt >= 0 ? url.slice(hashAt + 1) : undefined;
  const beforeFragment = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = beforeFragment.indexOf('?');
  const query = queryAt >= 0 ? beforeFragment.slice(queryAt + 1) : undefined;
  let rest = queryAt >= 0 ? beforeFragment.slice(0, queryAt) : beforeFragment;

  let prefix = '';
  const origin = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)/.exec(rest);
  if (origin) {
    const scheme = origin[1]!.toLowerCase();
    let host = origin[2]!.toLowerCase();
    if ((scheme === 'http' && host.endsWith(':80')) || (scheme === 'https' && host.endsWith(':443'))) {
      host = host.replace(/:\d+$/, '');
    }
    prefix = `${scheme}://${host}`;
    rest = rest.slice(origin[0].length);
    if (rest === '' && (scheme === 'http' || scheme === 'https')) rest = '/';
  }
  const path = removeDotSegments(
    rest
      .trim()
      .split('/')
      .map((segment) => normalizeComponent(segment, URI_CLASSES.pathSegment))
      .join('/'),
  );
  let out = prefix + path;
  if (query !== undefined) {
    out += '?' + query.split('&').map((pair) => normalizeComponent(pair, URI_CLASSES.query, ['2B'])).join('&');
  }
  if (fragment !== undefined) out += '#' + normalizeComponent(fragment, URI_CLASSES.fragment);
  return out;
}
