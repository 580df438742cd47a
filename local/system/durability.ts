/**
 * Acknowledge only what is written: the engine's store commits in groups (several executions'
 * steps per transaction, once per event-loop turn), so StartExecution returns before its
 * execution is on disk. An API answers "accepted" only after awaiting {@link GroupFlush.durable},
 * which writes every pending step, of every request that arrived in the same turn, in one
 * transaction: a kill -9 after the answer never loses the order.
 */

/** Waits for the pending writes to be written. */
export interface GroupFlush {
  /** Resolves once everything pending now has been written (at the next event-loop turn). */
  durable(): Promise<void>;
}

/** A group flush over `flush` (the store's: writes everything pending in one transaction). */
export function groupFlush(flush: () => void): GroupFlush {
  let next: Promise<void> | undefined;
  return {
    durable() {
      next ??= new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          next = undefined;
          try {
            flush();
            resolve();
          } catch (error) {
            reject(error);
          }
        });
      });
      return next;
    },
  };
}
