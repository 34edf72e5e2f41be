// Jekyll's custom collections (`collections:` in _config.yml): a `_label/` folder under
// `collections_dir` whose files with front matter are documents, rendered always and
// written only when the collection says `output: true`. Posts are the built-in collection
// and keep their own handling (`_posts/` in any folder, see discover-sources.ts), so they
// are left out here.
import { isPlainRecord } from '../liquid/ruby-values.js';

export interface CollectionSpec {
  label: string;
  /** Its folder relative to the source, e.g. `_guides` or `my_collections/_guides`. */
  directory: string;
  output: boolean;
  /** URL template of its documents. */
  permalink: string;
  /** Front matter key the documents are sorted by (`sort_by:`), when set. */
  sortBy?: string;
  /** Everything the config says about it (Liquid sees it on `site.collections[]`). */
  metadata: Record<string, unknown>;
}

/** The custom collections a site declares, in the config's order. */
export function customCollections(site: Record<string, unknown>): CollectionSpec[] {
  const declared = site.collections;
  const entries: [string, unknown][] = Array.isArray(declared)
    ? declared.map((label) => [String(label), {}])
    : isPlainRecord(declared)
      ? Object.entries(declared)
      : [];
  const container = collectionsContainer(site);
  const style = typeof site.permalink === 'string' ? site.permalink : 'date';
  return entries
    .filter(([label]) => label !== 'posts' && /^[^/\\]+$/.test(label))
    .map(([label, raw]) => {
      const metadata = isPlainRecord(raw) ? raw : {};
      return {
        label,
        directory: container ? `${container}/_${label}` : `_${label}`,
        output: metadata.output === true,
        permalink: typeof metadata.permalink === 'string' ? metadata.permalink : withPermalinkSuffix('/:collection/:path', style),
        sortBy: typeof metadata.sort_by === 'string' ? metadata.sort_by : undefined,
        metadata,
      };
    });
}

/** `collections_dir` without its slashes ('' when unset). */
export function collectionsContainer(site: Record<string, unknown>): string {
  return typeof site.collections_dir === 'string' ? site.collections_dir.replace(/^\/+|\/+$/g, '') : '';
}

/** Jekyll's `add_permalink_suffix`: a collection's default URLs end like the site's style. */
function withPermalinkSuffix(template: string, style: string): string {
  if (style === 'pretty') return `${template}/`;
  if (['date', 'ordinal', 'none', 'weekdate'].includes(style) || style.endsWith(':output_ext')) return `${template}:output_ext`;
  if (style.endsWith('/')) return `${template}/`;
  return template;
}

/** The collection a source path belongs to, and its path from `collections_dir` (Jekyll's relative_path). */
export function collectionOf(path: string, collections: CollectionSpec[]): { collection: CollectionSpec; relativePath: string } | undefined {
  for (const collection of collections) {
    if (!path.startsWith(`${collection.directory}/`)) continue;
    const inner = path.slice(collection.directory.length + 1);
    const name = inner.slice(inner.lastIndexOf('/') + 1);
    // Jekyll's entry filter: special names at the top or as the file's own name are skipped.
    if (/^[._#~]/.test(inner) || /^[._#~]/.test(name) || name.endsWith('~')) return undefined;
    const container = collection.directory.slice(0, -(collection.label.length + 2));
    return { collection, relativePath: container ? path.slice(container.length + 1) : path };
  }
  return undefined;
}
