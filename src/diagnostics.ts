// One shape for every message faro prints, whatever stage produced it:
//   path:line:col: severity rule: message
//      12 | the author's source line
//         |     ^
// Positions always point into the author's file (1-based line and column).

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path of the author's file, relative to the site root (posix separators). */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Short kebab-case id of the rule or failure kind, e.g. `front-matter`, `liquid-undefined`. */
  rule: string;
  message: string;
  /** The source line the position points at, when known. */
  sourceLine?: string;
}

export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
  source?: string;
}

/** Base class: one subclass per failure kind, each carrying the input path and its cause. */
export class FaroError extends Error {
  readonly rule: string = 'error';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly sourceLine?: string;

  constructor(message: string, where: SourcePosition, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.file = where.file;
    this.line = where.line ?? 1;
    this.column = where.column ?? 1;
    this.sourceLine = where.source === undefined ? undefined : lineAt(where.source, this.line);
  }

  toDiagnostic(severity: Severity = 'error'): Diagnostic {
    return {
      file: this.file,
      line: this.line,
      column: this.column,
      severity,
      rule: this.rule,
      message: this.message,
      sourceLine: this.sourceLine,
    };
  }
}

export class ConfigError extends FaroError {
  override readonly rule = 'config';
}
export class FrontMatterError extends FaroError {
  override readonly rule = 'front-matter';
}
export class LiquidError extends FaroError {
  override readonly rule = 'liquid';
}
export class MarkdownError extends FaroError {
  override readonly rule = 'markdown';
}
export class LayoutError extends FaroError {
  override readonly rule = 'layout';
}
export class ContentError extends FaroError {
  override readonly rule = 'content';
}
export class ContainmentError extends FaroError {
  override readonly rule = 'containment';
}
export class OutputError extends FaroError {
  override readonly rule = 'output';
}

/** Thrown for bad command-line usage (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function lineAt(source: string, line: number): string | undefined {
  const lines = source.split(/\r\n|\r|\n/);
  return line >= 1 && line <= lines.length ? lines[line - 1] : undefined;
}

export function diagnostic(
  where: SourcePosition,
  severity: Severity,
  rule: string,
  message: string,
): Diagnostic {
  const line = where.line ?? 1;
  return {
    file: where.file,
    line,
    column: where.column ?? 1,
    severity,
    rule,
    message,
    sourceLine: where.source === undefined ? undefined : lineAt(where.source, line),
  };
}

/** Converts anything thrown inside a stage into a diagnostic attributed to `file`. */
export function toDiagnostic(error: unknown, fallback: SourcePosition): Diagnostic {
  if (error instanceof FaroError) return error.toDiagnostic();
  const message = error instanceof Error ? error.message : String(error);
  return diagnostic(fallback, 'error', 'internal', message);
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.rule}: ${d.message}`;
  if (d.sourceLine === undefined) return head;
  const gutter = String(d.line).length;
  const caretPad = ' '.repeat(Math.max(0, d.column - 1));
  return [
    head,
    `  ${String(d.line)} | ${d.sourceLine}`,
    `  ${' '.repeat(gutter)} | ${caretPad}^`,
  ].join('\n');
}

/** Warnings `faro build` prints unless asked for all (`--verbose`). */
export const WARNINGS_SHOWN = 20;

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

export const hasErrors = (list: readonly Diagnostic[]): boolean => list.some((d) => d.severity === 'error');
