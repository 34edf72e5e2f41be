// Liquid's `date` and Jekyll's `date_to_xmlschema`, `date_to_rfc822`, `date_to_string`,
// `date_to_long_string`. `date` shows a time with the offset it carries; Jekyll's filters
// first move it to the site's zone (`localtime`).
import { toValue } from 'liquidjs';
import { rubyToS } from '../ruby-values.js';
import { localWallClock, wallClock } from '../ruby-time.js';
import { parseRubyTime } from '../ruby-time-parse.js';
import { strftime } from './strftime.js';

/** Liquid::Utils.to_date: dates as they are, epoch seconds, `now`, or Ruby's `Time.parse` of the text. */
export function toRubyDate(input: unknown, timeZone: string | undefined): Date | undefined {
  const value = toValue(input);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') return Number.isInteger(value) ? new Date(value * 1000) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  const text = value.toLowerCase();
  if (text === 'now' || text === 'today') return new Date();
  if (/^\d+$/.test(text)) return new Date(Number(text) * 1000);
  return parseRubyTime(text, timeZone).time;
}

/** Liquid's `date`: the input back when the format is empty or the input no date. */
export function formatDate(input: unknown, format: unknown, timeZone: string | undefined): unknown {
  const pattern = rubyToS(toValue(format));
  if (pattern === '') return input;
  const date = toRubyDate(input, timeZone);
  return date ? strftime(wallClock(date, timeZone), pattern) : input;
}

/** Jekyll's `time(input)`: the date in the site's zone, or Jekyll's error. */
function localTime(input: unknown, timeZone: string | undefined): ReturnType<typeof localWallClock> {
  const date = toRubyDate(input, timeZone);
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
