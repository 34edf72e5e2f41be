// `node bench-floor.js SRC THREADS`: the floor under any faro cold build. The mandated parser
// alone (remark-parse + remark-gfm → remark-rehype → rehype-stringify), with none of faro's
// work (no Liquid, kramdown, layouts, writing or search index), on every Markdown article of
// SRC, split over THREADS worker threads. The bench times it as its own process, so the goal
// "faro cold ≤ 0.6 × Jekyll" can be set against what the parser alone takes on the machine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

function markdownFiles(folder: string, found: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) markdownFiles(path, found);
    else if (/\.(md|markdown)$/.test(entry.name)) found.push(path);
  }
  return found;
}

function renderAll(files: string[]): number {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();
  let characters = 0;
  for (const file of files) characters += String(processor.processSync(readFileSync(file, 'utf8').replace(FRONT_MATTER, ''))).length;
  return characters;
}

if (isMainThread) {
  const [source, threadArg] = process.argv.slice(2);
  const threads = Number(threadArg ?? 1);
  if (!source || !Number.isInteger(threads) || threads < 1) throw new Error('usage: bench-floor SRC THREADS');
  const files = markdownFiles(source);
  const shares = Array.from({ length: threads }, (_, thread) => files.filter((_, index) => index % threads === thread));
  const characters = await Promise.all(
    shares.map(
      (share) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: share });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  console.log(`${files.length} articles in ${threads} threads, ${characters.reduce((a, b) => a + b, 0)} characters of HTML`);
} else {
  parentPort!.postMessage(renderAll(workerData as string[]));
}
