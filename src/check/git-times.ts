// When each file of a folder was last committed, from one `git log` over the folder.
// Undefined when the folder is not in a git work tree or git is not installed.
import { execFileSync } from 'node:child_process';

/** Seconds since the epoch by path relative to `dir` (posix separators). */
export function lastCommitTimes(dir: string): Map<string, number> | undefined {
  let log: string;
  try {
    log = execFileSync(
      'git',
      ['-c', 'core.quotePath=false', '-C', dir, 'log', '--format=%x00%ct', '--name-only', '--relative', '--no-renames', '--', '.'],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } catch {
    return undefined;
  }
  const times = new Map<string, number>();
  // Newest commit first: the first time a path shows up is its last change.
  for (const record of log.split('\0')) {
    const [stamp, ...paths] = record.split('\n');
    const seconds = Number(stamp);
    if (!stamp || !Number.isFinite(seconds)) continue;
    for (const path of paths) if (path && !times.has(path)) times.set(path, seconds);
  }
  return times;
}
