// Options every site command shares (--config, --source, --out) and the context they give.
import { relative, resolve } from 'node:path';
import { resolveConfig } from '../config/resolve-config.js';
import type { BuildFilters, ResolvedConfig } from '../config/resolved-config.js';
import { NodeFileSystem } from '../fs.js';
import type { BuildContext } from '../pipeline/types.js';
import { stringOption, type CommandIO, type ParsedValues } from '../cli/command.js';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';

export const SITE_OPTIONS = {
  config: { type: 'string' },
  source: { type: 'string' },
  out: { type: 'string' },
} as const;

export const SITE_OPTIONS_HELP = [
  '  --config FILE            site config (default: ./site.config.ts)',
  '  --source DIR             source folder; a plain Jekyll folder (with _config.yml) works too',
  '  --out DIR                output folder (default: _site)',
].join('\n');

export async function loadSiteConfig(values: ParsedValues, io: CommandIO): Promise<ResolvedConfig> {
  return resolveConfig({
    cwd: io.cwd,
    configFile: stringOption(values, 'config'),
    sourceDir: stringOption(values, 'source'),
    outDir: stringOption(values, 'out'),
  });
}

export function createContext(config: ResolvedConfig, filters: Partial<BuildFilters> = {}): BuildContext {
  return {
    config,
    filters: { locales: [], categories: [], drafts: false, ...filters },
    fs: new NodeFileSystem(config.sourceDir),
    diagnostics: [],
  };
}

/**
 * Diagnostics name files relative to the source folder (or absolute); people read them
 * relative to where they ran faro, so their editor can open `content/co/es/a.md:12:3`.
 */
export function relativeToCwd(list: Diagnostic[], sourceDir: string, cwd: string): Diagnostic[] {
  return list.map((d) => ({ ...d, file: relative(cwd, resolve(sourceDir, d.file)) || d.file }));
}

/** Prints diagnostics (sorted, source line included); returns [errors, warnings]. */
export function printDiagnostics(list: Diagnostic[], io: CommandIO, options: { warnings?: boolean; sourceDir?: string } = {}): [number, number] {
  const sorted = sortDiagnostics(options.sourceDir ? relativeToCwd(list, options.sourceDir, io.cwd) : list);
  let errors = 0;
  let warnings = 0;
  for (const d of sorted) {
    if (d.severity === 'error') errors++;
    else warnings++;
    if (d.severity === 'error' || options.warnings !== false) io.stderr(`${formatDiagnostic(d)}\n`);
  }
  return [errors, warnings];
}
