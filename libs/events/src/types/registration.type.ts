import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Connection, Money } from '../../../core/src/index.js';
import { type User } from '../../../accounts/src/index.js';
import { RegistrationEntity } from '../entities/registration.entity.js';
import { RegistrationEndReason, RegistrationStatus } from '../events.enums.js';
import { type EventRow, EventSession } from './event.type.js';

@ObjectType('SessionAttendance')
export class SessionAttendance {
  @Field(() => EventSession) session: EventSession;
  @Field() checkedInAt: Date;
  @Field(() => Float) credits: number;
}

/** The columns a Registration is made from: an entity, or a plain row read for a list. */
export type RegistrationRow = Pick<
  RegistrationEntity,
  | 'id' | 'eventId' | 'userId' | 'status' | 'priceAmount' | 'priceCurrency' | 'waitlistSeq' | 'checkoutUrl' | 'checkInCode'
  | 'holdExpiresAt' | 'offerExpiresAt' | 'endReason' | 'confirmedAt' | 'cancelledAt' | 'createdAt'
>;

/** Reaches only its registrant and admins; `event`, `user`, `waitlistPosition` and `attendance` come from loaders. */
@ObjectType('Registration')
export class Registration {
  @Field(() => ID) id: string;
  eventId: string;
  userId: string;
  waitlistSeq: number | null;
  /** Read through guarded fields only. */
  privateCheckoutUrl: string | null;
  privateCheckInCode: string;
  @Field(() => RegistrationStatus) status: RegistrationStatus;
  @Field(() => Money) price: Money;
  @Field(() => Date, { nullable: true, description: 'PENDING_PAYMENT: the seat is released at this time unless paid.' }) holdExpiresAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'OFFERED: the offer passes to the next person at this time.' }) offerExpiresAt: Date | null;
  @Field(() => RegistrationEndReason, { nullable: true, description: 'Why it was cancelled (or last went back to the waitlist).' }) endReason: RegistrationEndReason | null;
  @Field(() => Date, { nullable: true }) confirmedAt: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
  @Field() createdAt: Date;
  /** The registrant, when a list read them with the row (`Registration.user` answers it before the users loader). */
  registrant?: User;
  /** The event, when a list read it with the row (`Registration.event` answers it before the events loader). */
  eventRow?: EventRow;

  static from(r: RegistrationRow): Registration {
    return {
      id: r.id,
      eventId: r.eventId,
      userId: r.userId,
      waitlistSeq: r.waitlistSeq,
      privateCheckoutUrl: r.status === RegistrationStatus.PENDING_PAYMENT ? r.checkoutUrl : null,
      privateCheckInCode: r.checkInCode,
      status: r.status,
      price: { amount: r.priceAmount, currency: r.priceCurrency },
      holdExpiresAt: r.status === RegistrationStatus.PENDING_PAYMENT ? r.holdExpiresAt : null,
      offerExpiresAt: r.status === RegistrationStatus.OFFERED ? r.offerExpiresAt : null,
      endReason: r.endReason,
      confirmedAt: r.confirmedAt,
      cancelledAt: r.cancelledAt,
      createdAt: r.createdAt,
      registrant: undefined,
      eventRow: undefined,
    };
  }

  /** A list's row with the event it read beside it. */
  static withEvent(r: RegistrationRow & { event: EventRow }): Registration {
    const registration = Registration.from(r);
    registration.eventRow = r.event;
    return registration;
  }

  /** A list's row with the registrant it read beside it (undefined: not read). */
  static withRegistrant(r: RegistrationRow & { user?: User }): Registration {
    const registration = Registration.from(r);
    registration.registrant = r.user;
    return registration;
  }
}

@ObjectType()
export class RegistrationConnection extends Connection(Registration) {}

@ObjectType()
export class CertificateVerification {
  @Field({ description: 'False when no certificate has this code.' }) valid: boolean;
  @Field(() => String, { nullable: true }) holderName: string | null;
  @Field(() => String, { nullable: true }) eventTitle: string | null;
  @Field(() => Date, { nullable: true }) eventStartsAt: Date | null;
  @Field(() => Float, { nullable: true }) credits: number | null;
  @Field(() => Date, { nullable: true }) issuedAt: Date | null;
}
