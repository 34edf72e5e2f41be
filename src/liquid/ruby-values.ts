// Jekyll's Liquid runs on Ruby, so `{{ value }}` prints Ruby's `to_s` and `inspect` prints
// Ruby's `inspect`. These helpers reproduce both for the values a site's YAML and front
// matter can hold (nil, booleans, numbers, strings, dates, arrays, hashes).
import { Drop } from 'liquidjs';

/** Time zone used to print dates: an IANA name, or undefined for UTC. */
export interface RubyFormatOptions {
  timeZone?: string;
}

/**
 * A YAML date without a time (`2023-07-04`): Ruby keeps it a Date, which prints as
 * `2023-07-04`, where a timestamp prints as `2023-07-04 00:00:00 +0000`. The YAML reader
 * may produce these (midnight UTC) to keep the difference.
 */
export class CalendarDate extends Date {}

/**
 * A Float result of Liquid arithmetic (`4 | times: 2.5`). Ruby prints a whole Float with
 * `.0` (`10.0`); a JavaScript number cannot say it is one. Everything else sees the number.
 */
export class RubyFloat extends Drop {
  constructor(readonly value: number) {
    super();
  }

  override valueOf(): number {
    return this.value;
  }
}

/** Ruby's Float#to_s for a whole number: `10.0`, `1.0e+16`. */
function wholeFloat(value: number): string {
  if (Math.abs(value) < 1e16) return value.toFixed(1);
  const [mantissa, exponent] = value.toExponential().split('e');
  return `${mantissa!.includes('.') ? mantissa : `${mantissa}.0`}e${exponent!.startsWith('-') ? '' : '+'}${exponent!.replace('+', '').padStart(2, '0')}`;
}

/** What Liquid 5 writes for `{{ value }}`: arrays are joined (flattened), nil is empty. */
export function liquidToS(value: unknown, options: RubyFormatOptions = {}): string {
  if (value instanceof RubyFloat) return rubyToS(value, options);
  if (value instanceof Drop) value = value.valueOf();
  if (Array.isArray(value)) return value.map((item) => liquidToS(item, options)).join('');
  return rubyToS(value, options);
}

/** Ruby's `to_s`. */
export function rubyToS(value: unknown, options: RubyFormatOptions = {}): string {
  if (value instanceof Drop && !(value instanceof RubyFloat)) value = value.valueOf();
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return rubyNumber(value);
  if (value instanceof RubyFloat) return floatText(value.value);
  if (value instanceof Date) return rubyTime(value, options);
  if (Array.isArray(value) || isPlainRecord(value)) return rubyInspect(value, options);
  return String(value);
}

/** Ruby's `inspect` (Ruby 3.1 spelling: `{"a"=>1}`). */
export function rubyInspect(value: unknown, options: RubyFormatOptions = {}): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return rubyStringInspect(value);
  if (typeof value === 'number') return rubyNumber(value);
  if (value instanceof RubyFloat) return floatText(value.value);
  if (value instanceof Date) return rubyTime(value, options);
  if (Array.isArray(value)) return `[${value.map((item) => rubyInspect(item, options)).join(', ')}]`;
  if (isPlainRecord(value)) {
    const pairs = Object.entries(value).map(([key, item]) => `${rubyStringInspect(key)}=>${rubyInspect(item, options)}`);
    return `{${pairs.join(', ')}}`;
  }
  return String(value);
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A Float as Ruby prints it (`10.0`, `2.5`). */
export function floatText(value: number): string {
  return Number.isInteger(value) ? wholeFloat(value) : rubyNumber(value);
}

function rubyNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return String(value);
}

const STRING_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
  '\f': '\\f',
  '\v': '\\v',
  '\b': '\\b',
  '\x07': '\\a',
  '\x1b': '\\e',
};

function rubyStringInspect(text: string): string {
  const body = text.replace(/["\\\n\t\r\f\v\b\x07\x1b]|#(?=[{$@])|[\x00-\x1f\x7f]/g, (char) => {
    if (char === '#') return '\\#';
    return STRING_ESCAPES[char] ?? `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  });
  return `"${body}"`;
}

/** Date and time parts of `date` as seen in `timeZone` (UTC when undefined). */
export function zonedParts(date: Date, timeZone?: string): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
} {
  if (!timeZone) {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      offsetMinutes: 0,
    };
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(date);
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const fields = {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  return { ...fields, offsetMinutes };
}

export function offsetText(offsetMinutes: number, separator: string): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

/** Ruby's `Time#to_s`: `2024-03-05 13:30:00 +0000`. */
export function rubyTime(date: Date, options: RubyFormatOptions = {}): string {
  if (Number.isNaN(date.getTime())) return '';
  if (date instanceof CalendarDate) return date.toISOString().slice(0, 10);
  const p = zonedParts(date, options.timeZone);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${offsetText(p.offsetMinutes, '')}`;
}
