// `faro render`: every Markdown page's body (Jekyll's `{{ content }}` before layouts) to
// OUT/<relative path>.html, through the same stages as `faro build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Command } from '../cli/command.js';
import { stringOption } from '../cli/command.js';
import { prepareSite } from '../pipeline/prepare-site.js';
import { renderPages } from '../pipeline/render-pages.js';
import type { BuildContext } from '../pipeline/types.js';
import { createContext, loadSiteConfig, printDiagnostics, SITE_OPTIONS, SITE_OPTIONS_HELP } from './site-options.js';

export interface RenderedBodies {
  /** Body HTML by the source's relative path with `.html` for its extension. */
  bodies: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Renders the bodies of every Markdown page of a site (the fixture tests call this). */
export function renderBodies(context: BuildContext): RenderedBodies {
  const site = prepareSite(context);
  const rendered = renderPages(
    site.pages.filter((page) => page.isMarkdown),
    site.settings,
    context,
  );
  const bodies = new Map<string, string>();
  for (const page of rendered) bodies.set(page.sourcePath.replace(/\.[^./]+$/, '.html'), page.html);
  return { bodies, diagnostics: context.diagnostics };
}

export const renderCommand: Command = {
  name: 'render',
  summary: "Write each Markdown page's rendered body (Jekyll's {{ content }}, no layout) to OUT/<path>.html.",
  usage: 'faro render --source DIR --out DIR [--config FILE] [--drafts]',
  help: `${SITE_OPTIONS_HELP}\n  --drafts                 include _drafts/ and published: false`,
  options: { ...SITE_OPTIONS, drafts: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const out = stringOption(values, 'out');
    if (!out) throw new UsageError('--out DIR is required');
    const config = await loadSiteConfig({ ...values, out: undefined }, io);
    const context = createContext(config, { drafts: values.drafts === true });
    const { bodies, diagnostics } = renderBodies(context);
    const outDir = resolve(io.cwd, out);
    for (const [path, html] of bodies) {
      const target = join(outDir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, html);
    }
    const [errors, warnings] = printDiagnostics(diagnostics, io, { warnings: false, sourceDir: config.sourceDir });
    io.stderr(`faro render: ${bodies.size} bodies written to ${out} (${errors} errors, ${warnings} warnings)\n`);
    return hasErrors(diagnostics) ? 1 : 0;
  },
};
