// `faro build`: the whole site into the output folder, search index included.
import { sortDiagnostics, UsageError, WARNINGS_SHOWN } from '../diagnostics.js';
import type { BuildOptions } from '../build.js';
import { buildSite } from '../build-site.js';
import { listOption, stringOption, type Command, type ParsedValues } from '../cli/command.js';
import { progressLine } from '../dev/progress-line.js';
import { createContext, loadSiteConfig, printDiagnostics, SITE_OPTIONS, SITE_OPTIONS_HELP } from './site-options.js';

/** Options of build and render that change how fast, never what, they produce. */
export const SPEED_OPTIONS = {
  workers: { type: 'string' },
  'no-cache': { type: 'boolean' },
} as const;

export const SPEED_OPTIONS_HELP = [
  '  --workers N              render with N threads (default: one per core; 1: no worker threads)',
  '  --no-cache               ignore .faro-cache/ (renders everything, writes no cache)',
].join('\n');

export function speedOptions(values: ParsedValues): Pick<BuildOptions, 'workers' | 'cache'> {
  const workers = stringOption(values, 'workers');
  if (workers !== undefined && !/^[1-9]\d*$/.test(workers)) throw new UsageError(`--workers needs a whole number of 1 or more, not "${workers}"`);
  return { workers: workers === undefined ? undefined : Number(workers), cache: values['no-cache'] !== true };
}

/** Warnings printed in full without --verbose; the summary still counts them all. */

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build the help center (pages, listings, sitemap, Pagefind search index) into the output folder.',
  usage: 'faro build [--config FILE] [--source DIR] [--out DIR] [--locale ID]... [--category ID]... [--drafts] [--workers N] [--no-cache]',
  help: [
    SITE_OPTIONS_HELP,
    '  --locale ID              build only this locale (repeatable, or comma-separated)',
    '  --category ID            build only articles of this category (repeatable)',
    '  --drafts                 include _drafts/ and pages with published: false',
    SPEED_OPTIONS_HELP,
    '  --quiet                  print errors only',
    `  --verbose                print every warning (default: the first ${WARNINGS_SHOWN}) and the folders used`,
  ].join('\n'),
  options: {
    ...SITE_OPTIONS,
    locale: { type: 'string', multiple: true },
    category: { type: 'string', multiple: true },
    drafts: { type: 'boolean' },
    quiet: { type: 'boolean' },
    verbose: { type: 'boolean' },
    ...SPEED_OPTIONS,
  },
  async run(values, _positionals, io) {
    const config = await loadSiteConfig(values, io);
    const locales = listOption(values, 'locale');
    const categories = listOption(values, 'category');
    if (!config.inferTaxonomy) {
      const unknown = locales.filter((id) => !config.locales.some((l) => l.id === id));
      if (unknown.length) throw new UsageError(`unknown locale ${unknown.join(', ')} (configured: ${config.locales.map((l) => l.id).join(', ')})`);
      const unknownCategories = categories.filter((id) => !config.categories.some((c) => c.id === id));
      if (unknownCategories.length) throw new UsageError(`unknown category ${unknownCategories.join(', ')}`);
    }
    const context = createContext(config, { locales, categories, drafts: values.drafts === true });
    const quiet = values.quiet === true;
    const verbose = values.verbose === true && !quiet;
    if (verbose) io.stderr(`faro build: config ${config.configFile ?? '(none)'}, source ${config.sourceDir}, out ${config.outDir}\n`);
    const progress = progressLine(quiet ? { ...io, interactive: false } : io, 'faro build: rendering');
    context.onProgress = progress.update;
    const options: BuildOptions = { ...speedOptions(values), replayAllWarnings: verbose, onNote: verbose ? (text) => io.stderr(`faro build: ${text}\n`) : undefined };
    const result = await buildSite(context, options).finally(() => progress.clear());
    const allWarnings = sortDiagnostics(result.diagnostics.filter((d) => d.severity !== 'error'));
    const shown = quiet ? [] : verbose ? allWarnings : allWarnings.slice(0, WARNINGS_SHOWN);
    const [errors] = printDiagnostics([...result.diagnostics.filter((d) => d.severity === 'error'), ...shown], io, { sourceDir: config.sourceDir });
    // An unchanged build replays only the warnings it prints (unless --verbose) and their count.
    const warnings = allWarnings.length + ('upToDate' in result ? result.warningsNotReplayed : 0);
    if (shown.length < warnings && !quiet) io.stderr(`… and ${warnings - shown.length} more warnings (faro build --verbose, or faro check, lists them all)\n`);
    if (!result.ok) {
      io.stderr(`faro build: failed with ${errors} error${errors === 1 ? '' : 's'}; ${config.outDir} left as it was\n`);
      return 1;
    }
    if (!quiet) {
      io.stderr(
        `faro build: ${result.pages} pages, ${result.locales} locales, ${warnings} warnings, ${errors} errors in ${result.seconds.toFixed(2)} s (${'upToDate' in result ? 'nothing changed' : `search ${result.searchSeconds.toFixed(2)} s`}) → ${config.outDir}\n`,
      );
    }
    return 0;
  },
};
