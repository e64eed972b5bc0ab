import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BillingInterval } from '../membership.enums.js';

/** A level of membership with its dues. Money is minor units plus an ISO 4217 currency. */
@Entity('membership_tiers')
@Check('membership_tiers_price_check', `price_amount >= 0`)
@Check('membership_tiers_currency_check', `price_currency ~ '^[A-Z]{3}$'`)
@Check('membership_tiers_interval_check', `billing_interval IN ('YEAR', 'MONTH', 'LIFETIME')`)
@Check('membership_tiers_grace_check', `grace_period_days BETWEEN 0 AND 365`)
@Check('membership_tiers_discount_check', `event_discount_percent BETWEEN 0 AND 100`)
export class MembershipTierEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('membership_tiers_name_uq', { unique: true })
  @Column({ type: 'text' })
  name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'int' }) priceAmount: number;
  @Column({ type: 'char', length: 3 }) priceCurrency: string;
  @Column({ type: 'text' }) billingInterval: BillingInterval;
  @Column({ type: 'boolean', default: false }) requiresApproval: boolean;
  @Column({ type: 'int', default: 0 }) gracePeriodDays: number;
  @Column({ type: 'int', default: 0 }) eventDiscountPercent: number;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ type: 'int', default: 0 }) sortOrder: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
