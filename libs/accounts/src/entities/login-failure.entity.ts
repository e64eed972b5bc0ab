import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed log-ins, counted per email and per client address to throttle guessing (shared by every process). */
@Entity('login_failures')
@Index('login_failures_email_idx', ['email', 'createdAt'])
@Index('login_failures_address_idx', ['clientAddress', 'createdAt'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) clientAddress: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
