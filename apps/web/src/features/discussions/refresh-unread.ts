import type { Client } from 'urql';
import { CommunityUnreadCountDocument } from './discussions.generated.js';

/** Asks the API for the unread count again; the bell reads it from the cache and updates. */
export function refreshUnreadCount(client: Client): void {
  void client.query(CommunityUnreadCountDocument, {}, { requestPolicy: 'network-only' }).toPromise();
}
