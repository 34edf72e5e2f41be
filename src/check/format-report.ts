// `faro check` output. Text: one `path:line:col: severity rule: message` finding each (the
// shape of every faro message, source line included), then the translation tables and a
// summary. JSON: an array with one object per finding; missing translations are findings
// of severity "info" (rule `missing-translation`) pointing at the untranslated article.
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { CheckReport } from './run-check.js';
import type { TranslationCoverage } from './translations.js';

export interface Finding extends Omit<Diagnostic, 'severity'> {
  severity: Diagnostic['severity'] | 'info';
}

export function counts(report: CheckReport): { errors: number; warnings: number } {
  const errors = report.findings.filter((d) => d.severity === 'error').length;
  return { errors, warnings: report.findings.length - errors };
}

export function formatText(report: CheckReport, relativePath: (file: string) => string = (f) => f): string {
  const out: string[] = report.findings.map((d) => formatDiagnostic({ ...d, file: relativePath(d.file) }));
  const tables = formatCoverage(report.translations);
  if (tables) out.push(tables);
  const { errors, warnings } = counts(report);
  out.push(
    `faro check: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(report.pages, 'page')}, ${plural(report.locales, 'locale')}`,
  );
  return `${out.join('\n')}\n`;
}

export function formatJson(report: CheckReport, relativePath: (file: string) => string = (f) => f): string {
  const findings: Finding[] = report.findings.map((d) => ({ ...d, file: relativePath(d.file) }));
  for (const coverage of report.translations.locales) {
    for (const missing of coverage.missing) {
      findings.push({
        file: relativePath(missing.sourcePath),
        line: 1,
        column: 1,
        severity: 'info',
        rule: 'missing-translation',
        message: `no ${coverage.locale} translation (${report.translations.reference} has "${missing.title}")`,
      });
    }
  }
  return `${JSON.stringify(findings, null, 2)}\n`;
}

function formatCoverage(coverage: TranslationCoverage): string {
  if (!coverage.reference || coverage.locales.length === 0) return '';
  const reference = coverage.reference;
  const rows = [
    ['locale', 'articles', `missing vs ${reference}`],
    ...coverage.locales.map((l) => [l.locale, String(l.articles), String(l.missing.length)]),
  ];
  const lines = ['', `Translations (compared with ${reference}, the locale with the most articles):`, ...table(rows)];
  for (const locale of coverage.locales) {
    if (locale.missing.length === 0) continue;
    lines.push('', `${locale.locale} lacks ${plural(locale.missing.length, 'article')}:`);
    lines.push(...table([['source', 'title'], ...locale.missing.map((m) => [m.sourcePath, m.title])]));
  }
  return lines.join('\n') + '\n';
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}`);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
