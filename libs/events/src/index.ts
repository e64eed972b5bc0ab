export * from './events.enums.js';
export * from './events.errors.js';
export * from './events.config.js';
export * from './events.module.js';
export * from './events.service.js';
export * from './registrations.service.js';
export * from './seat-payments.service.js';
export * from './event-cancellation.service.js';
export * from './lifecycle/event-lifecycle.service.js';
export * from './payments/event-payments.port.js';
export * from './transcript/events-transcript.source.js';
export * from './ics/calendar.js';

import { EventPaymentEntity } from './entities/event-payment.entity.js';
import { EventSessionEntity } from './entities/event-session.entity.js';
import { EventEntity } from './entities/event.entity.js';
import { RegistrationEntity } from './entities/registration.entity.js';
import { SessionAttendanceEntity } from './entities/session-attendance.entity.js';
export const EVENTS_ENTITIES = [EventEntity, EventSessionEntity, RegistrationEntity, SessionAttendanceEntity, EventPaymentEntity];
