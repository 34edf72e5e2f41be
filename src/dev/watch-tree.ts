// A folder tree watched one directory at a time. Node 20's recursive fs.watch on Linux
// watches files themselves and goes deaf to a file once an editor replaces it (save via a
// temporary file and rename, as vim and `sed -i` do); a directory's watch sees every
// change of its entries by name, whatever happens to their inodes.
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface TreeWatcher {
  close(): void;
}

/**
 * Calls `onPath` with the absolute path of every entry that changes below `root`;
 * folders for which `skip` returns true are not watched. New folders are watched as they appear.
 */
export function watchTree(root: string, onPath: (path: string) => void, skip: (dir: string) => boolean = () => false): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();

  const add = (dir: string): void => {
    if (watchers.has(dir) || skip(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (event, name) => {
        if (!name) return onPath(dir);
        const path = join(dir, name.toString());
        if (event === 'rename' && isDirectory(path)) add(path);
        onPath(path);
      });
    } catch {
      return;
    }
    // The folder went away (its parent reports that); stop watching it.
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) add(join(dir, entry.name));
  };

  add(root);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
