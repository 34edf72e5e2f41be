// Ruby's `Date._parse` (the default, lenient parser), which `Time.parse` asks which fields a
// free-form text names: `Mon, 04 Mar 2019 12:00 +0100`, `March 4, 2019 3pm`, `04/03/2019`,
// `20190304T1015`. Like Ruby, it tries its patterns in a fixed order on a working copy of
// the text, blanking out each part it reads, so that later patterns see only the rest.

/** The fields `Time.parse` uses (Ruby's hash keys `year`, `mon`, `mday`, `yday`, …). */
export interface DateFields {
  year?: number;
  mon?: number;
  mday?: number;
  yday?: number;
  hour?: number;
  min?: number;
  sec?: number;
  /** The digits after the seconds' decimal point. */
  fraction?: string;
  /** The zone as written (`+0100`, `EST`, `utc`). */
  zone?: string;
}

interface ParseState extends DateFields {
  text: string;
  /** Whether a two-digit year means 19xx/20xx (Ruby's `_comp`). */
  complete: boolean;
  beforeChrist: boolean;
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const ERA = '(c(?:e|\\.e\\.)|b(?:ce|\\.c\\.e\\.)|a(?:d|\\.d\\.)|b(?:c|\\.c\\.))';
// A number that does not continue one (Ruby's NUMBER).
const NUMBER = '(?<!\\d)\\d';

const DAY_NAME = /\b(?:sun|mon|tue|wed|thu|fri|sat)[^-/\d\s]*/i;
const TIME = new RegExp(
  `(${NUMBER}+\\s*(?:(?::\\s*\\d+(?:\\s*:\\s*\\d+(?:[,.]\\d*)?)?|h(?:\\s*\\d+m?(?:\\s*\\d+s?)?)?)(?:\\s*[ap](?:m\\b|\\.m\\.))?|[ap](?:m\\b|\\.m\\.)))` +
    '(?:\\s*((?:gmt|utc?)?[-+]\\d+(?:[,.:]\\d+(?::\\d+)?)?|[\\p{Alphabetic}.\\s]+(?:standard|daylight)\\stime\\b|\\p{Alphabetic}+(?:\\sdst)?\\b))?',
  'iu',
);
const TIME_FIELDS = /^(\d+)h?(?:\s*:?\s*(\d+)m?(?:\s*:?\s*(\d+)(?:[,.](\d+))?s?)?)?(?:\s*([ap])(?:m\b|\.m\.))?/i;
const EUROPEAN = new RegExp(`('?${NUMBER}+)[^-\\d\\s]*\\s*(${MONTHS})[^-\\d\\s']*(?:\\s*(?:\\b${ERA}(?!(?<!\\.)[a-z]))?\\s*('?-?\\d+(?:(?:st|nd|rd|th)\\b)?))?`, 'i');
const AMERICAN = new RegExp(`\\b(${MONTHS})[^-\\d\\s']*\\s*('?\\d+)[^-\\d\\s']*(?:\\s*,?\\s*${ERA}?\\s*('?-?\\d+))?`, 'i');
const ISO = new RegExp(`('?[-+]?${NUMBER}+)-(\\d+)-('?-?\\d+)`);
const JIS = /\b([mtshr])(\d+)\.(\d+)\.(\d+)/i;
const VMS_DAY_FIRST = new RegExp(`('?-?${NUMBER}+)-(${MONTHS})[^-/.]*-('?-?\\d+)`, 'i');
const VMS_MONTH_FIRST = new RegExp(`\\b(${MONTHS})[^-/.]*-('?-?\\d+)(?:-('?-?\\d+))?`, 'i');
const SLASHES = new RegExp(`('?-?${NUMBER}+)/\\s*('?\\d+)(?:\\D\\s*('?-?\\d+))?`, 'i');
const DOTS = new RegExp(`('?-?${NUMBER}+)\\.\\s*('?\\d+)\\.\\s*('?-?\\d+)`, 'i');
const ISO_WEEK = /\b(\d{2}|\d{4})?-?w(\d{2})(?:-?(\d))?\b/i;
const ISO_WEEK_DAY = /-w-(\d)\b/i;
const ISO_MONTH_DAY = /--(\d{2})?-(\d{2})\b/;
const ISO_MONTH = /--(\d{2})(\d{2})?\b/;
const ISO_ORDINAL_GUARD = /[,.](\d{2}|\d{4})-\d{3}\b/;
const ISO_ORDINAL = /\b(\d{2}|\d{4})-(\d{3})\b/;
const ISO_YEAR_DAY_GUARD = /\d-\d{3}\b/;
const ISO_YEAR_DAY = /\b-(\d{3})\b/;
const APOSTROPHE_YEAR = /'(\d+)\b/;
const MONTH_NAME = new RegExp(`\\b(${MONTHS})\\S*`, 'i');
const ORDINAL_DAY = new RegExp(`(${NUMBER}+)(st|nd|rd|th)\\b`, 'i');
const DIGITS = new RegExp(`([-+]?)(${NUMBER}{2,14})(?:\\s*t?\\s*(\\d{2,6})?(?:[,.](\\d*))?)?(?:\\s*(z\\b|[-+]\\d{1,4}\\b|\\[[-+]?\\d[^\\]]*\\]))?`, 'i');
const BEFORE_CHRIST = /\b(?:bc\b|bce\b|b\.c\.|b\.c\.e\.)/i;
const FRAGMENT = /^\s*(\d{1,2})\s*$/;

const monthNumber = (name: string): number => MONTHS.split('|').indexOf(name.slice(0, 3).toLowerCase()) + 1;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isSign = (c: string | undefined): boolean => c === '-' || c === '+';
const toInteger = (digits: string): number => (/\d/.test(digits) ? parseInt(digits, 10) : 0);

/** Ruby's `Date._parse(text, true)`: the fields found, none when the text names no date. */
export function parseDateFields(input: string): DateFields {
  const state: ParseState = { text: input.replace(/[^-+',./:@\p{L}\p{N}[\]]+/gu, ' '), complete: true, beforeChrist: false };
  if (has(state, 'alpha')) blank(state, DAY_NAME, () => undefined);
  if (has(state, 'digit')) blank(state, TIME, (m) => readTime(state, m[1]!, m[2]));
  readDate(state);
  if (has(state, 'alpha')) blank(state, BEFORE_CHRIST, () => (state.beforeChrist = true));
  if (has(state, 'digit')) blank(state, FRAGMENT, (m) => readFragment(state, Number(m[1])));
  const { text: _text, complete, beforeChrist, ...fields } = state;
  if (beforeChrist && fields.year !== undefined) fields.year = -fields.year + 1;
  if (complete && fields.year !== undefined && fields.year >= 0 && fields.year <= 99) fields.year += fields.year >= 69 ? 1900 : 2000;
  return fields;
}

/** The date patterns, in Ruby's order: the first that matches wins. */
function readDate(state: ParseState): void {
  const three = (pattern: RegExp, order: (m: RegExpExecArray) => [string?, string?, string?]) =>
    blank(state, pattern, (m) => {
      const [year, month, day] = order(m);
      setYearMonthDay(state, year, month, day, false);
    });
  if (has(state, 'alpha', 'digit')) {
    if (blank(state, EUROPEAN, (m) => setYearMonthDay(state, m[4], String(monthNumber(m[2]!)), m[1], /^b/i.test(m[3] ?? '')))) return;
    if (blank(state, AMERICAN, (m) => setYearMonthDay(state, m[4], String(monthNumber(m[1]!)), m[2], /^b/i.test(m[3] ?? '')))) return;
  }
  if (has(state, 'digit', 'dash') && three(ISO, (m) => [m[1], m[2], m[3]])) return;
  if (has(state, 'digit', 'dot') && blank(state, JIS, (m) => setJis(state, m))) return;
  if (has(state, 'alpha', 'digit', 'dash')) {
    if (three(VMS_DAY_FIRST, (m) => [m[3], String(monthNumber(m[2]!)), m[1]])) return;
    if (three(VMS_MONTH_FIRST, (m) => [m[3], String(monthNumber(m[1]!)), m[2]])) return;
  }
  if (has(state, 'digit', 'slash') && three(SLASHES, (m) => [m[1], m[2], m[3]])) return;
  if (has(state, 'digit', 'dot') && three(DOTS, (m) => [m[1], m[2], m[3]])) return;
  if (has(state, 'digit') && readIsoWeekOrOrdinal(state)) return;
  if (has(state, 'digit') && blank(state, APOSTROPHE_YEAR, (m) => (state.year = toInteger(m[1]!)))) return;
  if (has(state, 'alpha') && blank(state, MONTH_NAME, (m) => (state.mon = monthNumber(m[1]!)))) return;
  if (has(state, 'digit') && blank(state, ORDINAL_DAY, (m) => (state.mday = toInteger(m[1]!)))) return;
  if (has(state, 'digit')) blank(state, DIGITS, (m) => readDigits(state, m));
}

type CharacterClass = 'alpha' | 'digit' | 'dash' | 'dot' | 'slash';
const CLASS_TESTS: Record<CharacterClass, RegExp> = { alpha: /[A-Za-z]/, digit: /\d/, dash: /-/, dot: /\./, slash: /\// };

/** Whether the text left has all these kinds of characters (Ruby checks before each pattern). */
function has(state: ParseState, ...classes: CharacterClass[]): boolean {
  return classes.every((name) => CLASS_TESTS[name].test(state.text));
}

/** Runs `read` on the first match and blanks the match out of the text; false when none. */
function blank(state: ParseState, pattern: RegExp, read: (m: RegExpExecArray) => unknown): boolean {
  const m = pattern.exec(state.text);
  if (!m) return false;
  state.text = `${state.text.slice(0, m.index)} ${state.text.slice(m.index + m[0].length)}`;
  read(m);
  return true;
}

function readTime(state: ParseState, time: string, zone: string | undefined): void {
  if (zone !== undefined) state.zone = zone;
  const m = TIME_FIELDS.exec(time);
  if (!m) return;
  let hour = toInteger(m[1]!);
  if (m[5] !== undefined) hour = (hour % 12) + (m[5].toLowerCase() === 'p' ? 12 : 0);
  state.hour = hour;
  if (m[2] !== undefined) state.min = toInteger(m[2]);
  if (m[3] !== undefined) state.sec = toInteger(m[3]);
  if (m[4] !== undefined) state.fraction = m[4];
}

const ERA_STARTS: Record<string, number> = { m: 1867, t: 1911, s: 1925, h: 1988, r: 2018 };

function setJis(state: ParseState, m: RegExpExecArray): void {
  state.year = toInteger(m[2]!) + (ERA_STARTS[m[1]!.toLowerCase()] ?? 0);
  state.mon = toInteger(m[3]!);
  state.mday = toInteger(m[4]!);
}

function readIsoWeekOrOrdinal(state: ParseState): boolean {
  // Week dates name no field Time.parse uses, but they still end the search.
  if (blank(state, ISO_WEEK, () => undefined)) return true;
  if (blank(state, ISO_WEEK_DAY, () => undefined)) return true;
  if (blank(state, ISO_MONTH_DAY, (m) => {
    if (m[1] !== undefined) state.mon = toInteger(m[1]);
    state.mday = toInteger(m[2]!);
  })) return true;
  if (blank(state, ISO_MONTH, (m) => {
    state.mon = toInteger(m[1]!);
    if (m[2] !== undefined) state.mday = toInteger(m[2]);
  })) return true;
  if (!ISO_ORDINAL_GUARD.test(state.text) && blank(state, ISO_ORDINAL, (m) => {
    state.year = toInteger(m[1]!);
    state.yday = toInteger(m[2]!);
  })) return true;
  return !ISO_YEAR_DAY_GUARD.test(state.text) && blank(state, ISO_YEAR_DAY, (m) => (state.yday = toInteger(m[1]!)));
}

/** A lone number after a time is its day; after a day, its hour (Ruby's parse_frag). */
function readFragment(state: ParseState, n: number): void {
  if (state.hour !== undefined && state.mday === undefined && n >= 1 && n <= 31) state.mday = n;
  if (state.mday !== undefined && state.hour === undefined && n >= 0 && n <= 24) state.hour = n;
}

/**
 * Ruby's s3e: which of three numbers is the year, month and day. A part with an apostrophe
 * or more than two digits is the year; a year written with a sign or more than two digits
 * is taken as it is, not as 19xx/20xx.
 */
function setYearMonthDay(state: ParseState, y: string | undefined, m: string | undefined, d: string | undefined, beforeChrist: boolean): void {
  if (y !== undefined && m !== undefined && d === undefined) [y, m, d] = [undefined, y, m];
  if (y === undefined) {
    if (d !== undefined && d.length > 2) [y, d] = [d, undefined];
    if (d !== undefined && d.startsWith("'")) [y, d] = [d, undefined];
  }
  if (y !== undefined) {
    let i = 0;
    while (i < y.length && !isSign(y[i]) && !isDigit(y[i])) i++;
    if (i < y.length) {
      const start = i;
      if (isSign(y[i])) i++;
      while (isDigit(y[i])) i++;
      // Something after the year's digits (`4th`): it was the day.
      if (i < y.length) [y, d] = [d, y.slice(start, i)];
    }
  }
  if (m !== undefined && (m.startsWith("'") || m.length > 2)) [y, m, d] = [m, d, y];
  if (d !== undefined && (d.startsWith("'") || d.length > 2)) [y, d] = [d, y];
  if (y !== undefined) {
    const match = /[-+\d]/.exec(y);
    if (match) {
      const rest = y.slice(match.index);
      const sign = isSign(rest[0]) ? rest[0]! : '';
      const digits = /^\d*/.exec(rest.slice(sign.length))![0];
      if (sign !== '' || digits.length > 2) state.complete = false;
      state.year = toInteger(sign + digits);
    }
  }
  if (beforeChrist) state.beforeChrist = true;
  const firstNumber = (text: string | undefined): number | undefined => {
    const digits = text === undefined ? undefined : /\d+/.exec(text)?.[0];
    return digits === undefined ? undefined : toInteger(digits);
  };
  const month = firstNumber(m);
  if (month !== undefined) state.mon = month;
  const day = firstNumber(d);
  if (day !== undefined) state.mday = day;
}

/** Runs of digits: `20190304`, `20190304T101500`, `190304`, `2019100` (Ruby's parse_ddd). */
function readDigits(state: ParseState, m: RegExpExecArray): void {
  const [, sign, digits, timeDigits, fraction, zone] = m as unknown as [string, string, string, string | undefined, string | undefined, string | undefined];
  const at = (from: number, width: number): number => toInteger(digits.slice(from, from + width));
  const signed = (year: number): number => (sign === '-' ? -year : year);
  const n = digits.length;
  if (timeDigits === undefined && fraction !== undefined) readDigitsEndingInSeconds(state, digits, signed);
  else if (n === 2) state.mday = at(0, 2);
  else if (n === 3) state.yday = at(0, 3);
  else if (n === 4) [state.mon, state.mday] = [at(0, 2), at(2, 2)];
  else if (n === 5) [state.year, state.yday] = [signed(at(0, 2)), at(2, 3)];
  else if (n === 6) [state.year, state.mon, state.mday] = [signed(at(0, 2)), at(2, 2), at(4, 2)];
  else if (n === 7) [state.year, state.yday] = [signed(at(0, 4)), at(4, 3)];
  else if (n % 2 === 0) {
    [state.year, state.mon, state.mday] = [signed(at(0, 4)), at(4, 2), at(6, 2)];
    if (n >= 10) state.hour = at(8, 2);
    if (n >= 12) state.min = at(10, 2);
    if (n >= 14) state.sec = at(12, 2);
    state.complete = false;
  }
  if (timeDigits !== undefined) readTimeDigits(state, timeDigits, fraction !== undefined);
  if (fraction !== undefined) state.fraction = fraction;
  if (zone !== undefined) state.zone = zone.startsWith('[') ? bracketZone(zone) : zone;
}

/** `101500.5` (a fraction and no separate time): the digits end with the seconds. */
function readDigitsEndingInSeconds(state: ParseState, digits: string, signed: (year: number) => number): void {
  const n = digits.length;
  if (n === 9 || n === 11 || n === 13 || n > 14) return;
  const from = (end: number, width: number): number => toInteger(digits.slice(Math.max(0, end - width), end));
  state.sec = from(n, 2);
  if (n >= 3) state.min = from(n - 2, n === 3 ? 1 : 2);
  if (n >= 5) state.hour = from(n - 4, n === 5 ? 1 : 2);
  if (n >= 7) state.mday = from(n - 6, n === 7 ? 1 : 2);
  if (n >= 10) state.mon = from(n - 8, 2);
  if (n === 12) state.year = signed(from(2, 2));
  if (n === 14) {
    state.year = signed(from(4, 4));
    state.complete = false;
  }
}

/** `T101500`: hours first; with a fraction after them (`T1500.5`), seconds last. */
function readTimeDigits(state: ParseState, digits: string, withFraction: boolean): void {
  const n = digits.length;
  if (n !== 2 && n !== 4 && n !== 6) return;
  const at = (from: number): number => toInteger(digits.slice(from, from + 2));
  if (withFraction) {
    state.sec = at(n - 2);
    if (n >= 4) state.min = at(n - 4);
    if (n >= 6) state.hour = at(n - 6);
  } else {
    state.hour = at(0);
    if (n >= 4) state.min = at(2);
    if (n >= 6) state.sec = at(4);
  }
}

/** `[-5:EST]` names the zone after the colon; `[+9]` only an offset. */
function bracketZone(zone: string): string {
  const inner = zone.slice(1, -1);
  const colon = inner.indexOf(':');
  return colon >= 0 ? inner.slice(colon + 1) : inner;
}
