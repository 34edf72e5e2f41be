// A heap limit sized to the site for the commands that hold a whole site in memory (build,
// render, check). V8 sizes its heap from the machine (4 GB here) and, with room to spare,
// lets it grow to several times the live data: a 10,000-article build peaked at 1.2 GB
// where under 400 MB were live. With a limit near the live size it collects in time and
// stays there. The limit is set by running the command again in a child Node process (V8
// takes it only at start); should a site need more, the child runs out of heap and the
// command is run once more without a limit, so a build never fails for it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LIMITED_COMMANDS = new Set(['build', 'render', 'check']);
/** Heap for faro itself, its modules and a small site. */
const BASE_MB = 200;
/**
 * Heap per Markdown source: its text and page, and the body and views of the locale being
 * laid out (a build lets go of a locale's bodies and views once written). Live at the end of
 * a build: about 12 KB per article; the rest is room to collect in. 50,000 articles fit.
 */
const PER_SOURCE_KB = 20;
const MIN_MB = 320;
/**
 * Young generation per thread (MB per semi-space; V8's default here is 16). The build runs
 * three heaps (main thread and two render workers): at 8 the 10,000-article build stays
 * about 60 MB lower, for a few per cent more collection time.
 */
const SEMI_SPACE_MB = 8;
/**
 * The build keeps both cores busy (render workers, layouts, Pagefind), so V8's helper
 * threads for collecting only compete with them: collecting on the thread that allocates
 * took about 12 % less CPU and 10 % less time (2,000 articles, three runs each).
 */
const GC_FLAGS = ['--single-threaded-gc'];
const MARKER = 'FARO_HEAP_LIMIT';

/** Heap limit in MB for a site of `sources` Markdown files. */
export function heapLimitFor(sources: number): number {
  return Math.max(MIN_MB, Math.ceil(BASE_MB + (sources * PER_SOURCE_KB) / 1024));
}

/** Markdown files below `dir` (hidden and `node_modules` folders skipped), 0 when absent. */
export function countMarkdownSources(dir: string): number {
  let count = 0;
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (entry.isDirectory()) walk(join(folder, entry.name));
      else if (/\.(md|markdown|mkdn?|mdown)$/i.test(entry.name)) count++;
    }
  };
  walk(dir);
  return count;
}

/** The folder the command will read: `--source DIR`, else `./content` (faro's own layout). */
function sourceFolder(args: string[], cwd: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--source' && args[i + 1]) return resolve(cwd, args[i + 1]!);
    if (arg.startsWith('--source=')) return resolve(cwd, arg.slice('--source='.length));
  }
  const content = join(cwd, 'content');
  return existsSync(content) ? content : undefined;
}

function heapLimitGiven(): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) => flag.startsWith('--max-old-space-size'));
}

interface ChildExit {
  status: number | null;
  signal: NodeJS.Signals | null;
  failed: boolean;
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function runChild(script: string, args: string[], flags: string[], marker: string): Promise<ChildExit> {
  return new Promise((done) => {
    // stdin is a pipe only so that the child sees this process end (see exitWithParent).
    const child = spawn(process.execPath, [...process.execArgv, ...flags, script, ...args], { stdio: ['pipe', 'inherit', 'inherit'], env: { ...process.env, [MARKER]: marker } });
    const forward = (signal: NodeJS.Signals) => void child.kill(signal);
    for (const signal of FORWARDED) process.on(signal, forward);
    const finish = (exit: ChildExit) => {
      for (const signal of FORWARDED) process.off(signal, forward);
      done(exit);
    };
    child.once('error', () => finish({ status: null, signal: null, failed: true }));
    child.once('exit', (status, signal) => finish({ status, signal, failed: false }));
  });
}

/**
 * Runs the command in a child process with a heap limit when that applies, and returns its
 * exit code; undefined when the command should run in this process instead.
 */
export async function runWithHeapLimit(script: string, args: string[]): Promise<number | undefined> {
  if (!LIMITED_COMMANDS.has(args[0] ?? '') || args.includes('--help') || args.includes('-h')) return undefined;
  if (process.env[MARKER] || heapLimitGiven()) return undefined;
  const folder = sourceFolder(args, process.cwd());
  // FARO_HEAP_LIMIT_MB sets the limit (tests use it to check the fallback).
  const given = Number(process.env.FARO_HEAP_LIMIT_MB);
  const limit = given > 0 ? given : heapLimitFor(folder ? countMarkdownSources(folder) : 0);
  let exit = await runChild(script, args, [`--max-old-space-size=${limit}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, ...GC_FLAGS], String(limit));
  if (exit.failed) return undefined;
  // V8 aborts when the heap is exhausted.
  if (exit.signal === 'SIGABRT' || exit.status === 134) {
    process.stderr.write(`faro: the site needed more than ${limit} MB of heap; running again without that limit\n`);
    exit = await runChild(script, args, GC_FLAGS, 'none');
  }
  if (exit.signal) {
    process.kill(process.pid, exit.signal);
    return 1;
  }
  return exit.status ?? 1;
}

/** In the child: end when the parent does (even killed outright), as a command run directly would. */
export function exitWithParent(): void {
  if (!process.env[MARKER]) return;
  const stdin = process.stdin;
  stdin.on('end', () => process.exit(137));
  stdin.on('error', () => process.exit(137));
  stdin.resume();
  // Waiting for the parent must not keep the child alive once its command is done.
  (stdin as unknown as { unref?: () => void }).unref?.();
}
