import { ArgsType, Field, Float, ObjectType } from '@nestjs/graphql';
import { IsDate } from 'class-validator';

/** One number of a chart: `series` at `period` (a month as YYYY-MM, or a label such as a cohort's name). */
@ObjectType()
export class ReportPoint {
  @Field({ description: 'A month (YYYY-MM, UTC) or, for reports not over time, a label.' }) period: string;
  @Field({ description: 'Which line or bar the value belongs to, e.g. ACTIVE, joins, USD.' }) series: string;
  @Field(() => Float) value: number;
}

/** A staff report: points for a chart, the same points as a table, and the CSV at `csvPath`. */
@ObjectType()
export class Report {
  @Field({ description: 'Stable name, also the CSV download: GET /admin/reports/<name>.csv?from=…&to=…' }) name: string;
  @Field() title: string;
  @Field({ description: 'What the values count, e.g. members, minor units, rate (0 to 1).' }) unit: string;
  @Field() from: Date;
  @Field() to: Date;
  @Field(() => [ReportPoint], { description: 'By period, then series.' }) points: ReportPoint[];
}

@ArgsType()
export class ReportArgs {
  @Field({ description: 'From this instant (inclusive).' })
  @IsDate()
  from: Date;

  @Field({ description: 'To this instant (exclusive). At most 5 years after from.' })
  @IsDate()
  to: Date;
}
