// Stage 6: every view through its nunjucks layout. Autoescape is on: titles, tags and
// config strings are text; only rendered bodies are marked safe in the layouts.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nunjucks from 'nunjucks';
import { diagnostic, LayoutError, toDiagnostic } from '../diagnostics.js';
import type { View } from '../site/views.js';
import { lineOfKey } from './parse-front-matter.js';
import type { BuildContext, OutputFile } from './types.js';

export interface LayoutContext extends BuildContext {
  /** Source text of articles by path, to point at their `layout:` line. */
  sources: Map<string, { source: string; bodyOffset: number }>;
  /** Compiled layouts to reuse (`faro dev` lays out one page per edit); a new one otherwise. */
  environment?: nunjucks.Environment;
}

// One environment per build: each layout is compiled once, then reused for every page.
export function createLayoutEnvironment(layoutsDir: string): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(layoutsDir), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('json', (value: unknown) => new nunjucks.runtime.SafeString(JSON.stringify(value ?? null).replace(/</g, '\\u003c')));
  return env;
}

export function applyLayouts(views: View[], context: LayoutContext): OutputFile[] {
  const layoutsDir = context.config.layoutsDir;
  const env = context.environment ?? createLayoutEnvironment(layoutsDir);
  const files: OutputFile[] = [];
  for (const view of views) {
    const template = `${view.layout}.njk`;
    if (!existsSync(join(layoutsDir, template))) {
      const origin = view.sourcePath ? context.sources.get(view.sourcePath) : undefined;
      context.diagnostics.push(
        diagnostic(
          {
            file: view.sourcePath ?? layoutsDir,
            line: origin ? lineOfKey(origin.source, 'layout', origin.bodyOffset) : 1,
            source: origin?.source,
          },
          'error',
          'unknown-layout',
          `unknown layout "${view.layout}" (available: ${availableLayouts(layoutsDir).join(', ')})`,
        ),
      );
      continue;
    }
    try {
      files.push({ path: view.outputPath, content: env.render(template, { ...view.variables, url: view.url }) });
    } catch (error) {
      context.diagnostics.push(toDiagnostic(layoutError(error, layoutsDir, template, context.config.root), { file: template }));
    }
  }
  return files;
}

/** nunjucks reports `(file) [Line n, Column m]`; point the message at the layout file. */
function layoutError(error: unknown, layoutsDir: string, template: string, root: string): LayoutError {
  const message = error instanceof Error ? error.message : String(error);
  const where = /\(([^)]+)\)\s*\[Line (\d+), Column (\d+)\]/.exec(message);
  const file = where?.[1] ?? join(layoutsDir, template);
  const text = message.replace(/^\([^)]*\)\s*(\[Line \d+, Column \d+\])?\s*/, '').replace(/\s+/g, ' ').trim();
  void root;
  return new LayoutError(
    text,
    { file: resolve(layoutsDir, file), line: Number(where?.[2] ?? 1), column: Number(where?.[3] ?? 1) },
    { cause: error },
  );
}

/** Layouts an article can name (faro's listing layouts and partials are not among them). */
const INTERNAL_LAYOUTS = new Set(['base', 'root', 'home', 'category', 'tag', 'search', '404', 'redirect']);
function availableLayouts(layoutsDir: string): string[] {
  return readdirSync(layoutsDir)
    .filter((name) => name.endsWith('.njk'))
    .map((name) => name.slice(0, -4))
    .filter((name) => !INTERNAL_LAYOUTS.has(name) && !name.startsWith('_'))
    .sort();
}
