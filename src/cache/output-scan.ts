// The files of an output folder with their size and mtime, listed on another thread. On a
// large site the output's tens of thousands of stat calls are the largest part of a build
// that finds nothing changed; on a second core they run while the main thread reads the
// manifest and fingerprints the inputs.
import { Worker } from 'node:worker_threads';

/** Relative path ('/'-separated) → [size, mtimeMs]; size -1 for an entry that is not a file. */
export type OutputListing = Map<string, [size: number, mtimeMs: number]>;

// Plain JavaScript run with `eval`, so that the same code serves compiled faro and tests
// that run the TypeScript sources. It posts [path, size, mtime, …], or null when the folder
// cannot be read.
const SCAN_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const found = [];
const walk = (dir, prefix) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = prefix + entry.name;
    if (entry.isDirectory()) { walk(path, rel + '/'); continue; }
    const stat = statSync(path, { throwIfNoEntry: false });
    found.push(rel, stat && stat.isFile() ? stat.size : -1, stat ? stat.mtimeMs : 0);
  }
};
try { walk(workerData, ''); parentPort.postMessage(found); } catch { parentPort.postMessage(null); }
`;

export interface OutputScan {
  /** The listing; undefined when the folder cannot be read or the scan was stopped. */
  listing: Promise<OutputListing | undefined>;
  /** Ends the scan early (a build that turns out not to need it). */
  stop(): void;
}

/** Starts listing `outDir` on a worker thread. */
export function scanOutput(outDir: string): OutputScan {
  let worker: Worker | undefined;
  const listing = new Promise<OutputListing | undefined>((resolve) => {
    try {
      worker = new Worker(SCAN_SCRIPT, { eval: true, workerData: outDir, stdout: false, stderr: false });
    } catch {
      resolve(undefined);
      return;
    }
    worker.unref();
    worker.once('message', (flat: (string | number)[] | null) => {
      if (!flat) return resolve(undefined);
      const found: OutputListing = new Map();
      for (let i = 0; i < flat.length; i += 3) found.set(flat[i] as string, [flat[i + 1] as number, flat[i + 2] as number]);
      resolve(found);
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return { listing, stop: () => void worker?.terminate() };
}
