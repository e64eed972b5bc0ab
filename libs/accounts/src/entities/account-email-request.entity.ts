import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Account emails asked for (reset, verification, email change), counted per address and per client to throttle them. */
@Entity('account_email_requests')
@Index('account_email_requests_email_idx', ['email', 'createdAt'])
@Index('account_email_requests_address_idx', ['clientAddress', 'createdAt'])
export class AccountEmailRequestEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) clientAddress: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
