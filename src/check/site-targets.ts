// Every file a build of the site would write, and the ids each HTML page has, so a link
// can be resolved the way a static host serves it (clean URLs included).
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { GeneratedSite } from '../build.js';
import { scanHtml } from './html-scan.js';

export interface Target {
  /** Relative to the output folder. */
  outputPath: string;
  /** Ids a fragment can point at; absent when the page's HTML is not known. */
  ids?: Set<string>;
  /** The author's file behind it, when there is one. */
  sourcePath?: string;
}

/** Folders a build fills with generated files whose names are not known in advance. */
const GENERATED_FOLDERS = ['pagefind/'];

export class SiteTargets {
  constructor(private readonly targets: Map<string, Target>) {}

  /** The file a decoded URL path (without baseurl, leading slash) is served from. */
  resolve(path: string): Target | undefined {
    const rel = path.replace(/\/{2,}/g, '/').replace(/^\//, '');
    if (GENERATED_FOLDERS.some((folder) => rel.startsWith(folder))) return { outputPath: rel };
    const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}.html`, `${rel}/index.html`];
    for (const candidate of candidates) {
      const target = this.targets.get(candidate);
      if (target) return target;
    }
    return undefined;
  }

  /** An article whose last path segment is the one wanted (same slug, other folder), closest folder first. */
  similar(path: string): string | undefined {
    const wanted = path.replace(/\/+$/, '').split('/').pop()?.replace(/\.html$/, '');
    if (!wanted) return undefined;
    let best: { url: string; shared: number } | undefined;
    for (const [outputPath, target] of this.targets) {
      // Only the author's pages: a tag page of the same name is rarely what was meant.
      if (!outputPath.endsWith('.html') || !target.sourcePath) continue;
      const url = `/${outputPath.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`;
      if (url.replace(/\/+$/, '').split('/').pop() !== wanted) continue;
      const shared = commonPrefixLength(url, path);
      if (!best || shared > best.shared) best = { url, shared };
    }
    return best?.url;
  }

  get size(): number {
    return this.targets.size;
  }
}

export function siteTargets(generated: GeneratedSite): SiteTargets {
  const targets = new Map<string, Target>();
  const add = (target: Target) => {
    const known = targets.get(target.outputPath);
    targets.set(target.outputPath, { ...known, ...target, ids: target.ids ?? known?.ids });
  };
  const { site } = generated;
  for (const file of site.staticFiles) add({ outputPath: file.outputPath, sourcePath: file.sourcePath });
  if (site.config.assetsDir) for (const path of filesBelow(site.config.assetsDir)) add({ outputPath: `assets/${path}` });
  for (const path of filesBelow(join(site.config.layoutsDir, 'static'))) add({ outputPath: `assets/faro/${path}` });
  // Pages that exist even when their render failed or a filter left them out.
  for (const page of site.allPages) add({ outputPath: page.outputPath, sourcePath: page.sourcePath });
  for (const article of generated.articles) {
    add({ outputPath: article.outputPath, sourcePath: article.sourcePath, ids: scanHtml(article.html).ids });
  }
  // The laid-out pages have every id (layout's included), so they win.
  for (const file of generated.files) {
    const ids = file.path.endsWith('.html') && typeof file.content === 'string' ? scanHtml(file.content).ids : undefined;
    add({ outputPath: file.path, ids });
  }
  return new SiteTargets(targets);
}

/** Files below `dir`, relative to it with posix separators; none when it does not exist. */
export function filesBelow(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  } catch {
    return [];
  }
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
