// Property: whatever the front matter, Markdown and Liquid, the pipeline never throws;
// every problem is a diagnostic naming a file and a line. `npm run fuzz` runs the same
// property for 10,000+ cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSite } from './check-site.js';
import { siteFiles } from './arbitraries.js';

describe('pipeline under random input', () => {
  it('reports problems as diagnostics with file and line, and never throws', () => {
    fc.assert(
      fc.property(siteFiles, (files) => {
        const outcome = checkSite(files);
        expect(outcome.thrown).toBeUndefined();
        // `internal` marks an exception a stage did not expect: a crash, caught.
        expect(outcome.diagnostics.filter((d) => d.rule === 'internal')).toEqual([]);
        for (const d of outcome.diagnostics) {
          expect(d.file, JSON.stringify(d)).toMatch(/\S/);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message).toMatch(/\S/);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  }, 300_000);
});
