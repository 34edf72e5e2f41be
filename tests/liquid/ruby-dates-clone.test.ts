// Worker threads receive page data through a structured clone, which keeps a Date's instant
// but not its class: packRubyDates / reviveRubyValues carry Ruby's Times and Dates across.
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { CalendarDate, RubyTime } from '../../src/liquid/ruby-time.js';
import { liquidToS, packRubyDates, reviveRubyValues } from '../../src/liquid/ruby-values.js';

const throughClone = (data: unknown): unknown => reviveRubyValues(deserialize(serialize(packRubyDates(data))));

describe('Ruby dates through a structured clone', () => {
  it('keep their offset, UTC-ness and day-only kind', () => {
    const page = {
      when: new RubyTime(Date.UTC(2024, 2, 5, 13, 7, 9), 60),
      utc: new RubyTime(Date.UTC(2024, 2, 5, 14, 7, 9), 'utc'),
      nested: { days: [new CalendarDate(Date.UTC(2024, 1, 29))] },
      instant: new Date(Date.UTC(2024, 0, 15, 5)),
    };
    const copy = throughClone(page) as typeof page;
    expect(copy.when).toBeInstanceOf(RubyTime);
    expect(copy.nested.days[0]).toBeInstanceOf(CalendarDate);
    const printed = (value: unknown) => liquidToS(value, { timeZone: 'America/New_York' });
    expect([copy.when, copy.utc, copy.nested.days[0], copy.instant].map(printed)).toEqual([
      '2024-03-05 14:07:09 +0100',
      '2024-03-05 14:07:09 UTC',
      '2024-02-29',
      '2024-01-15 00:00:00 -0500',
    ]);
    // The original is left as it was.
    expect(page.when).toBeInstanceOf(RubyTime);
  });

  it('share data that holds none', () => {
    const data = { title: 'T', tags: ['a'], when: new Date(0) };
    expect(packRubyDates(data)).toBe(data);
  });
});
