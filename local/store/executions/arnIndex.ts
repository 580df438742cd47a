import type Database from 'better-sqlite3';
import { ArnFilter } from './arnFilter';
import { arnHash } from './arnHash';

/** How many executions wait, in memory, for their entries in `execution_arns`. */
export const ARN_BATCH = 2048;

/**
 * Finds executions by ARN. The file's index (`execution_arns`, keyed by `arnHash`) gets its
 * entries in batches: an ARN lands at a random place in it, so an entry per new execution made
 * every commit write a page of its own, while a sorted batch writes each page it touches once.
 * Until then an execution is found through `recent`, which is rebuilt on opening from the rows
 * after the newest indexed one (a batch indexes every execution up to its newest, at once).
 * The store is the file's only writer, so entries are never stale, and an ARN that `filter` has
 * never seen is absent without a query (every new execution checks its ARN).
 */
export class ArnIndex {
  /** Executions without an entry yet, by ARN. */
  private readonly recent = new Map<string, number>();
  private readonly find: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly hashes: Database.Statement;
  /** Every ARN's hash; read from the file when first needed. */
  private filter: ArnFilter | undefined;

  public constructor(db: Database.Database) {
    this.find = db.prepare('SELECT a.seq FROM execution_arns a JOIN executions e ON e.seq = a.seq WHERE a.arn_hash = ? AND e.arn = ?').pluck();
    this.insert = db.prepare('INSERT INTO execution_arns (arn_hash, seq) VALUES (?, ?)');
    this.hashes = db.prepare('SELECT arn_hash FROM execution_arns').pluck();
    const unindexed = db.prepare('SELECT seq, arn FROM executions WHERE seq > (SELECT coalesce(max(seq), 0) FROM execution_arns)').all() as Array<{ seq: number; arn: string }>;
    for (const { seq, arn } of unindexed) this.recent.set(arn, seq);
  }

  /** The creation order (`seq`) of the execution with this ARN, if there is one. */
  public seqOf(arn: string): number | undefined {
    const seq = this.recent.get(arn);
    if (seq !== undefined) return seq;
    const hash = arnHash(arn);
    if (!this.knownHashes().mayContain(hash)) return undefined;
    return this.find.get(hash, arn) as number | undefined;
  }

  /** A new execution, whose row is written by the next flush at the latest. */
  public add(arn: string, seq: number): void {
    this.recent.set(arn, seq);
    this.filter?.add(arnHash(arn));
  }

  private knownHashes(): ArnFilter {
    if (this.filter === undefined) {
      const filter = new ArnFilter();
      for (const hash of this.hashes.iterate() as IterableIterator<number>) filter.add(hash);
      for (const arn of this.recent.keys()) filter.add(arnHash(arn));
      this.filter = filter;
    }
    return this.filter;
  }

  /**
   * Writes the waiting entries once there are enough of them, in the flush's transaction
   * (after the rows they point at); `written` is to be called once it commits.
   */
  public writeDue(): boolean {
    if (this.recent.size < ARN_BATCH) return false;
    const entries = Array.from(this.recent, ([arn, seq]) => [arnHash(arn), seq]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const entry of entries) this.insert.run(entry);
    return true;
  }

  public written(): void {
    this.recent.clear();
  }
}
