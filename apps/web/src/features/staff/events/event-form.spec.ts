import { describe, expect, it } from '@jest/globals';
import { eventFormValues, formFieldOf, fromZonedInput, isHttpUrl, registrationWindowProblem, toEventInput, toMinorUnits, toZonedInput } from './event-form.js';

describe('event times in the event’s zone', () => {
  it('reads a wall-clock time in the zone as the right instant, across daylight saving', () => {
    expect(fromZonedInput('2027-01-15T09:30', 'America/Chicago')).toBe('2027-01-15T15:30:00.000Z');
    expect(fromZonedInput('2027-07-15T09:30', 'America/Chicago')).toBe('2027-07-15T14:30:00.000Z');
    expect(fromZonedInput('2027-03-28T12:00', 'Europe/Berlin')).toBe('2027-03-28T10:00:00.000Z');
    expect(fromZonedInput('2027-03-28T12:00', 'Asia/Kolkata')).toBe('2027-03-28T06:30:00.000Z');
    expect(fromZonedInput('not a time', 'UTC')).toBeNull();
  });

  it('shows an instant as the zone’s wall-clock time, and back again', () => {
    expect(toZonedInput('2027-07-15T14:30:00.000Z', 'America/Chicago')).toBe('2027-07-15T09:30');
    expect(toZonedInput('2027-12-31T23:30:00.000Z', 'Asia/Tokyo')).toBe('2028-01-01T08:30');
    expect(fromZonedInput(toZonedInput('2027-10-30T22:15:00.000Z', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2027-10-30T22:15:00.000Z');
    // The hour that happens twice when clocks go back is one of its two instants.
    expect(['2027-10-31T00:15:00.000Z', '2027-10-31T01:15:00.000Z']).toContain(fromZonedInput('2027-10-31T02:15', 'Europe/Berlin'));
  });
});

describe('the event input', () => {
  it('turns major units into minor units of the currency', () => {
    expect(toMinorUnits(12.5, 'USD')).toBe(1250);
    expect(toMinorUnits('0.1', 'EUR')).toBe(10);
    expect(toMinorUnits(1500, 'JPY')).toBe(1500);
  });

  it('spans the sessions, one currency for both prices, empty optionals as null', () => {
    const values = {
      ...eventFormValues(), title: ' Ethics day ', timezone: 'Europe/Berlin', currency: 'eur', memberPrice: 10, nonMemberPrice: 25.5,
      sessions: [
        { title: 'Afternoon', startsAt: '2027-05-03T14:00', endsAt: '2027-05-03T17:00', ceCredits: 2, ceCategory: '' },
        { title: 'Morning', startsAt: '2027-05-03T09:00', endsAt: '2027-05-03T12:00', ceCredits: 1.5, ceCategory: 'Ethics' },
      ],
    };
    expect(toEventInput(values)).toMatchObject({
      title: 'Ethics day', description: null, venue: null, capacity: null, waitlistLimit: null,
      memberPrice: { amount: 1000, currency: 'EUR' }, nonMemberPrice: { amount: 2550, currency: 'EUR' },
      startsAt: '2027-05-03T07:00:00.000Z', endsAt: '2027-05-03T15:00:00.000Z',
      sessions: [
        { title: 'Afternoon', startsAt: '2027-05-03T12:00:00.000Z', endsAt: '2027-05-03T15:00:00.000Z', ceCredits: 2, ceCategory: null },
        { title: 'Morning', startsAt: '2027-05-03T07:00:00.000Z', endsAt: '2027-05-03T10:00:00.000Z', ceCredits: 1.5, ceCategory: 'Ethics' },
      ],
    });
  });

  it('edits start from the event as the zone shows it', () => {
    const values = eventFormValues({
      title: 'T', description: null, kind: 'WEBINAR', format: 'VIRTUAL', timezone: 'America/Chicago', venue: null, capacity: 30, waitlistLimit: 0, membersOnly: true,
      onlineUrl: 'https://meet.example.org/r', registrationOpensAt: '2027-07-01T14:00:00.000Z', registrationClosesAt: null,
      memberPrice: { amount: 1999, currency: 'USD' }, nonMemberPrice: { amount: 0, currency: 'USD' },
      sessions: [{ title: 'S', startsAt: '2027-07-15T14:30:00.000Z', endsAt: '2027-07-15T16:00:00.000Z', ceCredits: 1, ceCategory: null }],
    });
    expect(values).toMatchObject({
      memberPrice: 19.99, nonMemberPrice: 0, capacity: 30, waitlistLimit: 0, sessions: [{ startsAt: '2027-07-15T09:30', endsAt: '2027-07-15T11:00', ceCategory: '' }],
      onlineUrl: 'https://meet.example.org/r', registrationOpensAt: '2027-07-01T09:00', registrationClosesAt: '',
    });
  });

  it('sends the registration window as instants of the event’s zone, the online URL trimmed, empty ones as null', () => {
    const base = { ...eventFormValues(), title: 'T', timezone: 'America/Chicago', sessions: [{ title: 'S', startsAt: '2027-07-15T09:30', endsAt: '2027-07-15T11:00', ceCredits: 0, ceCategory: '' }] };
    expect(toEventInput({ ...base, onlineUrl: ' https://meet.example.org/r ', registrationOpensAt: '2027-07-01T09:00', registrationClosesAt: '2027-07-14T17:00' })).toMatchObject({
      onlineUrl: 'https://meet.example.org/r', registrationOpensAt: '2027-07-01T14:00:00.000Z', registrationClosesAt: '2027-07-14T22:00:00.000Z',
    });
    expect(toEventInput(base)).toMatchObject({ onlineUrl: null, registrationOpensAt: null, registrationClosesAt: null });
  });

  it('finds the registration window’s problems before the API does', () => {
    const base = { ...eventFormValues(), timezone: 'Europe/Berlin', sessions: [{ title: 'S', startsAt: '2027-05-03T09:00', endsAt: '2027-05-03T12:00', ceCredits: 0, ceCategory: '' }] };
    expect(registrationWindowProblem({ ...base, registrationClosesAt: '2027-05-02T18:00' }, 'registrationClosesAt')).toBeNull();
    expect(registrationWindowProblem({ ...base, registrationOpensAt: '2027-05-02T18:00', registrationClosesAt: '2027-05-02T18:00' }, 'registrationClosesAt')).toBe('closesBeforeOpens');
    expect(registrationWindowProblem({ ...base, registrationClosesAt: '2027-05-03T12:01' }, 'registrationClosesAt')).toBe('closesAfterEnd');
    expect(registrationWindowProblem({ ...base, registrationOpensAt: 'soon' }, 'registrationOpensAt')).toBe('invalid');
    expect(registrationWindowProblem(base, 'registrationOpensAt')).toBeNull();
  });

  it('accepts only http(s) online URLs, as the API does', () => {
    expect(isHttpUrl('https://meet.example.org/room')).toBe(true);
    expect(isHttpUrl('http://localhost:8080/x')).toBe(true);
    expect(isHttpUrl('meet.example.org')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('ftp://files.example.org')).toBe(false);
  });
});

describe('formFieldOf', () => {
  it('puts API errors beside the field that holds them', () => {
    expect(formFieldOf('title')).toBe('title');
    expect(formFieldOf('memberPrice.amount')).toBe('memberPrice');
    expect(formFieldOf('nonMemberPrice')).toBe('nonMemberPrice');
    expect(formFieldOf('nonMemberPrice.currency')).toBe('currency');
    expect(formFieldOf('sessions.1.endsAt')).toBe('sessions.1.endsAt');
    expect(formFieldOf('endsAt')).toBe('sessions.0.endsAt');
    expect(formFieldOf('registrationOpensAt')).toBe('registrationOpensAt');
    expect(formFieldOf('registrationClosesAt')).toBe('registrationClosesAt');
    expect(formFieldOf('onlineUrl')).toBe('onlineUrl');
    expect(formFieldOf('sessions')).toBeNull();
  });
});
