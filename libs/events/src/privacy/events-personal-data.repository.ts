import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type PersonalDataFile, PersonalDataRegistry, Role } from '../../../core/src/index.js';
import { CertificatesService } from '../certificates/certificates.service.js';

/** A person's registrations, attendance and certificates of attendance (as PDFs), for their export. */
@Injectable()
export class EventsPersonalDataRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly certificates: CertificatesService,
  ) {}

  onModuleInit(): void {
    this.registry.addExporter('events', async (userId) => {
      const registrations: Array<{ id: string }> = await this.dataSource.query(
        `SELECT r.*, e.title AS event_title, e.starts_at AS event_starts_at
           FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE r.user_id = $1 ORDER BY r.created_at`,
        [userId],
      );
      const attendance: Array<{ registration_id: string }> = await this.dataSource.query(
        `SELECT a.registration_id, a.session_id, a.checked_in_at, s.title AS session_title FROM event_session_attendance a
           JOIN event_registrations r ON r.id = a.registration_id JOIN event_sessions s ON s.id = a.session_id
          WHERE r.user_id = $1 ORDER BY a.checked_in_at`,
        [userId],
      );
      const files: PersonalDataFile[] = [];
      const viewer = { id: userId, role: Role.USER, sessionId: userId };
      for (const registrationId of new Set(attendance.map((a) => a.registration_id))) {
        const pdf = await this.certificates.pdfFor(viewer, registrationId).catch(() => null); // a cancelled event has none
        if (pdf) files.push({ name: `certificates/${registrationId}.pdf`, content: pdf });
      }
      return { area: 'events', records: { registrations, attendance }, files };
    });
  }
}
