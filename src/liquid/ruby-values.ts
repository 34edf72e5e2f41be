// Jekyll's Liquid runs on Ruby, so `{{ value }}` prints Ruby's `to_s` and `inspect` prints
// Ruby's `inspect`. These helpers reproduce both for the values a site's YAML and front
// matter can hold (nil, booleans, numbers, strings, dates, arrays, hashes).
import { Drop } from 'liquidjs';
import { rubyTimeText } from './ruby-time.js';

export { CalendarDate, offsetText, RubyTime, zonedParts } from './ruby-time.js';

/** Time zone used to print dates: an IANA name, or undefined for UTC. */
export interface RubyFormatOptions {
  timeZone?: string;
}

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

  toJSON(): number {
    return this.value;
  }

  override toString(): string {
    return floatText(this.value);
  }
}

/**
 * Ruby's Float#to_s: the shortest digits that read back the same (as JavaScript finds them),
 * in plain notation when the decimal exponent is from -4 to 15 (`0.0001`, `10.0`), else in
 * scientific notation (`1.2e-05`, `1.0e+16`).
 */
function rubyFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa!.startsWith('-');
  const digits = mantissa!.replace(/^-/, '').replace('.', '');
  let text: string;
  if (exponent < -4 || exponent >= 16) {
    text = `${digits[0]}.${digits.slice(1) || '0'}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  } else if (exponent < 0) {
    text = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  } else {
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    text = `${whole}.${digits.slice(exponent + 1) || '0'}`;
  }
  return negative ? `-${text}` : text;
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
  return rubyFloat(value);
}

function rubyNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  // A number with a fraction can only be a Ruby Float.
  return Number.isInteger(value) ? String(value) : rubyFloat(value);
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

/** Ruby's `Time#to_s` (`2024-03-05 13:30:00 +0000`) and `Date#to_s` (`2024-03-05`). */
export function rubyTime(date: Date, options: RubyFormatOptions = {}): string {
  return rubyTimeText(date, options.timeZone);
}
