// Jekyll's `site.data`: every YAML, JSON, CSV and TSV file under `_data/`, nested by folder.
import { FrontMatterError, toDiagnostic } from '../diagnostics.js';
import { parseYaml } from '../yaml.js';
import type { BuildContext } from './types.js';

export function loadSiteData(context: BuildContext, dataDir = '_data'): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const entry of context.fs.listFiles(dataDir)) {
    const relative = entry.path.slice(dataDir.length + 1);
    const match = /^(.*)\.(ya?ml|json|csv|tsv)$/i.exec(relative);
    if (!match) continue;
    const text = context.fs.readText(entry.path) ?? '';
    try {
      const value = parseData(text, match[2]!.toLowerCase(), entry.path);
      const keys = match[1]!.split('/');
      let target = data;
      for (const key of keys.slice(0, -1)) {
        target = (target[key] ??= {}) as Record<string, unknown>;
      }
      target[keys[keys.length - 1]!] = value;
    } catch (error) {
      context.diagnostics.push(toDiagnostic(error, { file: entry.path, source: text }));
    }
  }
  return data;
}

function parseData(text: string, kind: string, file: string): unknown {
  // Jekyll reads JSON data with its YAML reader (JSON is YAML): `10.0` stays a Float and
  // `1.5e2`, which Ruby's YAML does not read as a number, stays a string.
  if (kind === 'csv' || kind === 'tsv') return parseTable(text, kind === 'csv' ? ',' : '\t');
  return parseYaml(text, file, 0, FrontMatterError);
}

/** Rows as objects keyed by the header row, as Jekyll reads CSV with headers. */
function parseTable(text: string, separator: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  const [header, ...body] = rows.filter((r) => r.some((v) => v !== ''));
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
