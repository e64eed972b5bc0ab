import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EventSessionEntity } from './event-session.entity.js';
import { RegistrationEntity } from './registration.entity.js';

/** Verified attendance: staff checked the registrant in to the session. Credits follow from it. */
@Entity('event_session_attendance')
@Index('event_session_attendance_session_idx', ['sessionId'])
export class SessionAttendanceEntity {
  @PrimaryColumn({ type: 'uuid' }) registrationId: string;
  @ManyToOne(() => RegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: Relation<RegistrationEntity>;
  @PrimaryColumn({ type: 'uuid' }) sessionId: string;
  @ManyToOne(() => EventSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<EventSessionEntity>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) checkedInAt: Date;
  @Column({ type: 'uuid', nullable: true }) checkedInBy: string | null;
}
