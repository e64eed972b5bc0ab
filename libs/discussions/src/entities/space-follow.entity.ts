import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SpaceEntity } from './space.entity.js';

/** A person follows a space: new threads there notify them (NEW_THREAD). */
@Entity('discussion_space_follows')
@Index('discussion_space_follows_space_idx', ['spaceId'])
export class SpaceFollowEntity {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @PrimaryColumn({ type: 'uuid' }) spaceId: string;
  @ManyToOne(() => SpaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Relation<SpaceEntity>;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
