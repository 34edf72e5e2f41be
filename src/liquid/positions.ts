// Turning what liquidjs reports (tokens with offsets into a template string) into faro
// diagnostics that point into the author's file: the page's body sits `lineOffset` lines
// into its file (after the front matter); an included file is its own source.
import { type Template, type Token } from 'liquidjs';
import { diagnostic, LiquidError, type Diagnostic, type Severity } from '../diagnostics.js';

const LIQUID_RULE = new LiquidError('', { file: '' }).rule;

/** A template text faro parsed, and where it lives. */
export interface SourceText {
  file: string;
  /** Lines of `source` before `text` begins. */
  lineOffset: number;
  /** The whole file, for quoting the source line. */
  source: string;
}

export class SourceMap {
  private readonly texts = new Map<string, SourceText>();

  constructor(private readonly fallback: SourceText) {}

  register(text: string, where: SourceText): void {
    if (!this.texts.has(text)) this.texts.set(text, where);
  }

  /** Whether positions in `text` can be attributed to a file. */
  knows(text: string): boolean {
    return this.texts.has(text);
  }

  /** File, line and column of `offset` in a token's template text. */
  locate(input: string, offset: number): { where: SourceText; line: number; column: number } {
    const where = this.texts.get(input) ?? this.fallback;
    const before = input.slice(0, Math.max(0, offset));
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    return { where, line: line + where.lineOffset, column: offset - lineStart + 1 };
  }

  diagnostic(token: Token | undefined, severity: Severity, rule: string, message: string, offsetInToken = 0): Diagnostic {
    if (!token) return diagnostic({ ...this.fallback, line: 1 + this.fallback.lineOffset }, severity, rule, message);
    const { where, line, column } = this.locate(token.input, token.begin + offsetInToken);
    return diagnostic({ file: where.file, line, column, source: where.source }, severity, rule, message);
  }

  /** An error of the `liquid` rule (LiquidError's), at `token`. */
  error(token: Token | undefined, message: string): Diagnostic {
    return this.diagnostic(token, 'error', LIQUID_RULE, message);
  }
}

/** Where, inside a template's own text, `path` is written (for an exact column). */
export function offsetOfPath(template: Template | undefined, path: string): number {
  const token = template?.token;
  if (!token) return 0;
  const text = token.input.slice(token.begin, token.end);
  const candidates = [path, path.split(/[.[]/)[0] ?? ''];
  for (const candidate of candidates) {
    if (candidate === '') continue;
    const pattern = new RegExp(`(?<![\\w.-])${candidate.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
    const match = pattern.exec(text);
    if (match) return match.index;
  }
  return 0;
}
