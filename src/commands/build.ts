// `faro build`: the whole site into the output folder, search index included.
import { UsageError } from '../diagnostics.js';
import { build } from '../build.js';
import { listOption, type Command } from '../cli/command.js';
import { createContext, loadSiteConfig, printDiagnostics, SITE_OPTIONS, SITE_OPTIONS_HELP } from './site-options.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build the help center (pages, listings, sitemap, Pagefind search index) into the output folder.',
  usage: 'faro build [--config FILE] [--source DIR] [--out DIR] [--locale ID]... [--category ID]... [--drafts]',
  help: [
    SITE_OPTIONS_HELP,
    '  --locale ID              build only this locale (repeatable, or comma-separated)',
    '  --category ID            build only articles of this category (repeatable)',
    '  --drafts                 include _drafts/ and pages with published: false',
    '  --quiet                  print errors only',
  ].join('\n'),
  options: {
    ...SITE_OPTIONS,
    locale: { type: 'string', multiple: true },
    category: { type: 'string', multiple: true },
    drafts: { type: 'boolean' },
    quiet: { type: 'boolean' },
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
    const result = await build(context);
    const quiet = values.quiet === true;
    const [errors, warnings] = printDiagnostics(result.diagnostics, io, { warnings: !quiet, sourceDir: config.sourceDir });
    if (!result.ok) {
      io.stderr(`faro build: failed with ${errors} error${errors === 1 ? '' : 's'}; ${config.outDir} left as it was\n`);
      return 1;
    }
    if (!quiet) {
      io.stderr(
        `faro build: ${result.pages} pages, ${result.locales} locales, ${warnings} warnings, ${errors} errors in ${result.seconds.toFixed(2)} s (search ${result.searchSeconds.toFixed(2)} s) → ${config.outDir}\n`,
      );
    }
    return 0;
  },
};
