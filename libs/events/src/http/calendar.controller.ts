import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../core/src/index.js';
import { EventStatus } from '../events.enums.js';
import { EventsRepository } from '../events.repository.js';
import { calendarDocument } from '../ics/calendar.js';
import { idFromFile } from './id-from-file.js';

const FEED_LIMIT = 500;

/** Public iCalendar files: the feed of published events, and one event. */
@Controller()
export class CalendarController {
  constructor(
    private readonly events: EventsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('events.ics')
  async feed(@Res() res: Response): Promise<void> {
    const events = await this.events.calendarEvents(FEED_LIMIT);
    this.send(res, calendarDocument(events, this.config.publicUrl), 'events.ics');
  }

  @Get('events/:file')
  async one(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const id = idFromFile(file, 'ics');
    const event = id ? await this.events.findById(id) : null;
    if (!event || event.status === EventStatus.DRAFT) throw new NotFoundException('No such event');
    this.send(res, calendarDocument([event], this.config.publicUrl, event.title), `${event.id}.ics`);
  }

  private send(res: Response, body: string, filename: string): void {
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.send(body);
  }
}
