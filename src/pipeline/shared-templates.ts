// Jekyll keeps one parsed Liquid template per file path for the whole build, shared by a
// page's own render and `{% include_relative %}` of that file. Whichever comes first in
// Jekyll's render order fills it: a page included (by an earlier page) before its own turn
// is then rendered from its whole file, front matter and all, and a page rendered before
// it is included is included as its body alone. faro marks both on the pages, following
// the include_relative tags that name a file outright (also inside included files; a name
// built at render time cannot be known in advance).
import type { SiteFileSystem } from '../fs.js';
import { containedPath } from '../fs.js';
import { MAX_INCLUDE_DEPTH } from '../liquid/tags/include-tags.js';
import type { Page } from './types.js';

const INCLUDE_RELATIVE = /\{%-?\s*include_relative\s+([^\s%}]+)/g;

/** Marks `templateFromFile` and `includedBodies` on the pages of `order` (Jekyll's render order). */
export function shareTemplatesAsJekyll(order: Page[], fs: SiteFileSystem): void {
  if (!order.some((page) => page.body.includes('include_relative'))) return;
  const pages = new Map(order.map((page) => [page.sourcePath, page]));
  // what the shared template of each page's path holds: its body, or its whole file
  const cached = new Map<string, 'body' | 'file'>();
  for (const page of order) {
    if (!cached.has(page.sourcePath)) cached.set(page.sourcePath, 'body');
    if (cached.get(page.sourcePath) === 'file') page.templateFromFile = true;
    // include_relative names files from the rendering page's folder, in nested files too
    const folder = page.sourcePath.includes('/') ? page.sourcePath.slice(0, page.sourcePath.lastIndexOf('/')) : '';
    const follow = (text: string, depth: number): void => {
      if (depth > MAX_INCLUDE_DEPTH || !text.includes('include_relative')) return;
      for (const [, name] of text.matchAll(INCLUDE_RELATIVE)) {
        const path = name!.includes('{{') ? undefined : containedPath(folder === '' ? name! : `${folder}/${name}`);
        if (path === undefined) continue;
        const target = pages.get(path);
        if (target && !cached.has(path)) cached.set(path, 'file');
        if (target && cached.get(path) === 'body') (page.includedBodies ??= {})[path] = target.body;
        follow(target ? (cached.get(path) === 'body' ? target.body : target.source) : (fs.readText(path) ?? ''), depth + 1);
      }
    };
    follow(page.templateFromFile ? page.source : page.body, 0);
  }
}
