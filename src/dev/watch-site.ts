// Watches what a build reads — content, includes and data, layouts, assets, the config —
// and reports each burst of changes once, classified by how much of the site it touches.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { siteFolders } from '../pipeline/site-folders.js';
import type { ChangeKind } from './dev-builder.js';
import { watchTree, type TreeWatcher } from './watch-tree.js';

export interface SiteChange {
  kinds: Set<ChangeKind>;
  /** Absolute paths, as reported. */
  paths: string[];
}

export interface SiteWatcher {
  close(): void;
}

/** Folders of the source every page may read: includes, data and layouts as the config names them, plugins. */
function siteWideFolders(config: ResolvedConfig): string[] {
  const { includes, data, layouts } = siteFolders(config.siteVariables);
  return [includes, data, layouts, '_plugins'];
}

/** What a change to `path` means for the build, or undefined when the build does not read it. */
export function classifyChange(path: string, config: ResolvedConfig): ChangeKind | undefined {
  const abs = resolve(path);
  const inside = (dir: string | undefined) => dir !== undefined && (abs === dir || abs.startsWith(dir + sep));
  if (inside(config.outDir)) return undefined;
  if (config.configFile && abs === resolve(config.configFile)) return 'config';
  const name = basename(abs);
  // Editors' swap, backup and temporary files.
  if (/^\.|~$|\.(swp|swx|tmp)$|^4913$/.test(name)) return undefined;
  if (inside(config.layoutsDir)) return 'layouts';
  if (inside(config.assetsDir)) return 'content';
  if (inside(config.sourceDir)) {
    const parts = relative(config.sourceDir, abs).split(sep);
    if (parts.some((part) => part.startsWith('.') || part === 'node_modules')) return undefined;
    if (parts.length === 1 && parts[0] === '_config.yml') return 'config';
    const path = parts.join('/');
    return siteWideFolders(config).some((folder) => path === folder || path.startsWith(`${folder}/`)) ? 'site-wide' : 'content';
  }
  return undefined;
}

export function watchSite(
  config: ResolvedConfig,
  onChange: (change: SiteChange) => void,
  { debounceMs = 10 } = {},
): SiteWatcher {
  const watchers: (FSWatcher | TreeWatcher)[] = [];
  let pending: SiteChange = { kinds: new Set(), paths: [] };
  let timer: NodeJS.Timeout | undefined;
  const note = (path: string) => {
    const kind = classifyChange(path, config);
    if (!kind) return;
    pending.kinds.add(kind);
    pending.paths.push(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const change = pending;
      pending = { kinds: new Set(), paths: [] };
      onChange(change);
    }, debounceMs);
  };
  const folders = [config.sourceDir, config.layoutsDir, config.assetsDir].filter(
    (dir): dir is string => dir !== undefined && existsSync(dir),
  );
  // A folder inside another watched one is already covered.
  const roots = folders.filter((dir, i) => !folders.some((other, j) => j !== i && dir !== other && dir.startsWith(other + sep)));
  const skip = (dir: string) => {
    const name = basename(dir);
    return dir === config.outDir || dir.startsWith(config.outDir + sep) || name.startsWith('.') || name === 'node_modules';
  };
  for (const root of new Set(roots)) watchers.push(watchTree(root, note, skip));
  // The config file's folder, not the file: editors replace files on save.
  if (config.configFile && !roots.some((root) => config.configFile!.startsWith(root + sep))) {
    const configFile = resolve(config.configFile);
    const watcher = watch(dirname(configFile), (_event, file) => {
      if (file && join(dirname(configFile), file.toString()) === configFile) note(configFile);
    });
    watcher.on('error', () => watcher.close());
    watchers.push(watcher);
  }
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
