import { Injectable } from '@nestjs/common';
import type { CronItem, JobHelpers, Task } from 'graphile-worker';

export type JobHandler = (payload: unknown, helpers: JobHelpers) => Promise<void>;

/**
 * Feature modules register their background tasks and schedules here during `onModuleInit`;
 * the job runner starts with all of them on application bootstrap.
 */
@Injectable()
export class JobRegistry {
  readonly tasks: Record<string, Task> = {};
  readonly schedules: CronItem[] = [];

  register(name: string, handler: JobHandler): void {
    if (this.tasks[name]) throw new Error(`Job task "${name}" registered twice`);
    this.tasks[name] = handler as Task;
  }

  /** `match` is a cron pattern (UTC); graphile-worker makes sure one process runs each tick once. */
  schedule(task: string, match: string, identifier = task): void {
    this.schedules.push({ task, match, identifier, options: { backfillPeriod: 0 } });
  }
}
