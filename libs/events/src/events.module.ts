import { APP_CONFIG, type AppConfig } from '../../core/src/index.js';
import { Module } from '@nestjs/common';
import { MembersModule } from '../../members/src/index.js';
import { AttendanceRepository } from './attendance.repository.js';
import { CertificatesResolver } from './certificates/certificates.resolver.js';
import { CertificatesService } from './certificates/certificates.service.js';
import { CheckInService } from './check-in.service.js';
import { EventCancellationService } from './event-cancellation.service.js';
import { EventMailer } from './event-mailer.js';
import { EventPaymentsRepository } from './event-payments.repository.js';
import { EVENTS_CONFIG } from './events.config.js';
import { EventsLoader } from './events.loader.js';
import { EventsRepository } from './events.repository.js';
import { EventsResolver } from './events.resolver.js';
import { EventsService } from './events.service.js';
import { CalendarController } from './http/calendar.controller.js';
import { CertificatesController } from './http/certificates.controller.js';
import { EventLifecycleService } from './lifecycle/event-lifecycle.service.js';
import { EVENT_PAYMENTS } from './payments/event-payments.port.js';
import { StripeEventPayments } from './payments/stripe-event-payments.js';
import { RegistrantContacts } from './registrant-contacts.js';
import { RegistrantSearchService } from './check-in/registrant-search.service.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { RegistrationsResolver } from './registrations.resolver.js';
import { EventsReports } from './reports/events-reports.js';
import { EventsReportsRepository } from './reports/events-reports.repository.js';
import { EventsReportsResolver } from './reports/events-reports.resolver.js';
import { RegistrationsService } from './registrations.service.js';
import { EventRoster } from './roster/event-roster.js';
import { EventRosterRepository } from './roster/event-roster.repository.js';
import { SeatPaymentsService } from './seat-payments.service.js';
import { EventsTranscriptSource } from './transcript/events-transcript.source.js';
import { WaitlistService } from './waitlist.service.js';
import { SeatWebhookListener } from './webhooks/seat-webhook.listener.js';
import { EventsPersonalDataRepository } from './privacy/events-personal-data.repository.js';
import { MemberRegistrationsRepository } from './staff/member-registrations.repository.js';
import { MemberRegistrationsResolver } from './staff/member-registrations.resolver.js';

/** Events: registration without overbooking, fair waitlists, paid seats, check-in, CE credits and certificates. */
@Module({
  imports: [MembersModule],
  controllers: [CalendarController, CertificatesController],
  providers: [
    EventsPersonalDataRepository,
    { provide: EVENTS_CONFIG, inject: [APP_CONFIG], useFactory: (config: AppConfig) => config.events },
    { provide: EVENT_PAYMENTS, useClass: StripeEventPayments },
    EventsRepository,
    RegistrationsRepository,
    RegistrantContacts,
    RegistrantSearchService,
    AttendanceRepository,
    EventPaymentsRepository,
    EventMailer,
    WaitlistService,
    SeatPaymentsService,
    RegistrationsService,
    EventsService,
    EventCancellationService,
    CheckInService,
    CertificatesService,
    EventLifecycleService,
    EventsLoader,
    EventsResolver,
    RegistrationsResolver,
    EventsReportsRepository,
    EventsReports,
    EventsReportsResolver,
    CertificatesResolver,
    EventsTranscriptSource,
    SeatWebhookListener,
    EventRosterRepository,
    EventRoster,
    MemberRegistrationsRepository,
    MemberRegistrationsResolver,
  ],
  exports: [EventsService, RegistrationsService, SeatPaymentsService, EventLifecycleService, EventsTranscriptSource, EventRoster],
})
export class EventsModule {}
