// Jekyll's front matter `defaults` from _config.yml: each set whose scope fits a file's
// path (a prefix, or a glob) and type (`pages`, `posts`, or a collection's label) gives
// values under its own front matter. Among matching sets, a longer scope path wins, then
// one with a type; a set that does not win still fills in what the winners leave out.
import { isPlainRecord } from '../liquid/ruby-values.js';

export interface DefaultsSet {
  path: string;
  type?: string;
  values: Record<string, unknown>;
}

// Jekyll 3's singular type names, still accepted.
const DEPRECATED_TYPES: Record<string, string> = { page: 'pages', post: 'posts', draft: 'drafts' };

/** The valid sets of a `defaults:` value (others are skipped, as Jekyll warns and skips them). */
export function readDefaultsSets(value: unknown, collectionsDir = ''): DefaultsSet[] {
  if (!Array.isArray(value)) return [];
  const sets: DefaultsSet[] = [];
  for (const set of value) {
    if (!isPlainRecord(set) || !isPlainRecord(set.values)) continue;
    const scope = isPlainRecord(set.scope) ? set.scope : {};
    const rawType = scope.type === undefined || scope.type === null ? undefined : String(scope.type);
    sets.push({
      path: typeof scope.path === 'string' ? stripCollectionsDir(withoutLeadingSlash(scope.path), collectionsDir) : '',
      type: rawType === undefined ? undefined : (DEPRECATED_TYPES[rawType] ?? rawType),
      values: set.values,
    });
  }
  return sets;
}

/** The merged default values for a file (`path` relative to the site, or to collections_dir for documents). */
export function defaultsFor(sets: DefaultsSet[], path: string, type: string): Record<string, unknown> {
  let merged: Record<string, unknown> = {};
  let winner: DefaultsSet | undefined;
  for (const set of sets) {
    if (!applies(set, path, type)) continue;
    if (!winner || hasPrecedence(winner, set)) {
      merged = deepMerge(merged, set.values);
      winner = set;
    } else {
      merged = deepMerge(set.values, merged);
    }
  }
  return merged;
}

function applies(set: DefaultsSet, path: string, type: string): boolean {
  if (set.type !== undefined && set.type !== type) return false;
  if (set.path === '') return true;
  if (set.path.includes('*')) return globPrefix(set.path).test(path);
  // Jekyll compares characters, not folders: scope `docs` also covers `docs-old/a.md`.
  return path.startsWith(set.path);
}

function hasPrecedence(old: DefaultsSet, candidate: DefaultsSet): boolean {
  if (candidate.path.length !== old.path.length) return candidate.path.length >= old.path.length;
  if (candidate.type !== undefined) return true;
  return old.type === undefined;
}

/**
 * Jekyll globs the scope against the source folder, then asks whether the file's path starts
 * with one of the matches: the same as the glob matching a leading part of the path.
 */
function globPrefix(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      out += '(?:[^/]*(?:/[^/]*)*)';
      i++;
      if (glob[i + 1] === '/') (out += '/?'), i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}`);
}

const withoutLeadingSlash = (path: string): string => path.replace(/^\//, '');

function stripCollectionsDir(path: string, collectionsDir: string): string {
  const prefix = `${collectionsDir.replace(/^\/|\/$/g, '')}/`;
  return prefix !== '/' && path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** Ruby's Jekyll::Utils.deep_merge_hashes: mappings merge key by key, anything else is replaced. */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainRecord(current) && isPlainRecord(value) ? deepMerge(current, value) : value;
  }
  return out;
}
