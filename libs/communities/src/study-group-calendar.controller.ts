import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { MeetingSeriesService } from './meeting-series.service.js';
import { StudyGroupsRepository } from './study-groups.repository.js';
import { isUuid } from '../../core/src/index.js';

/**
 * GET /study-groups/:id.ics — the meeting series for calendar apps. Public like the group catalogue
 * (names, topic and times only; nothing about members), so calendar apps can subscribe without a token.
 */
@Controller('study-groups')
export class StudyGroupCalendarController {
  constructor(
    private readonly groups: StudyGroupsRepository,
    private readonly series: MeetingSeriesService,
  ) {}

  @Get(':file')
  @Header('Cache-Control', 'public, max-age=300')
  async calendar(@Param('file') file: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const match = /^(.+)\.ics$/.exec(file);
    const id = match?.[1];
    if (!id || !isUuid(id)) throw new NotFoundException('No such calendar');
    const group = await this.groups.findById(id);
    if (!group) throw new NotFoundException('No such calendar');
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="study-group-${id}.ics"`);
    return this.series.calendar(group, new Date());
  }
}
