// Ruby's dates and times, as Jekyll's YAML, Liquid's `date` and Jekyll's date filters see
// them. A Ruby Time keeps the offset it was written with (`14:07:09 +0100` prints so even
// on a New York site), a time written without one is local to the site's `timezone`, and a
// YAML date without a time is a Date, which prints `2024-02-29`.

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
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
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

function zoneAbbreviation(instant: Date, timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(instant);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

export function offsetText(offsetMinutes: number, separator: string): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

/** The instant of a wall clock (held as UTC milliseconds) in `timeZone`. */
function localInstant(wallMilliseconds: number, timeZone: string | undefined): number {
  if (!timeZone) return wallMilliseconds;
  const guess = wallMilliseconds - zonedParts(new Date(wallMilliseconds), timeZone).offsetMinutes * 60000;
  return wallMilliseconds - zonedParts(new Date(guess), timeZone).offsetMinutes * 60000;
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
    zoneName: zoneAbbreviation(instant, timeZone),
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

/** Whether Ruby's YAML reads `text` as a Date or a Time. */
export function isYamlTimestamp(text: string): boolean {
  return YAML_DATE.test(text) || YAML_TIME.test(text);
}

/**
 * A YAML timestamp as Ruby's YAML reads it: a Date for a bare day, a UTC Time for `Z`,
 * a Time with its offset when one is written, else the UTC instant shown in the site's zone.
 */
export function yamlTimestamp(text: string): Date {
  const day = YAML_DATE.exec(text);
  if (day) return new CalendarDate(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  const m = YAML_TIME.exec(text);
  if (!m) return new Date(NaN);
  const [, year, month, date, hour, minute, second, fraction = '', zone] = m;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(date), Number(hour), Number(minute), Number(second), Number(fraction.slice(0, 3).padEnd(3, '0')));
  // Ruby's YAML reads a time without a zone as UTC and shows it in the local zone.
  if (zone === undefined) return new Date(wall);
  if (zone === 'Z') return new RubyTime(wall, 'utc');
  const offset = /^([-+])(\d{1,2}):?(\d\d)?$/.exec(zone)!;
  const minutes = (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * (offset[1] === '-' ? -1 : 1);
  return new RubyTime(wall - minutes * 60000, minutes);
}
