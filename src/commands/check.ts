// `faro check`: every problem an author can fix, with file:line:col, without writing the
// site. Exit 1 when there is an error, 0 with warnings only.
import { relative, resolve } from 'node:path';
import { UsageError } from '../diagnostics.js';
import { stringOption, type Command } from '../cli/command.js';
import { counts, formatJson, formatText } from '../check/format-report.js';
import { runCheck } from '../check/run-check.js';
import { createContext, loadSiteConfig } from './site-options.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check links, anchors, assets, Liquid variables, front matter and translations; nothing is written.',
  usage: 'faro check [--config FILE] [--source DIR] [--format text|json]',
  help: [
    '  --config FILE            site config (default: ./site.config.ts)',
    '  --source DIR             source folder; a plain Jekyll folder (with _config.yml) works too',
    '  --format text|json       text (default): one finding a line; json: an array of findings',
  ].join('\n'),
  options: {
    config: { type: 'string' },
    source: { type: 'string' },
    format: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const format = stringOption(values, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    const config = await loadSiteConfig(values, io);
    const report = runCheck(createContext(config));
    const relativePath = (file: string) => relative(io.cwd, resolve(config.sourceDir, file)) || file;
    if (format === 'json') io.stdout(formatJson(report, relativePath));
    else io.stdout(formatText(report, relativePath));
    return counts(report).errors > 0 ? 1 : 0;
  },
};
