// Ruby's `strftime`, on a wall clock (ruby-time.ts): flags `-` (no padding), `_` (spaces),
// `0` (zeros), `^` (upper case), `#` (swap case), a width, and `%:z` / `%::z`.
import { offsetText, type WallClock } from '../ruby-time.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const COMPOSITES: Record<string, string> = {
  F: '%Y-%m-%d',
  T: '%H:%M:%S',
  D: '%m/%d/%y',
  x: '%m/%d/%y',
  R: '%H:%M',
  X: '%H:%M:%S',
  r: '%I:%M:%S %p',
  c: '%a %b %e %H:%M:%S %Y',
  v: '%e-%^b-%4Y',
  '+': '%a %b %e %H:%M:%S %Z %Y',
};

const DIRECTIVE = /%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])/g;

interface Field {
  text: string;
  /** Numbers pad to `width` with `pad`; names do not pad unless a width is given. */
  width: number;
  pad: '0' | ' ';
  numeric: boolean;
}

function dayOfYear(w: WallClock): number {
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000) + 1;
}

function weekday(w: WallClock): number {
  return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
}

/** ISO 8601 week-based year and week number. */
function isoWeek(w: WallClock): { year: number; week: number } {
  const date = new Date(Date.UTC(w.year, w.month - 1, w.day));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return { year, week };
}

function number(value: number, width: number, pad: '0' | ' ' = '0'): Field {
  return { text: String(value), width, pad, numeric: true };
}

function name(text: string): Field {
  return { text, width: 0, pad: ' ', numeric: false };
}

function field(code: string, colons: string, precision: number, w: WallClock): Field | undefined {
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  switch (code) {
    case 'Y': return number(w.year, w.year >= 0 ? 4 : 5);
    case 'C': return number(Math.floor(w.year / 100), 2);
    case 'y': return number(((w.year % 100) + 100) % 100, 2);
    case 'm': return number(w.month, 2);
    case 'B': return name(MONTHS[w.month - 1]!);
    case 'b': case 'h': return name(MONTHS[w.month - 1]!.slice(0, 3));
    case 'd': return number(w.day, 2);
    case 'e': return number(w.day, 2, ' ');
    case 'j': return number(dayOfYear(w), 3);
    case 'H': return number(w.hour, 2);
    case 'k': return number(w.hour, 2, ' ');
    case 'I': return number(hour12, 2);
    case 'l': return number(hour12, 2, ' ');
    case 'P': return name(w.hour < 12 ? 'am' : 'pm');
    case 'p': return name(w.hour < 12 ? 'AM' : 'PM');
    case 'M': return number(w.minute, 2);
    case 'S': return number(w.second, 2);
    case 'L': return { text: String(w.millisecond).padStart(3, '0').padEnd(precision || 3, '0').slice(0, precision || 3), width: 0, pad: '0', numeric: false };
    case 'N': return { text: String(w.millisecond).padStart(3, '0').padEnd(precision || 9, '0').slice(0, precision || 9), width: 0, pad: '0', numeric: false };
    case 'z': {
      const text = offsetText(w.offsetMinutes, colons.length > 0 ? ':' : '');
      return { text: colons.length === 2 ? `${text}:00` : text, width: 0, pad: '0', numeric: false };
    }
    case 'Z': return name(w.zoneName);
    case 'A': return name(DAYS[weekday(w)]!);
    case 'a': return name(DAYS[weekday(w)]!.slice(0, 3));
    case 'u': return number(weekday(w) || 7, 1);
    case 'w': return number(weekday(w), 1);
    case 'U': return number(Math.floor((dayOfYear(w) + 6 - weekday(w)) / 7), 2);
    case 'W': return number(Math.floor((dayOfYear(w) + 6 - ((weekday(w) + 6) % 7)) / 7), 2);
    case 'G': return number(isoWeek(w).year, 4);
    case 'g': return number(isoWeek(w).year % 100, 2);
    case 'V': return number(isoWeek(w).week, 2);
    case 's': return number(Math.floor(w.epochMilliseconds / 1000), 1);
    case 'n': return name('\n');
    case 't': return name('\t');
    case '%': return name('%');
    default: return undefined;
  }
}

function swapCase(text: string): string {
  return text === text.toUpperCase() ? text.toLowerCase() : text.toUpperCase();
}

export function strftime(w: WallClock, format: string): string {
  return format.replace(DIRECTIVE, (all, flags: string, widthText: string, colons: string, code: string) => {
    const composite = COMPOSITES[code];
    if (composite !== undefined && colons === '') {
      const text = strftime(w, composite);
      return flags.includes('^') ? text.toUpperCase() : text;
    }
    const width = widthText === '' ? undefined : Number(widthText);
    const found = field(code, colons, width ?? 0, w);
    if (!found || (colons !== '' && code !== 'z')) return all;
    let text = found.text;
    if (flags.includes('^')) text = text.toUpperCase();
    else if (flags.includes('#')) text = code === 'p' ? text.toLowerCase() : swapCase(text);
    if (code === 'L' || code === 'N') return text;
    const negative = found.numeric && text.startsWith('-');
    const digits = negative ? text.slice(1) : text;
    let target = width ?? (found.numeric ? found.width : 0);
    if (flags.includes('-')) target = 0;
    const pad = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : found.pad;
    if (negative) return `-${digits.padStart(Math.max(target - 1, 0), pad)}`;
    return text.padStart(target, pad);
  });
}
