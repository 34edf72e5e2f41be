// Liquid's `date` and Jekyll's `date_to_xmlschema`, `date_to_rfc822`, `date_to_string`,
// `date_to_long_string`. `date` shows a time with the offset it carries; Jekyll's filters
// first move it to the site's zone (`localtime`).
import { toValue } from 'liquidjs';
import { rubyToS } from '../ruby-values.js';
import { localWallClock, RubyTime, wallClock, type TimeMode } from '../ruby-time.js';
import { strftime } from './strftime.js';

const ISO_TIME = /^\s*(-?\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[-+]\d{1,2}(?::?\d{2})?)?\s*$/i;
const TRAILING_ZONE = /\s*(Z|UTC|GMT|[-+]\d{2}:?\d{2})\s*$/i;

function modeOf(zone: string | undefined): TimeMode {
  if (zone === undefined) return 'local';
  if (/^(?:z|utc|gmt)$/i.test(zone)) return 'utc';
  const match = /^([-+])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** A wall clock (as UTC milliseconds) written in `mode`, as a Ruby Time. */
function timeAt(wallMilliseconds: number, mode: TimeMode): RubyTime {
  const instant = typeof mode === 'number' ? wallMilliseconds - mode * 60000 : wallMilliseconds;
  return new RubyTime(instant, mode);
}

/** Ruby's `Time.parse` for the texts sites write; undefined when it would raise. */
function parseTime(text: string): Date | undefined {
  const iso = ISO_TIME.exec(text);
  if (iso) {
    const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = iso;
    const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(fraction.slice(0, 3).padEnd(3, '0')));
    return Number.isNaN(wall) ? undefined : timeAt(wall, modeOf(zone));
  }
  const zone = TRAILING_ZONE.exec(text);
  const rest = zone ? text.slice(0, zone.index) : text;
  if (!/\d/.test(rest)) return undefined;
  const parsed = new Date(rest);
  if (Number.isNaN(parsed.getTime())) return undefined;
  // JavaScript read the text in the machine's zone: its local fields are the wall clock.
  const wall = Date.UTC(parsed.getFullYear(), parsed.getMonth(), parsed.getDate(), parsed.getHours(), parsed.getMinutes(), parsed.getSeconds(), parsed.getMilliseconds());
  return timeAt(wall, modeOf(zone?.[1]));
}

/** Liquid::Utils.to_date: dates as they are, epoch seconds, `now`, or a parsed text. */
export function toRubyDate(input: unknown): Date | undefined {
  const value = toValue(input);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') return Number.isInteger(value) ? new Date(value * 1000) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  const text = value.toLowerCase();
  if (text === 'now' || text === 'today') return new Date();
  if (/^\d+$/.test(text)) return new Date(Number(text) * 1000);
  return parseTime(value);
}

/** Liquid's `date`: the input back when the format is empty or the input no date. */
export function formatDate(input: unknown, format: unknown, timeZone: string | undefined): unknown {
  const pattern = rubyToS(toValue(format));
  if (pattern === '') return input;
  const date = toRubyDate(input);
  return date ? strftime(wallClock(date, timeZone), pattern) : input;
}

/** Jekyll's `time(input)`: the date in the site's zone, or Jekyll's error. */
function localTime(input: unknown, timeZone: string | undefined): ReturnType<typeof localWallClock> {
  const date = toRubyDate(input);
  if (!date) throw new Error(`Invalid Date: '${rubyToS(toValue(input))}' is not a valid datetime.`);
  return localWallClock(date, timeZone);
}

const isEmpty = (input: unknown): boolean => rubyToS(toValue(input)) === '';

export function dateToXmlschema(input: unknown, timeZone: string | undefined): unknown {
  if (isEmpty(input)) return input;
  return strftime(localTime(input, timeZone), '%Y-%m-%dT%H:%M:%S%:z');
}

export function dateToRfc822(input: unknown, timeZone: string | undefined): unknown {
  if (isEmpty(input)) return input;
  return strftime(localTime(input, timeZone), '%a, %d %b %Y %H:%M:%S %z');
}

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

/** `date_to_string` (`%b`) and `date_to_long_string` (`%B`), optionally `"ordinal"`, `"US"`. */
export function dateToString(input: unknown, month: '%b' | '%B', type: unknown, style: unknown, timeZone: string | undefined): unknown {
  if (isEmpty(input)) return input;
  const time = localTime(input, timeZone);
  if (toValue(type) !== 'ordinal') return strftime(time, `%d ${month} %Y`);
  const day = `${time.day}${ordinal(time.day)}`;
  return strftime(time, toValue(style) === 'US' ? `${month} ${day}, %Y` : `${day} ${month} %Y`);
}
