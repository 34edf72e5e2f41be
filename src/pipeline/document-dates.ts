// The date of a post or collection document as Jekyll 4.3 reads it: its front matter `date`,
// else the date in its file name, through Utils.parse_date, which is
// `Time.parse(value.to_s).localtime` with ENV['TZ'] set to the site's `timezone`. So every
// post date is an instant shown in the site's zone, and a text Ruby cannot read stops the
// build. A page keeps its `date` as written; faro reads it too, for its own listings.
import { parseRubyTime } from '../liquid/ruby-time-parse.js';
import { instantOf } from '../liquid/ruby-time.js';
import { rubyToS } from '../liquid/ruby-values.js';

export interface DateReading {
  date?: Date;
  /** Why the date cannot be read (a post or document: Jekyll stops; a page: only faro's listings lose it). */
  problem?: string;
}

/** Jekyll's Document::DATE_FILENAME_MATCHER's date part. */
const FILE_NAME_DATE = /(?:^|\/)(\d{2,4}-\d{1,2}-\d{1,2})-[^/]*$/;

/**
 * The date of a post, draft or document (`isDated`), or of a page. Dates are instants, as
 * plain Dates: printing them shows the site's zone, as Ruby's `localtime` does.
 */
export function readDocumentDate(value: unknown, path: string, isDated: boolean, timeZone: string | undefined): DateReading {
  if (value === undefined) {
    const fromName = isDated ? FILE_NAME_DATE.exec(path)?.[1] : undefined;
    if (fromName === undefined) return {};
    const reading = parseDate(fromName, timeZone);
    return reading.problem ? { problem: `the date in the file name, "${fromName}", is not a valid date (${reading.problem})` } : reading;
  }
  // A page's YAML date or time is already what Jekyll keeps.
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: 'date: not a valid date' };
    // Jekyll reads it back from its `to_s`, which has no fraction of a second.
    return { date: isDated ? new Date(Math.floor(instantOf(value, timeZone) / 1000) * 1000) : value };
  }
  const text = rubyToS(value, { timeZone });
  const reading = parseDate(text, timeZone);
  return reading.problem ? { problem: `date: "${text}" is not a valid date (${reading.problem})` } : reading;
}

function parseDate(text: string, timeZone: string | undefined): DateReading {
  const parsed = parseRubyTime(text, timeZone);
  if (parsed.error !== undefined) return { problem: parsed.error };
  return { date: new Date(instantOf(parsed.time, timeZone)) };
}
