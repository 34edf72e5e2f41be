// Stage 2: YAML front matter (gray-matter, with js-yaml so errors carry positions) and
// the fields faro reads from it. Every bad file is reported; the others go on.
import matter from 'gray-matter';
import { FrontMatterError, type Diagnostic, diagnostic, toDiagnostic } from '../diagnostics.js';
import { parseYaml } from '../yaml.js';
import type { BuildContext, Page, SourcePage } from './types.js';

export function parseFrontMatter(sources: SourcePage[], context: BuildContext): Page[] {
  const pages: Page[] = [];
  for (const source of sources) {
    try {
      pages.push(parsePage(source, context.diagnostics));
    } catch (error) {
      context.diagnostics.push(toDiagnostic(error, { file: source.sourcePath, source: source.source }));
    }
  }
  return pages;
}

export function parsePage(source: SourcePage, diagnostics: Diagnostic[]): Page {
  const file = source.sourcePath;
  const parsed = matter(source.source, {
    engines: { yaml: (text: string) => parseYaml(text, file, 0, FrontMatterError, source.source) as object },
  });
  const data: unknown = parsed.data ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FrontMatterError('front matter must be a mapping of keys to values', {
      file,
      line: 2,
      source: source.source,
    });
  }
  const fields = data as Record<string, unknown>;
  const bodyOffset = (parsed.matter.match(/\n/g)?.length ?? 0) + 2;
  const where = (key: string) => ({ file, line: lineOfKey(source.source, key, bodyOffset), column: 1, source: source.source });

  const date = readDate(fields.date, source.sourcePath);
  if (fields.date !== undefined && date === undefined) {
    diagnostics.push(diagnostic(where('date'), 'error', 'front-matter', `date: "${String(fields.date)}" is not a valid date`));
  }
  const layout = fields.layout === undefined ? 'default' : fields.layout === null || fields.layout === 'none' || fields.layout === false ? null : String(fields.layout);

  return {
    ...source,
    data: fields,
    body: parsed.content,
    bodyOffset,
    url: '',
    outputPath: '',
    title: typeof fields.title === 'string' || typeof fields.title === 'number' ? String(fields.title).trim() : '',
    date,
    locale: '',
    categories: list(fields.categories ?? fields.category),
    tags: list(fields.tags ?? fields.tag),
    layout,
    translationKey: typeof fields.translation_key === 'string' ? fields.translation_key : '',
  };
}

/** Jekyll accepts a YAML list or a space-separated string for categories and tags. */
export function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map((v) => String(v).trim()).filter(Boolean);
  return String(value).split(/\s+/).filter(Boolean);
}

const POST_DATE = /(?:^|\/)(\d{2,4})-(\d{1,2})-(\d{1,2})-[^/]*$/;

/** Front matter date, else the date in a post's file name. Times without a zone are read as UTC. */
function readDate(value: unknown, path: string): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim().replace(/^(\d{4}-\d{1,2}-\d{1,2})[ T](\d{1,2}:\d{2}(?::\d{2})?)\s*([+-]\d{2}:?\d{2}|Z)?$/, (_, d, t, z) => `${d}T${t}${z ? z.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z'}`);
    const parsed = new Date(/^\d{4}-\d{1,2}-\d{1,2}$/.test(text) ? `${text}T00:00:00Z` : text);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  if (value !== undefined) return undefined;
  const match = POST_DATE.exec(path);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
}

/** The line of `key:` inside the front matter (for messages about a field). */
export function lineOfKey(source: string, key: string, bodyOffset: number): number {
  const lines = source.split(/\r\n|\r|\n/).slice(0, bodyOffset);
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : 1;
}
