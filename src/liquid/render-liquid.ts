import { Liquid } from 'liquidjs';
import type { SiteFileSystem } from '../fs.js';
import type { Diagnostic } from '../diagnostics.js';
import { LiquidError } from '../diagnostics.js';

export interface LiquidInput {
  /** Author's file (relative to the site root), for messages and include_relative. */
  file: string;
  /** The text to render: the page body after its front matter. */
  template: string;
  /** Lines of the file before `template` starts (front matter), so positions point at the file. */
  lineOffset: number;
  /** The whole file text, to quote the author's source line in messages. */
  source: string;
  page: Record<string, unknown>;
  site: Record<string, unknown>;
}

export interface LiquidContext {
  fs: SiteFileSystem;
  /** Folder of includes relative to the site root (Jekyll: `_includes`). */
  includesDir: string;
  /** Jekyll's `markdownify` filter renders with the same Markdown stage. */
  markdownify: (text: string) => string;
}

export interface LiquidResult {
  output: string;
  diagnostics: Diagnostic[];
}

/** Renders the Liquid of one page as Jekyll 4.3 does, before Markdown. */
export function renderLiquid(input: LiquidInput, context: LiquidContext): LiquidResult {
  const engine = new Liquid({ jekyllInclude: true, dynamicPartials: false, strictVariables: false });
  engine.registerFilter('markdownify', (text: unknown) => context.markdownify(String(text ?? '')));
  try {
    const output = engine.parseAndRenderSync(input.template, { page: input.page, site: input.site });
    return { output, diagnostics: [] };
  } catch (error) {
    const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
    const [line, column] = token?.getPosition?.() ?? [1, 1];
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const failure = new LiquidError(
      message,
      { file: input.file, line: line + input.lineOffset, column, source: input.source },
      { cause: error },
    );
    return { output: '', diagnostics: [failure.toDiagnostic()] };
  }
}
