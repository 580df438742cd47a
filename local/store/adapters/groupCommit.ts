/**
 * Group commit on one connection whose writes are acknowledged in batches (the Lambda worker
 * answers a turn's invocations together): the batch's first write opens one IMMEDIATE
 * transaction, the adapters' own transactions run inside it as savepoints, and the batch is
 * committed once, before its answers leave. A commit writes WAL frames and updates the WAL
 * index, so one per batch instead of one per change saves most of the adapters' SQLite time,
 * and an answered write is still on disk (WAL, synchronous NORMAL) when its caller hears of it.
 */
import type Database from 'better-sqlite3';
import { isBusy, type SqliteDatabase } from './sqliteDatabase';

/** Raised when a batch's writes could not be committed: none of its answers may claim them. */
export class GroupCommitError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'GroupCommitError';
  }
}

/** One open-or-closed batch transaction on a connection. */
export class GroupCommit {
  private readonly begin: Database.Statement;
  private readonly commitBatch: Database.Statement;
  private readonly rollback: Database.Statement;
  /** True while a batch transaction this object opened has not been committed. */
  private open = false;
  /** Set when SQLite rolled the open batch back by itself (I/O error, full disk): reported at commit. */
  private lost: unknown;

  /** @param db the connection every adapter of the batch writes through */
  public constructor(private readonly db: SqliteDatabase) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commitBatch = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
  }

  /**
   * Makes the next writes part of the open batch, opening one if needed. When the write lock
   * cannot be had, writes run on their own (the adapters' transactions then report the busy
   * database as their service's retryable error).
   */
  public join(): void {
    if (this.open) {
      if (this.db.inTransaction) return;
      // SQLite rolled the batch back under us: its earlier writes are gone.
      this.lost ??= new Error('the batch transaction was rolled back');
      this.open = false;
    }
    if (this.db.inTransaction) return;
    try {
      this.begin.run();
    } catch (error) {
      if (isBusy(error)) return;
      throw error;
    }
    this.open = true;
  }

  /** Commits the open batch. @throws GroupCommitError when any of the batch's writes is lost */
  public commit(): void {
    let lost = this.lost;
    this.lost = undefined;
    if (this.open) {
      this.open = false;
      if (this.db.inTransaction) this.commitOpenBatch();
      else lost ??= new Error('the batch transaction was rolled back');
    }
    if (lost !== undefined) throw new GroupCommitError('the local database lost a batch of writes', { cause: lost });
  }

  private commitOpenBatch(): void {
    try {
      this.commitBatch.run();
    } catch (error) {
      try {
        if (this.db.inTransaction) this.rollback.run();
      } catch {
        // The commit's error is the one to report.
      }
      throw new GroupCommitError('the local database could not commit a batch of writes', { cause: error });
    }
  }
}
