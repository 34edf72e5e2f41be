// Ruby's `Time.parse`: what Jekyll makes of a post's `date:` (Utils.parse_date) and Liquid's
// `date` filter of a text. The fields come from Date._parse (ruby-date-parse.ts); missing
// ones are taken from the current time, a zone Ruby knows gives the offset, and a text with
// no zone, or one Ruby does not know (`CEST` outside Europe, `Europe/Paris`), is local time.
import { parseDateFields, type DateFields } from './ruby-date-parse.js';
import { daysInMonth, RubyTime, timeFieldsError, utcMilliseconds, zoneAbbreviation, zonedParts } from './ruby-time.js';

export type TimeParse = { time: RubyTime; error?: undefined } | { time?: undefined; error: string };

// Ruby's Time::ZoneOffset, in hours: RFC 822's names and the military letters.
const NAMED_OFFSETS: Record<string, number> = {
  UTC: 0, Z: 0, UT: 0, GMT: 0,
  EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7,
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9, K: 10, L: 11, M: 12,
  N: -1, O: -2, P: -3, Q: -4, R: -5, S: -6, T: -7, U: -8, V: -9, W: -10, X: -11, Y: -12,
};

/** Zones Ruby reads as UTC itself (the Time prints `UTC`), not just offset zero. */
const UTC_ZONE = /^(?:-00:00|-0000|-00|UTC|Z|UT)$/i;

/**
 * Ruby's `Time.parse(text)` on a machine whose local zone is `timeZone` (UTC when undefined).
 * A local time is a RubyTime in `'local'` mode; a time with a known zone keeps its offset.
 */
export function parseRubyTime(text: string, timeZone: string | undefined, now: Date = new Date()): TimeParse {
  const fields = parseDateFields(text);
  const { yday, hour, min, sec, fraction } = fields;
  if ([fields.year, yday, fields.mon, fields.mday, hour, min, sec, fraction].every((field) => field === undefined)) {
    return { error: `no time information in "${text}"` };
  }
  const offsetYear = fields.year ?? zonedParts(now, timeZone).year;
  let offset = fields.zone === undefined ? undefined : zoneOffset(fields.zone, offsetYear, timeZone);
  const calendar = yday === undefined ? { mon: fields.mon, mday: fields.mday } : ordinalDay(offsetYear, yday);
  if (calendar === undefined) return { error: `yday ${yday} out of range` };

  // What the text leaves out before its first field comes from now (at the text's offset).
  const given = [fields.year, calendar.mon, calendar.mday, hour, min, sec, fraction];
  const first = given.findIndex((field) => field !== undefined);
  const clock = first === 0 ? undefined : offset === undefined ? zonedParts(now, timeZone) : zonedParts(new Date(now.getTime() + offset * 1000));
  const fromNow = clock ? [clock.year, clock.month, clock.day, clock.hour, clock.minute, clock.second] : [];
  const pick = (index: number, fallback: number): number => (given[index] as number | undefined) ?? (index < first ? fromNow[index]! : fallback);
  const year = pick(0, 1970);
  let [month, day, hours, minutes, seconds] = [pick(1, 1), pick(2, 1), pick(3, 0), pick(4, 0), pick(5, 0)];
  const milliseconds = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));

  if (year !== offsetYear && fields.zone !== undefined) offset = zoneOffset(fields.zone, year, timeZone);
  let utcYear = year;
  if (offset !== undefined) [utcYear, month, day, hours, minutes, seconds] = applyOffset(year, month, day, hours, minutes, seconds, offset);
  const problem = timeFieldsError(month, day, hours, minutes, seconds);
  if (problem) return { error: problem };
  // For a local time, the wall clock as if it were UTC (RubyTime's 'local' mode).
  const instant = utcMilliseconds(utcYear, month, day, hours, minutes, seconds, milliseconds);
  if (Number.isNaN(instant)) return { error: 'argument out of range' };
  if (offset === undefined) return { time: new RubyTime(instant, 'local') };
  if (UTC_ZONE.test(fields.zone!)) return { time: new RubyTime(instant, 'utc') };
  return { time: new RubyTime(instant, Math.trunc(offset / 60)) };
}

/**
 * Ruby's Time.zone_offset, in seconds: `+09:00`, `-0500`, `+09`, the names it knows, and
 * the local zone's own names for January and July of the year.
 */
function zoneOffset(zone: string, year: number, timeZone: string | undefined): number | undefined {
  const name = zone.toUpperCase();
  const numeric = /^([+-])(\d\d)(:?)(\d\d)(?:\3(\d\d))?$/.exec(name);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * ((Number(numeric[2]) * 60 + Number(numeric[4])) * 60 + Number(numeric[5] ?? 0));
  if (/^[+-]\d\d$/.test(name)) return Number(name) * 3600;
  if (name in NAMED_OFFSETS) return NAMED_OFFSETS[name]! * 3600;
  for (const month of [1, 7]) {
    const instant = new Date(utcMilliseconds(year, month, 1));
    const { offsetMinutes } = zonedParts(instant, timeZone);
    if (zoneAbbreviation(instant, timeZone, offsetMinutes).toUpperCase() === name) return offsetMinutes * 60;
  }
  return undefined;
}

/** Month and day of a day of the year; undefined past the year's end. */
function ordinalDay(year: number, yday: number): Pick<DateFields, 'mon' | 'mday'> | undefined {
  if (yday < 1 || yday > 366) return undefined;
  let remaining = yday;
  for (let month = 1; month <= 12; month++) {
    const days = daysInMonth(year, month);
    if (remaining <= days) return { mon: month, mday: remaining };
    remaining -= days;
  }
  return undefined;
}

/** Ruby's floored division: [quotient, remainder] with the remainder's sign of the divisor. */
function divmod(a: number, b: number): [number, number] {
  const quotient = Math.floor(a / b);
  return [quotient, a - quotient * b];
}

/**
 * Ruby's Time.apply_offset: the wall clock moved back by `offset` seconds, carrying only
 * through the fields the offset touches (so a day past the month's end may stay one).
 */
function applyOffset(year: number, month: number, day: number, hour: number, minute: number, second: number, offset: number): number[] {
  const sign = offset < 0 ? 1 : -1;
  let rest = Math.abs(offset);
  let carry: number;
  let part: number;
  [rest, part] = divmod(rest, 60);
  if (part !== 0) {
    second += sign * part;
    [carry, second] = divmod(second, 60);
    rest += sign * carry;
  }
  [rest, part] = divmod(rest, 60);
  if (part !== 0) {
    minute += sign * part;
    [carry, minute] = divmod(minute, 60);
    rest += sign * carry;
  }
  [rest, part] = divmod(rest, 24);
  if (part !== 0) {
    hour += sign * part;
    [carry, hour] = divmod(hour, 24);
    rest += sign * carry;
  }
  if (rest !== 0) {
    day += sign * rest;
    if (sign > 0 && day > daysInMonth(year, month)) {
      [month, day] = [month + 1, 1];
      if (month > 12) [year, month] = [year + 1, 1];
    } else if (sign < 0 && day < 1) {
      month -= 1;
      if (month < 1) [year, month] = [year - 1, 12];
      day = daysInMonth(year, month);
    }
  }
  return [year, month, day, hour, minute, second];
}
