#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` via the prepare script). Commands
// that hold a whole site run in a child process with a heap limit sized to the site
// (dist/heap-limit.js says why); everything else runs here.
import { fileURLToPath } from 'node:url';
import { exitWithParent, runWithHeapLimit } from '../dist/heap-limit.js';

const args = process.argv.slice(2);
const code = await runWithHeapLimit(fileURLToPath(import.meta.url), args);
if (code !== undefined) process.exitCode = code;
else {
  exitWithParent();
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(args);
}
