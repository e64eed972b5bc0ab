import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

/** A person's delivery choice for one kind of notification (no row: the default). */
@Entity('discussion_notification_preferences')
@Check('discussion_notification_preferences_kind_check', `kind IN ('MENTION', 'REPLY', 'NEW_THREAD', 'MODERATION')`)
@Check('discussion_notification_preferences_delivery_check', `delivery IN ('IN_APP', 'EMAIL', 'DIGEST', 'OFF')`)
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @PrimaryColumn({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) delivery: string;
}
