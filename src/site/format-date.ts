// Dates as readers of a locale expect them. Always in UTC so the output does not depend
// on the building machine's time zone.
// Building a formatter costs far more than formatting: one per language, reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: Date | undefined, lang: string): string {
  if (!date) return '';
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    formatters.set(lang, formatter);
  }
  return formatter.format(date);
}

export function isoDate(date: Date | undefined): string {
  return date ? date.toISOString() : '';
}
