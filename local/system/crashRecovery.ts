/**
 * What a restart does before resuming executions, for work the previous process left half
 * done. Only one local mode runs on a data directory, so at start every notification claimed
 * but not finished belongs to a process that died: its claim is expired at once (as if its
 * timeout had passed), so that the resumed NotifyCustomer delivers it rather than waiting
 * out the claim timeout, which is longer than the workflow's retries.
 */
import type { SqliteDatabase } from '../store/adapters/sqliteDatabase';

/** Expires the notification claims of a process that is gone; how many there were. */
export function expireOrphanedNotificationClaims(db: SqliteDatabase): number {
  return db.prepare("UPDATE notification_deliveries SET updated_at = '1970-01-01T00:00:00.000Z' WHERE status = 'PENDING'").run().changes;
}
