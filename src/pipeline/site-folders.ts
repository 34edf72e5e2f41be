// The folders of a Jekyll source that every page may read, as the config names them
// (`includes_dir`, `data_dir`, `layouts_dir`), relative to the source folder.
export interface SiteFolders {
  includes: string;
  data: string;
  layouts: string;
}

/** Each folder from the site's config, or Jekyll's default when unset or outside the source. */
export function siteFolders(site: Record<string, unknown>): SiteFolders {
  return {
    includes: folder(site.includes_dir, '_includes'),
    data: folder(site.data_dir, '_data'),
    layouts: folder(site.layouts_dir, '_layouts'),
  };
}

function folder(value: unknown, fallback: string): string {
  const trimmed = typeof value === 'string' ? value.replace(/^\.?\/+|\/+$/g, '') : '';
  return trimmed === '' || trimmed.split('/').includes('..') ? fallback : trimmed;
}
