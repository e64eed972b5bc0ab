import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Secrets generated on first start when none is configured (e.g. the JWT signing key), shared by every process. */
@Entity('app_secrets')
export class AppSecretEntity {
  @PrimaryColumn({ type: 'text' }) name: string;
  @Column({ type: 'text' }) value: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
