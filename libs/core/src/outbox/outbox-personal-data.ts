import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '../personal-data/personal-data.registry.js';

/** Erasure: the person's email in the outbox (address, and bodies that greet them by name) is blanked; the record that a message went stays. */
@Injectable()
export class OutboxPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.addEraser('outbox', async (manager, subject) => {
      await manager.query(
        `UPDATE outbox_messages SET to_address = 'erased@erased.invalid', subject = '(erased)', body_text = '(erased)', body_html = NULL, attachments = NULL, last_error = NULL
          WHERE recipient_user_id = $1 OR lower(to_address) = lower($2)`,
        [subject.userId, subject.email],
      );
    });
  }
}
