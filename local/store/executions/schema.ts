import type Database from 'better-sqlite3';
import { CorruptRecordError, decodeCheckpoint, decodeEvents, decodeMemo } from './codecs';
import { arnHash } from './arnHash';
import { encodeStep } from './stepCodec';

/** The layout this store writes (`PRAGMA user_version`); older files are migrated on open. */
export const SCHEMA_VERSION = 4;

// Rows are keyed by creation order (`seq`), so the executions in flight, and the steps they
// write, share a few pages at the end of each table: a commit writes whole pages, and keying by
// ARN (random) made every execution's step touch pages of its own.
const MACHINES = `
CREATE TABLE IF NOT EXISTS state_machines (
  arn TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL, role_arn TEXT NOT NULL,
  type TEXT NOT NULL, creation_date TEXT NOT NULL
);
`;

/**
 * Executions are found by ARN through `execution_arns`, keyed by `arnHash(arn)`, which gets its
 * entries in batches (see ArnIndex); the store, the file's only writer, keeps ARNs unique. No
 * index on status: listings scan in seq order anyway, and an index entry that moves when an
 * execution ends would cost each commit a page. `first_step` holds the steps written with the
 * row (the first of the execution's steps, as stepCodec writes them), which saves a step row per
 * execution. `checkpoint` holds only checkpoints written by version 1.
 */
const EXECUTIONS = `
CREATE TABLE IF NOT EXISTS executions (
  seq INTEGER PRIMARY KEY, arn TEXT NOT NULL, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
  start_date TEXT NOT NULL, stop_date TEXT, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT,
  redrive_count INTEGER NOT NULL DEFAULT 0, redrive_date TEXT, checkpoint TEXT, first_step TEXT
);
CREATE TABLE IF NOT EXISTS execution_arns (
  arn_hash INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (arn_hash, seq)
) WITHOUT ROWID;
`;
const EXECUTION_COLUMNS = 'seq, arn, state_machine_arn, name, status, start_date, stop_date, input, output, error, cause, redrive_count, redrive_date, checkpoint';

/**
 * One row per written step (or per group of steps of one execution written together): its
 * history events, recorded task outcomes and the top-level checkpoint it reached, if it moved
 * (appended here rather than rewriting the execution's row), as one text (see stepCodec).
 * `checkpointed` marks the rows with a checkpoint.
 */
const STEPS = `
CREATE TABLE IF NOT EXISTS execution_steps (
  id INTEGER PRIMARY KEY, execution_seq INTEGER NOT NULL, step TEXT NOT NULL, checkpointed INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS execution_steps_by_execution ON execution_steps(execution_seq);
`;

const SCHEMA = MACHINES + EXECUTIONS + STEPS;

/** Version 3 indexed executions by ARN and kept a step's events, memo and checkpoint as three JSON texts. */
const SCHEMA_V3 = `${MACHINES}
CREATE TABLE IF NOT EXISTS executions (
  seq INTEGER PRIMARY KEY, arn TEXT NOT NULL UNIQUE, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
  start_date TEXT NOT NULL, stop_date TEXT, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT,
  redrive_count INTEGER NOT NULL DEFAULT 0, redrive_date TEXT, checkpoint TEXT
);
CREATE TABLE IF NOT EXISTS execution_steps (
  id INTEGER PRIMARY KEY, execution_seq INTEGER NOT NULL, events TEXT NOT NULL, memo TEXT NOT NULL, checkpoint TEXT
);
CREATE INDEX IF NOT EXISTS execution_steps_by_execution ON execution_steps(execution_seq, id);
`;

/** Version 2 kept checkpoints in executions only. */
const MIGRATE_FROM_V2 = 'ALTER TABLE execution_steps ADD COLUMN checkpoint TEXT; DROP INDEX IF EXISTS executions_by_status;';

/** Version 1 keyed executions by ARN (WITHOUT ROWID) and steps by execution ARN. */
const MIGRATE_FROM_V1 = `
ALTER TABLE executions RENAME TO executions_v1;
ALTER TABLE execution_steps RENAME TO execution_steps_v1;
DROP INDEX IF EXISTS executions_by_status;
DROP INDEX IF EXISTS execution_steps_by_execution;
${SCHEMA_V3}
INSERT INTO executions (${EXECUTION_COLUMNS}) SELECT ${EXECUTION_COLUMNS} FROM executions_v1 ORDER BY seq;
INSERT INTO execution_steps (execution_seq, events, memo)
  SELECT e.seq, s.events, s.memo FROM execution_steps_v1 s JOIN executions_v1 e ON e.arn = s.execution_arn ORDER BY s.id;
DROP TABLE execution_steps_v1;
DROP TABLE executions_v1;
`;

/** Rebuilds version 3's executions table without its ARN index, and indexes every ARN by hash. */
function migrateExecutionsFromV3(db: Database.Database): void {
  db.function('arn_hash', { deterministic: true }, (arn) => arnHash(String(arn)));
  db.exec(`
    ALTER TABLE executions RENAME TO executions_v3;
    ${EXECUTIONS}
    INSERT INTO executions (${EXECUTION_COLUMNS}) SELECT ${EXECUTION_COLUMNS} FROM executions_v3 ORDER BY seq;
    INSERT INTO execution_arns (arn_hash, seq) SELECT arn_hash(arn), seq FROM executions;
    DROP TABLE executions_v3;
  `);
}

interface StepRowV3 {
  id: number;
  execution_seq: number;
  events: string;
  memo: string;
  checkpoint: string | null;
}

/** Rewrites version 3's steps in version 4's one-text form, keeping their ids (their order). */
function migrateStepsFromV3(db: Database.Database): void {
  db.exec(`ALTER TABLE execution_steps RENAME TO execution_steps_v3; DROP INDEX IF EXISTS execution_steps_by_execution; ${STEPS}`);
  const read = db.prepare('SELECT id, execution_seq, events, memo, checkpoint FROM execution_steps_v3 WHERE id > ? ORDER BY id LIMIT 500');
  const write = db.prepare('INSERT INTO execution_steps (id, execution_seq, step, checkpointed) VALUES (?, ?, ?, ?)');
  for (let rows = read.all(0) as StepRowV3[]; rows.length > 0; rows = read.all(rows[rows.length - 1].id) as StepRowV3[]) {
    for (const row of rows) write.run(row.id, row.execution_seq, stepTextFromV3(row), row.checkpoint === null ? 0 : 1);
  }
  db.exec('DROP TABLE execution_steps_v3');
}

/** A version 3 step as version 4 text; a corrupt one is kept as it was, and still reads as corrupt. */
function stepTextFromV3(row: StepRowV3): string {
  try {
    return encodeStep(decodeEvents(row.events), decodeMemo(row.memo), row.checkpoint === null ? undefined : decodeCheckpoint(row.checkpoint));
  } catch (e) {
    if (!(e instanceof CorruptRecordError)) throw e;
    return JSON.stringify({ corruptVersion3: { events: row.events, memo: row.memo, checkpoint: row.checkpoint } });
  }
}

/** Creates the tables, or brings an older file's to this version. */
export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return;
  if (version > SCHEMA_VERSION) throw new Error(`the executions database has schema version ${version}, newer than this store's ${SCHEMA_VERSION}`);
  const legacy = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'executions'").get() as { sql: string } | undefined;
  db.transaction(() => {
    if (legacy === undefined) {
      db.exec(SCHEMA);
    } else {
      if (version === 2) db.exec(MIGRATE_FROM_V2);
      else if (version < 2 && /WITHOUT ROWID/i.test(legacy.sql)) db.exec(MIGRATE_FROM_V1);
      migrateExecutionsFromV3(db);
      migrateStepsFromV3(db);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
