// `faro build` from the command line: first the cheap question whether anything changed
// since the last build of this output; only when something did is the build pipeline
// loaded (its modules take longer to load than a warm check takes to run).
import type { BuildOptions, BuildResult } from './build.js';
import { locateCache } from './cache/cache-dir.js';
import { outputState, unchangedBuild, type OutputState } from './cache/incremental-output.js';
import { scanOutput } from './cache/output-scan.js';
import type { BuildContext } from './pipeline/types.js';

/** A build that found nothing to do: its inputs and output are those of the last build. */
export interface UpToDateResult extends Omit<BuildResult, 'generated'> {
  upToDate: true;
  /** Warnings of the last build that were counted, not replayed (see BuildOptions.replayAllWarnings). */
  warningsNotReplayed: number;
}

/**
 * `faro build`: like `build`, but first checks whether anything changed since the last build
 * of this output (cache permitting); when nothing did, the output is left as it is.
 */
export async function buildSite(context: BuildContext, options: BuildOptions = {}): Promise<BuildResult | UpToDateResult> {
  const started = performance.now();
  // Listed on another thread while this one reads the manifest and fingerprints the inputs.
  const output = options.cache === false ? undefined : scanOutput(context.config.outDir);
  const state = openOutputState(context, options);
  const summary = await unchangedBuild(state, output?.listing ?? Promise.resolve(undefined), options.replayAllWarnings === true);
  output?.stop();
  if (summary) {
    options.onNote?.('nothing changed since the last build: output left as it is');
    context.diagnostics.push(...summary.warnings);
    const seconds = (performance.now() - started) / 1000;
    const warningsNotReplayed = summary.warningCount - summary.warnings.length;
    return { ok: true, upToDate: true, pages: summary.pages, locales: summary.locales, diagnostics: context.diagnostics, seconds, searchSeconds: 0, warningsNotReplayed };
  }
  const { build } = await import('./build.js');
  return build(context, {}, options, state);
}

export function openOutputState(context: BuildContext, options: BuildOptions): OutputState {
  const location = options.cache === false ? {} : locateCache(context.config.root, options.cacheDir);
  if (location.note) options.onNote?.(location.note);
  return outputState(context.config, context.filters, location.dir);
}
