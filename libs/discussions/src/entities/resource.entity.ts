import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { SpaceEntity } from './space.entity.js';

/** A space's shelf: a link, or a file kept by the storage port under `storageKey`. */
@Entity('discussion_resources')
@Index('discussion_resources_space_page_idx', ['spaceId', 'createdAt', 'id'])
@Check('discussion_resources_kind_check', `kind IN ('LINK', 'FILE')`)
@Check('discussion_resources_shape_check', `(kind = 'LINK') = (url IS NOT NULL) AND (kind = 'FILE') = (storage_key IS NOT NULL)`)
export class ResourceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) spaceId: string;
  @ManyToOne(() => SpaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Relation<SpaceEntity>;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) url: string | null;
  @Column({ type: 'text', nullable: true }) storageKey: string | null;
  @Column({ type: 'text', nullable: true }) fileName: string | null;
  /** Sniffed from the bytes, never taken from the upload's name or header. */
  @Column({ type: 'text', nullable: true }) contentType: string | null;
  @Column({ type: 'int', nullable: true }) sizeBytes: number | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @Column({ type: 'uuid', nullable: true }) addedById: string | null;
  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'added_by_id' })
  addedBy?: Relation<object>;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
