// Ruby's dates and times, as Jekyll's YAML, Liquid's `date` and Jekyll's date filters see
// them. A Ruby Time keeps the offset it was written with (`14:07:09 +0100` prints so even
// on a New York site), a time written without one is local to the site's `timezone`, and a
// YAML date without a time is a Date, which prints `2024-02-29`.
import { systemZoneName } from './zone-names.js';

/**
 * How a time shows its wall clock: `'utc'` (written with `Z`; prints `UTC`), `'local'` (no
 * zone written: the site's time zone), or a fixed offset in minutes (`+01:00` is 60).
 */
export type TimeMode = 'utc' | 'local' | number;

/**
 * A Ruby Time. For `'local'` the milliseconds hold the wall clock as if it were UTC, since
 * the zone is the site's, known only when rendering; otherwise they are the instant.
 */
export class RubyTime extends Date {
  constructor(
    milliseconds: number,
    readonly mode: TimeMode,
  ) {
    super(milliseconds);
  }
}

/**
 * A YAML date without a time (`2023-07-04`): Ruby keeps it a Date, which prints as
 * `2023-07-04`, where a timestamp prints as `2023-07-04 00:00:00 +0000`. Held as midnight UTC.
 */
export class CalendarDate extends Date {}

/** A moment as a Ruby Time shows it: its wall clock, offset and zone name. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
  zoneName: string;
  /** The instant, for `%s`. */
  epochMilliseconds: number;
  /** A Date (no time of day): `to_s` prints only the day. */
  isDate: boolean;
  /** A UTC time: `to_s` ends in `UTC`. */
  isUtc: boolean;
}

/** Date and time parts of `date` as seen in `timeZone` (UTC when undefined). */
export function zonedParts(date: Date, timeZone?: string): Pick<WallClock, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'offsetMinutes'> {
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
  const parts = formatter(timeZone).formatToParts(date);
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const fields = {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
  const asUtc = utcMilliseconds(fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second);
  // Ruby shows an offset of whole minutes, dropping seconds (old local mean times).
  const offsetMinutes = Math.trunc((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  return { ...fields, offsetMinutes };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The zone's short name at `instant` (`EST`, `CET`, `UTC`), as Ruby's `Time#zone` gives it. */
export function zoneAbbreviation(instant: Date, timeZone: string | undefined, offsetMinutes?: number): string {
  if (!timeZone) return 'UTC';
  const offset = (offsetMinutes ?? zonedParts(instant, timeZone).offsetMinutes) * 60;
  const fromSystem = systemZoneName(timeZone, instant.getTime(), offset);
  if (fromSystem !== undefined) return fromSystem;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(instant);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

export function offsetText(offsetMinutes: number, separator: string): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

const DAY_MILLISECONDS = 86_400_000;

/**
 * The instant of a wall clock (held as UTC milliseconds) in `timeZone`, as Ruby's
 * `Time.local` finds it: a time the clocks skip (02:30 when they go from 02:00 to 03:00)
 * takes the offset before the change, so moves forward (03:30); a time that happens twice
 * when they go back is the second one, after the change.
 */
export function localInstant(wallMilliseconds: number, timeZone: string | undefined): number {
  if (!timeZone) return wallMilliseconds;
  const offsetAt = (instant: number): number => zonedParts(new Date(instant), timeZone).offsetMinutes * 60000;
  // A zone changes its offset at most once in a day either side.
  const before = offsetAt(wallMilliseconds - DAY_MILLISECONDS);
  const after = offsetAt(wallMilliseconds + DAY_MILLISECONDS);
  const withAfter = wallMilliseconds - after;
  if (offsetAt(withAfter) === after) return withAfter;
  return wallMilliseconds - before;
}

/** UTC milliseconds of a date and time; years 0 to 99 stay themselves (Date.UTC reads them as 19xx). */
export function utcMilliseconds(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

/** The site's `timezone` when it names a zone this machine knows (IANA, e.g. `Asia/Tokyo`). */
export function validTimeZone(zone: unknown): string | undefined {
  if (typeof zone !== 'string' || zone.trim() === '') return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() });
    return zone.trim();
  } catch {
    return undefined;
  }
}

/** The zone Jekyll would set `ENV['TZ']` to from the site's config (none: UTC, as on the reference machines). */
export function siteTimeZone(site: Record<string, unknown> | undefined): string | undefined {
  return validTimeZone(site?.timezone);
}

/** The instant a date stands for: local midnight for a Date (Ruby's `Date#to_time`). */
export function instantOf(value: Date, timeZone?: string): number {
  if (value instanceof CalendarDate || (value instanceof RubyTime && value.mode === 'local')) {
    return localInstant(value.getTime(), timeZone);
  }
  return value.getTime();
}

function fromUtcFields(milliseconds: number, offsetMinutes: number, zoneName: string, epoch: number): WallClock {
  const shifted = new Date(milliseconds);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    offsetMinutes,
    zoneName,
    epochMilliseconds: epoch,
    isDate: false,
    isUtc: false,
  };
}

/** The wall clock of a date as Ruby shows it (the `date` filter, `to_s`). */
export function wallClock(value: Date, timeZone?: string): WallClock {
  if (value instanceof CalendarDate) {
    return { ...fromUtcFields(value.getTime(), 0, '+00:00', value.getTime()), isDate: true };
  }
  if (value instanceof RubyTime && value.mode !== 'local') {
    if (value.mode === 'utc') return { ...fromUtcFields(value.getTime(), 0, 'UTC', value.getTime()), isUtc: true };
    return fromUtcFields(value.getTime() + value.mode * 60000, value.mode, '', value.getTime());
  }
  return localWallClock(value, timeZone);
}

/** The wall clock in the site's zone (Jekyll's date filters call `localtime`). */
export function localWallClock(value: Date, timeZone?: string): WallClock {
  const instant = new Date(instantOf(value, timeZone));
  const parts = zonedParts(instant, timeZone);
  return {
    ...parts,
    millisecond: instant.getUTCMilliseconds(),
    zoneName: zoneAbbreviation(instant, timeZone, parts.offsetMinutes),
    epochMilliseconds: instant.getTime(),
    isDate: false,
    isUtc: false,
  };
}

/** Ruby's `Time#to_s` (`2024-03-05 13:30:00 +0000`, `… UTC`) and `Date#to_s`. */
export function rubyTimeText(value: Date, timeZone?: string): string {
  if (Number.isNaN(value.getTime())) return '';
  const w = wallClock(value, timeZone);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const day = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  if (w.isDate) return day;
  return `${day} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} ${w.isUtc ? 'UTC' : offsetText(w.offsetMinutes, '')}`;
}

const YAML_DATE = /^(\d{4})-(1[012]|0\d|\d)-([12]\d|3[01]|0\d|\d)$/;
const YAML_TIME = /^(-?\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.(\d*))?(?:\s*(Z|[-+]\d{1,2}(?::?\d\d)?))?$/;

/** Whether Ruby's YAML reads `text` as a Date or a Time (`2019-02-30` stays a string). */
export function isYamlTimestamp(text: string): boolean {
  const day = YAML_DATE.exec(text);
  if (day) return Number(day[2]) >= 1 && Number(day[3]) >= 1 && Number(day[3]) <= daysInMonth(Number(day[1]), Number(day[2]));
  const time = YAML_TIME.exec(text);
  return time !== null && timeFieldsError(Number(time[2]), Number(time[3]), Number(time[4]), Number(time[5]), Number(time[6])) === undefined;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why Ruby's `Time.local` / `Time.utc` refuse these fields, or undefined. Days up to 31 roll
 * over into the next month (`Feb 30` is `Mar 2`), hour 24 and second 60 into the next day or minute.
 */
export function timeFieldsError(month: number, day: number, hour: number, minute: number, second: number): string | undefined {
  if (month < 1 || month > 12) return 'mon out of range';
  if (day < 1) return 'mday out of range';
  if (day > 31) return 'argument out of range';
  if (hour < 0 || hour > 24) return 'hour out of range';
  if (minute < 0 || minute > 59 || (hour === 24 && minute > 0)) return 'min out of range';
  if (second < 0 || second > 60 || (hour === 24 && second > 0)) return 'sec out of range';
  return undefined;
}

/**
 * A YAML timestamp as Ruby's YAML reads it: a Date for a bare day, a UTC Time for `Z`,
 * a Time with its offset when one is written, else the UTC instant shown in the site's zone.
 */
export function yamlTimestamp(text: string): Date {
  const day = YAML_DATE.exec(text);
  if (day) return new CalendarDate(utcMilliseconds(Number(day[1]), Number(day[2]), Number(day[3])));
  const m = YAML_TIME.exec(text);
  if (!m) return new Date(NaN);
  const [, year, month, date, hour, minute, second, fraction = '', zone] = m;
  const wall = utcMilliseconds(Number(year), Number(month), Number(date), Number(hour), Number(minute), Number(second), Number(fraction.slice(0, 3).padEnd(3, '0')));
  // Ruby's YAML reads a time without a zone as UTC and shows it in the local zone.
  if (zone === undefined) return new Date(wall);
  if (zone === 'Z') return new RubyTime(wall, 'utc');
  const offset = /^([-+])(\d{1,2}):?(\d\d)?$/.exec(zone)!;
  const minutes = (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * (offset[1] === '-' ? -1 : 1);
  return new RubyTime(wall - minutes * 60000, minutes);
}
