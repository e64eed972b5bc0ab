/**
 * The UTC months that meet a report's range [$1, $2) (`ReportRange`'s from and to, the statement's first two
 * parameters), as timestamps (the first of each month): the body of a report statement's `months` CTE, whose rows
 * every monthly series is joined onto, so that a month with nothing in it still has its point.
 */
export const REPORT_MONTHS_SQL = `SELECT d AS m FROM generate_series(date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC'),
                                                   ($2::timestamptz AT TIME ZONE 'UTC') - interval '1 millisecond', interval '1 month') d`;
