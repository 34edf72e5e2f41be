import type { Element, ElementContent } from 'hast';

// How Rouge's HTMLLegacy formatter (kramdown's default) lays highlighted code out, from
// `syntax_highlighter_opts` (kramdown lays `block:` or `span:` over the general ones):
// `line_numbers` puts the code in a table beside a gutter of numbers (`start_line`,
// `line_format`, `table_class`, `gutter_class`, `code_class`), and unless `wrap` is false
// (always for spans) it is wrapped in `<div class="highlight"><pre class="css_class"><code>`.

export type RougeSettings = Record<string, unknown>;

/** The highlighted code's nodes: the tokens (or the text), then the table, then the wrapper. */
export function rougeLayout(tokens: ElementContent[], text: string, settings: RougeSettings, part: 'span' | 'block'): ElementContent[] {
  let content = tokens;
  if (isOn(settings.line_numbers)) content = [numberedTable(content, text, settings)];
  if (part === 'span' || settings.wrap === false) return content;
  const cssClass = typeof settings.css_class === 'string' ? settings.css_class : 'highlight';
  const code: Element = { type: 'element', tagName: 'code', properties: {}, children: content };
  const pre: Element = { type: 'element', tagName: 'pre', properties: { className: [cssClass] }, children: [code] };
  return [{ type: 'element', tagName: 'div', properties: { className: ['highlight'] }, children: [pre] }];
}

/** Rouge's HTMLTable: one number per line (a last line without a newline gets one). */
function numberedTable(tokens: ElementContent[], text: string, settings: RougeSettings): Element {
  const content = [...tokens];
  let lines = text.split('\n').length - 1;
  if (!text.endsWith('\n')) {
    lines++;
    content.push({ type: 'text', value: '\n' });
  }
  const start = Number.isInteger(settings.start_line) ? (settings.start_line as number) : 1;
  const format = typeof settings.line_format === 'string' ? settings.line_format : '%i';
  const numbers = Array.from({ length: lines }, (_, i) => `${formatInteger(format, start + i)}\n`).join('');
  const name = (key: string, fallback: string) => (typeof settings[key] === 'string' ? (settings[key] as string) : fallback);
  const cell = (className: string[], pre: Element): Element => ({ type: 'element', tagName: 'td', properties: { className }, children: [pre] });
  const gutter = cell([name('gutter_class', 'rouge-gutter'), 'gl'], { type: 'element', tagName: 'pre', properties: { className: ['lineno'] }, children: [{ type: 'text', value: numbers }] });
  const code = cell([name('code_class', 'rouge-code')], { type: 'element', tagName: 'pre', properties: {}, children: content });
  const row: Element = { type: 'element', tagName: 'tr', properties: {}, children: [gutter, code] };
  const body: Element = { type: 'element', tagName: 'tbody', properties: {}, children: [row] };
  return { type: 'element', tagName: 'table', properties: { className: [name('table_class', 'rouge-table')] }, children: [body] };
}

/** Ruby's `sprintf` for one integer (`%i`, `%03d`, `%-4i`, `%+i`), as `line_format` uses it. */
function formatInteger(format: string, value: number): string {
  return format.replace(/%%|%([-0+ ]*)(\d*)[di]/g, (match, flags: string | undefined, width: string | undefined) => {
    if (match === '%%') return '%';
    const sign = value < 0 ? '-' : flags!.includes('+') ? '+' : flags!.includes(' ') ? ' ' : '';
    const digits = String(Math.abs(value));
    const size = Number(width || 0);
    if (flags!.includes('-')) return (sign + digits).padEnd(size);
    if (flags!.includes('0')) return sign + digits.padStart(size - sign.length, '0');
    return (sign + digits).padStart(size);
  });
}

/** Ruby truthiness, as kramdown tests an option: only nil and false are off. */
export const isOn = (value: unknown): boolean => value !== undefined && value !== null && value !== false;
