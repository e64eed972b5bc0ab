import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, AppError, DomainEvents, ErrorCode, notFound, StaffPermission, type Viewer, viewerHasPermission } from '../../../core/src/index.js';
import { AttendanceRepository, type CertificateRecord } from '../attendance.repository.js';
import { EventsErrorReason } from '../events.errors.js';
import { RegistrantContacts } from '../registrant-contacts.js';
import { RegistrationsRepository } from '../registrations.repository.js';
import { CertificateVerification } from '../types/registration.type.js';
import { renderCertificatePdf } from './certificate-pdf.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** GH-XXXX-XXXX-XXXX: 12 characters without look-alikes, 60 bits. */
export function newCertificateCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `GH-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** Certificates of attendance: issued (with a verification code) the first time one is fetched, verifiable by anyone. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly attendance: AttendanceRepository,
    private readonly registrations: RegistrationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly contacts: RegistrantContacts,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  /** The registrant or an admin; anyone else is told it does not exist. */
  async pdfFor(viewer: Viewer, registrationId: string): Promise<Buffer> {
    let record = await this.attendance.certificateByRegistration(registrationId);
    if (!record || (record.userId !== viewer.id && !viewerHasPermission(viewer, StaffPermission.EVENT_MANAGER))) throw notFound('Certificate');
    const [attended] = await this.attendance.byRegistrationIds([registrationId]);
    if (!attended.length) {
      throw new AppError(ErrorCode.CONFLICT, 'No attendance has been recorded for this registration yet', { reason: EventsErrorReason.NOT_ATTENDED });
    }
    if (!record.certificateCode) {
      const { eventId, userId } = record;
      await this.dataSource.transaction(async (manager) => {
        if (!(await this.registrations.issueCertificateCode(manager, registrationId, newCertificateCode()))) return;
        await this.domainEvents.record(manager, 'certificate.issued', { registrationId, eventId, userId });
      });
      record = (await this.attendance.certificateByRegistration(registrationId)) as CertificateRecord;
    }
    return renderCertificatePdf({
      holderName: (await this.contacts.of(undefined, record.userId)).fullName,
      eventTitle: record.eventTitle,
      eventStartsAt: record.eventStartsAt,
      timezone: record.eventTimezone,
      code: record.certificateCode as string,
      issuedAt: record.certificateIssuedAt as Date,
      verifyUrl: `${this.config.publicUrl}/graphql`,
      sessions: attended.map((a) => ({ title: a.session.title, startsAt: a.session.startsAt, credits: a.session.ceCredits, category: a.session.ceCategory })),
    });
  }

  async verify(code: string): Promise<CertificateVerification> {
    const normalized = code.trim().toUpperCase();
    const record = /^GH-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(normalized) ? await this.attendance.certificateByCode(normalized) : undefined;
    if (!record) return { valid: false, holderName: null, eventTitle: null, eventStartsAt: null, credits: null, issuedAt: null };
    const [attended] = await this.attendance.byRegistrationIds([record.registrationId]);
    return {
      valid: true,
      holderName: (await this.contacts.of(undefined, record.userId)).fullName,
      eventTitle: record.eventTitle,
      eventStartsAt: record.eventStartsAt,
      credits: attended.reduce((sum, a) => sum + a.session.ceCredits, 0),
      issuedAt: record.certificateIssuedAt,
    };
  }
}
