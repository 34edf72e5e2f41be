// The `faro dev` part of `npm run bench`: how long after an article is saved the dev server
// serves the new page. Timed from outside: the clock starts before the file is written and
// stops when an HTTP GET of the article's page returns the new text.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';

export interface DevEditTimes {
  /** Seconds from start to serving (first build, cache warm from the runs before). */
  startSeconds: number;
  /** Milliseconds from the save to the new page served, one per edit. */
  servedMs: number[];
  /** faro dev's own figure for each edit, from its log: the page read, rendered and written (ms). */
  updateMs: number[];
  /**
   * Further saves timed as a browser sees them: from the save until one GET of the page,
   * made when the live-reload stream announces the new build, returns the new text. (The
   * polling above sends a request every 2 ms, which the dev server answers meanwhile.)
   */
  browserMs: number[];
  /** Output path of the edited article's page. */
  page: string;
}

interface DevProcess {
  url: string;
  lines: string[];
  stop(): Promise<void>;
}

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', reject);
    }).on('error', reject);
  });
}

function startDev(faroBin: string, source: string, out: string, cwd: string): Promise<DevProcess> {
  const child = spawn(process.execPath, [faroBin, 'dev', '--source', source, '--out', out, '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    let pending = '';
    const onData = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const serving = /faro dev: serving (http:\/\/\S+?)\/? from/.exec(line);
        if (serving) {
          resolve({
            url: serving[1]!,
            lines,
            stop: () =>
              new Promise((done) => {
                child.once('exit', () => done());
                child.kill('SIGINT');
              }),
          });
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`faro dev exited with ${code} before serving:\n${lines.slice(-20).join('\n')}`)));
  });
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** The builds the dev server announces on its live-reload stream (/__faro/events), as they come. */
function liveReloadBuilds(url: string): { builds: number[]; close(): void } {
  const builds: number[] = [];
  let pending = '';
  const request = get(`${url}/__faro/events`, (response) => {
    response.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const events = pending.split('\n\n');
      pending = events.pop() ?? '';
      for (const event of events) {
        const data = /^data: (.*)$/m.exec(event)?.[1];
        if (data) builds.push((JSON.parse(data) as { build: number }).build);
      }
    });
  });
  request.on('error', () => {});
  return { builds, close: () => request.destroy() };
}

/** Starts `faro dev`, saves `article` `edits` times (a new sentence each) and times each. */
export async function timeDevEdits(options: { faroBin: string; source: string; out: string; article: string; edits: number; cwd: string }): Promise<DevEditTimes> {
  const started = performance.now();
  const dev = await startDev(options.faroBin, options.source, options.out, options.cwd);
  const startSeconds = (performance.now() - started) / 1000;
  const original = readFileSync(options.article, 'utf8');
  const quiet = () => new Promise((resolve) => setTimeout(resolve, 1500));
  // Lines that end the work after a save: the rebuild (listings), then the search index.
  const builds = () => dev.lines.filter((line) => /full build|search index (updated|not updated)|error/.test(line)).length;
  // faro dev's log line for a save served, among the lines from `from` on.
  const servedLine = (from: number) => dev.lines.slice(from).map((line) => / (\S+\.html) served in (\d+) ms/.exec(line)).find((match) => match !== null);
  let saves = 0;
  /**
   * Saves a new sentence once the work after the previous save (listings, search) is over,
   * so that the time measured is that of a save to an idle dev server; returns the ms from
   * the save until the wait that `watch` gives (called just before the save) resolves.
   */
  const timeSave = async (label: string, watch: () => (sentence: string) => Promise<void>): Promise<number> => {
    saves++;
    await waitFor(() => builds() >= saves + 1, 600_000, 'the rebuild to finish');
    await quiet();
    const sentence = `Bench ${label} ${saves} at ${Date.now()}.`;
    const served = watch();
    const saved = performance.now();
    writeFileSync(options.article, `${original.trimEnd()}\n\n${sentence}\n`);
    await served(sentence);
    return performance.now() - saved;
  };
  try {
    // A first save finds the page's path in the log.
    const before = dev.lines.length;
    writeFileSync(options.article, `${original.trimEnd()}\n\nBench warm-up edit.\n`);
    await waitFor(() => servedLine(before) !== undefined, 60_000, 'the first edit to be served');
    const page = servedLine(before)![1]!;
    const url = `${dev.url}/${page}`;
    const servedMs: number[] = [];
    const updateMs: number[] = [];
    for (let edit = 1; edit <= options.edits; edit++) {
      let logged = 0;
      const polled = () => {
        logged = dev.lines.length;
        return (sentence: string) => waitFor(async () => (await fetchText(url)).includes(sentence), 60_000, `edit ${edit} to be served`);
      };
      servedMs.push(await timeSave('edit', polled));
      await waitFor(() => servedLine(logged) !== undefined, 10_000, `faro dev to log edit ${edit}`);
      updateMs.push(Number(servedLine(logged)![2]));
    }
    const browserMs: number[] = [];
    const stream = liveReloadBuilds(dev.url);
    try {
      await waitFor(() => stream.builds.length > 0, 10_000, 'the live-reload stream');
      for (let edit = 1; edit <= options.edits; edit++) {
        const announced = () => {
          const last = Math.max(...stream.builds);
          return async (sentence: string) => {
            await waitFor(() => stream.builds.some((build) => build > last), 60_000, `the reload after browser edit ${edit}`);
            if (!(await fetchText(url)).includes(sentence)) throw new Error(`bench: the page announced after browser edit ${edit} lacks the new text`);
          };
        };
        browserMs.push(await timeSave('browser edit', announced));
      }
    } finally {
      stream.close();
    }
    return { startSeconds, servedMs, updateMs, browserMs, page };
  } finally {
    writeFileSync(options.article, original);
    await dev.stop();
  }
}
