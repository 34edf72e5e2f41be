// `npm run bench -- --articles N [--workers N] [--no-jekyll] [--dev-edits N] [--keep] [--out FILE]`
// Generates N distinct articles in a temp folder (scripts/bench-site.ts), then times, each
// as its own process: faro's cold build (empty cache, Pagefind included), a warm build with
// nothing changed, and a build after one article is edited; `faro dev` with N saves of one
// article, each timed until the new page is served (scripts/bench-dev.ts); the floor, the
// mandated parser alone on the same articles (scripts/bench-floor.ts); then Jekyll's cold
// build, its build with .jekyll-cache and nothing changed, and `--incremental` after one
// edit, on the same folder. Prints a Markdown table (and appends it to --out FILE). Never
// part of npm test.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSite } from './bench-site.js';
import { timeDevEdits, type DevEditTimes } from './bench-dev.js';

const repo = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    workers: { type: 'string' },
    'no-jekyll': { type: 'boolean' },
    keep: { type: 'boolean' },
    out: { type: 'string' },
    'dev-edits': { type: 'string', default: '5' },
  },
});
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 1) throw new Error(`--articles needs a positive whole number, not ${values.articles}`);

interface Run {
  tool: string;
  run: string;
  seconds: number;
  rssMb?: number;
  searchSeconds?: number;
  searchWait?: number;
  cpuSeconds?: number;
  /** faro's own process (with its worker threads), Pagefind's process excluded. */
  faroRssMb?: number;
  note?: string;
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command, timing it from outside; peak RSS (the process and its threads) from GNU time. */
function timed(command: string[], cwd: string): { seconds: number; rssMb?: number; cpuSeconds?: number; output: string; code: number } {
  const metrics = join(tmpdir(), `faro-bench-time-${process.pid}`);
  const argv = GNU_TIME ? [GNU_TIME, '-o', metrics, '-f', '%U %S %M', ...command] : command;
  const started = performance.now();
  const child = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: '1' } });
  const seconds = (performance.now() - started) / 1000;
  let rssMb: number | undefined;
  let cpuSeconds: number | undefined;
  if (GNU_TIME && existsSync(metrics)) {
    const [user, system, kb] = readFileSync(metrics, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    if (Number.isFinite(kb)) rssMb = Math.round(kb! / 1024);
    if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user! + system!;
    rmSync(metrics, { force: true });
  }
  return { seconds, rssMb, cpuSeconds, output: `${child.stdout ?? ''}${child.stderr ?? ''}`, code: child.status ?? 1 };
}

const site = mkdtempSync(join(tmpdir(), 'faro-bench-'));
// faro as compiled now, copied: a recompile of the working tree during the runs (another
// `npm test`) must not change the code under test, nor invalidate its cache between runs.
const faroCopy = join(site, 'faro');
for (const entry of ['dist', 'layouts', 'bin', 'package.json', 'package-lock.json']) {
  if (existsSync(join(repo, entry))) cpSync(join(repo, entry), join(faroCopy, entry), { recursive: true });
}
symlinkSync(join(repo, 'node_modules'), join(faroCopy, 'node_modules'));
const source = join(site, 'src');
const faroOut = join(site, 'faro-out');
const jekyllOut = join(site, 'jekyll-out');
const corpus = resolve(repo, '../shared/corpus/wework-support');
const generated = generateSite(source, count, corpus);
const edited = join(source, generated.articles[Math.floor(generated.articles.length / 2)]!);
const editArticle = (tag: string) => writeFileSync(edited, `${readFileSync(edited, 'utf8').trimEnd()}\n\nEdited for the ${tag} run.\n`);
console.error(`bench: ${count} articles from ${generated.origin} in ${source}`);

const runs: Run[] = [];
// `--verbose` for its stage lines, except where a run has none to show: there it would only
// time the printing of every warning (tens of thousands on the corpus), which `faro build`
// does not do.
const faro = (run: string, verbose = true) => {
  const args = [process.execPath, join(faroCopy, 'bin/faro.js'), 'build', '--source', source, '--out', faroOut, ...(verbose ? ['--verbose'] : [])];
  if (values.workers) args.push('--workers', values.workers);
  const result = timed(args, repo);
  if (result.code !== 0) throw new Error(`faro build (${run}) failed:\n${result.output.slice(-4000)}`);
  const search = /search index built in ([\d.]+) s/.exec(result.output)?.[1];
  const waited = /waited ([\d.]+) s for it/.exec(result.output)?.[1];
  const faroRss = /peak rss (\d+) MB/.exec(result.output)?.[1];
  const notes = result.output.split('\n').filter((line) => /faro build: (read|wrote|nothing changed)/.test(line));
  runs.push({ tool: 'faro', run, seconds: result.seconds, rssMb: result.rssMb, searchSeconds: search ? Number(search) : 0, searchWait: waited ? Number(waited) : 0, cpuSeconds: result.cpuSeconds, faroRssMb: faroRss ? Number(faroRss) : undefined, note: notes.map((l) => l.replace('faro build: ', '')).join('; ') });
  console.error(`bench: faro ${run}: ${result.seconds.toFixed(2)} s\n  ${notes.join('\n  ')}`);
};

faro('cold');
faro('warm, nothing changed', false);
editArticle('faro');
faro('one article edited');

// `faro dev`: saves of one article, each timed until the dev server serves the new page.
const devEdits = Number(values['dev-edits']);
let dev: DevEditTimes | undefined;
if (devEdits > 0) {
  dev = await timeDevEdits({ faroBin: join(faroCopy, 'bin/faro.js'), source, out: join(site, 'faro-dev-out'), article: edited, edits: devEdits, cwd: repo });
  console.error(`bench: faro dev: serving after ${dev.startSeconds.toFixed(2)} s; saves served in ${dev.servedMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
}

// The floor: the mandated parser alone on the same articles, in as many threads as faro uses.
const floorThreads = values.workers ?? String(cpus().length);
const floor = timed([process.execPath, '--import', 'jiti/register', join(repo, 'scripts/bench-floor.ts'), source, floorThreads], repo);
if (floor.code !== 0) throw new Error(`bench-floor failed:\n${floor.output.slice(-4000)}`);
runs.push({ tool: 'remark alone', run: `floor: parse + GFM → HTML, ${floorThreads} threads`, seconds: floor.seconds, rssMb: floor.rssMb, cpuSeconds: floor.cpuSeconds });
console.error(`bench: floor (remark alone, ${floorThreads} threads): ${floor.seconds.toFixed(2)} s`);

const jekyllAvailable = !values['no-jekyll'] && spawnSync('jekyll', ['--version']).status === 0;
if (jekyllAvailable) {
  const jekyll = (run: string, extra: string[] = []) => {
    const result = timed(['jekyll', 'build', '--source', source, '--destination', jekyllOut, '--quiet', ...extra], site);
    runs.push({ tool: 'jekyll 4.3', run, seconds: result.seconds, rssMb: result.rssMb, cpuSeconds: result.cpuSeconds, note: result.code === 0 ? undefined : `exit ${result.code}` });
    console.error(`bench: jekyll ${run}: ${result.seconds.toFixed(2)} s`);
  };
  rmSync(join(source, '.jekyll-cache'), { recursive: true, force: true });
  jekyll('cold');
  jekyll('warm (.jekyll-cache), nothing changed');
  jekyll('--incremental, first (primes metadata)', ['--incremental']);
  editArticle('jekyll');
  jekyll('--incremental, one article edited', ['--incremental']);
}

/** Cold times as a share of Jekyll's cold build in this run (the goal is faro ≤ 0.6×). */
function ratiosToJekyll(): string[] {
  const jekyllCold = runs.find((r) => r.tool === 'jekyll 4.3' && r.run === 'cold');
  if (!jekyllCold) return [];
  const share = (r: Run | undefined) => (r ? `${(r.seconds / jekyllCold.seconds).toFixed(2)}×` : '–');
  return [`Against Jekyll's cold build: faro cold ${share(runs.find((r) => r.tool === 'faro' && r.run === 'cold'))}, the parser alone (floor) ${share(runs.find((r) => r.tool === 'remark alone'))}.`, ''];
}

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`;
const lines = [
  `### ${count} articles (${generated.origin}), ${new Date().toISOString().slice(0, 16)}Z`,
  '',
  `Machine: ${machine}`,
  '',
  '| tool | run | seconds | articles/s | CPU s (all cores) | peak RSS, any process (MB) | peak RSS, faro/jekyll process (MB) | Pagefind at work (s) | waited for Pagefind at the end (s) |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ...runs.map(
    (r) =>
      `| ${r.tool} | ${r.run} | ${r.seconds.toFixed(2)} | ${Math.round(count / r.seconds)} | ${r.cpuSeconds?.toFixed(1) ?? '–'} | ${r.rssMb ?? '–'} | ${r.faroRssMb ?? (r.tool === 'faro' ? '–' : r.rssMb ?? '–')} | ${r.searchSeconds === undefined ? '–' : r.searchSeconds.toFixed(2)} | ${r.searchWait === undefined ? '–' : r.searchWait.toFixed(2)} |`,
  ),
  '',
  ...runs.filter((r) => r.note).map((r) => `- ${r.tool} ${r.run}: ${r.note}`),
  '',
  ...ratiosToJekyll(),
  ...(dev
    ? [
        `faro dev (\`faro dev --source SRC\`, cache from the runs above): serving after ${dev.startSeconds.toFixed(2)} s; ${dev.servedMs.length} saves of \`${dev.page}\`, page served ${dev.servedMs.map((ms) => ms.toFixed(0)).join(', ')} ms after the save (median ${median(dev.servedMs).toFixed(0)} ms, worst ${Math.max(...dev.servedMs).toFixed(0)} ms); faro dev's own update of the page as it logs it (read, render, write): ${dev.updateMs.join(', ')} ms. As a browser sees it (${dev.browserMs.length} more saves, one GET when the live-reload stream announces the build): ${dev.browserMs.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${median(dev.browserMs).toFixed(0)} ms, worst ${Math.max(...dev.browserMs).toFixed(0)} ms).`,
        '',
      ]
    : []),
];
console.log(lines.join('\n'));
if (values.out) appendFileSync(values.out, `${lines.join('\n')}\n`);
if (!values.keep) rmSync(site, { recursive: true, force: true });
else console.error(`bench: kept ${site}`);
