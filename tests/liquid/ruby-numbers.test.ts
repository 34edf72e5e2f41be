// Ruby's Integers past 2^53 and whole Floats, kept exact through Liquid and across the
// structured clone to a render worker (tests/fixtures/jekyll/liquid-big-integers has
// Jekyll's own output for a page of them).
import { describe, expect, it } from 'vitest';
import { liquidToS, reviveRubyValues, RubyFloat, RubyInteger, rubyInteger } from '../../src/liquid/ruby-values.js';
import { out } from './helpers.js';

describe('integers past 2^53', () => {
  it('stay numbers while exact', () => {
    expect(rubyInteger(9007199254740991n)).toBe(9007199254740991);
    expect(rubyInteger(-9007199254740992n)).toBeInstanceOf(RubyInteger);
  });

  it('print, compare and add exactly', () => {
    const page = { big: new RubyInteger(9007199254740993n), near: 9007199254740992 };
    expect(out('{{ page.big }} {{ page.big | plus: 1 }} {{ page.big | minus: page.near }}', { page })).toBe('9007199254740993 9007199254740994 1');
    expect(out('{% if page.big > page.near %}gt{% endif %} {% if page.big == page.near %}eq{% else %}ne{% endif %}', { page })).toBe('gt ne');
    expect(out('{{ -7 | divided_by: 2 }} {{ -7 | modulo: 3 }} {{ 7 | modulo: -3 }} {{ 100000000000000000000 | divided_by: 3 }}')).toBe(
      '-4 2 -2 33333333333333333333',
    );
  });
});

describe('Ruby values across a structured clone', () => {
  it('get their class back', () => {
    const copy = structuredClone({ version: new RubyFloat(3), list: [new RubyInteger(12345678901234567890n), 1.5], plain: { value: 3 } });
    const revived = reviveRubyValues(copy) as Record<string, unknown>;
    expect(revived.version).toBeInstanceOf(RubyFloat);
    expect(liquidToS(revived.version)).toBe('3.0');
    expect(liquidToS((revived.list as unknown[])[0])).toBe('12345678901234567890');
    // A hash that only looks alike stays a hash.
    expect(revived.plain).toEqual({ value: 3 });
  });
});
