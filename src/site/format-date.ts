// Dates as readers of a locale expect them. Always in UTC so the output does not depend
// on the building machine's time zone.
export function formatDate(date: Date | undefined, lang: string): string {
  if (!date) return '';
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

export function isoDate(date: Date | undefined): string {
  return date ? date.toISOString() : '';
}
