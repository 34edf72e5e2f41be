// Turns a liquidjs engine into Jekyll 4.3's Liquid (Liquid 5.4 plus Jekyll's tags and
// filters): Jekyll's own tags and filters are added, liquidjs filters that differ from
// Ruby's are replaced, and tags and filters Jekyll does not have are removed, so a
// template behaves here as it does on Jekyll (an unknown filter is ignored, an unknown tag
// is an error).
import type { FilterImplOptions, Liquid } from 'liquidjs';
import { toValue } from 'liquidjs';
import * as arrays from './filters/array-filters.js';
import * as dates from './filters/date-filters.js';
import * as numbers from './filters/number-filters.js';
import { slugify } from './filters/slugify.js';
import { smartify } from './filters/smartify.js';
import {
  arrayToSentenceString,
  escapeHtml,
  escapeOnce,
  inspect,
  jsonify,
  normalizeWhitespace,
  numberOfWords,
  truncateWords,
  xmlEscape,
} from './filters/text-filters.js';
import { cgiEscape, uriEscape } from './filters/uri.js';
import { absoluteUrl, relativeUrl, stripIndex } from './filters/url-filters.js';
import { JekyllContext, type FilterImpl } from './jekyll-context.js';
import { rubyToS, type RubyFormatOptions } from './ruby-values.js';
import { HighlightTag } from './tags/highlight-tag.js';
import { createIncludeTags, type IncludeEnvironment } from './tags/include-tags.js';
import { LinkTag, PostUrlTag } from './tags/link-tags.js';
import { JekyllForTag } from './tags/for-tag.js';
import { JekyllTablerowTag } from './tags/tablerow-tag.js';
import { NestingCommentTag } from './tags/comment-tag.js';

/** liquidjs extensions that neither Liquid 5.4 nor Jekyll know. */
const FOREIGN_FILTERS = [
  'sum', 'reject', 'reject_exp', 'has', 'has_exp', 'find_index', 'find_index_exp', 'squish',
  'sha256', 'hmac_sha256', 'raw', 'json',
];
const FOREIGN_TAGS = ['layout', 'block', 'render'];

export interface JekyllExtensions extends IncludeEnvironment {
  markdownify: (text: string) => string;
  format: RubyFormatOptions;
}

function siteOf(impl: FilterImpl): Record<string, unknown> {
  return impl.context instanceof JekyllContext && impl.context.state ? impl.context.state.site : {};
}

export function registerJekyll(liquid: Liquid, extensions: JekyllExtensions): void {
  for (const name of FOREIGN_FILTERS) delete liquid.filters[name];
  for (const name of FOREIGN_TAGS) delete liquid.tags[name];

  const { include, include_relative } = createIncludeTags(extensions);
  liquid.registerTag('include', include);
  liquid.registerTag('include_relative', include_relative);
  liquid.registerTag('highlight', HighlightTag);
  liquid.registerTag('link', LinkTag);
  liquid.registerTag('post_url', PostUrlTag);
  liquid.registerTag('tablerow', JekyllTablerowTag);
  liquid.registerTag('for', JekyllForTag);
  liquid.registerTag('comment', NestingCommentTag);

  const { format } = extensions;
  const filters: Record<string, FilterImplOptions> = {
    markdownify: (input: unknown) => extensions.markdownify(text(input)),
    smartify: (input: unknown) => smartify(text(input)),
    slugify: (input: unknown, mode?: unknown) => slugify(toValue(input), mode),
    xml_escape: (input: unknown) => xmlEscape(input),
    cgi_escape: (input: unknown) => cgiEscape(toValue(input)),
    uri_escape: (input: unknown) => uriEscape(toValue(input)),
    normalize_whitespace: (input: unknown) => normalizeWhitespace(input),
    number_of_words: (input: unknown, mode?: unknown) => numberOfWords(input, mode),
    array_to_sentence_string: (input: unknown, connector?: unknown) => arrayToSentenceString(input, connector ?? 'and'),
    jsonify: (input: unknown) => jsonify(input, format),
    inspect: (input: unknown) => inspect(input, format),
    relative_url(this: FilterImpl, input: unknown) {
      return relativeUrl(siteOf(this), toValue(input));
    },
    absolute_url(this: FilterImpl, input: unknown) {
      return absoluteUrl(siteOf(this), toValue(input));
    },
    strip_index: (input: unknown) => stripIndex(input),
    where: arrays.where,
    where_exp: arrays.where_exp,
    find: arrays.find,
    find_exp: arrays.find_exp,
    group_by: arrays.group_by,
    group_by_exp: arrays.group_by_exp,
    sort: arrays.sort,
    pop: arrays.pop,
    push: arrays.push,
    shift: arrays.shift,
    unshift: arrays.unshift,
    sample: arrays.sample,
    to_integer: arrays.to_integer,
    size: arrays.size,
    first: arrays.first,
    last: arrays.last,
    plus: numbers.plus,
    minus: numbers.minus,
    times: numbers.times,
    divided_by: numbers.divided_by,
    modulo: numbers.modulo,
    round: numbers.round,
    at_least: numbers.at_least,
    at_most: numbers.at_most,
    abs: numbers.abs,
    truncatewords: truncateWords,
    date: (input: unknown, pattern: unknown) => dates.formatDate(input, pattern, format.timeZone),
    date_to_xmlschema: (input: unknown) => dates.dateToXmlschema(input, format.timeZone),
    date_to_rfc822: (input: unknown) => dates.dateToRfc822(input, format.timeZone),
    date_to_string: (input: unknown, type?: unknown, style?: unknown) => dates.dateToString(input, '%b', type, style, format.timeZone),
    date_to_long_string: (input: unknown, type?: unknown, style?: unknown) => dates.dateToString(input, '%B', type, style, format.timeZone),
    append: (input: unknown, suffix: unknown) => rubyToS(input, format) + rubyToS(suffix, format),
    prepend: (input: unknown, prefix: unknown) => rubyToS(prefix, format) + rubyToS(input, format),
    escape: (input: unknown) => escapeHtml(input),
    h: (input: unknown) => escapeHtml(input),
    escape_once: (input: unknown) => escapeOnce(input),
    // Liquid's array filters flatten nested arrays before working on them.
    join: flattening(liquid.filters.join),
    compact: flattening(liquid.filters.compact),
    uniq: flattening(liquid.filters.uniq),
    reverse: flattening(liquid.filters.reverse),
    map: flattening(liquid.filters.map),
    sort_natural: flattening(liquid.filters.sort_natural),
  };
  for (const [name, handler] of Object.entries(filters)) liquid.registerFilter(name, handler);
}

const text = (input: unknown): string => rubyToS(input);

type Handler = Extract<FilterImplOptions, (...args: never[]) => unknown>;

const handlerOf = (options: FilterImplOptions | undefined): Handler | undefined =>
  typeof options === 'function' ? options : options?.handler;

/** Passes a flattened copy of array inputs to a liquidjs array filter. */
function flattening(original: FilterImplOptions | undefined): FilterImplOptions {
  const handler = handlerOf(original);
  return function (this: ThisParameterType<Handler>, input: unknown, ...args: unknown[]) {
    const value = toValue(input);
    return handler?.call(this, Array.isArray(value) ? arrays.flatten(value) : input, ...args);
  };
}
