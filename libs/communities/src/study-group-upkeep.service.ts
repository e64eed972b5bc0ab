import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../../core/src/index.js';
import { MeetingSeriesService } from './meeting-series.service.js';
import { RoleRotationService } from './role-rotation.service.js';
import { StudyGroupsRepository } from './study-groups.repository.js';
import { scheduleOf } from './types/study-group.type.js';

export const MATERIALISE_TASK = 'study-groups-materialise';
export const ASSIGN_ROLES_TASK = 'study-groups-assign-roles';
const BATCH = 200;

/**
 * Background upkeep: keep the next weeks of every group's meetings as rows (hourly), and give out the
 * roles of meetings starting within three days, announcing them (every 15 minutes). Both are
 * idempotent and safe with several workers: rows are unique by (group, date), roles by (meeting, role),
 * and role-filling takes the group lock.
 */
@Injectable()
export class StudyGroupUpkeepService implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly groups: StudyGroupsRepository,
    private readonly series: MeetingSeriesService,
    private readonly rotation: RoleRotationService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(MATERIALISE_TASK, async () => {
      await this.materialise();
    });
    this.jobs.schedule(MATERIALISE_TASK, '7 * * * *');
    this.jobs.register(ASSIGN_ROLES_TASK, async () => {
      await this.assignRoles();
    });
    this.jobs.schedule(ASSIGN_ROLES_TASK, '*/15 * * * *');
  }

  async materialise(now = new Date()): Promise<number> {
    let written = 0;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.groups.notArchivedAfter(afterId, BATCH);
      if (!batch.length) break;
      written += await this.series.materialiseHorizon(undefined, batch.map((g) => ({ id: g.id, status: g.status, series: scheduleOf(g), version: g.updatedAt })), now);
      afterId = batch[batch.length - 1].id;
    }
    return written;
  }

  /** Meetings inside the lead time are rows already: the hourly job keeps twelve weeks of them. */
  assignRoles(now = new Date()): Promise<number> {
    return this.rotation.assignDue(now);
  }
}
