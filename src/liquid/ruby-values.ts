// Jekyll's Liquid runs on Ruby, so `{{ value }}` prints Ruby's `to_s` and `inspect` prints
// Ruby's `inspect`. These helpers reproduce both for the values a site's YAML and front
// matter can hold (nil, booleans, numbers, strings, dates, arrays, hashes).
import { Drop } from 'liquidjs';
import { CalendarDate, RubyTime, rubyTimeText, type TimeMode } from './ruby-time.js';

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
  /** Survives a structured clone (worker threads), where the class does not: see reviveRubyValues. */
  readonly rubyType = 'Float';

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
 * A Ruby Integer beyond JavaScript's exact integers (2^53): kept as a bigint, so it prints
 * as written. Comparisons are exact; everything else sees the nearest number.
 */
export class RubyInteger extends Drop {
  readonly rubyType = 'Integer';

  constructor(readonly value: bigint) {
    super();
  }

  override valueOf(): number {
    return Number(this.value);
  }

  /** A string: exact in cache keys, where JSON has no bigint. */
  toJSON(): string {
    return this.value.toString();
  }

  override toString(): string {
    return this.value.toString();
  }

  // liquidjs's Comparable: `==`, `<`… with this value on the left.
  equals(other: unknown): boolean {
    return compareInteger(this.value, other) === 0;
  }
  gt(other: unknown): boolean {
    return compareInteger(this.value, other) > 0;
  }
  geq(other: unknown): boolean {
    return compareInteger(this.value, other) >= 0;
  }
  lt(other: unknown): boolean {
    return compareInteger(this.value, other) < 0;
  }
  leq(other: unknown): boolean {
    return compareInteger(this.value, other) <= 0;
  }
}

/** An integer as Ruby holds it: a number while exact, else a RubyInteger. */
export function rubyInteger(value: bigint): number | RubyInteger {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : new RubyInteger(value);
}

/** -1, 0 or 1 as `value` is below, equal to or above `other`; NaN when they do not compare. */
function compareInteger(value: bigint, other: unknown): number {
  const exact = other instanceof RubyInteger ? other.value : typeof other === 'number' && Number.isInteger(other) ? BigInt(other) : undefined;
  if (exact !== undefined) return value < exact ? -1 : value > exact ? 1 : 0;
  const number = other instanceof Drop ? other.valueOf() : other;
  if (typeof number !== 'number' || Number.isNaN(number)) return NaN;
  const approximate = Number(value);
  return approximate < number ? -1 : approximate > number ? 1 : 0;
}

/**
 * `data` ready for a structured clone (to a worker thread), which keeps a Date's instant but
 * not its class: a RubyTime (its offset) or a CalendarDate (a day without a time) becomes a
 * marked record that reviveRubyValues turns back. Arrays and records holding none are shared.
 */
export function packRubyDates(data: unknown, seen = new Map<object, unknown>()): unknown {
  if (data instanceof RubyTime) return { rubyType: 'Time', epoch: data.getTime(), mode: data.mode };
  if (data instanceof CalendarDate) return { rubyType: 'Date', epoch: data.getTime() };
  if (typeof data !== 'object' || data === null || !(Array.isArray(data) || isPlainRecord(data))) return data;
  if (seen.has(data)) return seen.get(data);
  seen.set(data, data);
  let packed: unknown = data;
  if (Array.isArray(data)) {
    const items = data.map((item) => packRubyDates(item, seen));
    if (items.some((item, i) => item !== data[i])) packed = items;
  } else {
    const entries = Object.entries(data).map(([key, item]) => [key, packRubyDates(item, seen)] as const);
    if (entries.some(([key, item]) => item !== (data as Record<string, unknown>)[key])) packed = Object.fromEntries(entries);
  }
  seen.set(data, packed);
  return packed;
}

/**
 * Puts back the RubyFloat and RubyInteger values in data that went through a structured
 * clone (to or from a worker thread), which keeps their fields but not their class, and the
 * dates packRubyDates marked. In place.
 */
export function reviveRubyValues(data: unknown, seen = new Set<object>()): unknown {
  if (typeof data !== 'object' || data === null || data instanceof Date || seen.has(data)) return data;
  seen.add(data);
  const revive = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const { rubyType, value: inner } = value as { rubyType?: unknown; value?: unknown };
    if (rubyType === 'Float' && typeof inner === 'number' && !(value instanceof RubyFloat)) return new RubyFloat(inner);
    if (rubyType === 'Integer' && typeof inner === 'bigint' && !(value instanceof RubyInteger)) return new RubyInteger(inner);
    const { epoch, mode } = value as { epoch?: unknown; mode?: TimeMode };
    if (rubyType === 'Time' && typeof epoch === 'number' && mode !== undefined) return new RubyTime(epoch, mode);
    if (rubyType === 'Date' && typeof epoch === 'number') return new CalendarDate(epoch);
    return reviveRubyValues(value, seen);
  };
  if (Array.isArray(data)) for (let i = 0; i < data.length; i++) data[i] = revive(data[i]);
  else if (isPlainRecord(data)) for (const key of Object.keys(data)) data[key] = revive(data[key]);
  return data;
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
  if (value instanceof RubyFloat || value instanceof RubyInteger) return rubyToS(value, options);
  if (value instanceof Drop) value = value.valueOf();
  if (Array.isArray(value)) return value.map((item) => liquidToS(item, options)).join('');
  return rubyToS(value, options);
}

/** Ruby's `to_s`. */
export function rubyToS(value: unknown, options: RubyFormatOptions = {}): string {
  if (value instanceof RubyInteger) return value.toString();
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
  if (value instanceof RubyInteger) return value.toString();
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
