// Jekyll keeps one parsed Liquid template per file path for the whole build, shared by a
// page's own render and `{% include_relative %}` of that file. Whichever comes first in
// Jekyll's render order fills it: a page included (by an earlier page) before its own turn
// is then rendered from its whole file, front matter and all, and a page rendered before
// it is included is included as its body alone. faro marks both on the pages, following
// the include_relative tags that name a file outright (also inside included files; a name
// built at render time cannot be known in advance).
import type { SiteFileSystem } from '../fs.js';
import { includeRelativeFolder, includeRelativeTargets, MAX_INCLUDE_DEPTH } from '../liquid/tags/include-tags.js';
import type { Page } from './types.js';

/** Marks `templateFromFile` and `includedBodies` on the pages of `order` (Jekyll's render order). */
export function shareTemplatesAsJekyll(order: Page[], fs: SiteFileSystem): void {
  if (!order.some((page) => page.body.includes('include_relative'))) return;
  const pages = new Map(order.map((page) => [page.sourcePath, page]));
  // what the shared template of each page's path holds: its body, or its whole file
  const cached = new Map<string, 'body' | 'file'>();
  // other files (no front matter) pages include, read once
  const files = new Map<string, string>();
  const fileText = (path: string) => files.get(path) ?? files.set(path, fs.readText(path) ?? '').get(path)!;
  for (const page of order) {
    if (!cached.has(page.sourcePath)) cached.set(page.sourcePath, 'body');
    if (cached.get(page.sourcePath) === 'file') page.templateFromFile = true;
    const folder = includeRelativeFolder(page.sourcePath);
    const follow = (text: string, depth: number): void => {
      if (depth > MAX_INCLUDE_DEPTH) return;
      for (const path of includeRelativeTargets(text, folder)) {
        if (path === null) continue;
        const target = pages.get(path);
        if (!target) {
          follow(fileText(path), depth + 1);
          continue;
        }
        if (!cached.has(path)) cached.set(path, 'file');
        const asBody = cached.get(path) === 'body';
        if (asBody) (page.includedBodies ??= {})[path] = target.body;
        follow(asBody ? target.body : target.source, depth + 1);
      }
    };
    follow(page.templateFromFile ? page.source : page.body, 0);
  }
}
