import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { IANAZone } from 'luxon';
import { createRandom } from '../../../../test/utils/random.js';
import { IcsWriter } from './ics-writer.js';
import { writeVtimezone } from './vtimezone.js';

/** Zones with DST north and south, half-hour DST, abolished DST, a date-line jump and none at all. */
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Europe/Moscow', 'Pacific/Apia', 'Asia/Kathmandu', 'Africa/Casablanca', 'America/Santiago'];

function readZone(zone: string, fromYear: number, toYear: number) {
  const out = new IcsWriter().begin('VCALENDAR').raw('VERSION', '2.0').raw('PRODID', '-//test//EN');
  writeVtimezone(out, zone, fromYear, toYear);
  const calendar = new ICAL.Component(ICAL.parse(out.end('VCALENDAR').toString()));
  return new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
}

describe('the one VTIMEZONE writer, read back with ical.js', () => {
  it('property: for instants across the covered years, ical.js finds the offset the IANA database gives', () => {
    const random = createRandom(20261206);
    for (const zone of ZONES) {
      const fromYear = random.int(2008, 2024);
      const toYear = fromYear + random.int(0, 4);
      const tz = readZone(zone, fromYear, toYear);
      const start = Date.UTC(fromYear, 0, 1);
      const end = Date.UTC(toYear + 1, 0, 1);
      for (let i = 0; i < 300; i++) {
        const at = start + Math.floor(random.next() * (end - start) / 60_000) * 60_000;
        const expected = IANAZone.create(zone).offset(at) * 60;
        const utc = ICAL.Time.fromJSDate(new Date(at), true);
        expect({ zone, at: new Date(at).toISOString(), offset: tz.utcOffset(utc.convertToZone(tz)) }).toEqual({ zone, at: new Date(at).toISOString(), offset: expected });
      }
    }
  });

  it('written again (from its memo), the block is the same, in its place in each document, and each zone and years its own', () => {
    const document = (zone: string, fromYear: number, before: string) => {
      const out = new IcsWriter().begin('VCALENDAR').text('X-BEFORE', before);
      writeVtimezone(out, zone, fromYear, fromYear + 1);
      return out.raw('X-AFTER', before).end('VCALENDAR').toString();
    };
    const first = document('America/Chicago', 2026, 'one');
    const second = document('America/Chicago', 2026, 'two');
    expect(second).toBe(first.replaceAll('one', 'two'));
    expect(second.indexOf('X-BEFORE:two')).toBeLessThan(second.indexOf('BEGIN:VTIMEZONE'));
    expect(second.indexOf('END:VTIMEZONE')).toBeLessThan(second.indexOf('X-AFTER:two'));
    expect(document('America/Denver', 2026, 'one')).toContain('TZID:America/Denver');
    expect(document('America/Chicago', 2030, 'one')).toContain('DTSTART:20300101T000000');
  });

  it('starts with the offset in force on 1 January of the first year, and names the zone', () => {
    const text = (() => {
      const out = new IcsWriter();
      writeVtimezone(out, 'Europe/Berlin', 2026, 2026);
      return out.toString();
    })();
    expect(text).toContain('TZID:Europe/Berlin\r\n');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20260101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\n');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
  });
});
