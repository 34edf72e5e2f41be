// `faro check`: the whole build in memory (nothing written), then the rules a build does
// not enforce. Findings of every stage keep their rule; undefined Liquid variables become
// errors here, since on a published site they silently print nothing.
import { generateSite } from '../build.js';
import { sortDiagnostics, type Diagnostic, type Severity } from '../diagnostics.js';
import type { BuildContext } from '../pipeline/types.js';
import { checkFrontMatter } from './front-matter-rules.js';
import { lastCommitTimes } from './git-times.js';
import { checkLinks } from './link-rules.js';
import { siteTargets } from './site-targets.js';
import { translationCoverage, type TranslationCoverage } from './translations.js';

/** Rules whose findings `faro check` reports with another severity than the build. */
export const CHECK_SEVERITY: Record<string, Severity> = {
  'liquid-undefined': 'error',
  // A page date faro cannot read: Jekyll builds (it never reads it), faro's listings lose it.
  'front-matter': 'error',
};

export interface CheckOptions {
  /** Date translations by their last git commit when the source folder is in a repository (default true). */
  useGit?: boolean;
}

export interface CheckReport {
  findings: Diagnostic[];
  translations: TranslationCoverage;
  pages: number;
  locales: number;
}

export function runCheck(context: BuildContext, options: CheckOptions = {}): CheckReport {
  const generated = generateSite(context);
  const { site } = generated;
  const targets = siteTargets(generated);
  const translations = translationCoverage(
    site.allPages,
    site.config,
    options.useGit === false ? undefined : lastCommitTimes(context.fs.root),
  );
  const findings = [
    ...context.diagnostics.map((d) => (CHECK_SEVERITY[d.rule] ? { ...d, severity: CHECK_SEVERITY[d.rule]! } : d)),
    ...checkLinks(generated.articles, targets, site.config, site.settings.site),
    ...checkFrontMatter(generated),
    ...translations.outdated,
  ];
  return {
    findings: sortDiagnostics(unique(findings)),
    translations,
    pages: site.allPages.length,
    locales: site.config.locales.length,
  };
}

function unique(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
