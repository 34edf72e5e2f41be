// Jekyll's text filters (Jekyll::Filters) that liquidjs either lacks or spells differently.
import { Drop, toValue } from 'liquidjs';
import { floatText, isPlainRecord, RubyFloat, RubyInteger, rubyInspect, rubyTime, rubyToS, type RubyFormatOptions } from '../ruby-values.js';

const text = (input: unknown): string => rubyToS(input);

/** Ruby's `encode(xml: :attr)` without the surrounding quotes. */
export function xmlEscape(input: unknown): string {
  return text(input)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Liquid's `escape` (Ruby's CGI.escapeHTML). */
export function escapeHtml(input: unknown): string | null {
  const value = toValue(input);
  if (value === null || value === undefined) return null;
  return rubyToS(value).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** Liquid's `escape_once`: like `escape`, but leaves existing `&name;` and `&#123;` alone. */
export function escapeOnce(input: unknown): string {
  return text(input).replace(/["><']|&(?!(?:[a-zA-Z]+|#\d+);)/g, (char) => HTML_ESCAPES[char]!);
}

const RUBY_SPACE = /[ \t\r\n\f\v]+/g;

export function normalizeWhitespace(input: unknown): string {
  return text(input).replace(RUBY_SPACE, ' ').replace(/^[ \t\r\n\f\v\0]+|[ \t\r\n\f\v\0]+$/g, '');
}

const CJK = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul}]/gu;
const NON_CJK_WORD = /[^\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul} \t\r\n\f\v]+/gu;

export function numberOfWords(input: unknown, mode?: unknown): number {
  const value = text(input);
  const words = (): number => value.split(RUBY_SPACE).filter(Boolean).length;
  const cjk = (): number => value.match(CJK)?.length ?? 0;
  const others = (): number => value.match(NON_CJK_WORD)?.length ?? 0;
  if (mode === 'cjk') return cjk() + others();
  if (mode === 'auto') {
    const count = cjk();
    return count === 0 ? words() : count + others();
  }
  return words();
}

export function arrayToSentenceString(input: unknown, connector: unknown = 'and'): string {
  const value = toValue(input);
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [...value] : [];
  const word = rubyToS(connector);
  if (items.length === 0) return '';
  if (items.length === 1) return rubyToS(items[0]);
  if (items.length === 2) return `${rubyToS(items[0])} ${word} ${rubyToS(items[1])}`;
  return `${items.slice(0, -1).map((item) => rubyToS(item)).join(', ')}, ${word} ${rubyToS(items[items.length - 1])}`;
}

/** Ruby's `to_json` of a Liquid value (dates print as Ruby prints them, Floats keep `.0`). */
export function jsonify(input: unknown, options: RubyFormatOptions = {}): string {
  return toJson(input, options, new Set());
}

function toJson(value: unknown, options: RubyFormatOptions, seen: Set<unknown>): string {
  if (value instanceof RubyFloat) return floatText(value.value);
  if (value instanceof RubyInteger) return value.toString();
  if (value instanceof Drop) return toJson(toValue(value), options, seen);
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(rubyTime(value, options));
  if (typeof value !== 'object') return JSON.stringify(String(value));
  if (seen.has(value)) throw new Error('jsonify: the value contains itself');
  seen.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((item) => toJson(item, options, seen)).join(',')}]`;
    if (isPlainRecord(value)) {
      const members = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${toJson(item, options, seen)}`);
      return `{${members.join(',')}}`;
    }
    return JSON.stringify(rubyToS(value, options));
  } finally {
    seen.delete(value);
  }
}

/** Jekyll's `inspect`: Ruby's inspect, XML-escaped. */
export function inspect(input: unknown, options: RubyFormatOptions = {}): string {
  return xmlEscape(rubyInspect(toValue(input), options));
}


/**
 * Liquid's `truncatewords`: Ruby's `split(" ", words + 1)` keeps a last field for whatever
 * follows the wanted words (even trailing spaces), and only then is the text cut.
 */
export function truncateWords(input: unknown, words: unknown = 15, ellipsis: unknown = '...'): string | null {
  const value = toValue(input);
  if (value === null || value === undefined) return null;
  const source = rubyToS(value);
  let count = Math.trunc(Number(toValue(words))) || 0;
  if (count <= 0) count = 1;
  const fields = source.replace(/^[ \t\n\v\f\r]+/, '').split(/[ \t\n\v\f\r]+/);
  if (source.trim() === '' || fields.length <= count) return source;
  return fields.slice(0, count).join(' ') + rubyToS(ellipsis);
}
