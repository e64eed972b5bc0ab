import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EventEntity } from './event.entity.js';
import { numericTransformer } from './numeric.transformer.js';

/** A part of an event that people attend and earn CE credits for; every event has at least one. */
@Entity('event_sessions')
@Check('event_sessions_times_check', `ends_at > starts_at`)
@Check('event_sessions_credits_check', `ce_credits >= 0`)
@Index('event_sessions_event_idx', ['eventId', 'startsAt', 'id'])
@Index('event_sessions_starts_idx', ['startsAt'])
export class EventSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'numeric', precision: 6, scale: 2, default: 0, transformer: numericTransformer }) ceCredits: number;
  @Column({ type: 'text', nullable: true }) ceCategory: string | null;
}
