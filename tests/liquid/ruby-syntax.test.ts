// Ruby's literals, floats, times and lax outputs. Expected values are what Jekyll 4.3.1
// (Liquid 5.4, Ruby 3.1, Psych) printed for the same input (see the golden fixtures
// liquid-float-literals, liquid-string-literals, liquid-lax-outputs, liquid-dates-timezone).
import { describe, expect, it } from 'vitest';
import { laxOutputMarkup } from '../../src/liquid/lax-output.js';
import { CalendarDate, RubyTime, rubyTimeText, yamlTimestamp } from '../../src/liquid/ruby-time.js';
import { floatText } from '../../src/liquid/ruby-values.js';
import { out } from './helpers.js';

describe('Ruby floats', () => {
  it('prints like Float#to_s', () => {
    expect(floatText(3)).toBe('3.0');
    expect(floatText(-0)).toBe('-0.0');
    expect(floatText(0.000012)).toBe('1.2e-05');
    expect(floatText(0.0001)).toBe('0.0001');
    expect(floatText(1e16)).toBe('1.0e+16');
    expect(floatText(12345678.9)).toBe('12345678.9');
    expect(floatText(100 / 3)).toBe('33.333333333333336');
  });

  it('keeps float literals floats through filters', () => {
    expect(out('{{ 1.0 }} {{ 10.0 | divided_by: 4 }} {{ 5 | at_least: 7.0 }} {{ 5.5 | at_most: 3 }} {{ 3 | times: 1.0 }}')).toBe('1.0 2.5 7.0 3 3.0');
  });
});

describe('Ruby string literals', () => {
  it('has no escapes', () => {
    expect(out(`{{ "tab\\there" }}|{{ 'back\\\\slash' }}|{{ "new\\nline" | size }}`)).toBe('tab\\there|back\\\\slash|9');
  });
});

describe('lax outputs', () => {
  it('takes the first fragment and the filters after the first pipe', () => {
    expect(laxOutputMarkup(' "<a href=\\"x\\">Tom</a>" | xml_escape ')).toBe('"<a href=\\" | xml_escape');
    expect(laxOutputMarkup(' page.title | default: "x" | ')).toBe('page.title | default: "x"');
    expect(laxOutputMarkup(' "a" | append: "b" junk ')).toBe('"a" | append: "b"');
    expect(laxOutputMarkup(' 1 == 2 ')).toBe('1');
  });

  it('renders what Jekyll renders', () => {
    expect(out('{{ "say \\"hi\\"" | size }} {{ "x" "y" | upcase }} {{ 1 == 2 }}')).toBe('5 X 1');
  });
});

describe('YAML timestamps', () => {
  it('keeps what Psych keeps', () => {
    expect(yamlTimestamp('2024-02-29')).toBeInstanceOf(CalendarDate);
    expect(rubyTimeText(yamlTimestamp('2024-02-29'), 'America/New_York')).toBe('2024-02-29');
    expect(rubyTimeText(yamlTimestamp('2024-03-05 14:07:09 +0100'), 'America/New_York')).toBe('2024-03-05 14:07:09 +0100');
    expect(rubyTimeText(yamlTimestamp('2024-03-05 14:07:09 Z'), 'America/New_York')).toBe('2024-03-05 14:07:09 UTC');
    expect(rubyTimeText(yamlTimestamp('2024-07-04 09:15:00'), 'America/New_York')).toBe('2024-07-04 05:15:00 -0400');
  });

  it('reads a local time in the site zone', () => {
    const midnight = new RubyTime(Date.UTC(2024, 0, 15), 'local');
    expect(rubyTimeText(midnight, 'America/New_York')).toBe('2024-01-15 00:00:00 -0500');
    expect(rubyTimeText(midnight)).toBe('2024-01-15 00:00:00 +0000');
  });
});
