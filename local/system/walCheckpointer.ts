/**
 * Checkpoints SQLite's write-ahead logs on a worker thread. A checkpoint copies the WAL into
 * the database file and fsyncs it; run by the connection that commits (SQLite's default), that
 * fsync stalls the event loop for milliseconds at a time, and every request waiting behind it.
 * Here the serving connections never checkpoint (wal_autocheckpoint = 0) and a worker with its
 * own connections runs a PASSIVE checkpoint (which never blocks writers) every `intervalMs`.
 * Commits stay as durable as with synchronous = NORMAL: the WAL survives a process crash, and
 * the database file is fsynced by every checkpoint.
 */
import { Worker } from 'node:worker_threads';

/** The worker's code: plain CommonJS, so it needs no TypeScript loader. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const dbs = workerData.files.map((file) => {
  const db = new Database(file);
  db.pragma('busy_timeout = 1000');
  db.pragma('synchronous = FULL');
  return db;
});
const checkpoint = () => {
  for (const db of dbs) {
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next time */ }
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  for (const db of dbs) db.close();
  parentPort.postMessage('stopped');
});
parentPort.postMessage('ready');
`;

/** A running checkpointer. */
export interface WalCheckpointer {
  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void>;
}

/** Starts checkpointing `files` (SQLite databases in WAL mode) every `intervalMs` (default 200). */
export async function startWalCheckpointer(files: readonly string[], intervalMs = 200): Promise<WalCheckpointer> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files, intervalMs, driver: require.resolve('better-sqlite3') } });
  // The checkpointer must never keep the process alive on its own.
  worker.unref();
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => {
      worker.off('error', reject);
      resolve();
    });
  });
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const done = (): void => resolve();
        worker.once('message', () => void worker.terminate().then(done, done));
        worker.once('error', done);
        worker.once('exit', done);
        worker.postMessage('stop');
      });
      return stopped;
    },
  };
}
