// Ruby's Time.parse (ruby-time-parse.ts over ruby-date-parse.ts): each expectation is what
// Ruby 3.1's `Time.parse(text, now)` gave, with TZ set to the zone, for the same `now`.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strftime } from '../../src/liquid/filters/strftime.js';
import { parseRubyTime } from '../../src/liquid/ruby-time-parse.js';
import { wallClock, zoneAbbreviation } from '../../src/liquid/ruby-time.js';

// 2026-06-09 10:13:20 UTC: texts without a year or a day take them from now.
const NOW = new Date(1_781_000_000_000);

function parsed(text: string, timeZone?: string): string {
  const result = parseRubyTime(text, timeZone, NOW);
  if (result.error !== undefined) return `error: ${result.error}`;
  const utc = result.time.mode === 'utc' ? ' UTC' : '';
  return strftime(wallClock(result.time, timeZone), '%Y-%m-%d %H:%M:%S %z') + utc;
}

describe('parseRubyTime (Ruby\'s Time.parse)', () => {
  it('reads the forms sites write, in UTC', () => {
    const cases: [string, string][] = [
      ['2023-01-29 18:30:22 2023 -0800', '2023-01-29 18:30:22 +0000'],
      ['2016-05-09 10:00', '2016-05-09 10:00:00 +0000'],
      ['2019-03-04T12:00:00Z', '2019-03-04 12:00:00 +0000 UTC'],
      ['Mon, 04 Mar 2019 12:00:00 +0100', '2019-03-04 12:00:00 +0100'],
      ['2019-03-04 12:00:00 PST', '2019-03-04 12:00:00 -0800'],
      ['2019-03-04 12:00:00 CEST', '2019-03-04 12:00:00 +0000'],
      ['Sat Jun 17 2023 12:00:00 GMT+0200', '2023-06-17 12:00:00 +0000'],
      ['2019-03-04 12:00:00 +0100 (CET)', '2019-03-04 12:00:00 +0100'],
      ['04/03/2019', '2019-03-04 00:00:00 +0000'],
      ['1/2/3', '2001-02-03 00:00:00 +0000'],
      ['March 4, 2019', '2019-03-04 00:00:00 +0000'],
      ['4 March 2019 3pm', '2019-03-04 15:00:00 +0000'],
      ['the 3rd of March 2019', '2019-03-01 00:00:00 +0000'],
      ['2019-03-04 12:30 am', '2019-03-04 00:30:00 +0000'],
      ['2019-03-04 8:00 p.m.', '2019-03-04 20:00:00 +0000'],
      ['20190304', '2019-03-04 00:00:00 +0000'],
      ['20190304T101500', '2019-03-04 10:15:00 +0000'],
      ['2019-100', '2019-04-10 00:00:00 +0000'],
      ['04.03.2019 08:00', '2019-03-04 08:00:00 +0000'],
      ['H31.04.30', '2019-04-30 00:00:00 +0000'],
      ['19-Jan-2019', '2019-01-19 00:00:00 +0000'],
      ['99-01-01', '1999-01-01 00:00:00 +0000'],
      ['69-1-1', '1969-01-01 00:00:00 +0000'],
      ['2019-02-30', '2019-03-02 00:00:00 +0000'],
      ['2019-03-04T24:00', '2019-03-05 00:00:00 +0000'],
      ['2019-03-04T12:00:60', '2019-03-04 12:01:00 +0000'],
      ['2019-03-04 12:00 +09', '2019-03-04 12:00:00 +0900'],
      ['2019-03-04 12:00 +9', '2019-03-04 12:00:00 +0000'],
      ['2019-03-04 12:00 -0000', '2019-03-04 12:00:00 +0000 UTC'],
      ['10am', '2026-06-09 10:00:00 +0000'],
      ['Dec 25', '2026-12-25 00:00:00 +0000'],
    ];
    for (const [text, expected] of cases) expect(parsed(text), text).toBe(expected);
  });

  it('refuses what Ruby refuses, with its reason', () => {
    const cases: [string, string][] = [
      ['2019-03-31 25:00 +0100', 'error: argument out of range'],
      ['hello', 'error: no time information in "hello"'],
      ['2019-13-01', 'error: mon out of range'],
      ['2019-03-04 25:00', 'error: hour out of range'],
      ['2019-03-32', 'error: argument out of range'],
      ['2019-W10', 'error: no time information in "2019-W10"'],
      ['2019-366', 'error: yday 366 out of range'],
    ];
    for (const [text, expected] of cases) expect(parsed(text), text).toBe(expected);
  });

  it('reads local times and zone names in the site zone (gaps move forward, repeated hours take the second)', () => {
    const cases: [string, string, string][] = [
      ['America/New_York', '2019-03-04 12:00:00 EST', '2019-03-04 12:00:00 -0500'],
      ['America/New_York', '2019-03-04 12:00:00 GMT', '2019-03-04 12:00:00 +0000'],
      ['America/Los_Angeles', '2019-03-10 02:30', '2019-03-10 03:30:00 -0700'],
      ['America/Los_Angeles', '2019-11-03 01:30', '2019-11-03 01:30:00 -0800'],
      ['America/Los_Angeles', '2019-07-04 12:00 PDT', '2019-07-04 12:00:00 -0700'],
      ['Australia/Sydney', '2019-04-07 02:30', '2019-04-07 02:30:00 +1000'],
      ['Australia/Sydney', '2019-10-06 02:30', '2019-10-06 03:30:00 +1100'],
      ['Asia/Kolkata', '2019-03-04 23:00 +0000', '2019-03-04 23:00:00 +0000'],
    ];
    for (const [zone, text, expected] of cases) expect(parsed(text, zone), `${zone} ${text}`).toBe(expected);
  });
});

describe.skipIf(!existsSync('/usr/share/zoneinfo/Europe/Paris'))('zone names from the system time zone database, as Ruby shows them', () => {
  it('names a zone\'s times as the C library does, not as Intl does (`CET`, not `GMT+1`)', () => {
    const name = (zone: string, iso: string) => zoneAbbreviation(new Date(iso), zone);
    expect(name('Europe/Paris', '2024-01-15T12:00:00Z')).toBe('CET');
    expect(name('Europe/Paris', '2024-07-15T12:00:00Z')).toBe('CEST');
    expect(name('Asia/Kolkata', '2024-07-15T12:00:00Z')).toBe('IST');
    expect(name('America/Sao_Paulo', '2024-07-15T12:00:00Z')).toBe('-03');
    expect(name('Europe/London', '2060-07-15T12:00:00Z')).toBe('BST');
    expect(zoneAbbreviation(new Date(0), undefined)).toBe('UTC');
  });

  it('reads the local zone\'s own names in texts', () => {
    expect(parsed('2024-01-15 12:00 CEST', 'Europe/Paris')).toBe('2024-01-15 12:00:00 +0200');
    expect(parsed('2024-07-15 12:00 BST', 'Europe/Paris')).toBe('2024-07-15 12:00:00 +0200');
    expect(parsed('2024-01-15 12:00 BST', 'Europe/London')).toBe('2024-01-15 12:00:00 +0100');
  });
});
