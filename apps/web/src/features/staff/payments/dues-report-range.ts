const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 5 * 365;

export interface DuesReportRange {
  fromDay: string;
  untilDay: string;
  /** The API's instants: whole UTC days, `untilDay` included. */
  from: string;
  to: string;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const valid = (day: string | null): day is string => !!day && DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00.000Z`));

/** The report's days from the address; by default the year so far (UTC). An until before from, or over 5 years, falls back too. */
export function duesReportRange(fromParam: string | null, untilParam: string | null, now: Date): DuesReportRange {
  let fromDay = valid(fromParam) ? fromParam : `${now.getUTCFullYear()}-01-01`;
  let untilDay = valid(untilParam) ? untilParam : dayOf(now);
  const start = Date.parse(`${fromDay}T00:00:00.000Z`);
  const end = Date.parse(`${untilDay}T00:00:00.000Z`) + 86_400_000;
  if (end <= start || end - start > MAX_DAYS * 86_400_000) {
    fromDay = `${now.getUTCFullYear()}-01-01`;
    untilDay = dayOf(now);
  }
  const to = new Date(`${untilDay}T00:00:00.000Z`);
  to.setUTCDate(to.getUTCDate() + 1);
  return { fromDay, untilDay, from: `${fromDay}T00:00:00.000Z`, to: to.toISOString() };
}
