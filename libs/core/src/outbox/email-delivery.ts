import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { type AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { OutboxStatus } from './outbox-message.entity.js';
import { DELIVER_EMAIL_TASK, OutboxService } from './outbox.service.js';

/** The job that delivers one outbox message: SMTP when SMTP_URL is set, otherwise kept for admins. */
@Injectable()
export class EmailDelivery implements OnModuleInit {
  private readonly transport?: Transporter;

  constructor(
    private readonly outbox: OutboxService,
    private readonly jobs: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.smtpUrl) this.transport = createTransport(config.smtpUrl);
  }

  onModuleInit(): void {
    this.jobs.register(DELIVER_EMAIL_TASK, (payload) => this.deliver((payload as { messageId: string }).messageId));
  }

  async deliver(messageId: string): Promise<void> {
    const message = await this.outbox.findPending(messageId);
    if (!message) return; // already delivered (a retried job) or gone
    if (!this.transport) {
      await this.outbox.markDelivered(message.id, OutboxStatus.KEPT);
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: message.toAddress,
        subject: message.subject,
        text: message.bodyText,
        ...(message.bodyHtml ? { html: message.bodyHtml } : {}),
        attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        headers: { 'X-Guildhall-Message-Id': message.id },
      });
      await this.outbox.markDelivered(message.id, OutboxStatus.SENT);
    } catch (error) {
      await this.outbox.markFailed(message.id, error instanceof Error ? error.message : String(error));
      throw error; // the job runner retries with backoff
    }
  }
}
