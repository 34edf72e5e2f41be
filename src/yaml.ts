// YAML as Jekyll reads it (safe schema; timestamps become dates), with errors that point
// at the author's line and column.
import yaml from 'js-yaml';
import type { FaroError, SourcePosition } from './diagnostics.js';

type ErrorClass = new (message: string, where: SourcePosition, options?: { cause?: unknown }) => FaroError;

/**
 * Parses `text`, which starts `lineOffset` lines into `file` (front matter starts after
 * the opening `---`). Throws `errorClass` with the position of the problem.
 */
export function parseYaml(text: string, file: string, lineOffset: number, errorClass: ErrorClass, fullSource?: string): unknown {
  try {
    return yaml.load(text, { filename: file, schema: yaml.DEFAULT_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new errorClass(
      `invalid YAML: ${reason}`,
      {
        file,
        line: (mark?.line ?? 0) + 1 + lineOffset,
        column: (mark?.column ?? 0) + 1,
        source: fullSource ?? text,
      },
      { cause: error },
    );
  }
}
