// The short names a time zone gives its times (`CET`, `CEST`, `JST`, `-03`), as Ruby's
// `Time#zone` and `%Z` show them: the C library reads them from the system's time zone
// database (TZif files, RFC 8536). Intl only knows its own names (`GMT+1`), so faro reads
// the same files, and falls back to Intl where they are missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ZoneFile {
  /** Seconds since the epoch at which the zone's offset or name changes. */
  transitions: number[];
  /** The local time type that starts at each transition. */
  typeAt: number[];
  types: { offsetSeconds: number; name: string }[];
}

// Read once per zone and process: the files do not change while faro runs.
const zoneFiles = new Map<string, ZoneFile | undefined>();

/** The zone's name for `instant` (whose offset is `offsetSeconds`), or undefined without the database. */
export function systemZoneName(timeZone: string, instant: number, offsetSeconds: number): string | undefined {
  if (!zoneFiles.has(timeZone)) zoneFiles.set(timeZone, readZoneFile(timeZone));
  const zone = zoneFiles.get(timeZone);
  if (!zone || zone.types.length === 0) return undefined;
  const seconds = Math.floor(instant / 1000);
  const { transitions, typeAt, types } = zone;
  if (transitions.length === 0 || seconds < transitions[0]!) return types[0]!.name;
  let low = 0;
  let high = transitions.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (transitions[middle]! <= seconds) low = middle;
    else high = middle - 1;
  }
  const current = types[typeAt[low]!]!;
  if (current.offsetSeconds === offsetSeconds || low < transitions.length - 1) return current.name;
  // Past the file's last change (a file that leaves later years to its rule): the latest
  // type with this offset.
  for (let i = typeAt.length - 1; i >= 0; i--) {
    const type = types[typeAt[i]!]!;
    if (type.offsetSeconds === offsetSeconds) return type.name;
  }
  return current.name;
}

function readZoneFile(timeZone: string): ZoneFile | undefined {
  if (!/^[A-Za-z0-9_+-]+(?:\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(process.env.TZDIR || '/usr/share/zoneinfo', timeZone));
  } catch {
    return undefined;
  }
  if (bytes.length < 44 || bytes.toString('latin1', 0, 4) !== 'TZif') return undefined;
  try {
    return parseZoneFile(bytes);
  } catch {
    return undefined;
  }
}

function parseZoneFile(bytes: Buffer): ZoneFile {
  const countsAt = (at: number) => [0, 1, 2, 3, 4, 5].map((i) => bytes.readUInt32BE(at + 20 + i * 4)) as [number, number, number, number, number, number];
  let header = 0;
  let [utIndicators, stdIndicators, leaps, times, typeCount, characters] = countsAt(0);
  let timeSize = 4;
  // Version 2 and later repeat the data with 64-bit times after the version 1 block.
  if (bytes[4]! >= 0x32) {
    header = 44 + times * 5 + typeCount * 6 + characters + leaps * 8 + stdIndicators + utIndicators;
    [utIndicators, stdIndicators, leaps, times, typeCount, characters] = countsAt(header);
    timeSize = 8;
  }
  let at = header + 44;
  const transitions: number[] = [];
  for (let i = 0; i < times; i++, at += timeSize) transitions.push(timeSize === 8 ? Number(bytes.readBigInt64BE(at)) : bytes.readInt32BE(at));
  const typeAt = [...bytes.subarray(at, at + times)];
  at += times;
  const namesAt = at + typeCount * 6;
  const types = [];
  for (let i = 0; i < typeCount; i++, at += 6) {
    const start = namesAt + bytes[at + 5]!;
    const end = bytes.indexOf(0, start);
    types.push({ offsetSeconds: bytes.readInt32BE(at), name: bytes.toString('latin1', start, end < 0 || end > namesAt + characters ? namesAt + characters : end) });
  }
  return { transitions, typeAt, types };
}
