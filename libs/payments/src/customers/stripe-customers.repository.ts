import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StripeCustomerEntity } from './stripe-customer.entity.js';

@Injectable()
export class StripeCustomersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async customerIdOf(userId: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(StripeCustomerEntity).findOneBy({ userId });
    return row?.stripeCustomerId ?? null;
  }

  async userIdOf(stripeCustomerId: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(StripeCustomerEntity).findOneBy({ stripeCustomerId });
    return row?.userId ?? null;
  }

  /** Keeps the first mapping when two requests race; returns the customer id that won. */
  async link(userId: string, stripeCustomerId: string): Promise<string> {
    await this.dataSource.query(
      `INSERT INTO stripe_customers (user_id, stripe_customer_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`,
      [userId, stripeCustomerId],
    );
    return (await this.customerIdOf(userId)) ?? stripeCustomerId;
  }
}
