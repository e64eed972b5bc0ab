import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** Inbound email message ids already turned into posts (reply by email is idempotent on them). */
@Injectable()
export class InboundMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The post an earlier delivery of this message wrote, if any (null post: it was since deleted). */
  async find(messageId: string): Promise<{ postId: string | null } | undefined> {
    const [row] = (await this.dataSource.query(`SELECT post_id FROM discussion_inbound_messages WHERE message_id = $1`, [messageId])) as Array<{ post_id: string | null }>;
    return row ? { postId: row.post_id } : undefined;
  }

  /** Inside the post's transaction: a concurrent second delivery fails here on the primary key. */
  async record(manager: EntityManager, messageId: string, postId: string): Promise<void> {
    await manager.query(`INSERT INTO discussion_inbound_messages (message_id, post_id) VALUES ($1, $2)`, [messageId, postId]);
  }
}
