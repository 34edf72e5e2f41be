// What a laid-out article page depends on, as a key, so that a build can keep the page of the
// last build when its key is unchanged instead of laying it out again. An article page shows
// its own body and, through the navigation, other articles' titles, URLs, dates, tags and
// categories (front matter) and, at most, other bodies of its own locale (the layouts get the
// locale's model). So the key covers faro and the layouts, the config, every article's front
// matter and URL, the static files (image sizes), and the bodies of the page's locale: an
// edited body lays out its locale's article pages again, not the site's. Listing pages are
// always laid out (they are few and show everything).
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Page, StaticFile } from '../pipeline/types.js';
import type { View } from '../site/views.js';
import { faroFingerprint, fileSignature, filesBelow, hashOf, stableJson } from './fingerprint.js';

export interface LayoutKeyInput {
  config: ResolvedConfig;
  /** Every article; only their front matter and URLs are read here. */
  articles: Page[];
  staticFiles: StaticFile[];
}

/**
 * Keys of article views: `forLocale` once the locale's articles are rendered, then a key per
 * view of that locale (undefined for views laid out every time).
 */
export function layoutKeys({ config, articles, staticFiles }: LayoutKeyInput): { forLocale(locale: string, bodies: string[]): (view: View) => string | undefined } {
  const metadata = articles.map((a) => [a.sourcePath, a.url, a.outputPath, a.title, a.date, a.locale, a.categories, a.tags, a.layout, a.translationKey, a.data]);
  const site = hashOf(faroFingerprint(), folderSignature(config.layoutsDir), stableJson(config), stableJson(metadata), staticSignature(config, staticFiles));
  return {
    forLocale(locale, bodies) {
      const localeKey = hashOf(site, locale, ...bodies);
      return (view) => (view.sourcePath && view.locale === locale ? hashOf(localeKey, view.layout, view.outputPath, view.url) : undefined);
    },
  };
}

/** Size and mtime of every file below `dir` (layouts, assets). */
function folderSignature(dir: string | undefined): string {
  if (!dir) return '';
  return filesBelow(dir)
    .map((file) => `${file}\0${fileSignature(join(dir, file))}`)
    .join('\n');
}

function staticSignature(config: ResolvedConfig, staticFiles: StaticFile[]): string {
  const statics = staticFiles.map((file) => `${file.outputPath}\0${fileSignature(join(file.fs.root, file.sourcePath))}`);
  return `${statics.join('\n')}\n${folderSignature(config.assetsDir)}`;
}
