// `npm run fuzz [-- --runs N] [--seed S]`: the pipeline property of
// tests/fuzz/pipeline.fuzz.test.ts over many more cases, with figures at the end.
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { siteFiles } from '../tests/fuzz/arbitraries.js';
import { checkSite } from '../tests/fuzz/check-site.js';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const runs = Number(values.runs ?? 10_000);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const byRule = new Map<string, number>();
let pages = 0;
let cases = 0;
const started = performance.now();

const result = fc.check(
  fc.property(siteFiles, (files) => {
    cases++;
    const outcome = checkSite(files);
    pages += outcome.pages;
    for (const d of outcome.diagnostics) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
    if (outcome.thrown !== undefined) return false;
    return outcome.diagnostics.every((d) => d.rule !== 'internal' && d.file !== '' && d.line >= 1 && d.column >= 1);
  }),
  { numRuns: runs, seed },
);

const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: ${cases} cases, seed ${seed}, ${seconds.toFixed(1)} s, ${pages} pages rendered`);
console.log(`diagnostics by rule: ${[...byRule.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ')}`);
if (result.failed) {
  console.log(fc.defaultReportMessage(result));
  process.exitCode = 1;
} else {
  console.log(`${cases} passed, 0 failed`);
}
