import type { KramdownOptions } from '../options.js';
import { emptyAttributeList, parseAttributeList } from '../attributes/attribute-list.js';

// kramdown's extension tags: `{::name attributes}` … `{:/name}` (or `{:/}`), and the
// self-closing `{::name attributes /}`. Three extensions exist: `comment` (an HTML
// comment), `nomarkdown` (its body printed as is, when its `type` allows HTML) and
// `options` (sets kramdown options). Anything else is not an extension and stays text.

export const EXTENSION_NAMES = new Set(['comment', 'nomarkdown', 'options']);

const START_TAG = /^\{::(\w+)(?:\s((?:\\\}|[^}])*?)|)(\/)?\}/;

export interface ExtensionTag {
  name: string;
  attributes: Map<string, string>;
  selfClosing: boolean;
  /** Length of the tag in the text. */
  length: number;
}

/** The extension start tag at the start of `text`, if it is a known extension's. */
export function readStartTag(text: string): ExtensionTag | undefined {
  const match = START_TAG.exec(text);
  if (!match || !EXTENSION_NAMES.has(match[1]!)) return undefined;
  const list = emptyAttributeList();
  parseAttributeList(match[2] ?? '', list);
  return { name: match[1]!, attributes: list.attributes, selfClosing: match[3] !== undefined, length: match[0].length };
}

/** The stop tag that closes extension `name`, as a pattern (`{:/name}` or `{:/}`). */
export function stopTagPattern(name: string, flags = ''): RegExp {
  return new RegExp(String.raw`\{:\/(?:${name})?\}`, flags);
}

/** Whether a `nomarkdown` body is printed: no `type`, or a type list naming html. */
export function printsNoMarkdown(attributes: Map<string, string>): boolean {
  const types = (attributes.get('type') ?? '').split(/\s+/).filter(Boolean);
  return types.length === 0 || types.includes('html');
}

/** The HTML a comment or nomarkdown extension prints. */
export function extensionHtml(tag: ExtensionTag, body: string): string {
  if (tag.name === 'comment') return `<!-- ${body} -->`;
  if (tag.name === 'nomarkdown') return printsNoMarkdown(tag.attributes) ? body : '';
  return '';
}

const BOOLEAN_OPTIONS = new Set(['auto_ids', 'auto_id_stripping', 'hard_wrap', 'parse_block_html', 'parse_span_html', 'transliterated_header_ids']);
const INTEGER_OPTIONS = new Set(['footnote_nr', 'header_offset']);
const STRING_OPTIONS = new Set(['auto_id_prefix', 'footnote_backlink', 'footnote_prefix', 'entity_output', 'smart_quotes', 'math_engine', 'syntax_highlighter']);

/**
 * The option values an `options` extension sets, read as kramdown reads them: a
 * boolean is true unless "false" or empty, an integer must be one (else the option is
 * left alone), `toc_levels` takes `1..3` or `1,2,3`. Unknown names are ignored.
 */
export function optionValues(attributes: Map<string, string>): Partial<KramdownOptions> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of attributes) {
    if (BOOLEAN_OPTIONS.has(key)) values[key] = value.trim().toLowerCase() !== 'false' && value !== '';
    else if (INTEGER_OPTIONS.has(key)) {
      if (/^\s*[+-]?\d+\s*$/.test(value)) values[key] = Number(value);
    } else if (STRING_OPTIONS.has(key)) values[key] = value;
    else if (key === 'syntax_highlighter_opts') {
      // A YAML hash; only the default language matters here.
      const language = /default_lang\s*:\s*["']?([^\s,"'}]+)/.exec(value);
      if (language) values[key] = { default_lang: language[1] };
    } else if (key === 'toc_levels') {
      const levels = tocLevels(value);
      if (levels) values[key] = levels;
    }
  }
  return values as Partial<KramdownOptions>;
}

function tocLevels(value: string): number[] | undefined {
  const range = /^\s*(\d)\.\.(\d)\s*$/.exec(value);
  if (range) {
    const out: number[] = [];
    for (let level = Number(range[1]); level <= Number(range[2]); level++) out.push(level);
    return out.every((level) => level >= 1 && level <= 6) ? out : undefined;
  }
  const list = value.split(',').map((part) => Number(part.trim()));
  return list.every((level) => Number.isInteger(level) && level >= 1 && level <= 6) ? list : undefined;
}
