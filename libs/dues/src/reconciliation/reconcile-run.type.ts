import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReconcileReport } from './reconcile-report.type.js';

export enum ReconcileTrigger {
  MANUAL = 'MANUAL',
  SCHEDULED = 'SCHEDULED',
}
registerEnumType(ReconcileTrigger, { name: 'ReconcileTrigger', description: 'Run by a person (reconcileStripe) or by the daily job.' });

@ObjectType('ReconcileRun')
export class ReconcileRun {
  @Field(() => ID) id: string;
  @Field(() => ReconcileTrigger) trigger: ReconcileTrigger;
  @Field(() => String, { nullable: true, description: 'Who ran it; null for the daily job.' }) actorName: string | null;
  @Field() startedAt: Date;
  @Field() finishedAt: Date;
  @Field(() => ReconcileReport) report: ReconcileReport;
}
