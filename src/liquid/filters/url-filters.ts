// Jekyll's `relative_url`, `absolute_url` and `strip_index` (Jekyll::Filters::URLFilters):
// prefix `site.baseurl` (and `site.url`), then normalise the result as Addressable does.
import { toValue } from 'liquidjs';
import { isPlainRecord, rubyToS } from '../ruby-values.js';
import { isAbsoluteUri, normalizeUrl } from './uri.js';

/** A page or document given to the filter stands for its `url`. */
function urlOf(input: unknown): string {
  const value = toValue(input);
  if (isPlainRecord(value) && 'url' in value) return rubyToS(value.url);
  return rubyToS(value);
}

const leadingSlash = (part: string): string => (part === '' || part.startsWith('/') ? part : `/${part}`);

export function relativeUrl(site: Record<string, unknown>, input: unknown): string | null {
  if (input === null || input === undefined) return null;
  const url = urlOf(input);
  if (isAbsoluteUri(url)) return url;
  const baseurl = site.baseurl === null || site.baseurl === undefined ? '' : rubyToS(site.baseurl).replace(/\/$/, '');
  return normalizeUrl(leadingSlash(baseurl) + leadingSlash(url));
}

export function absoluteUrl(site: Record<string, unknown>, input: unknown): string | null {
  if (input === null || input === undefined) return null;
  const url = urlOf(input);
  if (isAbsoluteUri(url)) return url;
  const siteUrl = site.url === null || site.url === undefined ? '' : rubyToS(site.url);
  const relative = relativeUrl(site, url) ?? '';
  return siteUrl === '' ? relative : normalizeUrl(siteUrl + relative);
}

export function stripIndex(input: unknown): string | null {
  const url = rubyToS(toValue(input));
  if (url === '') return null;
  return url.replace(/\/index\.html?$/, '/');
}
