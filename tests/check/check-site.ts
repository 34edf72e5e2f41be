// Runs `faro check` on an in-memory site with faro's own layouts.
import { DEFAULT_LAYOUTS_DIR } from '../../src/config/resolve-config.js';
import type { ResolvedConfig } from '../../src/config/resolved-config.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { runCheck, type CheckReport } from '../../src/check/run-check.js';
import { memoryContext } from '../support/memory-site.js';

export function checkSite(files: Record<string, string>, overrides: Partial<ResolvedConfig> = {}): CheckReport {
  return runCheck(memoryContext(files, { layoutsDir: DEFAULT_LAYOUTS_DIR, ...overrides }), { useGit: false });
}

export const findingsOf = (report: CheckReport, rule: string): Diagnostic[] => report.findings.filter((d) => d.rule === rule);

/** `file:line:col` of each finding of a rule. */
export const placesOf = (report: CheckReport, rule: string): string[] =>
  findingsOf(report, rule).map((d) => `${d.file}:${d.line}:${d.column}`);

/** An article of locale co-es or us-en with the usual front matter. */
export function page(locale: 'co-es' | 'us-en', title: string, body: string, extra: Record<string, string> = {}): string {
  const fields = { layout: 'post', title, date: '2020-01-01 10:00:00', locale: `[${locale}]`, category: '[wework]', ...extra };
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}`;
}
