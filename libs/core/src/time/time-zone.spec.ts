import { describe, expect, it } from '@jest/globals';
import { validate } from 'class-validator';
import { canonicalZone, IsIanaZone, isIanaZone } from './time-zone.js';

class WithZone {
  @IsIanaZone()
  timezone: unknown;
}

const errorsFor = async (timezone: unknown) => {
  const input = new WithZone();
  input.timezone = timezone;
  return (await validate(input)).flatMap((e) => Object.values(e.constraints ?? {}));
};

describe('the one IANA time-zone check', () => {
  it('accepts zone names the runtime knows', () => {
    for (const zone of ['Europe/Berlin', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5', 'Asia/Kathmandu']) expect(isIanaZone(zone)).toBe(true);
  });

  it('refuses offsets, unknown names, overlong strings and non-strings', () => {
    for (const zone of ['+02:00', 'UTC+2', 'Mars/Olympus_Mons', '', 'Europe/' + 'x'.repeat(64), 42, null]) expect(isIanaZone(zone)).toBe(false);
  });

  it('canonicalises the spelling', () => {
    expect(canonicalZone('europe/berlin')).toBe('Europe/Berlin');
  });

  it('the decorator names the field', async () => {
    expect(await errorsFor('Europe/Berlin')).toEqual([]);
    expect(await errorsFor('+02:00')).toEqual(['timezone must be an IANA time zone such as Europe/Berlin']);
  });
});
