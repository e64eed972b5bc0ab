/** Start-up failed for a reason the person running Guildhall can fix; the message says how. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}
