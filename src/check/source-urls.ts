// URLs as the author wrote them: link and image destinations, reference definitions and
// HTML `href`/`src` attributes of a page's body, with their line and column in the file.
// A rendered URL is matched back to one of these to point a finding at the author's text,
// and to tell when it was built from an undefined Liquid variable (then that variable is
// the finding, not the link).
import { decodeCharacterReferences } from './html-scan.js';

export interface SourceUrl {
  /** 1-based position of the URL's first character in the file. */
  line: number;
  column: number;
  raw: string;
  /** Liquid variables in it that have no value (`site.office_link.co`). */
  undefinedVariables: string[];
  /** Matches the URL the raw text renders to (Liquid values filled in). */
  matcher: RegExp;
}

/** What a Liquid path is worth: a value, `undefined` when it is not defined, UNKNOWN when it cannot be told. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type LiquidLookup = (path: string[]) => unknown;

const STARTS = /\]\([ \t]*|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*|\b(?:href|src|poster|data)[ \t]*=[ \t]*(["'])/gm;

export function sourceUrls(source: string, bodyOffset: number, lookup: LiquidLookup): SourceUrl[] {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const bodyStart = lineStarts[Math.min(bodyOffset, lineStarts.length - 1)]!;
  const out: SourceUrl[] = [];
  STARTS.lastIndex = bodyStart;
  for (let match = STARTS.exec(source); match; match = STARTS.exec(source)) {
    const quote = match[1];
    let start = match.index + match[0].length;
    // `<…>` destinations may hold spaces; the URL starts after the bracket.
    const angled = !quote && source[start] === '<';
    const raw = quote ? readUntil(source, start, quote) : readDestination(source, start);
    if (raw === '') continue;
    if (angled) start++;
    const line = lineIndex(lineStarts, start);
    out.push({ line: line + 1, column: start - lineStarts[line]! + 1, raw, ...interpret(raw, lookup) });
  }
  return out;
}

/** Hands out source URLs for rendered ones in document order; a URL written once may be used twice (reference links). */
export class SourceUrlLocator {
  private readonly claimed = new Set<SourceUrl>();
  constructor(private readonly urls: SourceUrl[]) {}

  locate(renderedUrl: string): SourceUrl | undefined {
    const text = normalise(renderedUrl);
    const candidates = this.urls.filter((u) => u.matcher.test(text));
    const found = candidates.find((u) => !this.claimed.has(u)) ?? candidates[0];
    if (found) this.claimed.add(found);
    return found;
  }
}

/** Compares URLs as they read: character references and percent-escapes decoded. */
export function normalise(url: string): string {
  const text = decodeCharacterReferences(url.trim());
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

// A Markdown destination: `<...>`, or up to whitespace or an unbalanced `)`; Liquid
// `{{ … }}` and `{% … %}` are read whole since they contain spaces.
function readDestination(text: string, start: number): string {
  if (text[start] === '<') {
    const end = text.indexOf('>', start);
    const newline = text.indexOf('\n', start);
    return end === -1 || (newline !== -1 && newline < end) ? '' : text.slice(start + 1, end);
  }
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '{' && (text[i + 1] === '{' || text[i + 1] === '%')) {
      const close = text.indexOf(text[i + 1] === '{' ? '}}' : '%}', i + 2);
      if (close === -1) break;
      i = close + 2;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) i += 2;
    else if (/\s/.test(c)) break;
    else if (c === '(') (depth++, i++);
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
      i++;
    } else i++;
  }
  return text.slice(start, i);
}

function readUntil(text: string, start: number, quote: string): string {
  const end = text.indexOf(quote, start);
  return end === -1 ? '' : text.slice(start, end);
}

function lineIndex(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

const LIQUID = /\{\{([\s\S]*?)\}\}|\{%[\s\S]*?%\}/g;
const SIMPLE_PATH = /^\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*)\s*$/;

function interpret(raw: string, lookup: LiquidLookup): Pick<SourceUrl, 'undefinedVariables' | 'matcher'> {
  const undefinedVariables: string[] = [];
  let pattern = '';
  let last = 0;
  for (const match of raw.matchAll(LIQUID)) {
    pattern += escapeRegExp(normalise(unescapeMarkdown(raw.slice(last, match.index))));
    last = match.index + match[0].length;
    const path = match[1] === undefined ? undefined : SIMPLE_PATH.exec(match[1])?.[1];
    const value = path === undefined ? UNKNOWN : lookup(path.split(/\.|(?=\[)/).map((k) => k.replace(/^\[(\d+)\]$/, '$1')));
    if (value === undefined || value === null) {
      if (value === undefined) undefinedVariables.push(path!);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      pattern += escapeRegExp(normalise(String(value)));
    } else pattern += '[\\s\\S]*?';
  }
  pattern += escapeRegExp(normalise(unescapeMarkdown(raw.slice(last))));
  return { undefinedVariables, matcher: new RegExp(`^${pattern}$`) };
}

const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Looks a Liquid path up in `page` and `site` as Jekyll would; other roots are loop or assigned variables. */
export function liquidLookup(roots: Record<string, unknown>): LiquidLookup {
  return (path) => {
    const [root, ...rest] = path;
    if (root === undefined || !(root in roots)) return UNKNOWN;
    let value: unknown = roots[root];
    for (const key of rest) {
      if (value === null || typeof value !== 'object') return undefined;
      if (!Object.prototype.hasOwnProperty.call(value, key)) {
        // `size`, `first` and `last` are Liquid's, not data: leave them to the renderer.
        return ['size', 'first', 'last'].includes(key) ? UNKNOWN : undefined;
      }
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  };
}
